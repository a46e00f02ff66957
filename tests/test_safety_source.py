"""check_markdown_source: every check on one Markdown file, all problems, in line order."""

from __future__ import annotations

import time

import pytest

from site_build.errors import Severity, format_problems
from site_build.safety import check_markdown_source

LEAK = "zebra" + "quill"  # made up; the build passes the real one


def make_id(first12: str) -> str:
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


def test_mixed_file_reports_everything_in_order() -> None:
    text = "\n".join([
        "---",                                            # 1
        "title: กิจกรรม",                                  # 2
        "note: 'password: Hunter22'",                      # 3
        "---",                                            # 4
        "",                                               # 5
        "ผู้เข้าร่วม เลขบัตร " + make_id("310040012345"),    # 6
        "ติดต่อ 089-123-4567",                             # 7
        "<script>alert(1)</script>",                      # 8
        "[คลิก](javascript:alert(1))",                     # 9
        "รหัสเพจ Z e b r a . q u i l l",                   # 10
        "```",                                            # 11
        "<iframe> ในโค้ดไม่เป็นไร แต่ pwd=S3cret! ยังเป็นความลับ",  # 12
        "```",                                            # 13
    ])
    problems = check_markdown_source(text, "content/news/a/index.md", forbidden=[LEAK])
    assert [(p.line, p.code) for p in problems] == [
        (3, "secret-password"),
        (6, "personal-thai-id"),
        (7, "personal-mobile"),
        (8, "html-dangerous-tag"),
        (9, "html-dangerous-url"),
        (10, "secret-forbidden"),
        (12, "secret-password"),
    ]
    assert all(p.file == "content/news/a/index.md" for p in problems)
    assert [p.severity for p in problems].count(Severity.WARNING) == 1
    shown = format_problems(problems)
    for secret in ("Hunter22", "S3cret!", "123-4567", "quill"):
        assert secret not in shown


def test_line_offset_applies_to_every_check() -> None:
    problems = check_markdown_source("<script>\npassword=xyz", "a.md", line_offset=100)
    assert [(p.line, p.code) for p in problems] == [(101, "html-dangerous-tag"), (102, "secret-password")]


def test_clean_page_passes() -> None:
    text = ("---\ntitle: ประกาศเจตนารมณ์\nsample: true\n---\n\n# ประกาศเจตนารมณ์ (ตัวอย่าง)\n\n"
            "อย่าเปิดเผยรหัสผ่าน โทร. 02-831-9999 ดู [แผน](../plan.md)\n\n!!! note\n    `<b>`\n")
    assert check_markdown_source(text, "a.md", forbidden=[LEAK]) == []


@pytest.mark.parametrize("bomb", [
    "[a](" * 25_000,
    "<a " * 30_000,
    '<a "' * 30_000,
    "eyJ" * 40_000,  # quadratic before the look-behind moved after the prefix: minutes at this size
    "password: " * 12_000,
    "1103700123458 0812345678 " * 5_000,
    "```\n" * 25_000,
    "` a " * 25_000,
    "{ onclick=" * 12_000,
    "<!--" * 30_000,
], ids=["link", "tags", "open-quote", "jwt-prefix", "password-keys", "ids", "fences", "backticks", "attr-lists",
        "comments"])
def test_every_scanner_stays_linear_on_bombs(bomb: str) -> None:
    start = time.perf_counter()
    problems = check_markdown_source(bomb, "a.md", forbidden=[LEAK])
    assert time.perf_counter() - start < 1.5
    assert len(problems) <= 300  # capped per kind, not one per repetition
