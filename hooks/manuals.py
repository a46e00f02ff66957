"""Knowledge manuals: add each manual's generated print page, and mark its links for printing."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_build import manuals, mkdocs_glue


def on_files(files: Files, config: MkDocsConfig) -> Files:
    content = Path(config.docs_dir)
    with mkdocs_glue.problems_as_build_error():
        found, warnings = manuals.discover_manuals(content, display_root=content.name)
    mkdocs_glue.report(warnings)
    return mkdocs_glue.add_generated(files, config, manuals.generate_print_pages(found))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.meta.get("lc_print_view") is True and page.file.generated_by is not None:
        return manuals.annotate_links(html, page.canonical_url or page.abs_url or "/")
    return html
