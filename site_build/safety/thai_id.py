"""Personal data under Thailand's PDPA: national ID numbers and personal mobile numbers.

A 13-digit number is only reported when its check digit is valid (mod 11), so budget codes and
document numbers with 13 digits rarely trip it. Mobile numbers (06/08/09, +66) are warnings: an
official hotline may be a mobile, but staff should decide. Office landlines (02-xxx-xxxx) pass.
Thai digits are read as Arabic digits; the swap is one character for one, so columns stay right.
"""

from __future__ import annotations

import re

from site_build.errors import Problem, Severity

from ._common import MAX_PER_CODE, TO_ARABIC, TextIndex, ordered, problem

# No leading look-behind (it would make the regex engine test every position): the character before
# a match is checked in Python instead.
_D = "[0-9๐-๙]"
_ID_RE = re.compile(
    rf"({_D})[ \-–]?({_D}{{4}})[ \-–]?({_D}{{5}})[ \-–]?({_D}{{2}})[ \-–]?({_D})(?![0-9๐-๙A-Za-z_])(?!\.[0-9A-Za-z])"
)
_MOBILE_RE = re.compile(
    rf"(?:\(?(?:\+|00)66\)?[ \-.]?(?:\([0๐]\)[ \-.]?)?|\(?[0๐])([689๖๘๙])(?:[ \-.)]{{0,2}}{_D}){{8}}"
    r"(?![0-9๐-๙])(?!-[0-9๐-๙])"
)
_ID_BEFORE = frozenset("0123456789๐๑๒๓๔๕๖๗๘๙_/") | frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_MOBILE_BEFORE = _ID_BEFORE | {"+"}
_HAS_DIGIT = re.compile(_D)


def _preceded_by(text: str, offset: int, chars: frozenset[str]) -> bool:
    return offset > 0 and text[offset - 1] in chars


def thai_id_valid(digits: str) -> bool:
    """The mod-11 check digit of a Thai national ID (13 Arabic digits)."""
    if len(digits) != 13 or not digits.isascii() or not digits.isdigit():
        return False
    total = sum(int(d) * (13 - i) for i, d in enumerate(digits[:12]))
    return (11 - total % 11) % 10 == int(digits[12])


def mask_id(digits: str) -> str:
    return f"{digits[0]}-xxxx-xxxxx-xx-{digits[12]}"


def mask_mobile(subscriber: str) -> str:
    """``subscriber`` is the nine digits after the leading 0 / +66."""
    return f"0{subscriber[0]}x-xxx-xx{subscriber[-2:]}"


def scan_personal_numbers(text: str, file: str, *, line_offset: int = 0) -> list[Problem]:
    """National IDs with a valid check digit (ERROR) and personal mobile numbers (WARNING), masked."""
    if _HAS_DIGIT.search(text) is None:
        return []
    index = TextIndex(text, line_offset)
    found: list[Problem] = []
    id_spans: list[tuple[int, int]] = []
    ids = 0
    for m in _ID_RE.finditer(text):
        if _preceded_by(text, m.start(), _ID_BEFORE):
            continue
        id_spans.append((m.start(), m.end()))
        digits = "".join(m.groups()).translate(TO_ARABIC)
        if not thai_id_valid(digits) or ids >= MAX_PER_CODE:
            continue
        ids += 1
        found.append(problem(
            file, index.where(m.start()), "personal-thai-id",
            f"พบเลขประจำตัวประชาชน 13 หลัก ({mask_id(digits)}) ห้ามเผยแพร่ข้อมูลส่วนบุคคล (พ.ร.บ.คุ้มครองข้อมูลส่วนบุคคล)",
            f"a Thai national ID number is published here ({mask_id(digits)})",
            "ลบเลขนี้ออก หากจำเป็นต้องอ้างถึงให้ปิดบังเป็น x เช่น 1-xxxx-xxxxx-xx-3 "
            "และตรวจรูปภาพ/ไฟล์แนบว่าไม่มีเลขนี้เช่นกัน"))
    next_id = 0
    for m in _MOBILE_RE.finditer(text):
        while next_id < len(id_spans) and id_spans[next_id][1] <= m.start():
            next_id += 1
        inside_id = next_id < len(id_spans) and id_spans[next_id][0] < m.end()
        if inside_id or _preceded_by(text, m.start(), _MOBILE_BEFORE):
            continue
        if len(found) - ids >= MAX_PER_CODE:
            break
        subscriber = re.sub(r"[^0-9]", "", text[m.start(1):m.end()].translate(TO_ARABIC))
        found.append(problem(
            file, index.where(m.start()), "personal-mobile",
            f"พบหมายเลขโทรศัพท์มือถือ ({mask_mobile(subscriber)}) ซึ่งอาจเป็นข้อมูลส่วนบุคคล",
            f"a personal mobile number is published here ({mask_mobile(subscriber)})",
            "ใช้หมายเลขโทรศัพท์ของสำนักงาน (เช่น 02-xxx-xxxx) แทน "
            "หรือยืนยันว่าเจ้าของหมายเลขยินยอมให้เผยแพร่และเป็นหมายเลขราชการ",
            Severity.WARNING))
    return ordered(found)
