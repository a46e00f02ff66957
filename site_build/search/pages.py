"""Which part of a built page is searchable, and the index-only copy of a page that Pagefind reads.

Only the article (Material's ``<article class="md-content__inner">``) is searchable: navigation, header,
footer and page chrome inside the article (permalinks, edit buttons, page history) are not. The index
copy marks the article with ``data-pagefind-body`` and writes the Arabic twin of every Thai-digit number
next to it (``๒๕๖๖ ⟦2566⟧``), so a query normalised to Arabic digits finds both spellings. The copy
lives in a temporary folder: the published pages stay exactly as MkDocs wrote them.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from site_build.search.text import ALT_CLOSE, ALT_OPEN
from site_build.thaidate import to_arabic_digits

ARTICLE_CLASS = "md-content__inner"
EXCLUDED_CLASSES = ("headerlink", "md-content__button", "md-source-file", "lc-page-meta")
"""Chrome inside the article that is not content (besides anything marked ``data-pagefind-ignore``)."""
NOINDEX_ATTR = "data-lc-noindex"
"""Put this attribute on any element of a page to keep the whole page out of search (e.g. print views)."""

_NUMBER = re.compile(r"[0-9๐-๙]+(?:[.,:/-][0-9๐-๙]+)*")
_THAI_DIGIT = re.compile(r"[๐-๙]")
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_RAW = frozenset(("script", "style", "template"))
_INLINE = frozenset(
    "a abbr b bdi bdo cite code data del dfn em i ins kbd mark q s samp small span strong sub sup time u var"
    .split())


def with_digit_twins(text: str) -> str:
    """``ปี ๒๕๖๖`` → ``ปี ๒๕๖๖ ⟦2566⟧``: every number written with Thai digits gets its Arabic twin."""
    def twin(match: re.Match[str]) -> str:
        number = match.group(0)
        if not _THAI_DIGIT.search(number):
            return number
        return f"{number} {ALT_OPEN}{to_arabic_digits(number)}{ALT_CLOSE}"

    return _NUMBER.sub(twin, text)


def _classes(attrs: list[tuple[str, str | None]]) -> set[str]:
    return set((dict(attrs).get("class") or "").split())


def _is_article(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    return tag == "article" and ARTICLE_CLASS in _classes(attrs)


def _is_excluded(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    return (tag in _RAW or any(name == "data-pagefind-ignore" for name, _ in attrs)
            or not _classes(attrs).isdisjoint(EXCLUDED_CLASSES))


class _IndexCopy(HTMLParser):
    """Re-emits a page with ``data-pagefind-body`` on the article and digit twins in its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.article_depth = 0
        self.found = False
        self.noindex = False
        self.raw = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        text = self.get_starttag_text() or f"<{tag}>"
        if any(name == NOINDEX_ATTR for name, _ in attrs):
            self.noindex = True
        if tag == "article" and (self.article_depth or _is_article(tag, attrs)):
            if not self.article_depth and not self.found:
                self.found = True
                text = f"<article data-pagefind-body{text[len('<article'):]}"
            self.article_depth += 1
        self.raw = tag in _RAW
        self.out.append(text)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if any(name == NOINDEX_ATTR for name, _ in attrs):
            self.noindex = True
        self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.article_depth:
            self.article_depth -= 1
        self.raw = False
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(with_digit_twins(data) if self.article_depth and not self.raw else data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def index_copy(html: str) -> str | None:
    """The page as Pagefind should read it, or None when the page is not searchable."""
    parser = _IndexCopy()
    parser.feed(html)
    parser.close()
    if not parser.found or parser.noindex:
        return None
    return "".join(parser.out)


class _ArticleText(HTMLParser):
    """Collects the searchable text of the article: blocks on separate lines, chrome left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.article_depth = 0
        self.skip_depth = 0
        self.found = False
        self.noindex = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if any(name == NOINDEX_ATTR for name, _ in attrs):
            self.noindex = True
        if tag == "article" and (self.article_depth or (not self.found and _is_article(tag, attrs))):
            self.found = True
            self.article_depth += 1
        if not self.article_depth or tag in _VOID:
            if self.article_depth and not self.skip_depth:
                self.parts.append(" " if tag in ("br", "wbr") else "\n" if tag not in ("img",) else "")
            return
        if self.skip_depth or _is_excluded(tag, attrs):
            self.skip_depth += 1
        elif tag not in _INLINE:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if any(name == NOINDEX_ATTR for name, _ in attrs):
            self.noindex = True
        if self.article_depth and not self.skip_depth:
            self.parts.append(" " if tag in ("br", "wbr") else "")

    def handle_endtag(self, tag: str) -> None:
        if not self.article_depth or tag in _VOID:
            return
        if self.skip_depth:
            self.skip_depth -= 1
        elif tag not in _INLINE:
            self.parts.append("\n")
        if tag == "article":
            self.article_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.article_depth and not self.skip_depth:
            self.parts.append(data)


def article_text(html: str) -> str | None:
    """The searchable text of a built page (None when the page is not searchable)."""
    parser = _ArticleText()
    parser.feed(html)
    parser.close()
    if not parser.found or parser.noindex:
        return None
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
