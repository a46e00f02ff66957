"""Activity write-ups: load and register them as evidence, publish processed photos only, render pages.

Runs ``on_files`` at the default priority, so its evidence is in the build context before the plan
views (priority -50) compute statuses. All logic is in :mod:`site_build.activities`.
"""

from __future__ import annotations

import os

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from site_build import mkdocs_glue
from site_build.activities.build import ActivitiesBuild, is_original_photo, prepare

_build: ActivitiesBuild | None = None


class _CachedRendition(File):
    """A processed photo served from the cache: hard-linked into the site (copied across filesystems),
    so thousands of unchanged renditions cost a link each, not a copy."""

    def copy_file(self, dirty: bool = False) -> None:
        source, target = self.abs_src_path, self.abs_dest_path
        if source is None or (dirty and not self.is_modified()):
            return super().copy_file(dirty)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        try:
            if os.path.lexists(target):
                os.unlink(target)
            os.link(source, target)
        except OSError:
            super().copy_file(dirty)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _build
    with mkdocs_glue.problems_as_build_error():
        _build = prepare(mkdocs_glue.context(), directory_urls=config.use_directory_urls)
    mkdocs_glue.report(_build.warnings)
    for original in [f for f in files if is_original_photo(f.src_uri)]:
        files.remove(original)  # originals keep GPS and camera serials: never published
    for uri, path in _build.rendition_files():
        files.append(_CachedRendition.generated(config, uri, abs_src_path=str(path)))
    return mkdocs_glue.add_generated(files, config, _build.generated_files())


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _build is None:
        return markdown
    replaced = _build.page_markdown(page.file.src_uri)
    if replaced is None:
        return markdown
    page.meta.update(_build.page_meta(page.file.src_uri))
    return replaced
