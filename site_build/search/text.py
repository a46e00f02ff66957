"""What "a page contains the query" means, in one place (the browser's search.js does exactly the same).

Thai has no spaces between words and the site writes numbers in Thai digits (๒๕๖๖) while visitors often
type Arabic ones (2566), so matching is a plain substring test on normalised text: NFKC per character,
lower case, Thai digits as Arabic, no zero-width characters, no thousands commas between digits, one
space for any run of whitespace. Thai is matched anywhere; Latin words and numbers from their start
(:func:`match_starts`). Pagefind finds the candidates; this rule decides which ones really match.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from site_build.thaidate import to_arabic_digits

TERMS_OPEN = "⟦"
TERMS_CLOSE = "⟧"
"""Brackets around the extra index terms (site_build.search.terms) in the index-only copy, never in the site."""

_TERMS = re.compile(r"\s*" + TERMS_OPEN + r"[^" + TERMS_CLOSE + r"]*" + TERMS_CLOSE)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_SPACES = re.compile(r"\s+")
_DIGIT_COMMA = re.compile(r"(?<=[0-9]),(?=[0-9])")
_WORDISH = re.compile(r"[0-9a-z]")


@functools.lru_cache(maxsize=4096)
def _char(ch: str) -> str:
    return to_arabic_digits(unicodedata.normalize("NFKC", ch).lower())


def display_text(indexed: str) -> str:
    """Pagefind's stored page text as a visitor should read it: no word-break marks, no extra terms."""
    return _TERMS.sub("", indexed.translate(_INVISIBLE))


def normalise(text: str) -> str:
    """The comparable form of a query or a page text (see the module docstring)."""
    joined = "".join(map(_char, text.translate(_INVISIBLE)))
    return _SPACES.sub(" ", _DIGIT_COMMA.sub("", joined)).strip()


def match_starts(text: str, query: str) -> list[int]:
    """Where ``query`` occurs in ``text``, both already normalised.

    Thai is matched anywhere (it has no spaces between words); a query that starts with a Latin letter or a
    digit must start a word or a number there: ``gift`` finds "Gift", ``2566`` finds "๒๕๖๖/๒๕๖๗", but
    ``566`` does not find 2566 and ``ift`` does not find "gift".
    """
    starts: list[int] = []
    if not query:
        return starts
    bounded = _WORDISH.match(query[0]) is not None
    at = text.find(query)
    while at != -1:
        if not (bounded and at and _WORDISH.match(text[at - 1])):
            starts.append(at)
        at = text.find(query, at + 1)
    return starts


def contains(text: str, query: str) -> bool:
    """Whether ``text`` contains ``query`` under :func:`normalise` and :func:`match_starts`."""
    return bool(match_starts(normalise(text), normalise(query)))
