"""No request leaves the site: every built page and stylesheet refers only to the site's own files.

A browser fetches what ``src``/``href`` of scripts, stylesheets, icons, preloads, images, media and frames name,
and what ``url()``/``@import`` in CSS name. None of these may carry a scheme or host (``data:`` is inline).
``<link rel="canonical">``/``rel="alternate"`` may name the site's own address (``site_url``), nothing else;
``<a href>`` is navigation a visitor chooses, not a request, and is not checked.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.slow

_NAVIGATION_RELS = {"canonical", "alternate", "prev", "next", "author", "license", "help", "search"}
_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)""", re.IGNORECASE)
_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?['"]?([^'")\s;]+)""", re.IGNORECASE)


def is_external(url: str) -> bool:
    url = url.strip()
    if url.lower().startswith("data:") or url.startswith("#") or not url:
        return False
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc or url.startswith("//"))


def css_urls(css: str) -> list[str]:
    return [m.group(2) for m in _URL.finditer(css)] + [m.group(1) for m in _IMPORT.finditer(css)]


class _Requests(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.requests: list[tuple[str, str]] = []  # (where, url)
        self.navigation_links: list[str] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and a.get("href"):
            rels = set(a.get("rel", "").lower().split())
            if rels and rels <= _NAVIGATION_RELS:
                self.navigation_links.append(a["href"])
            else:
                self.requests.append((f"<link rel={a.get('rel')}>", a["href"]))
        for attr in ("src", "poster", "data"):
            if a.get(attr) and tag != "a":
                self.requests.append((f"<{tag} {attr}>", a[attr]))
        for candidate in (a.get("srcset") or a.get("imagesrcset") or "").split(","):
            if candidate.strip():
                self.requests.append((f"<{tag} srcset>", candidate.strip().split()[0]))
        if tag in ("image", "use") and (a.get("href") or a.get("xlink:href")):
            self.requests.append((f"<{tag} href>", a.get("href") or a["xlink:href"]))
        if a.get("style"):
            self.requests += [(f"<{tag} style>", u) for u in css_urls(a["style"])]
        self._style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._style = False

    def handle_data(self, data: str) -> None:
        if self._style:
            self.requests += [("<style>", u) for u in css_urls(data)]


def own_host(site: Path) -> str:
    html = (site / "index.html").read_text(encoding="utf-8")
    match = re.search(r'<link rel="canonical" href="([^"]+)"', html)
    assert match, "home page has no canonical link"
    return urlsplit(match.group(1)).netloc


def test_detector_catches_what_it_should() -> None:
    parser = _Requests()
    parser.feed('<link rel="stylesheet" href="https://fonts.googleapis.com/css"><script src="//cdn.x/a.js"></script>'
                '<img srcset="a.webp 1x, https://x.org/b.webp 2x"><div style="background:url(https://x.org/i.png)">'
                '<style>@import "https://x.org/a.css";</style><link rel="canonical" href="https://site/">'
                '<iframe src="https://www.youtube.com/embed/x"></iframe><a href="https://ok.example/">ok</a>')
    external = [url for _, url in parser.requests if is_external(url)]
    assert sorted(external) == sorted(["https://fonts.googleapis.com/css", "//cdn.x/a.js", "https://x.org/b.webp",
                        "https://x.org/i.png", "https://www.youtube.com/embed/x", "https://x.org/a.css"])
    assert parser.navigation_links == ["https://site/"]
    assert not is_external("data:image/png;base64,xx") and not is_external("../assets/a.css")


def test_no_page_requests_another_origin(built_site: Path) -> None:
    host = own_host(built_site)
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 10
    offenders = []
    for page in pages:
        parser = _Requests()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        rel = page.relative_to(built_site).as_posix()
        offenders += [f"{rel}: {where} {url}" for where, url in parser.requests if is_external(url)]
        offenders += [f"{rel}: <link> {url}" for url in parser.navigation_links
                      if is_external(url) and urlsplit(url).netloc != host]
    assert not offenders, "\n".join(offenders[:20])


def test_no_stylesheet_requests_another_origin(built_site: Path) -> None:
    sheets = sorted(built_site.rglob("*.css"))
    assert sheets
    offenders = [f"{css.relative_to(built_site)}: {url}" for css in sheets
                 for url in css_urls(css.read_text(encoding="utf-8", errors="replace")) if is_external(url)]
    assert not offenders, "\n".join(offenders[:20])


def test_sharing_tags_name_only_the_sites_own_address(built_site: Path) -> None:
    host = own_host(built_site)
    for page in sorted(built_site.rglob("index.html")):
        html = page.read_text(encoding="utf-8", errors="replace")
        for key, url in re.findall(r'<meta (?:property|name)="((?:og|twitter):(?:url|image))" content="([^"]*)"', html):
            assert urlsplit(url).netloc == host, f"{page.relative_to(built_site)}: {key} {url}"
