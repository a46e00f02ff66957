"""Page weight: bytes a first visit transfers, compressed, before photos; budget 250 KB per page.

Measured from a built site without a browser, so it is reproducible and needs no network:

- the page's HTML, plus every stylesheet, script, icon and preload it references (``<link>``, ``<script src>``),
  plus non-photo images in the page (SVG logos and icons); raster ``<img>``/``<source>`` are photos and are left
  out ("before photos");
- from each stylesheet: ``@import``-ed stylesheets, fonts from ``@font-face`` whose ``unicode-range`` covers a
  character of the page's text (as a browser does; both weights count, since headings are bold), and other
  ``url()`` files; ``data:`` URLs are already inside their file;
- what Material's JavaScript fetches by itself on load (checked against Chromium's request log): with Material's
  built-in search (a ``<form name="search">``), its worker script and ``search/search_index.json``; for every
  ``<link rel="alternate">`` (language switch, feeds), ``sitemap.xml`` next to that address, used to map the page
  to its other language. Pagefind loads its index only when someone searches, so it is not counted.

Each file is compressed on its own with gzip -9 (what a static host typically serves); brotli (quality 11) is
reported too when the ``brotli`` module is installed. External URLs cannot be fetched offline: they are listed,
not counted (the Material default page asks Google Fonts for Roboto; this site serves its own fonts).

The baseline is Material's own default page: a throwaway one-page ``mkdocs-material`` project with no settings
but ``theme: material``, built into a temporary folder and measured the same way.

Usage: ``python3 bench/page_weight.py [--site DIR] [--page URL ...] [--json FILE]``. Without ``--site`` it builds
the bundled site (SITE_AS_OF=2023-06-30) into a temporary folder first. Exit status 1 when a page is over budget.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import posixpath
import re
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BUDGET = 250 * 1024
PHOTO_EXTENSIONS = (".jpg", ".jpeg", ".png", ".webp", ".avif", ".gif", ".heic")


@dataclass
class Resource:
    url: str  # site-relative path of the file
    kind: str  # html, css, js, font, image, data
    raw: int
    gzip: int
    brotli: int | None = None


@dataclass
class PageWeight:
    page: str
    resources: list[Resource] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)

    @property
    def raw(self) -> int:
        return sum(r.raw for r in self.resources)

    @property
    def gzip(self) -> int:
        return sum(r.gzip for r in self.resources)

    @property
    def brotli(self) -> int | None:
        sizes = [r.brotli for r in self.resources]
        return None if any(s is None for s in sizes) else sum(s for s in sizes if s is not None)


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def brotli_size(data: bytes) -> int | None:
    try:
        import brotli  # type: ignore[import-not-found]
    except ImportError:
        return None
    return len(brotli.compress(data, quality=11))


# -- HTML -------------------------------------------------------------------------------------------------

_REQUEST_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload", "modulepreload", "manifest",
                 "mask-icon"}


class _Refs(HTMLParser):
    """Collects what a browser fetches on load (stylesheets, scripts, icons, images) and the page's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.refs: list[tuple[str, str]] = []  # (kind, url)
        self.text: list[str] = []
        self.config_json: list[str] = []
        self.alternates: list[str] = []
        self.search_form = False
        self._in_config = False
        self._skip_text = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and "alternate" in a.get("rel", "").lower().split() and a.get("href"):
            self.alternates.append(a["href"])
        if tag == "form" and a.get("name") == "search":
            self.search_form = True
        if tag == "link" and set(a.get("rel", "").lower().split()) & _REQUEST_RELS and a.get("href"):
            rel = a["rel"].lower()
            kind = "css" if "stylesheet" in rel else "font" if a.get("as") == "font" else \
                "js" if "modulepreload" in rel or a.get("as") == "script" else "image"
            self.refs.append((kind, a["href"]))
        elif tag == "script":
            if a.get("src"):
                self.refs.append(("js", a["src"]))
            if a.get("id") == "__config":
                self._in_config = True
            self._skip_text += 1
        elif tag in ("img", "source", "image"):
            src = a.get("src") or a.get("href") or (a.get("srcset") or "").split(" ")[0]
            if src and not src.lower().split("?")[0].endswith(PHOTO_EXTENSIONS):
                self.refs.append(("image", src))
        elif tag == "style":
            self._skip_text += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip_text = max(0, self._skip_text - 1)
            self._in_config = False

    def handle_data(self, data: str) -> None:
        if self._in_config:
            self.config_json.append(data)
        elif not self._skip_text:
            self.text.append(data)


# -- CSS --------------------------------------------------------------------------------------------------

