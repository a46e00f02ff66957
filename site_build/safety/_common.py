"""Small pieces every safety check shares: offsets to line/column, masking, Problem building.

The checks scan whole texts with linear-time regular expressions and then translate match offsets
into the 1-based line and column staff see in their editor.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterable

from site_build.errors import Problem, Severity

MASK = "••••"
MAX_PER_CODE = 50  # a pathological file is reported, not listed in full
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")


class TextIndex:
    """Maps a character offset in ``text`` to (line, column), both 1-based, shifted by ``line_offset``.

    Built on first use: most files have no problem, and then nothing needs a line number.
    """

    def __init__(self, text: str, line_offset: int = 0) -> None:
        self.text = text
        self.line_offset = line_offset
        self._starts: list[int] | None = None

    @property
    def starts(self) -> list[int]:
        """Offset of the first character of every line."""
        if self._starts is None:
            lengths = (len(line) + 1 for line in self.text.split("\n"))
            self._starts = [0, *itertools.accumulate(lengths)][:-1]
        return self._starts

    def where(self, offset: int) -> tuple[int, int]:
        starts = self.starts
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1 + self.line_offset, offset - starts[i] + 1


def mask(value: str) -> str:
    """Show only the first character, so a log never repeats a secret (e.g. ``m••••``)."""
    value = value.strip()
    return (value[:1] + MASK) if value else MASK


def problem(file: str, where: tuple[int | None, int | None] | None, code: str, th: str, en: str, fix: str,
            severity: Severity = Severity.ERROR) -> Problem:
    line, column = where if where is not None else (None, None)
    return Problem(file=file, line=line, column=column, message_th=th, message_en=en, fix_th=fix,
                   severity=severity, code=code)


def ordered(problems: Iterable[Problem]) -> list[Problem]:
    """Sort by place and drop exact repeats (same place and code)."""
    seen: set[tuple[object, ...]] = set()
    out: list[Problem] = []
    for p in sorted(problems, key=lambda p: (p.file, p.line or 0, p.column or 0, p.code)):
        key = (p.file, p.line, p.column, p.code)
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out
