"""Tracking views (progress, publicity, award score, period reports, CSV, calendar, feed): added after
every evidence source has registered; the home page's ``<!-- progress -->`` marker becomes the progress block."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_build import mkdocs_glue
from site_build.reports.generate import generate_report_files, home_html, home_markdown


@event_priority(-50)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    return mkdocs_glue.add_generated(files, config, generate_report_files(mkdocs_glue.context()))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != "index.md":
        return markdown
    return home_markdown(mkdocs_glue.context(), markdown)


@event_priority(-110)  # after hooks/safety.py sanitised the page: the chart is generated, trusted markup
def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != "index.md":
        return html
    return home_html(mkdocs_glue.context(), html)
