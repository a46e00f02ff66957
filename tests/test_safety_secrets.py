"""Credentials in staff content: every hit is an ERROR at the right place with the value masked.

Token-shaped values are assembled from pieces at run time so this file itself never holds anything a
secret scanner (or a person) could mistake for a real credential. The project's real leaked password
is never written here: a made-up one stands in for it.
"""

from __future__ import annotations

import pytest

from site_build.errors import Severity
from site_build.safety import scan_forbidden, scan_secrets

MADE_UP_LEAK = "zebra" + "quill"  # stands in for the known leaked password

HOSTILE = [
    # (id, text, code, line, column, masked value, the secret that must not appear in messages)
    ("en-spaced-colon", "Password : xyz", "secret-password", 1, 12, "x••••", "xyz"),
    ("en-equals", "password=xyz", "secret-password", 1, 10, "x••••", "xyz"),
    ("en-upper-wide", "PASSWORD:   xyz", "secret-password", 1, 13, "x••••", "xyz"),
    ("en-pwd", "pwd = hunter22", "secret-password", 1, 7, "h••••", "hunter22"),
    ("en-passcode", "passcode: 123456", "secret-password", 1, 11, "1••••", "123456"),
    ("en-pass", "pass: Tr0ub4dor", "secret-password", 1, 7, "T••••", "Tr0ub4dor"),
    ("th-colon", "รหัสผ่าน: abc123", "secret-password", 1, 11, "a••••", "abc123"),
    ("th-split-khue", "รหัส ผ่าน คือ Abc123", "secret-password", 1, 15, "A••••", "Abc123"),
    ("th-translit-nosep", "พาสเวิร์ด moral1234", "secret-password", 1, 11, "m••••", "moral1234"),
    ("th-translit-typo", "พาสเวิด: qwerty", "secret-password", 1, 10, "q••••", "qwerty"),
    ("seed-like-sentence", f"ป้อนข้อมูลโดยใช้ Password : {MADE_UP_LEAK}) และแชร์ไปที่ Page",
     "secret-password", 1, 29, "z••••", MADE_UP_LEAK),
    ("md-bold-label", "**Password:** s3cret!", "secret-password", 1, 15, "s••••", "s3cret!"),
    ("md-table-cell", "| บัญชี | ค่า |\n|---|---|\n| รหัสผ่าน | abc123 |", "secret-password", 3, 14, "a••••", "abc123"),
    ("yaml-quoted", 'title: x\npassword: "Qw3rty!"', "secret-password", 2, 12, "Q••••", "Qw3rty!"),
    ("github-token", "token: " + "gh" + "p_" + "a1B2" * 9, "secret-token", 1, 8, "g••••", "a1B2a1B2a1B2"),
    ("aws-key", "key " + "AK" + "IA" + "IOSFODNN7EXAMPLE", "secret-token", 1, 5, "A••••", "IOSFODNN7EXAMPLE"),
    ("google-key", "AI" + "za" + "Sy" + "A1b2C3d4" * 4 + "e", "secret-token", 1, 1, "A••••", "A1b2C3d4"),
    ("jwt", "ey" + "J" + "hbGciOiJIUzI1NiJ9" + ".ey" + "JzdWIiOiIxMjM0NTY3ODkwIn0" + ".dozjgNryP4J3jVmNHl0w5N",
     "secret-token", 1, 1, "e••••", "dozjgNryP4J3jVmNHl0w5N"),
    ("slack-token", "xo" + "xb-" + "123456789012-abcdefghijkl", "secret-token", 1, 1, "x••••", "abcdefghijkl"),
    ("line-notify-token", "LINE Notify token: " + "Ab1Cd2Ef3" * 5, "secret-token", 1, 20, "A••••", "Ab1Cd2Ef3Ab1"),
    ("private-key", "ข้อความ\n-----BEGIN RSA " + "PRIVATE KEY-----\nMIIEow...", "secret-private-key", 2, 1, "",
     "MIIEow"),
    ("url-credentials", "ดู https://admin:" + "S3cr3t" + "@intranet.example/x", "secret-url-password", 1, 18, "S••••",
     "S3cr3t"),
]


