"""A measured corpus for the credential rules: every positive line is caught, every look-alike passes.

All values are made up (the seed's real password is never written in the repository; only its digest is, in
data/leaked-credentials.yml). Token-shaped values are assembled from pieces so this file is not itself a leak.
Counts per rule group go into the closing note: ``python -m pytest tests/test_secrets_corpus.py -q -s -n 0``.
"""

from __future__ import annotations

import pytest

from site_build.safety import scan_secrets

GH = "gh" + "p_"
POSITIVE: dict[str, list[str]] = {
    "english key = value": [
        "password: Moral2566", "Password = hunter22", "PWD: s3cretValue", "pw: Abc12345", "P/W: Kh0ngDee",
        "passcode: 123456", "pass: Tr0ub4dor", "Passwd=x9y8z7w6", "Facebook password: Moral#2566",
        "page password is Moral-2566", "the password for the page: Dee2566!", "Admin pass => Qwerty99",
    ],
    "thai key with following words": [
        "รหัสผ่านเพจ: Moral2566", "รหัสผ่านเฟซบุ๊ก Moral2566x", "รหัสผ่านเฟสบุ๊ค: dee2566page",
        "รหัสผ่านของเพจ Facebook: Sun!2566", "รหัสเพจ: Kh0ngDee", "รหัสไลน์ คือ LineOA2566",
        "รหัสผ่านอีเมลกลาง: Mail@2566", "พาสเวิร์ดเพจ: qwerty2566", "รหัสเข้าใช้งาน: Admin2566",
        "รหัสผ่านไวไฟ: Office2566", "รหัสแอดมิน: Adm1n!", "รหัสผ่านบัญชีเพจใหม่ว่า NewPage2566",
        "รหัส ผ่าน คือ Abc123", "พาสเวิด: qwerty", "รหัสผ่าน moral1234",
    ],
    "value on the next line": [
        "password:\nMoral2566", "รหัสผ่าน:\n  Kh0ngDee!", "รหัสผ่านเพจ\nMoral2566x", "Password\n    Hunter-2566x",
        "- รหัสผ่าน:\n  - Dee2566!", "**รหัสผ่านเฟซบุ๊ก**\n`Moral2566`", "note: |\n  password\n  Hunter-2567x",
        "Facebook password:\n> Page!2566",
    ],
    "thai digits in the value": [
        "รหัสผ่าน: ๑๒๓๔๕๖๗๘", "รหัสผ่านเพจ ๒๕๖๖๑๒๓๔", "password: ๙๘๗๖๕๔", "รหัสเข้าใช้งาน คือ Moral๒๕๖๖",
        "รหัสผ่าน:\n๑๑๒๒๓๓๔๔", "pin หรือ รหัสผ่าน: ๕๕๕๑๒๓",
    ],
    "user / pass pairs": [
        "user: moralpage / pass: Abc12345", "ID: moralpage / Abc12345", "username: senate.moral, Dee2566!",
        "ชื่อผู้ใช้ moralpage รหัส 123456", "ชื่อผู้ใช้: moral.cb2 รหัส: Abc12345", "login: admin / Qwer1234",
        "user/pass: moral / Abc12345", "ไอดี: moralpage / Page2566", "อีเมล: moral.page@gmail.com รหัส Dee12345",
        "Username = cb2admin | P@ssw0rd", "ID/PW: cb2 / Cb2@2566",
    ],
    "tokens, keys, URLs": [
        "token: " + GH + "a1B2" * 9, "LINE Notify token: " + "Ab1Cd2Ef3" * 5,
        "-----BEGIN RSA " + "PRIVATE KEY-----", "https://admin:" + "S3cr3t" + "@intranet.example/x",
        "key " + "AK" + "IA" + "IOSFODNN7EXAMPLE", "AI" + "za" + "Sy" + "A1b2C3d4" * 4 + "e",
        "xo" + "xb-" + "123456789012-abcdefghijkl", "Authorization: Bearer " + "abcDEF123456" * 3,
        "api_key = " + "Zx9" * 10, "client_secret: " + "Q1w2E3r4" * 4,
    ],
}

