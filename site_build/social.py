"""Sharing previews: the Open Graph and Twitter tags Facebook, LINE and X read when a link is shared.

Pure functions from page data to tag values, so every rule (absolute URLs, Thai description, image choice,
escaping) is testable without a build. Front matter is untrusted: every value is HTML-escaped when rendered,
and a ``share_image`` that is not a site-relative path is ignored in favour of the site default.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any, Literal
from urllib.parse import urlsplit

DEFAULT_IMAGE = "assets/images/og-default.png"
DEFAULT_IMAGE_SIZE = (1200, 630)
DESCRIPTION_LIMIT = 160


@dataclass(frozen=True)
class SiteInfo:
    """What the whole site contributes to every preview."""

    site_url: str
    site_name: str
    site_description: str | None = None
    default_image: str = DEFAULT_IMAGE
    default_image_size: tuple[int, int] = DEFAULT_IMAGE_SIZE


@dataclass(frozen=True)
class PageInfo:
    """One page as the previews see it: its URL (``plan/2566/``; ``""`` for home), title, front matter, body."""

    url: str
    title: str | None = None
    meta: Mapping[str, Any] | None = None
    content_html: str | None = None
    is_homepage: bool = False


@dataclass(frozen=True)
class MetaTag:
    """``<meta {attr}="{key}" content="{value}">``; Open Graph uses ``property``, Twitter uses ``name``."""

    attr: Literal["property", "name"]
    key: str
    value: str


def absolute_url(site_url: str, rel_url: str) -> str:
    """``site_url`` joined with a site-relative URL (``""`` is the home page)."""
    return site_url.rstrip("/") + "/" + rel_url.lstrip("/")


def is_site_relative(url: str) -> bool:
    """True for ``assets/x.jpg`` or ``/assets/x.jpg``; false for anything naming a scheme or host, or climbing out."""
    if not url or url.startswith("//") or "\\" in url or any(ch.isspace() for ch in url):
        return False
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return False
    return ".." not in parts.path.split("/")


def page_title(page: PageInfo, site: SiteInfo) -> str:
    """Front-matter title as written, else the page's heading text; the site name for the home page."""
    meta = page.meta or {}
    if page.is_homepage:
        return site.site_name
    title = meta.get("title")
    if isinstance(title, str) and title.strip():
        return _squash(title)
    if page.title:
        return _squash(html.unescape(re.sub(r"<[^>]*>", "", page.title)))
    return site.site_name


def page_description(page: PageInfo, site: SiteInfo, limit: int = DESCRIPTION_LIMIT) -> str:
    """Front-matter ``description``, else the first paragraph of the body, else the site description."""
    meta = page.meta or {}
    described = meta.get("description")
    if isinstance(described, str) and described.strip():
        return trim_text(described, limit)
    if page.content_html:
        first = first_paragraph_text(page.content_html)
        if first:
            return trim_text(first, limit)
    return trim_text(site.site_description or site.site_name, limit)


def share_image(page: PageInfo, site: SiteInfo) -> tuple[str, int | None, int | None, str]:
    """(site-relative path, width, height, alt): the write-up's share image when the photo hook set one."""
    meta = page.meta or {}
    image = meta.get("share_image")
    if isinstance(image, str) and is_site_relative(image.strip()):
        alt = meta.get("share_image_alt")
        return (image.strip().lstrip("/"), _positive_int(meta.get("share_image_width")),
                _positive_int(meta.get("share_image_height")),
                _squash(alt) if isinstance(alt, str) and alt.strip() else page_title(page, site))
    width, height = site.default_image_size
    return site.default_image, width, height, site.site_name


def with_image_size(meta: Mapping[str, Any], read: Callable[[str], bytes | None]) -> Mapping[str, Any]:
    """``meta`` plus ``share_image_width``/``_height`` read from the image itself when the photo hook left them out.

    ``read(site_path)`` returns the built file's bytes (or None). Facebook lays out a preview before it has
    fetched the image only when the size is announced, so an unknown size is worth one header read.
    """
    image = meta.get("share_image")
    if not isinstance(image, str) or not is_site_relative(image.strip()):
        return meta
    if _positive_int(meta.get("share_image_width")) and _positive_int(meta.get("share_image_height")):
        return meta
    data = read(image.strip().lstrip("/"))
    size = image_size(data) if data else None
    return {**meta, "share_image_width": size[0], "share_image_height": size[1]} if size else meta


