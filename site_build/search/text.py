"""What "a page contains the query" means, in one place (the browser's search.js does exactly the same).

Thai has no spaces between words and the site writes numbers in Thai digits (๒๕๖๖) while visitors often
type Arabic ones (2566), so matching is a plain substring test on normalised text: NFKC per character,
lower case, Thai digits as Arabic, no zero-width characters, no thousands commas between digits, one
space for any run of whitespace. Pagefind finds the candidates; this rule decides which ones really match.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from site_build.thaidate import to_arabic_digits

ALT_OPEN = "⟦"
ALT_CLOSE = "⟧"
"""Brackets around the extra index terms (site_build.search.terms) in the index-only copy, never in the site."""

_ALTERNATE = re.compile(r"\s*" + ALT_OPEN + r"[^" + ALT_CLOSE + r"]*" + ALT_CLOSE)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"\s+")
_DIGIT_COMMA = re.compile(r"(?<=[0-9]),(?=[0-9])")


@functools.lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    return to_arabic_digits(unicodedata.normalize("NFKC", ch).lower())


def display_text(indexed: str) -> str:
    """Pagefind's stored page text as a visitor should read it: no word-break marks, no extra terms."""
    return _ALTERNATE.sub("", indexed.translate(_INVISIBLE))


def normalise(text: str) -> str:
    """The comparable form of a query or a page text (see the module docstring)."""
    joined = "".join(map(_char, text.translate(_INVISIBLE)))
    return _SPACES.sub(" ", _DIGIT_COMMA.sub("", joined)).strip()


def contains(text: str, query: str) -> bool:
    """Whether ``text`` contains ``query`` under :func:`normalise` (an empty query matches nothing)."""
    needle = normalise(query)
    return bool(needle) and needle in normalise(text)
