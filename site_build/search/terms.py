"""Extra index terms that let Pagefind find every Thai substring and both digit forms of a number.

Pagefind matches a query word against the *start* of indexed words, and its Thai dictionary segmentation
sometimes disagrees with how a word sits in running text: ราชการ inside ข้าราชการ, or คุณธรรม in
เรียนรู้คุณธรรม (segmented รู้คุณ|ธรรม), are not found. So each page also gets, for every position in
every run of Thai letters, the next three letters as one Latin-coded word (a character trigram; shorter
at the end of a run). A query's Thai runs are coded the same way in the browser (assets/js/search.js):
a page that contains the query contains all of its trigrams, so Pagefind proposes it; the exact
substring check then drops pages that have the trigrams but not the query.

Numbers written in Thai digits get their Arabic twin (๒๕๖๖ → 2566); the browser turns Thai digits in a
query into Arabic ones. All terms sit in one block, bracketed by ⟦ ⟧, at the end of the index-only copy.
"""

from __future__ import annotations

import re

from site_build.search.text import TERMS_CLOSE, TERMS_OPEN, normalise
from site_build.thaidate import to_arabic_digits

GRAM = 3
_THAI_RUN = re.compile(r"[\u0e01-\u0e4f]+")
_NUMBER = re.compile(r"[0-9๐-๙]+(?:[.,:/-][0-9๐-๙]+)*")
_THAI_DIGIT = re.compile(r"[๐-๙]")


_CODES = {ch: chr(ord("v") + (ch - 0x0E00) // 26) + chr(ord("a") + (ch - 0x0E00) % 26) for ch in range(0x0E01, 0x0E50)}


def code(letters: str) -> str:
    """Two Latin letters per Thai letter (v-y then a-z): one plain word that Pagefind will not split."""
    return letters.translate(_CODES)


def trigram_words(text: str) -> list[str]:
    """The coded trigrams of every Thai run of ``text`` (after :func:`normalise`), each once."""
    seen: dict[str, None] = {}
    for run in _THAI_RUN.findall(normalise(text)):
        coded = code(run)
        for i in range(0, len(coded), 2):
            seen.setdefault(coded[i:i + 2 * GRAM])
    return list(seen)


def digit_twins(text: str) -> list[str]:
    """Arabic forms of the numbers written with Thai digits (``๑,๐๐๐`` → ``1,000``), each once."""
    seen: dict[str, None] = {}
    for number in _NUMBER.findall(text):
        if _THAI_DIGIT.search(number):
            seen.setdefault(to_arabic_digits(number))
    return list(seen)


def extra_terms(text: str) -> str:
    """The bracketed block of extra terms for a page whose searchable text is ``text``."""
    return f"{TERMS_OPEN} {' '.join(digit_twins(text) + trigram_words(text))} {TERMS_CLOSE}"
