"""What ``hooks/documents.py`` calls, one function per MkDocs event, with no MkDocs import.

``prepare`` (on_files): load documents, check originals against the lock, load the evidence data,
read git history once, and list the generated pages. ``fill_evidence`` (on_nav, when every hook has
added its files): resolve the evidence index against the final file list. ``document_markdown``
(on_page_markdown) and ``history_html``/``sitemap_html`` (on_page_context) render per page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_build.context import BuildContext
from site_build.documents.evidence_index import (
    LoadedIndex,
    TargetInfo,
    generate_index_files,
    index_uris,
    load_indexes,
    no_scheme_page,
    overview_page,
    resolve_index,
    unknown_codes,
)
from site_build.documents.git_history import GitHistory, collect_history, render_history
from site_build.documents.load import DocumentSet, load_documents
from site_build.documents.model import Document
from site_build.documents.originals import LOCK_PATH, Lock, check_lock, read_lock
from site_build.documents.register import generate_register_pages
from site_build.documents.render import RenderSettings, doc_label, render_document
from site_build.documents.sitemap import MARKER, NavNode, PageRef, render_sitemap
from site_build.documents.style import CSS, CSS_URI
from site_build.errors import Problem, ProblemsFound, Severity
from site_build.frontmatter import split_front_matter
from site_build.pages import GeneratedFile
from site_build.plan.model import Plan
from site_build.plan.years import PlanSet
from site_build.status import Evidence
from site_build.yamlsrc import YamlError, load_yaml

CONTEXT_KEY = "documents"
COOKIE_PAGE = "about/cookies.md"


@dataclass
class DocumentsBuild:
    ctx: BuildContext
    docs: DocumentSet
    lock: Lock
    indexes: list[LoadedIndex]
    history: GitHistory
    plan_file: Path
    warnings: list[Problem] = field(default_factory=list)
    sitemap_pages: list[PageRef] = field(default_factory=list)
    sitemap_nav: list[NavNode] = field(default_factory=list)

    # -- on_files --------------------------------------------------------------------------------
    @property
    def settings(self) -> RenderSettings:
        site = self.ctx.site
        return RenderSettings(digit_style=site.digits, absolute=site.absolute,
                              evidence_years={ix.year for ix in self.indexes},
                              plan_item_uri=self._item_uri,
                              lock=self.lock.entries)

    def _item_uri(self, item_id: str, fiscal_year: int | None = None) -> str | None:
        """A document's plan item, in the plan of the document's fiscal year (the latest when not given)."""
        plan = self.ctx.plan_set.get(fiscal_year) if fiscal_year is not None else self.ctx.plan
        return plan_item_uri(plan, item_id) if plan is not None else None

    def plan_evidence(self) -> list[Evidence]:
        """Documents that name plan items (and have a known date) count as evidence for them, in the plan of
        the fiscal year they declare."""
        return [Evidence(date=doc.dated, title=doc.meta.title, url=doc.url, item_ids=tuple(doc.meta.plan_items),
                         sample=doc.meta.sample, fiscal_year=doc.meta.fiscal_year)
                for doc in self.docs.docs if doc.meta.plan_items and doc.dated is not None]

    def generated_files(self) -> list[GeneratedFile]:
        out = list(generate_register_pages(self.docs, self.settings))
        out.append(GeneratedFile(CSS_URI, CSS))
        years = self.ctx.plan_set.years
        out.append(GeneratedFile("evidence/index.md", overview_page(self.indexes, self.ctx.site.digits, years)))
        indexed = {ix.year for ix in self.indexes}
        out += [GeneratedFile(f"evidence/{fy}/index.md", no_scheme_page(fy, self.ctx.site.digits))
                for fy in years if fy not in indexed]
        for index in self.indexes:
            page, csv_uri, json_uri = index_uris(index)
            # placeholders: filled by fill_evidence() once every hook has added its files
            out += [GeneratedFile(page, "# ดัชนีหลักฐาน\n"), GeneratedFile(csv_uri, b""), GeneratedFile(json_uri, "")]
        return out

    # -- on_nav ----------------------------------------------------------------------------------
    def fill_evidence(self, lookup: Callable[[str], TargetInfo | None]) -> list[GeneratedFile]:
        """The evidence pages/files, resolved against the final file list; raise on a dangling target."""
        out: list[GeneratedFile] = []
        problems: list[Problem] = []
        for index in self.indexes:
            resolved, found = resolve_index(index, lookup, self.docs)
            problems += found
            out += generate_index_files(resolved, digit_style=self.ctx.site.digits, absolute=self.ctx.site.absolute,
                                        as_of=self.ctx.as_of)
        if problems:
            raise ProblemsFound(problems)
        return out

    def target_info(self, src_uri: str, url: str, text: Callable[[], str | None], source: Path | None) -> TargetInfo:
        """Title, sample flag, dates (each saying which date it is) and real source files of an evidence target.

        The evidence date is a document's signing (else effective) date or a write-up's event date; a
        page's last change in git is a separate, labelled fact, never the evidence date.
        """
        paths = self.history_sources(src_uri, source)
        changed = self.history.for_paths(paths).last if paths else None
        sources = tuple(self._repo_path(p) for p in paths)
        doc = self.docs.by_src.get(src_uri)
        if doc is not None:
            kind = "signed" if doc.meta.signed_on else "effective" if doc.meta.effective_on else None
            note = None if doc.shown_status in ("in_force", "superseded", "withdrawn") else doc.shown_status_th
            return TargetInfo(url=url, title=doc.meta.title, sample=doc.meta.sample, date=doc.dated, date_kind=kind,
                              last_changed=changed, sources=sources, status_note=note)
        title, sample = None, False
        if src_uri.endswith(".md"):
            title, sample = page_title_and_sample(text() or "")
        writeup = next((w for w in self.ctx.extras.get("writeups", ()) if w.uri == src_uri), None)
        if writeup is not None:
            return TargetInfo(url=url, title=title or writeup.title, sample=writeup.sample, date=writeup.date,
                              date_kind="event", last_changed=changed, sources=sources)
        return TargetInfo(url=url, title=title, sample=sample, last_changed=changed, sources=sources)

    def _repo_path(self, path: Path) -> str:
        root = self.ctx.site.root
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    # -- per page --------------------------------------------------------------------------------
    def document_markdown(self, src_uri: str, body: str) -> str | None:
        doc = self.docs.by_src.get(src_uri)
        return None if doc is None else render_document(doc, self.docs, body, self.settings)

    def history_sources(self, src_uri: str, source: Path | None) -> list[Path]:
        """The files whose commits are a page's history (a generated plan page's is plan.yml)."""
        doc = self.docs.by_src.get(src_uri)
        if doc is not None:
            return [doc.original.path.parent / "index.md", doc.original.path]
        if source is not None:
            return [source]
        if src_uri.startswith("plan/"):
            year = src_uri.split("/")[1]
            source = self.ctx.plan_set.source(int(year)) if year.isdigit() else None
            return [source.path if source is not None else self.plan_file]
        for index in self.indexes:
            if src_uri.startswith(index.base):
                return [self.ctx.site.root / index.display]
        return []

    def history_html(self, src_uri: str, source: Path | None) -> str:
        paths = self.history_sources(src_uri, source)
        if not paths:
            return ""
        return render_history(self.history.for_paths(paths), digit_style=self.ctx.site.digits,
                              repo_url=self.ctx.site.repo_url)

    def set_sitemap_pages(self, pages: Iterable[tuple[str, str | None, str]]) -> None:
        """``(src_uri, title, url)`` of every page, titles final; document versions carry their year."""
        refs = []
        for src_uri, title, url in pages:
            doc = self.docs.by_src.get(src_uri)
            label = doc_label(doc, self.ctx.site.digits) if doc else (title or src_uri)
            refs.append(PageRef(src_uri, label, url))
        self.sitemap_pages = refs

    def sitemap_html(self, content: str, here_url: str) -> str:
        if MARKER not in content:
            return content
        return content.replace(MARKER, render_sitemap(self.sitemap_nav, self.sitemap_pages, here_url))


def prepare(ctx: BuildContext, src_uris: Iterable[str], *, plan_file: Path, extra: Mapping[str, Any]) -> DocumentsBuild:
    """Everything on_files needs; every problem of every input raised together."""
    root = ctx.site.root
    problems: list[Problem] = []
    docs = DocumentSet()
    indexes: list[LoadedIndex] = []
    lock = Lock()
    try:
        docs = load_documents(ctx.site.content_dir, root, src_uris=src_uris)
    except ProblemsFound as exc:
        problems += exc.problems
    try:
        lock = read_lock(root / LOCK_PATH)
    except ProblemsFound as exc:
        problems += exc.problems
    try:
        indexes = load_indexes(root)
    except ProblemsFound as exc:
        problems += exc.problems
    if not any(p.is_error for p in problems):
        problems += check_lock(docs.docs, lock)
        problems += plan_item_problems(docs.docs, ctx.plan_set)
        problems += unknown_codes(docs, indexes)
    problems += docs.warnings + cookie_statement_problems(extra)
    if any(p.is_error for p in problems):
        raise ProblemsFound(problems)
    history = collect_history(root, pathspec=_pathspec(root, ctx.site.content_dir, plan_file))
    return DocumentsBuild(ctx=ctx, docs=docs, lock=lock, indexes=indexes, history=history, plan_file=plan_file,
                          warnings=problems)


def _pathspec(root: Path, content_dir: Path, plan_file: Path) -> list[str]:
    out = []
    for path in (content_dir, root / "data", plan_file, plan_file.parent / "plans"):
        try:
            out.append(path.resolve().relative_to(root.resolve()).as_posix())
        except ValueError:
            continue
    return out


def plan_item_uri(plan: Plan, item_id: str) -> str | None:
    """Docs-relative page (and anchor) of a plan item, or None when the plan has no such item."""
    from site_build.pages.plan_pages import item_anchor, project_uri

    for _, project in plan.projects():
        if project.id == item_id:
            return project_uri(plan, project)
        if any(a.id == item_id for a in project.all_activities()):
            return f"{project_uri(plan, project)}#{item_anchor(item_id)}"
    return None


def plan_item_problems(docs: Iterable[Document], plans: Plan | PlanSet) -> list[Problem]:
    """A document's ``plan_items`` must exist in the plan of the fiscal year it declares."""
    plans = plans if isinstance(plans, PlanSet) else PlanSet.single(plans)
    out = []
    for doc in docs:
        if not doc.meta.plan_items:
            continue
        plan = plans.get(doc.meta.fiscal_year)
        if plan is None:
            out.append(Problem(file=doc.display, line=doc.where("plan_items", 0),
                               message_th=f"เอกสารนี้เป็นของปีงบประมาณ พ.ศ. {doc.meta.fiscal_year} "
                                          "แต่เว็บไซต์ไม่มีแผนของปีนั้น จึงอ้างรหัสกิจกรรมไม่ได้",
                               message_en=f"no plan for fiscal year {doc.meta.fiscal_year}; plan_items cannot resolve",
                               fix_th="ลบ plan_items ออก หรือเพิ่มแผนของปีนั้นไว้ใน plans/", code="unknown-item"))
            continue
        known = {p.id for _, p in plan.projects()} | {a.id for _, p in plan.projects() for a in p.all_activities()}
        for i, item_id in enumerate(doc.meta.plan_items):
            if item_id not in known:
                out.append(Problem(file=doc.display, line=doc.where("plan_items", i),
                                   message_th=f"ไม่มีกิจกรรมรหัส '{item_id}' ในแผนปีงบประมาณ {plan.fiscal_year}",
                                   message_en=f"plan item '{item_id}' does not exist in plan.yml",
                                   fix_th="ใช้รหัสกิจกรรมจาก plan.yml เช่น 23.3", code="unknown-item"))
    return out