_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_FONT_FACE = re.compile(r"@font-face\s*\{(?P<body>[^}]*)\}", re.IGNORECASE)
_URL = re.compile(r"""url\(\s*(?P<q>['"]?)(?P<url>[^'")]+)(?P=q)\s*\)""", re.IGNORECASE)
_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?['"]?(?P<url>[^'")\s;]+)""", re.IGNORECASE)
_RANGE = re.compile(r"unicode-range\s*:\s*(?P<ranges>[^;]+)", re.IGNORECASE)


def parse_unicode_range(value: str) -> list[tuple[int, int]]:
    """``U+0E01-0E5B, U+200C`` → [(0x0E01, 0x0E5B), (0x200C, 0x200C)]; ``U+4??`` wildcards too."""
    out = []
    for part in value.split(","):
        part = part.strip().upper().removeprefix("U+")
        if not part:
            continue
        if "?" in part:
            out.append((int(part.replace("?", "0"), 16), int(part.replace("?", "F"), 16)))
        elif "-" in part:
            low, high = part.split("-", 1)
            out.append((int(low, 16), int(high, 16)))
        else:
            out.append((int(part, 16), int(part, 16)))
    return out


def covers(ranges: list[tuple[int, int]], text: str) -> bool:
    codes = {ord(ch) for ch in text}
    return any(low <= code <= high for code in codes for low, high in ranges)


def css_references(css: str, page_text: str) -> list[tuple[str, str]]:
    """(kind, url) a stylesheet makes the browser fetch for a page with ``page_text``."""
    css = _COMMENT.sub("", css)
    refs: list[tuple[str, str]] = [("css", m.group("url")) for m in _IMPORT.finditer(css)]
    font_urls: set[str] = set()
    for face in _FONT_FACE.finditer(css):
        body = face.group("body")
        urls = [m.group("url") for m in _URL.finditer(body)]
        font_urls.update(urls)
        ranged = _RANGE.search(body)
        if ranged and not covers(parse_unicode_range(ranged.group("ranges")), page_text):
            continue
        first = next((u for u in urls if not u.startswith("data:")), None)  # the browser takes the first it supports
        if first:
            refs.append(("font", first))
    without_faces = re.sub(r"@import[^;]*;", "", _FONT_FACE.sub("", css), flags=re.IGNORECASE)
    for match in _URL.finditer(without_faces):
        url = match.group("url")
        if url not in font_urls and not url.startswith(("data:", "#")):
            refs.append(("image", url))
    return refs


# -- measuring --------------------------------------------------------------------------------------------

def _resolve(base: str, url: str) -> str | None:
    """Site-relative path of ``url`` referenced from the file at site-relative ``base``; None when external."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:
        return base
    joined = path.lstrip("/") if path.startswith("/") else posixpath.join(posixpath.dirname(base), path)
    return posixpath.normpath(joined)


def _page_file(site: Path, page: str) -> str:
    page = page.lstrip("/")
    return page + "index.html" if page == "" or page.endswith("/") else page


def measure_page(site: Path, page: str) -> PageWeight:
    html_rel = _page_file(site, page)
    html = (site / html_rel).read_bytes()
    parser = _Refs()
    parser.feed(html.decode("utf-8", errors="replace"))
    text = "".join(parser.text)
    result = PageWeight(page=page)
    seen: set[str] = set()

    def add(kind: str, rel: str, data: bytes) -> None:
        seen.add(rel)
        result.resources.append(Resource(rel, kind, len(data), gzip_size(data), brotli_size(data)))

    add("html", html_rel, html)
    queue: list[tuple[str, str, str]] = [(kind, url, html_rel) for kind, url in parser.refs]
    queue += [(kind, url, html_rel) for kind, url in material_fetches(parser)]
    while queue:
        kind, url, base = queue.pop(0)
        if url.startswith("data:"):
            continue
        rel = _resolve(base, url)
        if rel is None:
            result.external.append(url)
            continue
        if rel in seen:
            continue
        path = site / rel
        if not path.is_file():
            result.missing.append(rel)
            seen.add(rel)
            continue
        data = path.read_bytes()
        add(kind, rel, data)
        if kind == "css":
            queue += [(k, u, rel) for k, u in css_references(data.decode("utf-8", errors="replace"), text)]
    return result


def material_fetches(parser: _Refs) -> list[tuple[str, str]]:
    """Files Material's JavaScript requests on load: search worker and index, and sitemaps of alternates."""
    if not parser.config_json:
        return []  # not a Material page: no bundle, no fetches
    try:
        config = json.loads("".join(parser.config_json))
    except json.JSONDecodeError:
        return []
    fetches: list[tuple[str, str]] = []
    if parser.search_form and config.get("search"):
        base = str(config.get("base", ".")).rstrip("/")
        fetches += [("js", config["search"]), ("data", f"{base}/search/search_index.json")]
    for href in parser.alternates:
        # Material resolves "sitemap.xml" against each alternate URL (new URL("sitemap.xml", href)):
        # "en/" → "en/sitemap.xml", "feed.xml" → "sitemap.xml".
        fetches.append(("data", urljoin(href, "sitemap.xml")))
    return fetches


