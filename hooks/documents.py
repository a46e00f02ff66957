"""Documents for auditors, the evidence index, page history and the sitemap: MkDocs events → site_build.documents.

``on_files`` runs at the default priority so documents register as plan evidence before the plan views
(priority -50) compute statuses; the evidence index is resolved in ``on_nav``, after every hook has
added its files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from site_build import mkdocs_glue
from site_build.documents.build import CONTEXT_KEY, DocumentsBuild, prepare
from site_build.documents.evidence_index import TargetInfo
from site_build.documents.sitemap import NavNode

_nav: Navigation | None = None


def _state() -> DocumentsBuild | None:
    return mkdocs_glue.context().extras.get(CONTEXT_KEY)


def _source(file: File) -> Path | None:
    return Path(file.abs_src_path) if file.generated_by is None and file.abs_src_path else None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    ctx = mkdocs_glue.context()
    extra = config.extra or {}
    plan_file = ctx.plan_path or ctx.site.root / "plan.yml"
    sources = [f.src_uri for f in files.documentation_pages() if f.generated_by is None]
    with mkdocs_glue.problems_as_build_error():
        state = prepare(ctx, sources, plan_file=plan_file, extra=extra)
    mkdocs_glue.report(state.warnings)
    ctx.extras[CONTEXT_KEY] = state
    ctx.add_evidence(state.plan_evidence())
    return mkdocs_glue.add_generated(files, config, state.generated_files())


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    state = _state()
    if state is None:
        return nav

    def lookup(path: str) -> TargetInfo | None:
        file = files.get_file_from_path(path)
        if file is None:
            return None
        return state.target_info(path, file.url, lambda: _text(file), _source(file))

    with mkdocs_glue.problems_as_build_error():
        outputs = state.fill_evidence(lookup)
    for item in outputs:
        file = files.get_file_from_path(item.uri)
        if file is None:
            continue
        if isinstance(item.content, bytes):
            file.content_bytes = item.content
        else:
            file.content_string = item.content
    global _nav
    _nav = nav
    return nav


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _state()
    if state is None:
        return markdown
    rendered = state.document_markdown(page.file.src_uri, markdown)
    return markdown if rendered is None else rendered


def on_env(env: Any, config: MkDocsConfig, files: Files) -> Any:
    """Every page has its title now: list them for the sitemap."""
    state = _state()
    if state is not None:
        state.set_sitemap_pages((f.src_uri, f.page.title, f.url) for f in files.documentation_pages() if f.page)
        state.sitemap_nav = [_node(entry) for entry in _nav.items] if _nav is not None else []
    return env


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    state = _state()
    if state is None:
        return context
    context["lc_history_html"] = state.history_html(page.file.src_uri, _source(page.file))
    if page.content:
        page.content = state.sitemap_html(page.content, page.url)
    return context


def _text(file: File) -> str | None:
    try:
        return file.content_string
    except (OSError, UnicodeDecodeError):
        return None


def _node(item: Any) -> NavNode:
    if isinstance(item, Section):
        return NavNode(title=item.title or "", url=None, children=[_node(c) for c in item.children])
    if isinstance(item, Page):
        return NavNode(title=item.title or item.file.src_uri, url=item.url)
    return NavNode(title=getattr(item, "title", "") or "", url=None)  # external links: listed, not linked
