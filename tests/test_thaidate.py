from __future__ import annotations

import datetime as dt

import pytest

from site_build.thaidate import (
    ThaiDateError,
    be_typo_hint,
    be_year,
    ce_year,
    digits,
    fiscal_quarter,
    fiscal_year,
    fiscal_year_bounds,
    format_date,
    looks_buddhist_era,
    parse_thai_date,
    quarter_bounds,
    to_arabic_digits,
    to_thai_digits,
)


def test_era_conversion_round_trips() -> None:
    assert be_year(2023) == 2566
    assert ce_year(2566) == 2023


@pytest.mark.parametrize(("day", "fy", "quarter"), [
    (dt.date(2022, 9, 30), 2565, 4),   # last day of FY 2565
    (dt.date(2022, 10, 1), 2566, 1),   # first day of FY 2566
    (dt.date(2022, 12, 31), 2566, 1),
    (dt.date(2023, 1, 1), 2566, 2),
    (dt.date(2023, 3, 31), 2566, 2),
    (dt.date(2023, 4, 1), 2566, 3),
    (dt.date(2023, 6, 30), 2566, 3),
    (dt.date(2023, 7, 1), 2566, 4),
    (dt.date(2023, 9, 30), 2566, 4),
    (dt.date(2023, 10, 1), 2567, 1),
    (dt.date(2024, 2, 29), 2567, 2),   # leap day
])
def test_fiscal_year_and_quarter_at_boundaries(day: dt.date, fy: int, quarter: int) -> None:
    assert fiscal_year(day) == fy
    assert fiscal_quarter(day) == quarter
    start, end = quarter_bounds(fy, quarter)
    assert start <= day <= end


def test_fiscal_year_bounds() -> None:
    assert fiscal_year_bounds(2566) == (dt.date(2022, 10, 1), dt.date(2023, 9, 30))
    assert quarter_bounds(2566, 1) == (dt.date(2022, 10, 1), dt.date(2022, 12, 31))
    assert quarter_bounds(2567, 2) == (dt.date(2024, 1, 1), dt.date(2024, 3, 31))
    with pytest.raises(ValueError):
        quarter_bounds(2566, 5)


def test_digits_both_ways() -> None:
    assert to_thai_digits("2566-10") == "๒๕๖๖-๑๐"
    assert to_arabic_digits("๒๕๖๖ และ 12") == "2566 และ 12"
    assert digits(80, "thai") == "๘๐"
    assert digits("๘๐", "arabic") == "80"


def test_format_date_full_abbreviated_and_digit_setting() -> None:
    day = dt.date(2023, 3, 20)
    assert format_date(day) == "๒๐ มีนาคม ๒๕๖๖"
    assert format_date(day, style="abbr", digit_style="arabic") == "20 มี.ค. 2566"
    assert format_date(day, era=True) == "๒๐ มีนาคม พ.ศ. ๒๕๖๖"
    assert format_date(dt.date(2024, 2, 29)) == "๒๙ กุมภาพันธ์ ๒๕๖๗"


@pytest.mark.parametrize(("text", "expected"), [
    ("๒๐ มีนาคม ๖๖", dt.date(2023, 3, 20)),
    ("๒๖ มค. ๒๕๖๖", dt.date(2023, 1, 26)),
    ("๓๐ กรกฎาคม ๒๕๖๖", dt.date(2023, 7, 30)),
    ("๒๑ มค. ๖๖", dt.date(2023, 1, 21)),
    ("20 มี.ค. 2566", dt.date(2023, 3, 20)),
    ("๒๐ ตุลาคม พ.ศ. ๒๕๖๕", dt.date(2022, 10, 20)),
    ("๒๐ มีนาคม๖๖", dt.date(2023, 3, 20)),
    ("29 กุมภาพันธ์ 2567", dt.date(2024, 2, 29)),
])
def test_parse_seed_date_forms(text: str, expected: dt.date) -> None:
    assert parse_thai_date(text) == expected


@pytest.mark.parametrize("text", ["29 กุมภาพันธ์ 2566", "20 มีนา 2566", "20 มีนาคม 2023", "เมื่อวาน"])
def test_parse_rejects_impossible_or_unknown(text: str) -> None:
    with pytest.raises(ThaiDateError):
        parse_thai_date(text)


def test_buddhist_era_typed_in_gregorian_field_is_explained() -> None:
    typed = dt.date(2566, 3, 20)  # staff typed 2566 where 2023 was meant
    assert looks_buddhist_era(typed.year)
    assert not looks_buddhist_era(2023)
    assert "2023-03-20" in be_typo_hint(typed)
