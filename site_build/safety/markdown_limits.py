"""Pathological Markdown is refused before Python-Markdown sees it.

Measured with Python-Markdown 3.x and this project's extensions on a 2-core machine (timings from a
one-off probe, kept here so the limits have reasons; the tests only check that these inputs are
refused quickly):

* ``"[" * 5000`` on one line: 5.5 s, ``"[" * 20000``: > 20 s (every ``[`` rescans the rest of the
  paragraph for its ``]``). ``"[a](" * 5000``, spread over lines or not: 5–9 s. Nested ``[[[…]]]`` 5000
  deep: 6.6 s.
* Lists nested 400 levels deep and ``<div markdown>`` nested 500 deep: ``RecursionError``.
* ``"x[^1]" * 4000`` (one footnote referenced again and again): > 20 s; 2,000 refs: 5 s; 500: 0.6 s.
* 100,000 HTML entities (``&amp;``): 19 s; 50,000: 7 s.
* ``"*" * 50000`` and ``"_" * 50000`` are fast in Markdown 3.x, but such runs are never content and
  other extensions re-scan them; they are refused at a generous length.

A normal long Thai write-up (hundreds of paragraphs, links, bold, tables) is far below every limit.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from site_build.errors import Problem

from ._common import TextIndex, ordered, problem

MAX_BYTES = 512 * 1024
MAX_LINE_CHARS = 20_000
MAX_DEPTH = 20
MAX_BRACKET_DEPTH = 32
MAX_BRACKETS_PER_PARAGRAPH = 1_000
MAX_TABLE_ROWS = 2_000
MAX_TABLE_PIPES = 200
MAX_FOOTNOTE_REFS = 500
MAX_ENTITIES = 5_000
MAX_HTML_DEPTH = 50
RUN_LIMITS = {"[": 32, "]": 32, "(": 32, "<": 32, "`": 32, "*": 500, "_": 500, "~": 100, "^": 100}
MAX_REPORTS_PER_KIND = 5

Report = Callable[[int, str, str, str, str], None]  # offset, code, Thai, English, fix

_RUN = re.compile(r"(\[|\]|\(|<|`|\*|_|~|\^)\1{31,}")
_PARAGRAPH_SPLIT = re.compile(r"\n[ \t]*\n")
_BRACKET = re.compile(r"[\[\]()]")
_ENTITY = re.compile(r"&(?:#[0-9]{1,8}|#[xX][0-9A-Fa-f]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]\n]{0,200}\](?!:)")  # references, not the "[^1]:" definitions
_LIST_MARKER = re.compile(r"(?:[-*+]|[0-9]{1,9}[.)])(?=[ \t])")
_HTML_BLOCK = re.compile(
    r"<(/?)(div|section|details|summary|figure|figcaption|article|aside|blockquote|table|thead|tbody|tr|td|th"
    r"|ul|ol|li|dl|dt|dd|p|span|picture|main|header|footer|nav)\b[^>]*?(/?)>",
    re.IGNORECASE,
)
_LONG_LINE = re.compile(rf"^[^\n]{{{MAX_LINE_CHARS + 1},}}", re.MULTILINE)
# A line can only nest deeper than MAX_DEPTH if its prefix of spaces, ">" and list markers is long.
_DEEP_PREFIX = re.compile(rf"^[ \t>*+\-0-9.)]{{{MAX_DEPTH + 1},}}", re.MULTILINE)
_TABLE_LINE = re.compile(r"^[^\n|]*\|[^\n]*", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _nesting(line: str) -> int:
    """Blockquote markers + list markers + 4-column indents at the start of a line."""
    depth = 0
    i = 0
    columns = 0
    n = len(line)
    while i < n:
        ch = line[i]
        if ch == " ":
            columns += 1
            i += 1
        elif ch == "\t":
            columns += 4
            i += 1
        elif ch == ">":
            depth += 1
            i += 1
        else:
            m = _LIST_MARKER.match(line, i)
            if not m:
                break
            depth += 1
            i = m.end()
        if depth + columns // 4 > MAX_DEPTH:
            break
    return depth + columns // 4


def check_markdown_limits(text: str, file: str, line_offset: int = 0) -> list[Problem]:
    """Size, line length, nesting, marker runs, bracket depth, tables, footnotes, entities, HTML depth."""
    index = TextIndex(text, line_offset)
    found: list[Problem] = []
    counts: dict[str, int] = {}

    def report(offset: int, code: str, th: str, en: str, fix: str) -> None:
        counts[code] = counts.get(code, 0) + 1
        if counts[code] <= MAX_REPORTS_PER_KIND:
            found.append(problem(file, index.where(offset), code, th, en, fix))

    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:
        report(0, "markdown-too-large",
               f"ไฟล์ใหญ่เกินไป ({size // 1024:,} KB เกินกำหนด {MAX_BYTES // 1024} KB)",
               f"file is too large ({size:,} bytes, limit {MAX_BYTES:,})",
               "แบ่งเนื้อหาเป็นหลายหน้า หรือแนบเอกสารยาวเป็นไฟล์ PDF แทน")
    for m in _CONTROL.finditer(text):
        report(m.start(), "markdown-control-char",
               f"พบอักขระควบคุมที่มองไม่เห็น (U+{ord(m.group(0)):04X}) ในไฟล์",
               f"invisible control character U+{ord(m.group(0)):04X} in the file",
               "ลบอักขระนี้ออก (มักติดมาจากการคัดลอกจากโปรแกรมอื่น) ลองวางเป็นข้อความธรรมดา")
    for m in _LONG_LINE.finditer(text):
        length = len(m.group(0))
        report(m.start(), "markdown-line-too-long",
               f"บรรทัดยาวเกินไป ({length:,} ตัวอักษร เกินกำหนด {MAX_LINE_CHARS:,})",
               f"line is too long ({length:,} characters, limit {MAX_LINE_CHARS:,})",
               "ขึ้นบรรทัดใหม่/ย่อหน้าใหม่ให้สั้นลง")
    for m in _DEEP_PREFIX.finditer(text):
        if _nesting(m.group(0)) > MAX_DEPTH:
            report(m.start(), "markdown-too-deep",
                   f"การซ้อนกันของรายการหรือข้อความอ้างอิง (>) ลึกเกิน {MAX_DEPTH} ชั้น",
                   f"lists/blockquotes nested more than {MAX_DEPTH} levels deep",
                   "ลดการย่อหน้าซ้อน ใช้หัวข้อย่อยแทนการซ้อนรายการหลายชั้น")
    _check_tables(text, report)
    for m in _RUN.finditer(text):
        ch = m.group(1)
        if len(m.group(0)) > RUN_LIMITS[ch]:
            report(m.start(), "markdown-marker-run",
                   f"พบเครื่องหมาย {ch} ติดกัน {len(m.group(0)):,} ตัว ซึ่งทำให้การแปลงหน้าเว็บช้าผิดปกติ",
                   f"{len(m.group(0)):,} consecutive {ch!r} characters (limit {RUN_LIMITS[ch]})",
                   f"ลบเครื่องหมาย {ch} ที่เกินออก ถ้าต้องการเส้นคั่นให้ใช้ --- บรรทัดเดียว")
    if text.count("[") + text.count("(") > MAX_BRACKET_DEPTH:
        pos = 0
        for sep in (*_PARAGRAPH_SPLIT.finditer(text), None):
            end = sep.start() if sep else len(text)
            if text.count("[", pos, end) + text.count("(", pos, end) > MAX_BRACKET_DEPTH:
                _check_brackets(text, pos, end, report)
            pos = sep.end() if sep else len(text)
    _check_counted(text, _FOOTNOTE_REF, MAX_FOOTNOTE_REFS, "markdown-too-many-footnotes",
                   f"มีการอ้างถึงเชิงอรรถ [^…] เกิน {MAX_FOOTNOTE_REFS} ครั้งในไฟล์เดียว",
                   f"more than {MAX_FOOTNOTE_REFS} footnote references in one file",
                   "ลดจำนวนเชิงอรรถ หรือแบ่งเนื้อหาเป็นหลายหน้า", report)
    _check_counted(text, _ENTITY, MAX_ENTITIES, "markdown-too-many-entities",
                   f"มีรหัสอักขระ HTML (&…;) เกิน {MAX_ENTITIES:,} ตัวในไฟล์เดียว",
                   f"more than {MAX_ENTITIES:,} HTML character references in one file",
                   "พิมพ์อักขระนั้นตรง ๆ แทนรหัส &…; (เช่น & แทน &amp;)", report)
    depth = 0
    for m in _HTML_BLOCK.finditer(text):
        if m.group(1):
            depth = max(0, depth - 1)
        elif not m.group(3):
            depth += 1
            if depth == MAX_HTML_DEPTH + 1:
                report(m.start(), "markdown-too-deep",
                       f"แท็ก HTML ซ้อนกันลึกเกิน {MAX_HTML_DEPTH} ชั้น",
                       f"HTML elements nested more than {MAX_HTML_DEPTH} levels deep",
                       "ลดการซ้อนแท็ก <div> หรือเขียนเป็น Markdown ธรรมดา")
    return ordered(found)


def _check_brackets(text: str, start: int, end: int, report: Report) -> None:
    """Nesting depth of [ and ( across one paragraph, and how many [ it opens (tables excepted)."""
    depth = {"[": 0, "(": 0}
    closing = {"]": "[", ")": "("}
    opened = 0
    line_start = start
    while line_start < end:
        line_end = text.find("\n", line_start, end)
        line_end = end if line_end == -1 else line_end
        if not text[line_start:line_end].lstrip().startswith("|"):
            opened += text.count("[", line_start, line_end)
            if opened > MAX_BRACKETS_PER_PARAGRAPH:
                report(line_start, "markdown-brackets-too-deep",
                       f"ย่อหน้าเดียวมีวงเล็บ [ เกิน {MAX_BRACKETS_PER_PARAGRAPH:,} ตัว",
                       f"more than {MAX_BRACKETS_PER_PARAGRAPH:,} '[' in one paragraph",
                       "แบ่งเป็นหลายย่อหน้า (เว้นบรรทัดว่าง) หรือลดจำนวนลิงก์ในย่อหน้าเดียว")
                return
        for m in _BRACKET.finditer(text, line_start, line_end):
            ch = m.group(0)
            if ch in depth:
                depth[ch] += 1
                if depth[ch] > MAX_BRACKET_DEPTH:
                    report(m.start(), "markdown-brackets-too-deep",
                           f"วงเล็บ {ch} ซ้อนกันลึกเกิน {MAX_BRACKET_DEPTH} ชั้น",
                           f"brackets {ch} nested more than {MAX_BRACKET_DEPTH} levels deep",
                           "ตรวจว่าปิดวงเล็บครบทุกคู่ และลดการซ้อนวงเล็บ")
                    return
            else:
                depth[closing[ch]] = max(0, depth[closing[ch]] - 1)
        line_start = line_end + 1


def _check_tables(text: str, report: Report) -> None:
    """Rows of consecutive lines holding ``|`` (the shape of a Markdown table), and pipes per row."""
    rows = 0
    table_start = 0
    previous_end = -2
    for m in _TABLE_LINE.finditer(text):
        adjacent = m.start() == previous_end + 1
        previous_end = m.end()
        if not adjacent:
            rows = 0
            table_start = m.start()
        rows += 1
        if rows == MAX_TABLE_ROWS + 1:
            report(table_start, "markdown-table-too-large",
                   f"ตารางยาวเกิน {MAX_TABLE_ROWS:,} แถว",
                   f"table has more than {MAX_TABLE_ROWS:,} rows",
                   "แบ่งตารางเป็นหลายหน้า หรือแนบข้อมูลเป็นไฟล์ CSV/PDF แทน")
        if m.group(0).count("|") > MAX_TABLE_PIPES:
            report(m.start(), "markdown-table-too-large",
                   f"ตารางมีคอลัมน์มากเกินไป (เกิน {MAX_TABLE_PIPES} คอลัมน์)",
                   f"table row has more than {MAX_TABLE_PIPES} columns",
                   "แบ่งตารางให้มีคอลัมน์น้อยลง หรือแนบเป็นไฟล์ CSV/PDF แทน")


def _check_counted(text: str, pattern: re.Pattern[str], limit: int, code: str, th: str, en: str, fix: str,
                   report: Report) -> None:
    for n, m in enumerate(pattern.finditer(text), start=1):
        if n > limit:
            report(m.start(), code, th, en, fix)
            return
