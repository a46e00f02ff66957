"""Invisible and bidirectional control characters: flagged with file and line, never published.

Bidi overrides and isolates (U+202A–202E, U+2066–2069), the marks U+200E/U+200F/U+061C, a byte-order mark
inside the text and the other Unicode *format* characters (category Cf: U+2060 word joiner, U+2061–2064
invisible operators, U+E0000 tag characters used to smuggle hidden text, …) can make text read differently
from what it is ("Trojan Source", CVE-2021-42574) or hide text from reviewers. Thai never needs them.

Kept, on purpose:

- U+200B ZERO WIDTH SPACE: Thai has no spaces between words, and editors insert ZWSP to mark where a line
  may break; removing it changes how a paragraph wraps, never what it says.
- U+200C ZERO WIDTH NON-JOINER and U+200D ZERO WIDTH JOINER: they only change how neighbouring characters
  join (emoji sequences such as 👩‍💻, Indic and Arabic names in references); they cannot reorder text.
- U+00AD SOFT HYPHEN: a hyphenation hint for English words, visible when a line breaks there.

A byte-order mark at the very start of a file is handled by the decoder (:mod:`site_build.textfile`).
"""

from __future__ import annotations

import re
import sys
import unicodedata

from site_build.errors import Problem

from ._common import MAX_PER_CODE, TextIndex, problem

KEPT = frozenset("\u200b\u200c\u200d\u00ad")
BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


def _format_chars() -> str:
    # Format characters live in the first two planes and in plane 14 (tags, variation selectors).
    planes = (*range(0x20000), *range(0xE0000, min(0xE1000, sys.maxunicode + 1)))
    chars = [chr(c) for c in planes if unicodedata.category(chr(c)) == "Cf" and chr(c) not in KEPT]
    return "".join(re.escape(c) for c in chars)


_INVISIBLE = re.compile(f"[{_format_chars()}\u2028\u2029]")


def describe(ch: str) -> str:
    name = unicodedata.name(ch, "FORMAT CHARACTER")
    return f"U+{ord(ch):04X} {name}"


def scan_invisible(text: str, file: str, *, line_offset: int = 0, start: int = 0) -> list[Problem]:
    """Every invisible/bidi control character in ``text`` from ``start`` on, with its line and column."""
    index = TextIndex(text, line_offset)
    found: list[Problem] = []
    for m in _INVISIBLE.finditer(text, start):
        if len(found) >= MAX_PER_CODE:
            break
        ch = m.group(0)
        if ch == "\ufeff" and m.start() == 0:
            continue  # a BOM at the start is an encoding mark, removed when the file is decoded
        kind = "อักขระควบคุมทิศทางข้อความ (bidi)" if ch in BIDI else "อักขระที่มองไม่เห็น"
        found.append(problem(
            file, index.where(m.start()), "text-invisible-char",
            f"พบ{kind} {describe(ch)} ซึ่งทำให้ข้อความแสดงต่างจากที่เขียนจริงหรือซ่อนข้อความได้ ห้ามเผยแพร่",
            f"invisible/bidirectional control character {describe(ch)}: text may read differently from what it is",
            "ลบอักขระนี้ออก (มักติดมาจากการคัดลอกจากเว็บหรือโปรแกรมอื่น): พิมพ์ข้อความช่วงนี้ใหม่ "
            "หรือวางแบบข้อความธรรมดา (Ctrl+Shift+V)"))
    return found
