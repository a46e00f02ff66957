"""Front-matter text fields are plain text: markup and invisible control characters are refused."""

from __future__ import annotations

import pytest

from site_build.errors import Severity
from site_build.safety import check_plain_text, plain

HOSTILE = [
    # (id, value, code, line, column) -- the value starts at line 3, column 8 of the file
    ("html-tag", "ประกาศ <b>สำคัญ</b>", "plain-text-markup", 3, 15),
    ("script-tag", "<script>alert(1)</script>", "plain-text-markup", 3, 8),
    ("img-onerror", 'รูป <img src=x onerror="alert(1)">', "plain-text-markup", 3, 12),
    ("entity", "&lt;script&gt;", "plain-text-markup", 3, 8),
    ("numeric-entity", "ก&#60;ข", "plain-text-markup", 3, 9),
    ("markdown-link", "อ่าน [ที่นี่](https://evil.example)", "plain-text-markup", 3, 13),
    ("markdown-image", "![x](a.jpg)", "plain-text-markup", 3, 8),
    ("javascript-url", "javascript:alert(1)", "plain-text-markup", 3, 8),
    ("autolink", "<https://evil.example>", "plain-text-markup", 3, 8),
    ("html-comment", "หัวข้อ <!-- x -->", "plain-text-markup", 3, 15),
    ("nul", "ab\x00c", "plain-text-control", 3, 10),
    ("escape", "ab\x1b[31mc", "plain-text-control", 3, 10),
    ("bidi-override", "ไฟล์\u202etxt.exe", "plain-text-control", 3, 12),
    ("second-line", "บรรทัดแรก\nบรรทัด\x07สอง", "plain-text-control", 4, None),
]


@pytest.mark.parametrize(("value", "code", "line", "column"), [c[1:] for c in HOSTILE], ids=[c[0] for c in HOSTILE])
def test_markup_and_controls_refused(value: str, code: str, line: int, column: int | None) -> None:
    problems = check_plain_text(value, "content/news/a.md", 3, 8, "title")
    assert [(p.code, p.file, p.line, p.column) for p in problems] == [(code, "content/news/a.md", line, column)]
    p = problems[0]
    assert p.severity is Severity.ERROR
    assert "title" in p.message_th and p.fix_th


LEGIT = [
    "แผนปฏิบัติการ ปี ๒๕๖๖ (ฉบับปรับปรุง) & ภาคผนวก",
    "Moral & Strong Day",
    "คะแนน < 80 และ > 50",
    "ข้อ 1* และ [หมายเหตุ]",
    "กิจ\u200bกรรม",  # zero-width space: Thai editors use it for line breaking
    "สรุปผล\nบรรทัดที่สอง\tมีแท็บ",
    "อีเมล office@example.go.th ข้อมูล (data): 2566",
]


@pytest.mark.parametrize("value", LEGIT)
def test_plain_text_passes(value: str) -> None:
    assert check_plain_text(value, "a.md", 1, 1, "summary") == []


def test_plain_escapes_for_html_and_attributes() -> None:
    assert plain('<b>"x"</b> & \'y\'') == "&lt;b&gt;&quot;x&quot;&lt;/b&gt; &amp; &#x27;y&#x27;"


def test_field_is_the_path_and_unknown_place_is_allowed() -> None:
    [p] = check_plain_text("<i>x</i>", "a.md", None, None, "photos[2].alt")
    assert (p.line, p.column, p.path) == (None, None, "photos[2].alt")
