"""Pathological Markdown is refused in milliseconds, before Python-Markdown could spend seconds on it.

Why each input is dangerous (measured once with Python-Markdown 3.x and the project's extensions on a
2-core machine; see the docstring of site_build/safety/markdown_limits.py): ``"[" * 5000`` takes 5 s
and ``"[" * 20000`` over 20 s; ``"[a](" * 5000`` 5–9 s; one footnote referenced 4,000 times over 20 s;
100,000 entities 19 s; lists 400 deep and ``<div markdown>`` 500 deep raise RecursionError. Only the
last one is cheap enough to demonstrate here with the real parser.
"""

from __future__ import annotations

import time

import markdown
import pytest

from site_build.errors import Severity
from site_build.safety import check_markdown_limits, check_markdown_source

BOMBS = [
    # (id, text, code, line, column)
    ("too-large", "ก" * 200_000, "markdown-too-large", 1, 1),
    ("long-line", "x\n" + "ข" * 20_001, "markdown-line-too-long", 2, 1),
    ("star-run", "x\n\n" + "*" * 50_000, "markdown-marker-run", 3, 1),
    ("underscore-run", "_" * 600, "markdown-marker-run", 1, 1),
    ("bracket-run", "[" * 10_000, "markdown-marker-run", 1, 1),
    ("angle-run", "<" * 100, "markdown-marker-run", 1, 1),
    ("backtick-run", "`" * 100, "markdown-marker-run", 1, 1),
    ("nested-brackets", "[x " * 40 + "]" * 40, "markdown-brackets-too-deep", 1, 97),
    ("link-bomb", "[a](" * 5_000, "markdown-brackets-too-deep", 1, 1),
    ("unclosed-across-lines", "ข้อความ\n\n" + "[a](x) [b\n" * 40, "markdown-brackets-too-deep", 35, 1),
    ("links-in-one-paragraph", "ข้อความ\n\n" + "[a](x) [b](y)\n" * 600, "markdown-brackets-too-deep", 503, 1),
    ("blockquote-depth", "> " * 25 + "x", "markdown-too-deep", 1, 1),
    ("list-depth", "".join("    " * i + "- x\n" for i in range(25)), "markdown-too-deep", 21, 1),
    ("quote-list-mix", "ย่อหน้า\n" + "> - " * 12 + "x", "markdown-too-deep", 2, 1),
    ("html-depth", "<div markdown>\n" * 60 + "x\n" + "</div>\n" * 60, "markdown-too-deep", 51, 1),
    ("table-rows", "| a | b |\n|---|---|\n" + "| x | y |\n" * 2_100, "markdown-table-too-large", 1, 1),
    ("table-columns", "|" + "a|" * 250 + "\n", "markdown-table-too-large", 1, 1),
    ("footnote-refs", "x[^1]" * 600 + "\n\n[^1]: y\n", "markdown-too-many-footnotes", 1, 2502),
    ("entities", "&amp;" * 5_001, "markdown-too-many-entities", 1, 25_001),
    ("control-char", "ก\nข\x00ค", "markdown-control-char", 2, 2),
    ("placeholder-char", "a\x02wzxhzdk:0\x03", "markdown-control-char", 1, 2),
]


@pytest.mark.parametrize(("text", "code", "line", "column"), [b[1:] for b in BOMBS], ids=[b[0] for b in BOMBS])
def test_bomb_refused_quickly(text: str, code: str, line: int, column: int) -> None:
    start = time.perf_counter()
    problems = check_markdown_limits(text, "content/a.md")
    elapsed = time.perf_counter() - start
    assert elapsed < 0.5, f"took {elapsed:.2f}s"
    matching = [p for p in problems if p.code == code]
    assert matching, [p.code for p in problems]
    assert (matching[0].file, matching[0].line, matching[0].column) == ("content/a.md", line, column)
    assert matching[0].severity is Severity.ERROR
    assert matching[0].message_th and matching[0].fix_th


def test_real_markdown_recurses_on_deep_md_in_html() -> None:
    """The one bomb cheap enough to show: Python-Markdown itself gives up with RecursionError."""
    bomb = "<div markdown>\n" * 500 + "x\n" + "</div>\n" * 500
    with pytest.raises(RecursionError):
        markdown.markdown(bomb, extensions=["md_in_html"])
    assert [p.code for p in check_markdown_limits(bomb, "a.md")] == ["markdown-too-deep"]


def test_reports_are_capped_per_kind() -> None:
    problems = check_markdown_limits(("x" * 20_001 + "\n") * 30, "a.md")
    assert len([p for p in problems if p.code == "markdown-line-too-long"]) == 5


WRITE_UP = """\
## กิจกรรมส่งเสริมคุณธรรม ครั้งที่ {n}

สำนักกรรมาธิการ ๒ จัดกิจกรรม **ส่งเสริมคุณธรรม จริยธรรม** และ _ความโปร่งใส_ ตาม[แผนปฏิบัติการ](../plan.md)
ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ (ดู [ภาคผนวก ก](a.pdf) และ [ภาคผนวก ข](b.pdf)) เมื่อวันที่ ๒๐ มีนาคม ๒๕๖๖

| ลำดับ | กิจกรรม | ผู้เข้าร่วม |
|---:|:---|---:|
| ๑ | อบรม | ๕๐ |
| ๒ | ศึกษาดูงาน | ๓๐ |

- ขั้นตอนที่ ๑
    - รายละเอียด
        - ย่อยอีกชั้น

> คำกล่าวของผู้อำนวยการ[^{n}]

[^{n}]: เชิงอรรถที่ {n}

![ภาพกิจกรรม](photo-{n}.jpg){{ loading=lazy }}

"""


def test_long_normal_thai_document_passes_fast() -> None:
    text = "".join(WRITE_UP.format(n=n) for n in range(250))  # ~250 KB of real-looking content
    assert len(text.encode()) > 200_000
    start = time.perf_counter()
    assert check_markdown_limits(text, "a.md") == []
    assert check_markdown_source(text, "a.md") == []
    assert time.perf_counter() - start < 2.0


def test_hr_and_fill_in_lines_pass() -> None:
    text = "---\n\n***\n\n* * *\n\nชื่อ ______________________________ ตำแหน่ง ____________\n\n" + "=" * 300 + "\n"
    assert check_markdown_limits(text, "a.md") == []
