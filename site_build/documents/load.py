"""Read every document version under the content folder and check them together.

All problems of one run are collected and raised once, each naming ``file:LINE`` of the key at
fault: a misspelt key, a BE year typed into an ISO date, a folder that disagrees with ``kind``/
``slug``/``fiscal_year``, a missing original, a ``supersedes`` pointing at nothing, two versions in
force at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from site_build.documents.model import (
    DIR_KINDS,
    KIND_DIRS,
    VERSION_DIR,
    Document,
    DocumentMeta,
    OriginalFile,
    series_id,
    version_sort_key,
)
from site_build.documents.originals import sha256_of
from site_build.errors import Problem, ProblemsFound, Severity, relpath
from site_build.frontmatter import parse_front_matter
from site_build.textfile import read_text
from site_build.thaidate import be_typo_hint, looks_buddhist_era
from site_build.validate import validate_model
from site_build.yamlsrc import Loaded


@dataclass
class DocumentSet:
    """All document versions of the build, with the links between them resolved."""

    docs: list[Document] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.docs.sort(key=lambda d: (d.kind, d.slug, version_sort_key(d.version)))
        self.by_id = {d.id: d for d in self.docs}
        self.by_src = {d.src_uri: d for d in self.docs}
        self.superseders: dict[str, Document] = {}
        for doc in self.docs:
            if doc.meta.supersedes:
                self.superseders[doc.meta.supersedes] = doc

    def series(self) -> dict[str, list[Document]]:
        out: dict[str, list[Document]] = {}
        for doc in self.docs:
            out.setdefault(doc.series, []).append(doc)
        return out

    def versions(self, doc: Document) -> list[Document]:
        return [d for d in self.docs if d.series == doc.series]

    def superseded_by(self, doc: Document) -> Document | None:
        """Explicit ``superseded_by``, else the version whose ``supersedes`` names this one."""
        if doc.meta.superseded_by:
            return self.by_id.get(doc.meta.superseded_by)
        return self.superseders.get(doc.id)

    def current(self, doc: Document) -> Document | None:
        """The version an auditor should read instead: follow ``superseded_by``; else the series' in-force one."""
        seen = {doc.id}
        probe = doc
        while probe.meta.status == "superseded":
            nxt = self.superseded_by(probe)
            if nxt is None or nxt.id in seen:
                break
            seen.add(nxt.id)
            probe = nxt
        if probe.meta.status == "in_force":
            return probe
        return self.in_force(doc.series)

    def in_force(self, series: str) -> Document | None:
        found = [d for d in self.docs if d.series == series and d.meta.status == "in_force"]
        return found[-1] if found else None


def is_document_source(src_uri: str) -> bool:
    return src_uri.split("/", 1)[0] in DIR_KINDS and src_uri.endswith(".md")


def load_documents(content_dir: Path, root: Path, *, src_uris: Iterable[str] | None = None) -> DocumentSet:
    """Load every ``<kind dir>/<slug>/<version>/index.md`` (or the given ones); raise all problems at once."""
    if src_uris is None:
        src_uris = sorted(p.relative_to(content_dir).as_posix() for d in KIND_DIRS.values()
                          for p in (content_dir / d).rglob("*.md") if (content_dir / d).is_dir())
    docs: list[Document] = []
    problems: list[Problem] = []
    for src_uri in src_uris:
        if not is_document_source(src_uri):
            continue
        try:
            doc, found = load_document(content_dir, src_uri, root)
        except ProblemsFound as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(found)
        if doc is not None:
            docs.append(doc)
    result = DocumentSet(docs)
    problems.extend(check_links(result))
    if any(p.is_error for p in problems):
        raise ProblemsFound(problems)
    result.warnings = problems
    return result


