"""Front-matter text fields (title, summary, description, captions, alt) are plain text, never markup.

They end up in ``<title>``, meta descriptions, feeds, JSON and image ``alt`` where HTML would either
show as code or run. :func:`check_plain_text` tells staff when a field holds markup or invisible
control characters; :func:`plain` is what every template or generator uses to print such a value.
"""

from __future__ import annotations

import dataclasses
import html
import re
import unicodedata

from site_build.errors import Problem

from ._common import problem

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s[^<>]*)?/?>|<!--|<!\[CDATA\[|<![A-Za-z]|<\?")
_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")
_MD_LINK = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*>")
_SCHEME = re.compile(r"(?<![A-Za-z])(?:javascript|vbscript|data):\S", re.IGNORECASE)
# Bidirectional overrides/isolates can make text read differently from what it is ("Trojan Source").
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_ALLOWED_CONTROLS = frozenset("\n\t")


def plain(value: str) -> str:
    """A plain-text field escaped for HTML (quotes included, so it is safe inside attributes too)."""
    return html.escape(value, quote=True)


def _bad_char(ch: str) -> bool:
    if ch in _ALLOWED_CONTROLS:
        return False
    return ch in _BIDI or ch in "\u2028\u2029\ufffe\uffff" or unicodedata.category(ch) == "Cc"


def _place(value: str, offset: int, line: int | None, column: int | None) -> tuple[int | None, int | None]:
    if line is None:
        return None, None
    newlines = value.count("\n", 0, offset)
    if newlines == 0:
        return line, None if column is None else column + offset
    return line + newlines, None  # block scalars are indented: the column would be a guess


def check_plain_text(value: str, file: str, line: int | None, column: int | None, field: str) -> list[Problem]:
    """Refuse HTML tags, entities, Markdown links/images and control characters in one text field.

    ``line``/``column`` are where the value starts in the file (1-based), None when unknown;
    ``field`` names the field (``title``, ``photos[2].alt``) and becomes the problem's ``path``.
    """
    found: list[Problem] = []
    for i, ch in enumerate(value):
        if _bad_char(ch):
            found.append(_with_path(problem(
                file, _place(value, i, line, column), "plain-text-control",
                f"ช่อง {field} มีอักขระควบคุมที่มองไม่เห็น (U+{ord(ch):04X}) ซึ่งอาจทำให้ข้อความแสดงผิด",
                f"field {field!r} contains an invisible control character U+{ord(ch):04X}",
                "พิมพ์ข้อความในช่องนี้ใหม่ หรือคัดลอกผ่านโปรแกรมที่วางเป็นข้อความธรรมดา (ไม่มีรูปแบบ)"), field))
            break
    markup = [m for m in (_TAG.search(value), _ENTITY.search(value), _MD_LINK.search(value), _SCHEME.search(value))
              if m is not None]
    if markup:
        first = min(markup, key=lambda m: m.start())
        shown = first.group(0)[:40]
        found.append(_with_path(problem(
            file, _place(value, first.start(), line, column), "plain-text-markup",
            f"ช่อง {field} ต้องเป็นข้อความธรรมดา แต่พบโค้ด HTML/Markdown “{shown}”",
            f"field {field!r} must be plain text, found markup {shown!r}",
            "ลบแท็ก ลิงก์ หรือรหัส &…; ออก เขียนเป็นข้อความล้วน (ตัวหนา ลิงก์ และรูปภาพ ใส่ได้ในเนื้อหาเท่านั้น)"), field))
    return found


def _with_path(p: Problem, field: str) -> Problem:
    return dataclasses.replace(p, path=field)
