"""Page URLs and relative prefixes for raw HTML in generated pages.

MkDocs rewrites Markdown links but not ``src``/``href`` inside raw HTML (mkdocs#3618), so cards and
pictures carry URLs made relative to the page here. Relative (not ``/``-rooted) URLs keep working when
the site is served under a sub-path.
"""

from __future__ import annotations

import posixpath

PHOTO_DIR = "assets/photos/"


def page_url(uri: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a Markdown source ``uri`` (``activities/page/2.md`` → ``activities/page/2/``)."""
    parent, name = posixpath.split(uri)
    stem = posixpath.splitext(name)[0]
    if stem in ("index", "README"):
        return f"{parent}/" if parent else ""
    if directory_urls:
        return posixpath.join(parent, stem) + "/"
    return posixpath.join(parent, stem + ".html")


def to_root(url: str) -> str:
    """``../`` steps from a page URL back to the site root (``activities/page/2/`` → ``../../../``)."""
    return "../" * url.count("/")


def link(from_url: str, target_url: str) -> str:
    """Relative link from one page URL to another site-relative URL; ``./`` for the same page."""
    return to_root(from_url) + target_url or "./"


def photo_prefix(from_url: str) -> str:
    return to_root(from_url) + PHOTO_DIR


def writeup_target(folder: str, directory_urls: bool = True) -> str:
    return f"activities/{folder}/" if directory_urls else f"activities/{folder}/index.html"