@pytest.mark.parametrize(("text", "code", "line", "column", "masked", "secret"),
                         [case[1:] for case in HOSTILE], ids=[case[0] for case in HOSTILE])
def test_secret_is_reported_once_masked(text: str, code: str, line: int, column: int, masked: str, secret: str) -> None:
    problems = scan_secrets(text, "content/news/x.md")
    assert [(p.code, p.file, p.line, p.column) for p in problems] == [(code, "content/news/x.md", line, column)]
    p = problems[0]
    assert p.severity is Severity.ERROR
    assert masked in p.message_th and masked in p.message_en
    for part in (p.message_th, p.message_en, p.fix_th):
        assert secret not in part
    assert p.fix_th


def test_line_offset_shifts_lines() -> None:
    [p] = scan_secrets("x\npassword=xyz", "a.md", line_offset=10)
    assert (p.line, p.column) == (12, 10)


LEGIT = [
    "อย่าเปิดเผยรหัสผ่าน",
    "อย่าเปิดเผยรหัสผ่านแก่ผู้อื่น แม้แต่เพื่อนร่วมงาน",
    "รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร",
    "ตั้งรหัสผ่าน 8 หลักขึ้นไป และเปลี่ยนทุก 90 วัน",
    "รหัสผ่าน: ของท่านเป็นความลับ",
    "รหัสผ่าน Facebook ของชมรมให้ติดต่อผู้ดูแล",
    "## password reset policy",
    "Password reset policy: every 90 days",
    "Password: must be 8 characters long",
    "Password: required",
    "Password: ********",
    "passport: AA1234567",
    "bypass: road closed",
    "ดู [วิธีตั้งรหัสผ่าน](password.md) และ [รหัสผ่าน](reset.md)",
    "โครงการ (Moral & Strong Day) https://example.com/path?x=1",
    "รหัสโครงการ: ABC123",
    "token ของระบบจะหมดอายุใน 30 นาที",
]


@pytest.mark.parametrize("text", LEGIT)
def test_prose_about_passwords_passes(text: str) -> None:
    assert scan_secrets(text, "a.md") == []


FORBIDDEN_SPELLINGS = [
    ("plain", f"ใช้ {MADE_UP_LEAK} เข้าระบบ", 1, 5),
    ("spaced-punctuated", "ใช้ Z e b r a-Quill นะ", 1, 5),
    ("upper-dots", "ZEBRA.QUILL", 1, 1),
    ("across-lines", "zebra\nquill", 1, 1),
    ("markdown-bold", "x **zebra** **quill**", 1, 5),
    ("full-width", "ｚｅｂｒａｑｕｉｌｌ", 1, 1),
    ("inside-code", "```\nzebraQUILL\n```", 2, 1),
]


@pytest.mark.parametrize(("text", "line", "column"), [c[1:] for c in FORBIDDEN_SPELLINGS],
                         ids=[c[0] for c in FORBIDDEN_SPELLINGS])
def test_forbidden_string_any_spelling(text: str, line: int, column: int) -> None:
    problems = scan_forbidden(text, "content/a.md", [MADE_UP_LEAK.upper()])
    expected = [("secret-forbidden", "content/a.md", line, column)]
    assert [(p.code, p.file, p.line, p.column) for p in problems] == expected
    assert "quill" not in problems[0].message_th.lower()
    assert "quill" not in problems[0].message_en.lower()
    assert "••••" in problems[0].message_en


def test_forbidden_needs_the_letters_in_order() -> None:
    assert scan_forbidden("zebra quail, quill zebra, zebra        quill", "a.md", [MADE_UP_LEAK]) == []


def test_forbidden_ignores_entries_too_short_to_be_meaningful() -> None:
    assert scan_forbidden("a b c", "a.md", ["", "ab", "-"]) == []
