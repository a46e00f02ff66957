"""Fast first paint (site_build/page_speed.py): one stylesheet request, GLightbox only where a page uses it;
table cells labelled with their column for the phone layout."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from site_build import page_speed


def _members(config: MkDocsConfig) -> list[str]:
    listed = [str(getattr(item, "path", item)) for item in config.extra_css]
    return [p for p in listed if p.startswith("assets/css/")] + [page_speed.SEARCH_CSS]


@event_priority(-90)  # after mkdocs-glightbox adds its code, before hooks/safety.py moves inline code to files
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    html = page_speed.bundle_stylesheets(page_speed.trim_lightbox(output), _members(config))
    return page_speed.label_table_cells(html)


def on_post_build(config: MkDocsConfig) -> None:
    site = Path(config.site_dir)
    parts = [(name, (site / name).read_text(encoding="utf-8")) for name in _members(config) if (site / name).is_file()]
    (site / page_speed.BUNDLE).write_text(page_speed.stylesheet_bundle(parts), encoding="utf-8")
