"""The expected answer of a search, computed from the built HTML (independently of Pagefind).

A page must be returned exactly when its article text (site_build.search.pages.article_text: the text
between the article tags, chrome left out) contains the query under site_build.search.text.normalise.
"""

from __future__ import annotations

from pathlib import Path

from site_build.search.indexer import BUNDLE_DIR, NOT_PAGES
from site_build.search.pages import article_text
from site_build.search.text import contains


def page_url(site: Path, page: Path) -> str:
    """``plan/2566/index.html`` → ``/plan/2566/`` (Pagefind's URL form: index.html stripped)."""
    rel = page.relative_to(site).as_posix()
    return "/" + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def searchable_pages(site: Path) -> dict[str, str]:
    """Every searchable page of the built site: URL → article text."""
    pages: dict[str, str] = {}
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site)
        if rel.as_posix() in NOT_PAGES or rel.parts[0] == BUNDLE_DIR:
            continue
        text = article_text(page.read_text(encoding="utf-8"))
        if text is not None:
            pages[page_url(site, page)] = text
    return pages


def expected(pages: dict[str, str], query: str) -> set[str]:
    return {url for url, text in pages.items() if contains(text, query)}
