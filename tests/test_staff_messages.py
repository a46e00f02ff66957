"""Issue 13, staff points 1-4: every problem in one run, template guidance found, forgiving suggestions,
Thai messages."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from site_build.activities import guidance
from site_build.activities.items import PlanIndex
from site_build.activities.load import load_activities
from site_build.activities.scaffold import template
from site_build.plan.newyear import new_year
from site_build.plan.years import load_plans
from tests.test_activities_support import jpeg, make_project, write_bundle

FOUR_MISTAKES = """\
title: กิจกรรมทดลอง
date: 2566-03-15
plan_items:
  - "9.9"
summary: สรุปสั้น
photos:
  - file: a.jpg
  - file: missing.jpg
    alt: ภาพที่ไม่มีไฟล์
"""


def _problems(root: Path, plan) -> list:
    return load_activities(root / "content", plan, display_root=root)[1]


def test_four_mistakes_are_all_reported_in_one_run(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    write_bundle(root, "2023-03-15-draft", FOUR_MISTAKES, photos=("a.jpg",))
    found = {(p.line, p.code) for p in _problems(root, plan)}
    assert {(3, "be-year"), (5, "unknown-item"), (8, "missing"), (9, "missing-photo")} <= found
    missing_alt = next(p for p in _problems(root, plan) if p.code == "missing")
    assert "alt" in missing_alt.message_th


def _scaffolded(root: Path, plan, *, keep_markers: bool) -> tuple[Path, list[int]]:
    text = template(PlanIndex(plan), "1.1", title=None, day=dt.date(2023, 3, 15))
    text = text.replace("# photos:", "photos:").replace("#   - file: IMG_0001.jpg", "  - file: a.jpg")
    text = text.replace("#     alt: ผู้อำนวยการกล่าวเปิดกิจกรรมในห้องประชุม", "    alt: ภาพ")
    if not keep_markers:
        text = text.replace(guidance.PLACEHOLDER + " ", "").replace(guidance.PLACEHOLDER, "")
    bundle = root / "content" / "activities" / "2023-03-15-item-1-1"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text(text, encoding="utf-8")
    jpeg(bundle / "a.jpg")
    lines = text.split("\n")
    body_start = [i for i, line in enumerate(lines) if line == "---"][1]
    expected = [i + 1 for i, line in enumerate(lines) if line.startswith("summary:")]
    expected += [i + 1 for i, line in enumerate(lines) if i > body_start and line.strip()]
    return bundle, expected


def test_every_piece_of_template_guidance_is_found_with_or_without_markers(tmp_path: Path) -> None:
    for keep in (True, False):
        root, plan = make_project(tmp_path / str(keep))
        _, expected = _scaffolded(root, plan, keep_markers=keep)
        assert len(expected) == 1 + len(guidance.BODY)
        flagged = sorted(p.line for p in _problems(root, plan) if p.code in ("placeholder", "template-guidance"))
        assert flagged == expected, (keep, flagged, expected)


def test_edited_guidance_half_sentence_is_still_found(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    body = "กิจกรรมนี้จัดที่ห้องประชุม\n\nรูปภาพทั้งหมดใน photos จะแสดงเป็นแกลเลอรีท้ายหน้า\n"
    write_bundle(root, "2023-03-15-x", FOUR_MISTAKES.replace("2566", "2023").replace("9.9", "1.1")
                 .replace("  - file: a.jpg\n", "  - file: a.jpg\n    alt: ภาพ\n").replace(
                     "  - file: missing.jpg\n    alt: ภาพที่ไม่มีไฟล์\n", ""), body, photos=("a.jpg",))
    assert [p.code for p in _problems(root, plan)] == ["template-guidance"]


def test_channel_suggestion_handles_word_order(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    front = FOUR_MISTAKES.replace("2566", "2023").replace("9.9", "1.1").replace(
        "  - file: a.jpg\n", "  - file: a.jpg\n    alt: ภาพ\n").replace(
        "  - file: missing.jpg\n    alt: ภาพที่ไม่มีไฟล์\n", "")
    write_bundle(root, "2023-03-15-x", front + "publicity:\n  line-strong:\n    date: 2023-03-16\n", photos=("a.jpg",))
    [p] = [p for p in _problems(root, plan) if p.code == "unknown-channel"]
    assert "หมายถึง 'strong-line'" in p.fix_th


def _valid(date: str) -> str:
    return (f"title: ทดสอบ\ndate: {date}\nplan_items:\n  - \"1.1\"\nsummary: สรุป\n"
            "photos:\n  - file: a.jpg\n    alt: ภาพ\n")


def test_iso_date_in_thai_digits_is_accepted(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    write_bundle(root, "2023-03-15-x", _valid("๒๐๒๓-๐๓-๑๕"), photos=("a.jpg",))
    writeups, problems = load_activities(root / "content", plan, display_root=root)
    assert problems == [] and writeups[0].meta.date == dt.date(2023, 3, 15)


def test_buddhist_era_in_thai_digits_is_explained_with_the_fix(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    write_bundle(root, "2023-03-15-x", _valid("๒๕๖๖-๐๓-๑๕"), photos=("a.jpg",))
    [p] = _problems(root, plan)
    assert p.code == "be-year" and "2023-03-15" in p.fix_th


def test_buddhist_era_date_disagreeing_with_the_folder_says_both(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    write_bundle(root, "2023-03-16-x", _valid("2566-03-15"), photos=("a.jpg",))
    [p] = _problems(root, plan)
    assert p.code == "be-year"
    assert "2023-03-15" in p.message_th and "2023-03-16" in p.message_th
    assert "2023-03-15" in p.fix_th and "2023-03-16" in p.fix_th


def test_raw_yaml_parser_text_is_explained_in_thai(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    write_bundle(root, "2023-03-15-x", _valid("2023-03-15").replace("title: ทดสอบ", "title: ข่าว: สำคัญมาก"),
                 photos=("a.jpg",))
    [p] = _problems(root, plan)
    assert p.line == 2
    assert not re.search(r"mapping|values|allowed|context", p.message_th), p.message_th  # no raw parser text
    assert "mapping values are not allowed" in p.message_en
    assert "เครื่องหมายคำพูด" in p.fix_th


EMPTY_ALT_AND_WRONG_NAMES = """\
title: กิจกรรมทดลอง
date: 2566-03-15
plan_items:
  - "9.9"
