"""The evidence index of one fiscal year: each ITA/OIT item and each model-organization section, and
the pages or files on this site that answer it.

The items live in ``data/evidence/<year>.yml`` (their numbering changes every year, so never in
code). A document adds itself to an item by listing the code under ``evidence:`` in its front matter.
Status is computed, never typed: *missing* when nothing answers the item, *sample* when only sample
pages do, *partial* when the data file says the answer is incomplete, else *present*. An entry that
points at a file the build does not have is an error (``file:LINE``), so a strict build fails.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import posixpath
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from site_build.documents.load import DocumentSet
from site_build.documents.model import EvidenceCode, Slug, Text
from site_build.documents.render import evidence_anchor
from site_build.errors import Problem, ProblemsFound, Severity, relpath
from site_build.markdown_text import front_matter, md_cell, md_escape, md_table, rel_uri
from site_build.pages import GeneratedFile
from site_build.textfile import read_text
from site_build.thaidate import Digits, be_typo_hint, digits, format_date, looks_buddhist_era
from site_build.validate import validate_model
from site_build.yamlsrc import Loaded, YamlError, load_yaml

EVIDENCE_DIR = "data/evidence"
Status = Literal["present", "partial", "sample", "missing"]
STATUS_TH: dict[str, str] = {"present": "มีแล้ว", "partial": "มีบางส่วน", "sample": "มีเฉพาะตัวอย่าง",
                             "missing": "ยังไม่มี"}
TargetPath = Annotated[str, StringConstraints(pattern=r"^[^/\\#][^\\#]*(#[A-Za-z0-9_-]+)?$")]
# Which date a date is. The evidence date is when the evidence happened or was made (never a commit);
# a page's last change (git) is shown apart from it and always labelled as such.
DateKind = Literal["event", "signed", "effective", "given"]
DATE_KIND_TH: dict[str, str] = {"event": "วันที่จัดกิจกรรม", "signed": "วันที่ลงนาม",
                                "effective": "วันที่มีผลใช้บังคับ", "given": "วันที่ระบุในดัชนีหลักฐาน"}
LAST_CHANGED_TH = "หน้าเว็บปรับปรุงล่าสุด"
GENERATED = "generated"  # in ``paths``: a page the build makes, with no single source file
GENERATED_TH = "สร้างอัตโนมัติ"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TargetRef(Strict):
    path: TargetPath
    label: Text | None = None


class EvidenceItem(Strict):
    code: EvidenceCode
    title: Text
    group: Text | None = None
    targets: list[TargetPath | TargetRef] = Field(default_factory=list)
    date: dt.date | None = None
    partial: bool = False
    note: Text | None = None


class Scheme(Strict):
    id: Slug
    title: Text
    source: Text | None = None
    note: Text | None = None
    items: list[EvidenceItem]


class EvidenceIndexFile(Strict):
    schema_version: Literal[1]
    fiscal_year: int = Field(ge=2500, le=2700)
    title: Text
    note: Text | None = None
    schemes: list[Scheme]


@dataclass
class LoadedIndex:
    index: EvidenceIndexFile
    loaded: Loaded
    display: str

    @property
    def year(self) -> int:
        return self.index.fiscal_year

    @property
    def base(self) -> str:
        return f"evidence/{self.year}/"

    def codes(self) -> set[str]:
        return {item.code for scheme in self.index.schemes for item in scheme.items}

    def line(self, *path: str | int) -> int | None:
        found = self.loaded.where(tuple(path))
        return found[0] if found else None


def load_indexes(root: Path) -> list[LoadedIndex]:
    """Every ``data/evidence/<year>.yml``; all problems raised together."""
    folder = root / EVIDENCE_DIR
    out: list[LoadedIndex] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yml")) if folder.is_dir() else []:
        try:
            out.append(load_index(path, relpath(path, root)))
        except ProblemsFound as exc:
            problems.extend(exc.problems)
    if any(p.is_error for p in problems):
        raise ProblemsFound(problems)
    return out


def load_index(path: Path, display: str) -> LoadedIndex:
    try:
        loaded = load_yaml(read_text(path, display_name=display), display)
    except YamlError as exc:
        raise ProblemsFound(exc.problems) from None
    model, problems = validate_model(EvidenceIndexFile, loaded)
    problems = [*loaded.problems, *problems]
    if model is not None:
        index = LoadedIndex(model, loaded, display)
        problems += _index_problems(index, path.stem)
    if model is None or any(p.is_error for p in problems):
        raise ProblemsFound(problems)
    return index


def _index_problems(index: LoadedIndex, stem: str) -> list[Problem]:
    out: list[Problem] = []
    if stem != str(index.year):
        out.append(Problem(file=index.display, line=index.line("fiscal_year"),
                           message_th=f"fiscal_year: {index.year} ไม่ตรงกับชื่อไฟล์ {stem}.yml",
                           message_en=f"fiscal_year {index.year} does not match the file name {stem}.yml",
                           fix_th=f"ตั้งชื่อไฟล์เป็น {index.year}.yml", code="evidence-year"))
    seen: dict[str, int | None] = {}
    for s, scheme in enumerate(index.index.schemes):
        for i, item in enumerate(scheme.items):
            line = index.line("schemes", s, "items", i, "code")
            if item.code in seen:
                out.append(Problem(file=index.display, line=line, message_th=f"รหัส '{item.code}' ซ้ำ "
                                   f"(ครั้งแรกบรรทัด {seen[item.code]})", message_en=f"duplicate code '{item.code}'",
                                   fix_th="ให้แต่ละรายการมีรหัสไม่ซ้ำกัน", code="duplicate-id"))
            seen.setdefault(item.code, line)
            if item.date and looks_buddhist_era(item.date.year):
                out.append(Problem(file=index.display, line=index.line("schemes", s, "items", i, "date"),
                                   message_th="ปีในวันที่เป็นปี พ.ศ. แต่ช่องนี้ใช้ปี ค.ศ.",
                                   message_en="Buddhist-Era year in a Gregorian date", fix_th=be_typo_hint(item.date),
                                   code="be-year"))
    return out


@dataclass(frozen=True)
class TargetInfo:
    """What the build knows about one of its files."""

    url: str  # site-relative URL
    title: str | None = None
    sample: bool = False
    date: dt.date | None = None  # the evidence date: an activity's day, a document's signing/effect date
    date_kind: DateKind | None = None
    last_changed: dt.date | None = None  # the page's last content change (git), labelled as such
    sources: tuple[str, ...] = ()  # repository files the page is made from; () = generated from many
    status_note: str | None = None  # e.g. a document whose dates are unknown says so


Lookup = Callable[[str], "TargetInfo | None"]


@dataclass(frozen=True)
class ResolvedTarget:
    path: str  # docs-relative page path as the data file names it (may carry "#anchor")
    label: str
    url: str
    sample: bool
    date: dt.date | None
    date_kind: DateKind | None = None
    last_changed: dt.date | None = None
    sources: tuple[str, ...] = ()
    status_note: str | None = None

    @property
    def source_paths(self) -> tuple[str, ...]:
        """Files that exist in the repository, or ``("generated",)`` for a page the build makes."""
        return self.sources or (GENERATED,)


@dataclass
class ResolvedItem:
    scheme: Scheme
    item: EvidenceItem
    targets: list[ResolvedTarget] = field(default_factory=list)

    @property
    def status(self) -> Status:
        if not self.targets:
            return "missing"
        if all(t.sample for t in self.targets):
            return "sample"
        return "partial" if self.item.partial else "present"

    @property
    def date(self) -> dt.date | None:
        return self.dated[0]

    @property
    def dated(self) -> tuple[dt.date | None, DateKind | None]:
        """The evidence date and which date it is: the data file's ``date``, else the latest target's."""
        if self.item.date:
            return self.item.date, "given"
        dated = [(t.date, t.date_kind) for t in self.targets if t.date]
        return max(dated, key=lambda pair: pair[0]) if dated else (None, None)

    @property
    def last_changed(self) -> dt.date | None:
        dates = [t.last_changed for t in self.targets if t.last_changed]
        return max(dates) if dates else None


@dataclass
class ResolvedIndex:
    source: LoadedIndex
    items: list[ResolvedItem]

    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in STATUS_TH}
        for item in self.items:
            out[item.status] += 1
        return out


def resolve_index(index: LoadedIndex, lookup: Lookup, docs: DocumentSet) -> tuple[ResolvedIndex, list[Problem]]:
    """Match every entry to the build's files; a target that is not there is an error at its line."""
    problems: list[Problem] = []
    by_code: dict[str, list[tuple[str, str]]] = {}
    for doc in docs.docs:
        if doc.meta.fiscal_year == index.year:
            for code in doc.meta.evidence:
                by_code.setdefault(code, []).append((doc.src_uri, doc.meta.title))
    items: list[ResolvedItem] = []
    for s, scheme in enumerate(index.index.schemes):
        for i, item in enumerate(scheme.items):
            resolved = ResolvedItem(scheme, item)
            pairs: list[tuple[str, str | None, int | None]] = []
            for t, target in enumerate(item.targets):
                path, label = (target, None) if isinstance(target, str) else (target.path, target.label)
                pairs.append((path, label, index.line("schemes", s, "items", i, "targets", t)))
            pairs += [(uri, title, None) for uri, title in by_code.get(item.code, [])]
            seen: set[str] = set()
            for path, label, line in pairs:
                if path in seen:
                    continue
                seen.add(path)
                page, _, anchor = path.partition("#")
                info = lookup(page)
                if info is None:
                    problems.append(_missing_target(index, line, item.code, page, lookup))
                    continue
                url = info.url + (f"#{anchor}" if anchor else "")
                resolved.targets.append(ResolvedTarget(path=path, label=label or info.title or page, url=url,
                                                       sample=info.sample, date=info.date, date_kind=info.date_kind,
                                                       last_changed=info.last_changed, sources=info.sources,
                                                       status_note=info.status_note))
            items.append(resolved)
    return ResolvedIndex(index, items), problems


