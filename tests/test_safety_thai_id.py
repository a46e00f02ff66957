"""National ID numbers (ERROR, check digit verified) and personal mobiles (WARNING), always masked."""

from __future__ import annotations

import pytest

from site_build.errors import Severity
from site_build.safety import scan_personal_numbers, thai_id_valid


def make_id(first12: str) -> str:
    """A made-up number with a valid mod-11 check digit."""
    total = sum(int(d) * (13 - i) for i, d in enumerate(first12))
    return first12 + str((11 - total % 11) % 10)


VALID = make_id("110370012345")  # -> ...8
WRONG_CHECK = VALID[:12] + str((int(VALID[12]) + 1) % 10)
THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
DASHED = f"{VALID[0]}-{VALID[1:5]}-{VALID[5:10]}-{VALID[10:12]}-{VALID[12]}"


def test_check_digit() -> None:
    assert thai_id_valid(VALID)
    assert not thai_id_valid(WRONG_CHECK)
    assert not thai_id_valid("12345")


ID_CASES = [
    ("plain", f"ผู้ได้รับรางวัล เลขประจำตัว {VALID}", 1, 29),
    ("dashed", f"บัตร {DASHED}", 1, 6),
    ("spaced", "x\nบัตร " + DASHED.replace("-", " "), 2, 6),
    ("thai-digits", f"เลข {VALID.translate(THAI)}", 1, 5),
    ("thai-digits-dashed", f"เลข {DASHED.translate(THAI)}", 1, 5),
    ("sentence-end", f"เลขคือ {VALID}.", 1, 8),
]


@pytest.mark.parametrize(("text", "line", "column"), [c[1:] for c in ID_CASES], ids=[c[0] for c in ID_CASES])
def test_national_id_is_an_error_masked(text: str, line: int, column: int) -> None:
    problems = scan_personal_numbers(text, "content/a.md")
    expected = [("personal-thai-id", "content/a.md", line, column)]
    assert [(p.code, p.file, p.line, p.column) for p in problems] == expected
    p = problems[0]
    assert p.severity is Severity.ERROR
    assert "1-xxxx-xxxxx-xx-8" in p.message_th
    for part in (p.message_th, p.message_en, p.fix_th):
        assert VALID[1:12] not in part and VALID[1:5] not in part


MOBILE_CASES = [
    ("dashed", "ติดต่อ 081-234-5678", 1, 8, "08x-xxx-xx78"),
    ("plain", "โทร 0912345678 ได้", 1, 5, "09x-xxx-xx78"),
    ("thai-digits", "โทร. ๐๘๑ ๒๓๔ ๕๖๗๘", 1, 6, "08x-xxx-xx78"),
    ("plus66", "Tel +66 81 234 5678", 1, 5, "08x-xxx-xx78"),
    ("plus66-glued", "+66612345678", 1, 1, "06x-xxx-xx78"),
    ("paren-plus66", "(+66) 91-234-5678", 1, 1, "09x-xxx-xx78"),
    ("tel-link", "[โทร](tel:0812345678)", 1, 11, "08x-xxx-xx78"),
]


@pytest.mark.parametrize(("text", "line", "column", "masked"), [c[1:] for c in MOBILE_CASES],
                         ids=[c[0] for c in MOBILE_CASES])
def test_mobile_is_a_warning_masked(text: str, line: int, column: int, masked: str) -> None:
    problems = scan_personal_numbers(text, "content/a.md")
    assert [(p.code, p.line, p.column) for p in problems] == [("personal-mobile", line, column)]
    assert problems[0].severity is Severity.WARNING
    assert masked in problems[0].message_th
    assert "234" not in problems[0].message_th.replace(masked, "")


LEGIT = [
    ("wrong-check-digit", f"เลข {WRONG_CHECK}"),
    ("wrong-check-digit-dashed", WRONG_CHECK[0] + "-" + WRONG_CHECK[1:5] + "-" + WRONG_CHECK[5:10] + "-"
     + WRONG_CHECK[10:12] + "-" + WRONG_CHECK[12]),
    ("office-landline", "สำนักกรรมาธิการ ๒ โทร. 02-831-9999 โทรสาร 0 2831 9998"),
    ("landline-thai-digits", "โทร. ๐๒ ๘๓๑ ๙๙๙๙"),
    ("money-and-years", "งบประมาณ 1,234,567 บาท ปี 2566 ไตรมาส 1"),
    ("fourteen-digits", "รหัสเอกสาร 1" + VALID),
    ("photo-file-name", f"![ภาพ](IMG_{VALID}.jpg)"),
]


@pytest.mark.parametrize("text", [c[1] for c in LEGIT], ids=[c[0] for c in LEGIT])
def test_not_personal_numbers(text: str) -> None:
    assert [p.code for p in scan_personal_numbers(text, "a.md") if p.code == "personal-thai-id"] == []
    assert [p for p in scan_personal_numbers(text, "a.md") if p.code == "personal-mobile"] == []


def test_mobile_digits_inside_an_id_are_reported_once_as_the_id() -> None:
    number = make_id("108123456780")
    dashed = f"{number[0]}-{number[1:5]}-{number[5:10]}-{number[10:12]}-{number[12]}"
    problems = scan_personal_numbers(f"เลข {number} และ {dashed}", "a.md")
    assert [p.code for p in problems] == ["personal-thai-id", "personal-thai-id"]
