"""Generated views (plan pages, open data): added last, after every evidence source has registered."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from site_build import mkdocs_glue
from site_build.pages import GeneratedFile
from site_build.pages.plan_pages import generate_plan_pages
from site_build.security_headers import headers_file


@event_priority(-50)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    generated = [*generate_plan_pages(mkdocs_glue.context()), GeneratedFile("_headers", headers_file())]
    return mkdocs_glue.add_generated(files, config, generated)