def _missing_target(index: LoadedIndex, line: int | None, code: str, page: str, lookup: Lookup) -> Problem:
    guesses = [g for g in (posixpath.join(page.rstrip("/"), "index.md"), page.rstrip("/") + ".md",
                           posixpath.splitext(page)[0] + ".md") if g != page and lookup(g) is not None]
    fix = (f"หมายถึง '{guesses[0]}' หรือไม่? " if guesses else "") + \
        "ใส่ที่อยู่ไฟล์เทียบกับโฟลเดอร์ content เช่น policies/no-gift/2566/index.md หรือ plan/2566/index.md"
    return Problem(file=index.display, line=line,
                   message_th=f"รายการ {code} ชี้ไปที่ '{page}' ซึ่งไม่มีในเว็บไซต์",
                   message_en=f"evidence item {code} points at '{page}', which the site does not have",
                   fix_th=fix, code="evidence-target-missing")


def unknown_codes(docs: DocumentSet, indexes: Iterable[LoadedIndex]) -> list[Problem]:
    """A document's ``evidence:`` code must exist in its fiscal year's index."""
    by_year = {ix.year: ix for ix in indexes}
    out: list[Problem] = []
    for doc in docs.docs:
        index = by_year.get(doc.meta.fiscal_year)
        for i, code in enumerate(doc.meta.evidence):
            line = doc.where("evidence", i)
            if index is None:
                out.append(Problem(file=doc.display, line=line, severity=Severity.WARNING,
                                   message_th=f"ยังไม่มีดัชนีหลักฐานของปี {doc.meta.fiscal_year} รหัส '{code}' จึงไม่ปรากฏในดัชนี",
                                   message_en=f"no evidence index for {doc.meta.fiscal_year}; code '{code}' is unused",
                                   fix_th=f"สร้างไฟล์ {EVIDENCE_DIR}/{doc.meta.fiscal_year}.yml", code="evidence-year"))
            elif code not in index.codes():
                out.append(Problem(file=doc.display, line=line,
                                   message_th=f"ไม่มีรหัส '{code}' ในดัชนีหลักฐานปี {index.year} ({index.display})",
                                   message_en=f"evidence code '{code}' is not in {index.display}",
                                   fix_th="ใช้รหัสที่มีในไฟล์ดัชนี เช่น " + ", ".join(sorted(index.codes())[:10]),
                                   code="evidence-code"))
    return out


