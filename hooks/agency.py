"""The footer's agency block (site_build/agency.py): data/agency.yml into every page's template context."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from site_build import mkdocs_glue
from site_build.agency import load_agency

_KEY = "_lc_agency"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    with mkdocs_glue.problems_as_build_error():
        config.extra[_KEY] = load_agency(mkdocs_glue.project_root(config))
    return config


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["lc_agency"] = config.extra.get(_KEY)
    return context