def cookie_statement_problems(extra: Mapping[str, Any]) -> list[Problem]:
    """The cookie statement says the site sets no cookies: configuring analytics makes it untrue."""
    configured = [key for key in ("analytics", "consent") if extra.get(key)]
    if not configured:
        return []
    return [Problem(file="mkdocs.yml", severity=Severity.WARNING,
                    message_th=f"ตั้งค่า extra.{configured[0]} แล้ว แต่หน้า {COOKIE_PAGE} ระบุว่าเว็บไซต์ไม่ใช้คุกกี้",
                    message_en=f"extra.{configured[0]} is configured but {COOKIE_PAGE} says the site sets no cookies",
                    fix_th=f"แก้ข้อความใน content/{COOKIE_PAGE} ให้ระบุคุกกี้และบริการวิเคราะห์ที่ใช้ แล้วลบคำเตือนนี้"
                           " (แก้ site_build/documents/build.py) หรือยกเลิกการตั้งค่า", code="cookie-statement")]


def page_title_and_sample(text: str) -> tuple[str | None, bool]:
    """``title`` and ``sample`` of a page's front matter, leniently (other features validate their pages)."""
    try:
        split = split_front_matter(text, "page")
        data = load_yaml(split.yaml_text, "page").data
    except (ProblemsFound, YamlError):
        data = None
    if not isinstance(data, dict):
        for line in text.splitlines():
            if line.startswith("# "):
                return line[2:].strip(), False
        return None, False
    title = data.get("title")
    return (str(title) if title else None), data.get("sample") is True