# -- outputs ---------------------------------------------------------------------------------------

def index_uris(index: LoadedIndex) -> tuple[str, str, str]:
    return index.base + "index.md", index.base + "evidence.csv", index.base + "evidence.json"


def generate_index_files(resolved: ResolvedIndex, *, digit_style: Digits, absolute: Callable[[str], str],
                         as_of: dt.date) -> Iterator[GeneratedFile]:
    page, csv_uri, json_uri = index_uris(resolved.source)
    yield GeneratedFile(page, index_page(resolved, digit_style=digit_style, as_of=as_of))
    yield GeneratedFile(csv_uri, index_csv(resolved, absolute))
    yield GeneratedFile(json_uri, index_json(resolved, absolute, as_of))


def index_page(resolved: ResolvedIndex, *, digit_style: Digits, as_of: dt.date) -> str:
    d = digit_style
    source = resolved.source
    here = source.base + "index.md"
    year = digits(source.year, d)
    counts = resolved.counts()
    out = [front_matter(title=f"ดัชนีหลักฐาน ปีงบประมาณ พ.ศ. {year}",
                        description=f"หน้าและไฟล์บนเว็บไซต์นี้ที่ตอบแต่ละข้อของ ITA/OIT และเกณฑ์องค์กรคุณธรรมต้นแบบ "
                                    f"ปีงบประมาณ พ.ศ. {year}"),
           f"# {md_escape(source.index.title)}\n"]
    if source.index.note:
        out.append(md_escape(source.index.note) + "\n")
    out.append(f"ข้อมูล ณ วันที่ {format_date(as_of, digit_style=d)} · "
               + " · ".join(f"{STATUS_TH[s]} {digits(n, d)} รายการ" for s, n in counts.items()) + "\n")
    out.append("ดาวน์โหลดดัชนีทั้งหมด: [evidence.csv](evidence.csv) (UTF-8, เปิดใน Excel ได้) · "
               "[evidence.json](evidence.json)\n")
    out.append("สถานะคำนวณจากไฟล์ของเว็บไซต์ทุกครั้งที่สร้างเว็บไซต์: *ยังไม่มี* = ยังไม่มีหน้าใดตอบข้อนี้ · "
               "*มีเฉพาะตัวอย่าง* = มีเพียงหน้าที่เป็นข้อความตัวอย่าง · *มีบางส่วน* = ตอบได้ไม่ครบทุกองค์ประกอบ\n")
    out.append("*วันที่ของหลักฐาน* คือวันที่หลักฐานเกิดขึ้น: วันที่จัดกิจกรรมของบันทึกกิจกรรม วันที่ลงนาม "
               "(หรือวันที่มีผลใช้บังคับ) ของประกาศ นโยบาย และคำสั่ง หรือวันที่ที่ระบุไว้ในดัชนีหลักฐาน "
               "แต่ละวันที่บอกไว้ว่าเป็นวันที่ใด ส่วน *หน้าเว็บปรับปรุงล่าสุด* ใต้ลิงก์คือวันที่เนื้อหาของหน้านั้น"
               "เปลี่ยนครั้งล่าสุดในเว็บไซต์นี้ ไม่ใช่วันที่ของหลักฐาน ในไฟล์ CSV/JSON ช่อง paths คือไฟล์ต้นทางในคลังโค้ด "
               f"({GENERATED} = หน้าที่ระบบ{GENERATED_TH}จากข้อมูลหลายแหล่ง)\n")
    for scheme in source.index.schemes:
        out.append(f"## {md_escape(scheme.title)} {{#{scheme.id}}}\n")
        if scheme.source:
            out.append(f"ที่มา: {md_escape(scheme.source)}\n")
        if scheme.note:
            out.append(md_escape(scheme.note) + "\n")
        rows = []
        for item in (r for r in resolved.items if r.scheme is scheme):
            code = f'<span id="{evidence_anchor(item.item.code)}"></span>{md_cell(item.item.code)}'
            title = md_cell(item.item.title)
            if item.item.group:
                title = f"{title}<br><small>{md_cell(item.item.group)}</small>"
            links = "<br>".join(
                f"[{md_cell(t.label)}]({rel_uri(here, t.path.partition('#')[0])}"
                f"{'#' + t.path.partition('#')[2] if '#' in t.path else ''})"
                + (" (ตัวอย่าง)" if t.sample and "ตัวอย่าง" not in t.label else "")
                + _target_dates(t, d) for t in item.targets) or "–"
            day, kind = item.dated
            when = f"{format_date(day, digit_style=d)}<br><small>{DATE_KIND_TH[kind]}</small>" if day and kind \
                else "–"
            status = f'<span class="lc-evidence lc-evidence--{item.status}">{STATUS_TH[item.status]}</span>'
            rows.append([code, title, links, when, status, md_cell(item.item.note or "")])
        out.append('<div class="lc-table-scroll" markdown>\n')
        out.append(md_table(["รหัส", "รายการ", "หน้า/ไฟล์บนเว็บไซต์นี้", "วันที่ของหลักฐาน", "สถานะ", "หมายเหตุ"],
                            rows))
        out.append("\n</div>\n")
    return "\n".join(out)


