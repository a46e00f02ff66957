"""Sharing previews and the language section: hand page data to site_build.social, results to lc-head.html."""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from site_build import social

LANGUAGE_SECTIONS = ("en/",)
_files: Files | None = None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site_url = config.site_url or "http://localhost:8000/"
    for section in LANGUAGE_SECTIONS:
        urls = [f.url for f in files.documentation_pages() if f.src_uri.startswith(section)]
        if urls and files.get_file_from_path(section + "sitemap.xml") is None:
            sitemap = social.language_sitemap(site_url, urls)
            files.append(File.generated(config, section + "sitemap.xml", content=sitemap))
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    global _files
    _files = files  # the final file list, to read a share image's size
    return env


def _read(site_path: str) -> bytes | None:
    file = _files.get_file_from_path(site_path) if _files is not None else None
    return file.content_bytes if file is not None else None


@event_priority(-100)  # last, so a photo hook's page.meta["share_image"] is already set
def on_page_context(context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    site = social.SiteInfo(site_url=config.site_url or "http://localhost:8000/", site_name=config.site_name,
                           site_description=config.site_description)
    info = social.PageInfo(url=page.url, title=page.title, meta=social.with_image_size(page.meta, _read),
                           content_html=page.content, is_homepage=page.is_homepage)
    context["lc_social_html"] = social.render_tags(social.social_tags(info, site))
    return context
