"""Load every year's plan at the start of every build (and every `mkdocs serve` rebuild); give the
navigation its years and each per-year page its year switcher and banners (site_build.pages.years_nav)."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from site_build import mkdocs_glue
from site_build.pages.years_nav import expand_nav
from site_build.plan.years import archive_dir

_files: Files | None = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    ctx = mkdocs_glue.start_build(config)
    config.nav = expand_nav(config.nav, ctx.plan_set, ctx.site.digits)
    archive = archive_dir(ctx.plan_path or ctx.site.root / "plan.yml")
    if archive.is_dir() and str(archive) not in config.watch:
        config.watch.append(str(archive))  # `mkdocs serve` sees edits to archived years (plans/)
    return config


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    global _files
    _files = files
    return nav


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    if _files is not None:
        marks = mkdocs_glue.year_marks_meta(page.file.src_uri, _files)
        if marks:
            page.meta["lc_year"] = marks
    return context
