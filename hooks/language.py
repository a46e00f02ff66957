"""Per-page language (site_build/translations.py): alternates of translated pages for <head> and the switch.

The translation table is per build, kept on the build's config (``config.extra``) rather than in this module.
"""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from site_build.frontmatter import parse_front_matter
from site_build.translations import alternates, pairs

_KEY = "_lc_translations"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    english = []
    for file in files.documentation_pages():
        if file.src_uri.startswith("en/") and not file.generated_by:
            loaded, _ = parse_front_matter(file.content_string, file.src_uri)
            english.append((file.url, loaded.data if isinstance(loaded.data, dict) else {}))
    config.extra[_KEY] = pairs(english)
    return files


def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    context["lc_alternates"] = alternates(page.url, config.extra.get(_KEY, {}), config.site_url or "")
    return context