NEGATIVE: dict[str, list[str]] = {
    "prose about passwords (thai)": [
        "อย่าเปิดเผยรหัสผ่าน", "อย่าเปิดเผยรหัสผ่านแก่ผู้อื่น แม้แต่เพื่อนร่วมงาน", "รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร",
        "ตั้งรหัสผ่าน 8 หลักขึ้นไป และเปลี่ยนทุก 90 วัน", "รหัสผ่าน: ของท่านเป็นความลับ",
        "รหัสผ่าน Facebook ของชมรมให้ติดต่อผู้ดูแล", "รหัสผ่านเพจ: ติดต่อผู้ดูแลระบบ", "รหัสผ่านเฟซบุ๊กของเพจเก็บไว้ที่ผู้อำนวยการ",
        "ควรเปลี่ยนรหัสผ่านเพจทุก ๓ เดือน", "รหัสผ่าน\nติดต่อผู้ดูแลระบบ", "ลืมรหัสผ่าน? กดปุ่ม ลืมรหัสผ่าน",
        "รหัสผ่านเพจ (ไม่เผยแพร่)", "การตั้งรหัสผ่านที่ดีควรผสมตัวอักษรและตัวเลข", "รหัสผ่านไวไฟ ขอได้ที่ห้องธุรการ",
    ],
    "prose about passwords (english)": [
        "## password reset policy", "Password reset policy: every 90 days", "Password: must be 8 characters long",
        "Password: required", "Password: ********", "password: <your password>", "Password: see the office manager",
        "Never share your password with anyone.", "The page password is kept by the director.",
        "password\n\nThe next paragraph is prose.", "Facebook password: ask the admin",
        "pw: n/a", "Passwords must be changed every 90 days.",
    ],
    "look-alike words and codes": [
        "passport: AA1234567", "bypass: road closed", "compass = north", "รหัสโครงการ: ABC123", "รหัสกิจกรรม 1.6.1",
        "รหัสไปรษณีย์ 10200", "รหัสหนังสือ สว 0012/2566", "รหัสตัวชี้วัด OIT 2566-01", "รหัสหลักสูตร: ETH-101",
        "รหัสวิชา: 01234567", "mp3pw: yes", "token ของระบบจะหมดอายุใน 30 นาที", "รหัส ITA: MIT1",
    ],
    "links, ids and contacts": [
        "ดู [วิธีตั้งรหัสผ่าน](password.md) และ [รหัสผ่าน](reset.md)", "โครงการ (Moral & Strong Day) https://example.com/path?x=1",
        '<div class="lc-sitemap" id="lc-sitemap"></div>', "อีเมล: saraban@senate.go.th / โทร 02-831-9000",
        "ID: 1.6.1 / 2566", "user: สมชาย / ผู้ดูแลเพจ", "email: saraban@example.go.th, https://example.org",
        "เลขที่หนังสือ สว 0015/ว 123", "login: ผ่านระบบ e-office / ThaID", "ชื่อผู้ใช้ ติดต่อ รหัส ที่ผู้ดูแล",
        "id: measure-1 / project-2", "[ชื่อผู้ใช้](users.md) / [รหัส](codes.md)", "แฟ้ม ID card / บัตรประชาชน",
        "{{ user }} / {{ password }}", "user: moral / pass: ********",
    ],
    "yaml and data": [
        "password_policy: strong", "min_password_length: 8",
        "sha256: 8293316907132b66b3276d93e308086a3b3209568426c721a0b94a3ac2aad42c",
        "channels: [facebook, line]", "deadline_note: เปลี่ยนรหัสผ่านเพจหลังจบโครงการ", "title: นโยบายรหัสผ่าน",
    ],
}


def _cases(groups: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(group, line) for group, lines in groups.items() for line in lines]


@pytest.mark.parametrize(("group", "line"), _cases(POSITIVE))
def test_positive_line_is_caught(group: str, line: str) -> None:
    assert scan_secrets(line, "content/a.md"), f"{group}: {line!r}"


@pytest.mark.parametrize(("group", "line"), _cases(NEGATIVE))
def test_look_alike_line_passes(group: str, line: str) -> None:
    assert scan_secrets(line, "content/a.md") == [], f"{group}: {line!r}"


def test_corpus_size_and_counts() -> None:
    positives = {g: len(v) for g, v in POSITIVE.items()}
    negatives = {g: len(v) for g, v in NEGATIVE.items()}
    print("\npositive:", positives, sum(positives.values()))
    print("negative:", negatives, sum(negatives.values()))
    assert sum(positives.values()) >= 60 and sum(negatives.values()) >= 60
