"""Activity write-ups: load and register them as evidence, publish processed photos only, render pages.

Runs ``on_files`` at the default priority, so its evidence is in the build context before the plan
views (priority -50) compute statuses. All logic is in :mod:`site_build.activities`.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from site_build import mkdocs_glue
from site_build.activities.build import ActivitiesBuild, is_original_photo, prepare

_build: ActivitiesBuild | None = None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _build
    with mkdocs_glue.problems_as_build_error():
        _build = prepare(mkdocs_glue.context(), directory_urls=config.use_directory_urls)
    mkdocs_glue.report(_build.warnings)
    for original in [f for f in files if is_original_photo(f.src_uri)]:
        files.remove(original)  # originals keep GPS and camera serials: never published
    for uri, path in _build.rendition_files():
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    return mkdocs_glue.add_generated(files, config, _build.generated_files())


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _build is None:
        return markdown
    replaced = _build.page_markdown(page.file.src_uri)
    if replaced is None:
        return markdown
    page.meta.update(_build.page_meta(page.file.src_uri))
    return replaced