def image_size(data: bytes) -> tuple[int, int] | None:
    """(width, height) of an image file's bytes, or None when it is not a readable image."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:
            return im.size
    except (UnidentifiedImageError, OSError, ValueError):
        return None


def page_locale(page: PageInfo) -> str:
    lang = (page.meta or {}).get("lang")
    return "en_US" if isinstance(lang, str) and lang.lower().startswith("en") else "th_TH"


def social_tags(page: PageInfo, site: SiteInfo) -> list[MetaTag]:
    """Every Open Graph and Twitter tag of one page, values unescaped (see :func:`render_tags`)."""
    title = page_title(page, site)
    description = page_description(page, site)
    image, width, height, alt = share_image(page, site)
    image_url = absolute_url(site.site_url, image)
    landing = page.is_homepage or page.url.strip("/") in ("", "en")
    tags = [
        MetaTag("property", "og:type", "website" if landing else "article"),
        MetaTag("property", "og:site_name", site.site_name),
        MetaTag("property", "og:locale", page_locale(page)),
        MetaTag("property", "og:title", title),
        MetaTag("property", "og:description", description),
        MetaTag("property", "og:url", absolute_url(site.site_url, page.url)),
        MetaTag("property", "og:image", image_url),
    ]
    mime = _image_type(image)
    if mime:
        tags.append(MetaTag("property", "og:image:type", mime))
    if width and height:
        tags += [MetaTag("property", "og:image:width", str(width)),
                 MetaTag("property", "og:image:height", str(height))]
    tags += [
        MetaTag("property", "og:image:alt", alt),
        MetaTag("name", "twitter:card", "summary_large_image"),
        MetaTag("name", "twitter:title", title),
        MetaTag("name", "twitter:description", description),
        MetaTag("name", "twitter:image", image_url),
        MetaTag("name", "twitter:image:alt", alt),
    ]
    return tags


def render_tags(tags: Iterable[MetaTag]) -> str:
    """The tags as HTML, one per line, every attribute value escaped (quotes included)."""
    return "\n".join(f'<meta {tag.attr}="{html.escape(tag.key, quote=True)}" '
                     f'content="{html.escape(tag.value, quote=True)}">' for tag in tags)


def trim_text(text: str, limit: int = DESCRIPTION_LIMIT) -> str:
    """Whitespace squashed and cut to ``limit`` characters with "…", never splitting a Thai syllable's marks.

    Thai has no spaces between words but does between phrases, so cut at the last space when one is near
    the end; otherwise cut hard, moving back past combining vowels/tone marks and dangling leading vowels.
    """
    text = _squash(text)
    if len(text) <= limit:
        return text
    cut = limit - 1
    space = text.rfind(" ", 0, cut + 1)
    if space >= limit * 2 // 3:
        cut = space
    else:
        while cut > 0 and unicodedata.category(text[cut]) == "Mn":
            cut -= 1
        while cut > 0 and "\u0e40" <= text[cut - 1] <= "\u0e44":
            cut -= 1
    return text[:cut].rstrip() + "…"


_SKIP_TAGS = frozenset({"table", "figure", "figcaption", "blockquote", "details", "aside", "nav", "li", "dl",
                        "script", "style", "pre", "code", "button", "form", "header", "footer", "svg"})
_SKIP_CLASSES = frozenset({"admonition", "lc-sample", "tabbed-set", "toc", "md-source-file", "lc-page-meta",
                           "lc-gallery", "headerlink"})


class _FirstParagraph(HTMLParser):
    """Finds the first ``<p>`` of running text (not inside a note, table, list or banner) with some text."""

    _VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr", "area", "col", "embed"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # one entry per open element: is it, or an ancestor, skipped?
        self.p_depth = 0  # stack depth of the open candidate <p>, 0 when none
        self.parts: list[str] = []
        self.found: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.found is not None or tag in self._VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        skipped = (bool(self.stack) and self.stack[-1]) or tag in _SKIP_TAGS or bool(classes & _SKIP_CLASSES)
        self.stack.append(skipped)
        if tag == "p" and not skipped and not self.p_depth:
            self.p_depth, self.parts = len(self.stack), []

    def handle_endtag(self, tag: str) -> None:
        if self.found is not None or tag in self._VOID or not self.stack:
            return
        self.stack.pop()
        if self.p_depth and len(self.stack) < self.p_depth:
            self.p_depth = 0
            self.found = _squash("".join(self.parts)) or None

    def handle_data(self, data: str) -> None:
        if self.p_depth and self.found is None and not self.stack[-1]:
            self.parts.append(data)


def first_paragraph_text(content_html: str) -> str | None:
    """Plain text of the page's first running-text paragraph, or None."""
    parser = _FirstParagraph()
    parser.feed(content_html)
    parser.close()
    return parser.found


def _squash(text: str) -> str:
    return " ".join(text.split())


def _positive_int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value > 0:
        return value
    if isinstance(value, str) and value.strip().isdigit() and int(value) > 0:
        return int(value)
    return None


def _image_type(path: str) -> str | None:
    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}.get(ext)


def language_sitemap(site_url: str, page_urls: Iterable[str]) -> str:
    """A ``sitemap.xml`` for a language section (``en/``).

    Material's language switch fetches ``sitemap.xml`` next to each ``extra.alternate`` link on every page load,
    to map the current page to its other-language twin; MkDocs writes one only at the site root, so without
    this file every page would request a missing ``en/sitemap.xml``.
    """
    entries = "".join(f"  <url><loc>{html.escape(absolute_url(site_url, url), quote=False)}</loc></url>\n"
                      for url in sorted(set(page_urls)))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' + entries + "</urlset>\n")