summary: สรุปสั้น
photos:
  - file: IMG_0042.jpg
    alt:
  - file: missing.jpg
    alt: ภาพที่ไม่มีไฟล์
"""


def test_an_empty_alt_does_not_hide_the_photo_checks_and_a_be_date_names_its_real_year(tmp_path: Path) -> None:
    """``alt:`` left empty (a null, not a missing key) still lets the photo checks run; with several fiscal
    years, the unknown item is looked up in the year the Buddhist-Era date means (FY 2566), never "FY 3109"."""
    root, _ = make_project(tmp_path)
    new_year(root)  # plans/2566.yml + a drafted FY 2567 plan.yml
    plans = load_plans(root)
    write_bundle(root, "2023-03-15-draft", EMPTY_ALT_AND_WRONG_NAMES, photos=("IMG 0042.JPG",))
    by_line = {p.line: p for p in _problems(root, plans)}
    assert by_line[9].message_th == "ช่อง 'alt' ว่างอยู่"
    assert by_line[8].code == "missing-photo" and "IMG 0042.JPG" in by_line[8].fix_th
    assert by_line[10].code == "missing-photo"
    unknown = by_line[5]
    assert unknown.code == "unknown-item"
    assert "พ.ศ. 2566" in unknown.message_th and "3109" not in unknown.message_th + unknown.message_en