def _target_dates(target: ResolvedTarget, d: Digits) -> str:
    """Under a link: what is known of the target's dates, each labelled with which date it is."""
    parts = []
    if target.status_note:
        parts.append(md_cell(target.status_note))
    if target.date and target.date_kind:
        parts.append(f"{DATE_KIND_TH[target.date_kind]} {format_date(target.date, digit_style=d)}")
    if target.last_changed:
        parts.append(f"{LAST_CHANGED_TH} {format_date(target.last_changed, digit_style=d)}")
    return f"<br><small>{' · '.join(parts)}</small>" if parts else ""


# date: the evidence date (date_kind says which); last_changed: the pages' latest content change (git);
# paths: the repository files the pages are made from, or "generated" for pages the build makes.
CSV_COLUMNS = ["fiscal_year", "scheme", "code", "group", "title", "status", "status_th", "date", "date_kind",
               "date_kind_th", "last_changed", "urls", "paths", "note"]


def _records(resolved: ResolvedIndex, absolute: Callable[[str], str]) -> Iterator[dict[str, object]]:
    for item in resolved.items:
        day, kind = item.dated
        changed = item.last_changed
        yield {
            "fiscal_year": resolved.source.year, "scheme": item.scheme.id, "code": item.item.code,
            "group": item.item.group or "", "title": item.item.title, "status": item.status,
            "status_th": STATUS_TH[item.status], "date": day.isoformat() if day else "", "date_kind": kind or "",
            "date_kind_th": DATE_KIND_TH[kind] if kind else "", "last_changed": changed.isoformat() if changed else "",
            "urls": [absolute(t.url) for t in item.targets],
            "paths": list(dict.fromkeys(p for t in item.targets for p in t.source_paths)),
            "note": item.item.note or "",
        }


