"""Which part of a built page is searchable, and the index-only copy of a page that Pagefind reads.

Only the article (Material's ``<article class="md-content__inner">``) is searchable: navigation, header,
footer and page chrome inside the article (permalinks, edit buttons, page history) are not. The text is
taken the way Pagefind takes it, so the extra terms, the tests' expectations and the browser's exact
check all read the same words. The index copy marks the article with ``data-pagefind-body`` and appends
the extra terms of :mod:`site_build.search.terms` inside it. The copy lives in a temporary folder: the
published pages stay exactly as MkDocs wrote them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from site_build.search.context import pagefind_attributes
from site_build.search.terms import extra_terms

ARTICLE_CLASS = "md-content__inner"
EXCLUDED_CLASSES = ("headerlink", "md-content__button", "md-source-file")
"""Chrome inside the article that is not content (besides anything marked ``data-pagefind-ignore``)."""
NOINDEX_ATTR = "data-lc-noindex"
"""Put this attribute on any element of a page to keep the whole page out of search (e.g. print views)."""

# Pagefind 1.6's own text rules, measured: it leaves these elements out even inside data-pagefind-body,
# ends a sentence after the _BREAK elements and joins the text of all others without a space.
_LEFT_OUT = frozenset(["script", "style", "template", "noscript", "nav", "footer", "form", "svg", "iframe", "label"])
_BREAK = frozenset(["article", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "p", "section", "td", "tr", "ul"])
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                   "wbr"])

_ARTICLE_START = re.compile(r"<article\b[^>]*\bclass=\"[^\"]*\b" + ARTICLE_CLASS + r"\b", re.IGNORECASE)
_NOINDEX = re.compile(r"<[a-zA-Z][^<>]*\s" + NOINDEX_ATTR + r"[\s=/>]")
_NEWLINE = re.compile("\n")

Attrs = list[tuple[str, str | None]]


def _classes(attrs: Attrs) -> set[str]:
    return set((dict(attrs).get("class") or "").split())


def _is_excluded(tag: str, attrs: Attrs) -> bool:
    return (tag in _LEFT_OUT or any(name == "data-pagefind-ignore" for name, _ in attrs)
            or not _classes(attrs).isdisjoint(EXCLUDED_CLASSES))


@dataclass(frozen=True)
class Article:
    """The searchable article of a page: its text, and where its start tag and end tag are."""

    text: str
    start: int
    start_end: int
    end: int


class _ArticleParser(HTMLParser):
    """Finds the first Material article; collects its text with blocks on separate lines."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.line_starts = [0, *(m.end() for m in _NEWLINE.finditer(html))]
        self.parts: list[str] = []
        self.depth = 0
        self.skip = 0
        self.start: tuple[int, int] | None = None
        self.end: int | None = None
        self.noindex = False

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        if any(name == NOINDEX_ATTR for name, _ in attrs):
            self.noindex = True
        if tag == "article":
            if self.depth:
                self.depth += 1
            elif self.start is None and ARTICLE_CLASS in _classes(attrs):
                at = self.position()
                self.start = (at, at + len(self.get_starttag_text() or ""))
                self.depth = 1
                return
        if not self.depth:
            return
        if tag in _VOID:
            if not self.skip and tag == "br":
                self.parts.append(" ")
        elif self.skip or _is_excluded(tag, attrs):
            self.skip += 1
        elif tag in _BREAK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: Attrs) -> None:
        if any(name == NOINDEX_ATTR for name, _ in attrs):
            self.noindex = True
        if self.depth and not self.skip and tag == "br":
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if not self.depth or tag in _VOID:
            return
        if tag == "article":
            self.depth -= 1
            if not self.depth:
                self.end = self.position()
                return
        if self.skip:
            self.skip -= 1
        elif tag in _BREAK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.depth and not self.skip:
            self.parts.append(data)


def find_article(html: str) -> Article | None:
    """The searchable article of a built page (None when the page has none or is marked noindex)."""
    found = _ARTICLE_START.search(html)
    if found is None or _NOINDEX.search(html):
        return None
    rest = html[found.start():]  # the navigation before the article is most of a page: skip it unparsed
    parser = _ArticleParser(rest)
    parser.feed(rest)
    parser.close()
    if parser.start is None or parser.end is None or parser.noindex:
        return None
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return Article("\n".join(line for line in lines if line), found.start() + parser.start[0],
                   found.start() + parser.start[1], found.start() + parser.end)


def article_text(html: str) -> str | None:
    """The searchable text of a built page: one line per block (None when not searchable)."""
    article = find_article(html)
    return article.text if article else None


def index_copy(html: str, url_path: str = "") -> str | None:
    """The page as Pagefind should read it, or None when the page is not searchable.

    ``url_path`` (the page's path in the site) gives the result's context (:mod:`site_build.search.context`).
    """
    article = find_article(html)
    if article is None:
        return None
    start_tag = html[article.start:article.start_end]
    return "".join((
        html[:article.start], "<article data-pagefind-body", pagefind_attributes(html, url_path),
        start_tag[len("<article"):],
        html[article.start_end:article.end], "<div>", extra_terms(article.text), "</div>", html[article.end:],
    ))
