"""The Thai calendar, done once: Buddhist Era, month names, Thai digits, fiscal years and quarters.

Babel prints "ค.ศ." years for Thai, so the formatter is ours. Every date the site shows goes through
:func:`format_date`; every date a person or the seed document types goes through :func:`parse_thai_date`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

BE_OFFSET = 543
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

MONTHS_FULL = (
    "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
    "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
)
MONTHS_ABBR = (
    "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
    "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
)
Digits = Literal["thai", "arabic"]
Style = Literal["full", "abbr"]


def to_arabic_digits(text: str) -> str:
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)


def digits(text: str | int, style: Digits) -> str:
    """Render numbers in the site's chosen digit style."""
    s = str(text)
    return to_thai_digits(s) if style == "thai" else to_arabic_digits(s)


def be_year(ce_year: int) -> int:
    return ce_year + BE_OFFSET


def ce_year(be: int) -> int:
    return be - BE_OFFSET


def fiscal_year(day: dt.date) -> int:
    """The Thai fiscal year (พ.ศ.) a date falls in: 1 Oct (N-1) to 30 Sep N."""
    return be_year(day.year + 1 if day.month >= 10 else day.year)


def fiscal_quarter(day: dt.date) -> int:
    """Quarter of the Thai fiscal year: Q1 Oct–Dec, Q2 Jan–Mar, Q3 Apr–Jun, Q4 Jul–Sep."""
    return ((day.month - 10) % 12) // 3 + 1


def fiscal_year_bounds(fy_be: int) -> tuple[dt.date, dt.date]:
    ce = ce_year(fy_be)
    return dt.date(ce - 1, 10, 1), dt.date(ce, 9, 30)


def quarter_bounds(fy_be: int, quarter: int) -> tuple[dt.date, dt.date]:
    if quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1–4, not {quarter}")
    start_fy, _ = fiscal_year_bounds(fy_be)
    first_month = start_fy.month + 3 * (quarter - 1)
    year = start_fy.year + (first_month - 1) // 12
    month = (first_month - 1) % 12 + 1
    start = dt.date(year, month, 1)
    end_month = month + 2
    next_start = dt.date(year + (end_month // 12), end_month % 12 + 1, 1)
    return start, next_start - dt.timedelta(days=1)


def format_date(day: dt.date, *, style: Style = "full", digit_style: Digits = "thai",
                era: bool = False) -> str:
    """``2023-03-20`` → ``๒๐ มีนาคม ๒๕๖๖`` (or ``20 มี.ค. 2566``)."""
    month = (MONTHS_FULL if style == "full" else MONTHS_ABBR)[day.month - 1]
    year = f"พ.ศ. {be_year(day.year)}" if era else str(be_year(day.year))
    return digits(f"{day.day} {month} {year}", digit_style)


def format_month(day: dt.date, *, digit_style: Digits = "thai") -> str:
    return digits(f"{MONTHS_FULL[day.month - 1]} {be_year(day.year)}", digit_style)


class ThaiDateError(ValueError):
    """A typed date that cannot be read; the message says why in Thai and English."""


_MONTH_LOOKUP: dict[str, int] = {}
for _i, (_full, _abbr) in enumerate(zip(MONTHS_FULL, MONTHS_ABBR, strict=True), start=1):
    _MONTH_LOOKUP[_full] = _i
    _MONTH_LOOKUP[_abbr] = _i
    _MONTH_LOOKUP[_abbr.replace(".", "")] = _i  # "มค" as the seed writes it
    _MONTH_LOOKUP[_abbr.replace(".", "") + "."] = _i  # "มค." as the seed writes it

_THAI_DATE = re.compile(r"^\s*(\d{1,2})\s*([ก-๛.]+?)\s*(?:พ\.ศ\.\s*)?(\d{2}|\d{4})\s*$")


def parse_thai_date(text: str, *, century_be: int = 2500) -> dt.date:
    """Read the seed's forms: "๒๐ มีนาคม ๖๖", "๒๖ มค. ๒๕๖๖", "๓๐ กรกฎาคม ๒๕๖๖", "20 มี.ค. 2566".

    A two-digit year is a Buddhist-Era year in ``century_be`` (๖๖ → 2566).
    """
    match = _THAI_DATE.match(to_arabic_digits(text))
    if not match:
        raise ThaiDateError(f"อ่านวันที่ไม่ได้: '{text}' (cannot read date '{text}'; "
                            "expected e.g. '20 มีนาคม 2566')")
    day_s, month_s, year_s = match.groups()
    month = _MONTH_LOOKUP.get(month_s) or _MONTH_LOOKUP.get(month_s.rstrip("."))
    if month is None:
        raise ThaiDateError(f"ไม่รู้จักชื่อเดือน '{month_s}' (unknown Thai month '{month_s}')")
    year_be = int(year_s) + (century_be if len(year_s) == 2 else 0)
    if year_be < 2400:
        raise ThaiDateError(f"ปี {year_be} ไม่ใช่ปี พ.ศ. (year {year_be} is not a Buddhist-Era year)")
    try:
        return dt.date(ce_year(year_be), month, int(day_s))
    except ValueError:
        raise ThaiDateError(f"วันที่ '{text}' ไม่มีอยู่จริง (impossible date '{text}')") from None


def looks_buddhist_era(year: int) -> bool:
    """A Gregorian field holding a year like 2566 was almost surely typed in พ.ศ."""
    return year >= 2400


def as_gregorian(day: dt.date) -> dt.date:
    """The date meant by a Gregorian field: a Buddhist-Era year typed by mistake (2566-03-20) taken as 2023-03-20,
    so the checks that follow (which fiscal year, which plan) still speak of the right year."""
    if not looks_buddhist_era(day.year):
        return day
    return dt.date(ce_year(day.year), day.month, min(day.day, 28 if day.month == 2 else day.day))


def be_typo_hint(day: dt.date) -> str:
    """Explain a Buddhist-Era year typed into a Gregorian date, with the corrected value."""
    fixed = as_gregorian(day)
    return (f"ปี {day.year} เป็นปี พ.ศ. แต่ช่องนี้ใช้ปี ค.ศ.: เขียนเป็น {fixed.isoformat()} "
            f"(year {day.year} is Buddhist Era; this field takes the Gregorian year: {fixed.isoformat()})")