def index_csv(resolved: ResolvedIndex, absolute: Callable[[str], str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for record in _records(resolved, absolute):
        writer.writerow([" ; ".join(v) if isinstance(v, list) else v for v in (record[c] for c in CSV_COLUMNS)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def _target_records(item: ResolvedItem, absolute: Callable[[str], str]) -> list[dict[str, object]]:
    return [{"label": t.label, "url": absolute(t.url), "paths": list(t.source_paths), "generated": not t.sources,
             "date": t.date.isoformat() if t.date else None, "date_kind": t.date_kind,
             "last_changed": t.last_changed.isoformat() if t.last_changed else None, "status_note": t.status_note,
             "sample": t.sample} for t in item.targets]


def index_json(resolved: ResolvedIndex, absolute: Callable[[str], str], as_of: dt.date) -> str:
    source = resolved.source
    data = {
        "fiscal_year": source.year, "title": source.index.title, "as_of": as_of.isoformat(),
        "counts": resolved.counts(),
        "labels_th": {**DATE_KIND_TH, "last_changed": LAST_CHANGED_TH, GENERATED: GENERATED_TH},
        "schemes": [{"id": s.id, "title": s.title, "source": s.source,
                     "items": [{**{k: v for k, v in r.items() if k not in ("fiscal_year", "scheme")},
                                "targets": _target_records(item, absolute)}
                               for r, item in zip(_records(resolved, absolute), resolved.items, strict=True)
                               if r["scheme"] == s.id]}
                    for s in source.index.schemes],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def no_scheme_page(fy: int, digit_style: Digits) -> str:
    """``evidence/<FY>/index.md`` for a plan year with no ``data/evidence/<FY>.yml``: says so, invents nothing."""
    y = digits(fy, digit_style)
    return "\n".join([
        front_matter(title=f"ดัชนีหลักฐาน ปีงบประมาณ พ.ศ. {y}",
                     description=f"ดัชนีหลักฐาน ITA/OIT ปีงบประมาณ พ.ศ. {y}: ยังไม่มีข้อมูลเกณฑ์การประเมินของปีนี้"),
        f"# ดัชนีหลักฐาน ปีงบประมาณ พ.ศ. {y}\n",
        f'<div class="admonition note lc-no-scheme" markdown>\n<p class="admonition-title">ยังไม่มีดัชนีหลักฐานของปีนี้</p>\n\n'
        f"เว็บไซต์ยังไม่มีรายการข้อประเมิน ITA/OIT และเกณฑ์องค์กรคุณธรรมต้นแบบของปีงบประมาณ พ.ศ. {y} "
        "เลขข้อของ OIT เปลี่ยนทุกปี จึงไม่คัดลอกเลขข้อของปีก่อนมาใช้ "
        f"เมื่อสำนักงาน ป.ป.ช. ประกาศคู่มือของปีนี้แล้ว ให้สร้างไฟล์ `{EVIDENCE_DIR}/{fy}.yml` "
        "ตามแบบของปีก่อน แล้วหน้านี้จะแสดงหลักฐานแต่ละข้อเอง\n\n</div>\n",
        "[ดัชนีหลักฐานทุกปี](../index.md) · "
        f"[แผนบูรณาการ ปีงบประมาณ พ.ศ. {y}](../../plan/{fy}/index.md)\n",
    ])


def overview_page(indexes: list[LoadedIndex], digit_style: Digits, plan_years: Iterable[int] = ()) -> str:
    """``evidence/index.md``: one link per fiscal year (plan years without an index say so)."""
    out = [front_matter(title="ดัชนีหลักฐาน", description="ดัชนีหลักฐาน ITA/OIT และเกณฑ์องค์กรคุณธรรมต้นแบบ รายปีงบประมาณ"),
           "# ดัชนีหลักฐาน\n",
           "สำหรับผู้ประเมิน ITA/OIT และคณะกรรมการประเมินองค์กรคุณธรรมต้นแบบ: แต่ละข้อของแต่ละปีงบประมาณ "
           "พร้อมหน้าและไฟล์บนเว็บไซต์นี้ที่ตอบข้อนั้น\n"]
    by_year = {ix.year: ix for ix in indexes}
    for year in sorted({*by_year, *plan_years}, reverse=True):
        y = digits(year, digit_style)
        if year in by_year:
            out.append(f"- [ปีงบประมาณ พ.ศ. {y}]({year}/index.md) · "
                       f"[CSV]({year}/evidence.csv) · [JSON]({year}/evidence.json)")
        else:
            out.append(f"- [ปีงบประมาณ พ.ศ. {y}]({year}/index.md) (ยังไม่มีรายการข้อประเมินของปีนี้)")
    if not indexes and not plan_years:
        out.append("ยังไม่มีดัชนีหลักฐาน")
    return "\n".join(out) + "\n"