def load_document(content_dir: Path, src_uri: str, root: Path) -> tuple[Document | None, list[Problem]]:
    path = content_dir / src_uri
    shown = relpath(path, root)
    parts = src_uri.split("/")
    if len(parts) != 4 or parts[3] != "index.md" or not VERSION_DIR.match(parts[2]):
        return None, [Problem(
            file=shown, line=1,
            message_th="ไฟล์เอกสารต้องอยู่ที่ <policies|declarations|orders>/<ชื่อภาษาอังกฤษ>/<ปี พ.ศ.>/index.md",
            message_en=f"document files live at <kind dir>/<slug>/<fiscal year>/index.md, not {src_uri}",
            fix_th="ย้ายไฟล์ไปไว้ในโฟลเดอร์ตามรูปแบบ เช่น content/policies/no-gift/2566/index.md",
            code="document-path")]
    text = read_text(path, display_name=shown)
    loaded, split = parse_front_matter(text, shown)
    meta, problems = validate_model(DocumentMeta, loaded)
    problems = [*loaded.problems, *problems, *_be_year_problems(loaded, shown)]
    if meta is None:
        return None, problems
    problems += _path_problems(meta, parts, loaded, shown)
    original_path = path.parent / meta.original.file
    if not original_path.is_file():
        line = (loaded.where(("original", "file")) or (None, None))[0]
        problems.append(Problem(
            file=shown, line=line, message_th=f"ไม่พบไฟล์ต้นฉบับ '{meta.original.file}' ในโฟลเดอร์เดียวกับเอกสาร",
            message_en=f"original file '{meta.original.file}' not found next to {src_uri}",
            fix_th=f"วางไฟล์ต้นฉบับ (PDF หรือภาพสแกน) ไว้ที่ {relpath(original_path, root)}", code="original-missing"))
        return None, problems
    if problems and any(p.is_error for p in problems):
        return None, problems
    original = OriginalFile(path=original_path, uri=f"{'/'.join(parts[:3])}/{meta.original.file}",
                            size=original_path.stat().st_size, sha256=sha256_of(original_path))
    doc = Document(meta=meta, src_uri=src_uri, display=shown, version=parts[2], body=split.body,
                   body_line=split.body_line, original=original, loaded=loaded)
    return doc, problems + _date_order(doc)


def _located(loaded: Loaded, shown: str, path: tuple[str | int, ...], th: str, en: str, fix: str, code: str,
             severity: Severity = Severity.ERROR) -> Problem:
    line, col = loaded.where(path) or (None, None)
    return Problem(file=shown, line=line, column=col, message_th=th, message_en=en, fix_th=fix,
                   path=".".join(str(p) for p in path), severity=severity, code=code)


def _be_year_problems(loaded: Loaded, shown: str) -> list[Problem]:
    """A date like 2566-03-20 was typed in พ.ศ.; say so with the corrected value."""
    data = loaded.data if isinstance(loaded.data, dict) else {}
    found: list[tuple[tuple[str | int, ...], object]] = [((k,), data.get(k)) for k in
                                                         ("signed_on", "effective_on", "withdrawn_on")]
    notes = data.get("change_notes")
    if isinstance(notes, list):
        found += [(("change_notes", i, "date"), n.get("date")) for i, n in enumerate(notes) if isinstance(n, dict)]
    out = []
    for path, value in found:
        if isinstance(value, dt.date) and looks_buddhist_era(value.year):
            out.append(_located(loaded, shown, path, "ปีในวันที่เป็นปี พ.ศ. แต่ช่องนี้ใช้ปี ค.ศ.",
                                f"Buddhist-Era year in a Gregorian date ({value.isoformat()})",
                                be_typo_hint(value), "be-year"))
    return out


def _path_problems(meta: DocumentMeta, parts: list[str], loaded: Loaded, shown: str) -> list[Problem]:
    out = []
    kind_dir, slug, version = parts[0], parts[1], parts[2]
    if DIR_KINDS[kind_dir] != meta.kind:
        out.append(_located(loaded, shown, ("kind",), f"kind: {meta.kind} ไม่ตรงกับโฟลเดอร์ {kind_dir}/",
                            f"kind '{meta.kind}' does not match folder '{kind_dir}/'",
                            f"ใช้ kind: {DIR_KINDS[kind_dir]} หรือย้ายไฟล์ไปไว้ใน {KIND_DIRS[meta.kind]}/",
                            "kind-folder"))
    if slug != meta.slug:
        out.append(_located(loaded, shown, ("slug",), f"slug: {meta.slug} ไม่ตรงกับชื่อโฟลเดอร์ '{slug}'",
                            f"slug '{meta.slug}' does not match folder '{slug}'",
                            f"ใช้ slug: {slug} (ชื่อโฟลเดอร์เป็นส่วนหนึ่งของ URL ที่ห้ามเปลี่ยน)", "slug-folder"))
    match = VERSION_DIR.match(version)
    if match and int(match["year"]) != meta.fiscal_year:
        out.append(_located(loaded, shown, ("fiscal_year",),
                            f"fiscal_year: {meta.fiscal_year} ไม่ตรงกับโฟลเดอร์ปี '{version}'",
                            f"fiscal_year {meta.fiscal_year} does not match version folder '{version}'",
                            f"ใช้ fiscal_year: {match['year']} หรือย้ายไฟล์ไปไว้ในโฟลเดอร์ {meta.fiscal_year}",
                            "year-folder"))
    return out


