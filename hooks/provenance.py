"""Build provenance: add build-info.json (a virtual file) and describe it where a page has the marker."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from site_build import mkdocs_glue, provenance
from site_build.pages import GeneratedFile


def on_files(files: Files, config: MkDocsConfig) -> Files:
    ctx = mkdocs_glue.context()
    info = ctx.extras["build_info"] = provenance.collect(ctx.site.root, ctx.as_of)
    return mkdocs_glue.add_generated(files, config, [GeneratedFile(provenance.FILE_NAME, info.to_json())])


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if provenance.MARKER not in markdown:
        return markdown
    ctx = mkdocs_glue.context()
    return provenance.replace_marker(markdown, ctx.extras["build_info"], digit_style=ctx.site.digits,
                                     repo_url=ctx.site.repo_url)
