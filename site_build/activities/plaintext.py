"""Plain-text fields (title, summary, alt, caption, note) must not carry HTML.

Uses the project's shared checker (:mod:`site_build.safety.plaintext`) when it is present; otherwise a
minimal tag check, so a ``<script>`` or ``<b>`` typed into a title is always caught with its line.
"""

from __future__ import annotations

import re

from site_build.errors import Problem

_TAG = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|&[A-Za-z]+;|&#[0-9xX]+;")


def check_plain_text(value: str, file: str, line: int | None, column: int | None, field: str) -> list[Problem]:
    try:
        from site_build.safety.plaintext import check_plain_text as shared
    except ImportError:
        return _minimal(value, file, line, column, field)
    return list(shared(value, file, line, column, field))


def _minimal(value: str, file: str, line: int | None, column: int | None, field: str) -> list[Problem]:
    match = _TAG.search(value)
    if not match:
        return []
    return [Problem(file=file, line=line, column=column,
                    message_th=f"ช่อง '{field}' เป็นข้อความธรรมดา ห้ามใส่โค้ด HTML (พบ '{match.group(0)}')",
                    message_en=f"'{field}' is plain text; HTML is not allowed (found '{match.group(0)}')",
                    fix_th="ลบเครื่องหมาย < > และโค้ด HTML ออก ให้เหลือเฉพาะข้อความ",
                    path=field, code="html-in-plain-text")]