def _date_order(doc: Document) -> list[Problem]:
    meta = doc.meta
    if meta.signed_on and meta.effective_on and meta.effective_on < meta.signed_on:
        return [_located(doc.loaded, doc.display, ("effective_on",),
                         "วันที่มีผลใช้บังคับอยู่ก่อนวันที่ลงนาม", "effective_on is before signed_on",
                         "ตรวจวันที่ทั้งสองช่องกับต้นฉบับที่ลงนาม", "date-order", Severity.WARNING)]
    return []


def check_links(docs: DocumentSet) -> list[Problem]:
    """``supersedes``/``superseded_by``/``status`` agree with each other; one version in force per series."""
    out: list[Problem] = []

    def add(doc: Document, key: str, th: str, en: str, fix: str, code: str) -> None:
        out.append(_located(doc.loaded, doc.display, (key,), th, en, fix, code))

    for doc in docs.docs:
        meta = doc.meta
        for key in ("supersedes", "superseded_by"):
            ref = getattr(meta, key)
            if ref and ref not in docs.by_id:
                known = [d.id for d in docs.docs if d.series == series_id(ref)] or [d.id for d in docs.docs]
                add(doc, key, f"ไม่พบเอกสารฉบับ '{ref}'", f"{key}: no document version '{ref}'",
                    "ใช้รูปแบบ ชนิด/ชื่อ/ปี จากรายการที่มี: " + ", ".join(known[:8]), "unknown-version")
            if ref == doc.id:
                add(doc, key, "เอกสารอ้างถึงตัวเอง", f"{key} refers to the document itself", "แก้ให้อ้างฉบับอื่น",
                    "self-reference")
        old = docs.by_id.get(meta.supersedes or "")
        if old is not None and old.meta.status != "superseded":
            add(doc, "supersedes", f"ฉบับนี้แทนที่ {old.id} แต่ฉบับนั้นยังมีสถานะ {old.meta.status}",
                f"supersedes {old.id}, whose status is still '{old.meta.status}'",
                f"แก้ status ของ {old.display} เป็น superseded", "supersede-status")
        if old is not None and old.meta.superseded_by not in (None, doc.id):
            add(doc, "supersedes", f"{old.id} ระบุว่าถูกแทนที่โดย {old.meta.superseded_by} ไม่ใช่ฉบับนี้",
                f"{old.id} says superseded_by {old.meta.superseded_by}, not {doc.id}",
                "ให้ supersedes และ superseded_by ของสองฉบับตรงกัน", "supersede-mismatch")
        if meta.status == "superseded" and docs.superseded_by(doc) is None:
            add(doc, "status", "สถานะ superseded แต่ไม่มีฉบับใดแทนที่ฉบับนี้",
                "status is 'superseded' but no version supersedes it",
                "ใส่ supersedes: " + doc.id + " ในฉบับใหม่ หรือใส่ superseded_by ในฉบับนี้", "superseded-by-nothing")
        if meta.status != "superseded" and meta.superseded_by:
            add(doc, "superseded_by", f"มี superseded_by แต่สถานะเป็น {meta.status}",
                f"superseded_by is set but status is '{meta.status}'", "เปลี่ยน status เป็น superseded",
                "supersede-status")
        if meta.withdrawn_on and meta.status != "withdrawn":
            add(doc, "withdrawn_on", "มีวันที่ยกเลิกแต่สถานะไม่ใช่ withdrawn", "withdrawn_on without status withdrawn",
                "เปลี่ยน status เป็น withdrawn หรือลบ withdrawn_on", "withdrawn-status")
        if meta.plan_items and doc.dated is None:
            add(doc, "plan_items", "เอกสารที่ไม่ทราบวันที่ลงนามหรือวันที่มีผล นับเป็นหลักฐานของกิจกรรมในแผนไม่ได้",
                "plan_items needs signed_on or effective_on", "ใส่ signed_on ตามต้นฉบับ หรือลบ plan_items",
                "evidence-without-date")
    for series, versions in docs.series().items():
        in_force = [d for d in versions if d.meta.status == "in_force"]
        for extra in in_force[:-1]:
            add(extra, "status", f"มีเอกสาร {series} ที่ใช้บังคับพร้อมกันมากกว่าหนึ่งฉบับ "
                                 f"({', '.join(d.version for d in in_force)})",
                f"more than one version of {series} is in force", "ให้ฉบับใหม่ระบุ supersedes: " + extra.id
                + " และเปลี่ยน status ของฉบับนี้เป็น superseded", "two-in-force")
    return out
