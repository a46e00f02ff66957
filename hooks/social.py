"""Sharing previews: hand each page's data to site_build.social and the rendered tags to lc-head.html."""

from __future__ import annotations

from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from site_build import social


@event_priority(-100)  # last, so a photo hook's page.meta["share_image"] is already set
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    site = social.SiteInfo(site_url=config.site_url or "http://localhost:8000/", site_name=config.site_name,
                           site_description=config.site_description)
    info = social.PageInfo(url=page.url, title=page.title, meta=page.meta, content_html=page.content,
                           is_homepage=page.is_homepage)
    context["lc_social_html"] = social.render_tags(social.social_tags(info, site))
    return context