def find_writeup(site: Path) -> str | None:
    """URL of a write-up page: the first ``activities/<YYYY-MM-DD>-<slug>/`` in the built site."""
    activities = site / "activities"
    if not activities.is_dir():
        return None
    for folder in sorted(activities.iterdir()):
        if re.match(r"\d{4}-\d{2}-\d{2}-", folder.name) and (folder / "index.html").exists():
            return f"activities/{folder.name}/"
    return None


# -- builds -----------------------------------------------------------------------------------------------

def build_bundled_site(target: Path, as_of: str = "2023-06-30") -> Path:
    sys.path.insert(0, str(ROOT))
    from site_build.build import build_site

    os.environ.setdefault("SITE_AS_OF", as_of)
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1688083200")
    return build_site(ROOT, site_dir=target)


def build_material_baseline(workdir: Path) -> Path:
    """Material's own default page: one Markdown page, ``theme: material`` and nothing else."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    docs = workdir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text("# Welcome\n\nA page built with Material for MkDocs and its default settings.\n",
                                   encoding="utf-8")
    config_file = workdir / "mkdocs.yml"
    config_file.write_text("site_name: Baseline\ntheme:\n  name: material\n", encoding="utf-8")
    site = workdir / "site"
    config = load_config(config_file=str(config_file), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site


# -- report -----------------------------------------------------------------------------------------------

def kb(n: int | None) -> str:
    return "–" if n is None else f"{n / 1024:.1f} KB"


def report(label: str, weight: PageWeight) -> str:
    lines = [f"{label}: {weight.page or '(home)'}  gzip -9 {kb(weight.gzip)}  brotli {kb(weight.brotli)}  "
             f"raw {kb(weight.raw)}  {'OK' if weight.gzip <= BUDGET else 'OVER BUDGET'} (budget {kb(BUDGET)})"]
    by_kind: dict[str, int] = {}
    for r in weight.resources:
        by_kind[r.kind] = by_kind.get(r.kind, 0) + r.gzip
    lines.append("    by kind (gzip): " + ", ".join(f"{k} {kb(v)}" for k, v in sorted(by_kind.items()))
                 + f"; without fonts {kb(weight.gzip - by_kind.get('font', 0))}")
    for r in sorted(weight.resources, key=lambda r: -r.gzip):
        lines.append(f"    {r.kind:5} {kb(r.gzip):>9} gz {kb(r.raw):>9} raw  {r.url}")
    for url in weight.external:
        lines.append(f"    external, not counted: {url}")
    for rel in weight.missing:
        lines.append(f"    referenced but missing: {rel}")
    return "\n".join(lines)


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build the bundled site)")
    parser.add_argument("--page", action="append", help="page URL to measure (default: home and a write-up)")
    parser.add_argument("--json", type=Path, help="also write the numbers as JSON here")
    args = parser.parse_args(list(argv) if argv is not None else None)
    with tempfile.TemporaryDirectory(prefix="page-weight-") as tmp:
        site = args.site or build_bundled_site(Path(tmp) / "site")
        pages = args.page or ["", find_writeup(site) or "plan/2566/project-1/"]
        if not args.page and find_writeup(site) is None:
            print("no write-up in the built site: measuring a plan project page instead", file=sys.stderr)
        weights = [measure_page(site, page) for page in pages]
        baseline = measure_page(build_material_baseline(Path(tmp) / "baseline"), "")
    for weight in weights:
        print(report("site", weight))
    print(report("baseline (Material default page)", baseline))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        data = {"budget": BUDGET, "compression": "gzip -9 per file",
                "pages": [dict(asdict(w), gzip=w.gzip, brotli=w.brotli, raw=w.raw) for w in weights],
                "baseline": dict(asdict(baseline), gzip=baseline.gzip, brotli=baseline.brotli, raw=baseline.raw)}
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0 if all(w.gzip <= BUDGET for w in weights) else 1


if __name__ == "__main__":
    sys.exit(main())
