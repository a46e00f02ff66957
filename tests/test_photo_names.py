"""Any name a phone produces works in the photo list and in the text, or one error gives the exact fix."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from site_build.activities.build import prepare
from site_build.activities.load import load_activities
from site_build.names import closest, fold, link_target, same_name
from tests.test_activities_support import context, jpeg, make_project, write_bundle

FOLDER = "2023-03-15-names"
THAI = "ภาพกิจกรรม ๑.jpeg"
FRONT = f"""\
title: ชื่อไฟล์จากโทรศัพท์
date: 2023-03-15
plan_items:
  - "1.1"
summary: สรุปสั้น
photos:
  - file: IMG 0001.JPG
    alt: ภาพแรก
  - file: {THAI}
    alt: ภาพชื่อไทย
  - file: IMG_0042.jpg
    alt: ภาพที่สอง
"""


def _bundle(root: Path, body: str) -> Path:
    page = write_bundle(root, FOLDER, FRONT, body, photos=("IMG 0001.JPG", "IMG_0042.jpg"))
    jpeg(page.parent / unicodedata.normalize("NFD", THAI))  # as macOS saves a Thai name
    return page


def test_spaces_percent_angle_brackets_upper_case_and_thai_all_work(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    body = ("ภาพหนึ่ง ![a](IMG%200001.JPG)\n\nภาพสอง ![b](<IMG 0001.JPG>)\n\nภาพสาม ![c](IMG 0001.JPG)\n\n"
            f"ภาพไทย ![d](<{THAI}>)\n\nภาพไทยแบบลิงก์ ![e](%E0%B8%A0%E0%B8%B2%E0%B8%9E%E0%B8%81%E0%B8%B4%E0%B8%88"
            "%E0%B8%81%E0%B8%A3%E0%B8%A3%E0%B8%A1%20%E0%B9%91.jpeg)\n")
    _bundle(root, body)
    writeups, problems = load_activities(root / "content", plan, display_root=root)
    assert problems == []
    [w] = writeups
    assert len(w.inline_photos) == 5 and set(w.photo_files) == {"IMG 0001.JPG", THAI, "IMG_0042.jpg"}
    build = prepare(context(root, plan), directory_urls=True)
    markdown = build.page_markdown(f"activities/{FOLDER}/index.md")
    assert markdown is not None
    assert markdown.count("<picture") >= 5 and "](IMG" not in markdown and "](<" not in markdown


def test_a_near_miss_gets_one_error_with_the_exact_fix(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    _bundle(root, "ภาพ ![ภาพ](IMG_0001.jpg)\n\nอีกภาพ ![x](img 0042.JPG)\n")
    _, problems = load_activities(root / "content", plan, display_root=root)
    shown = [(p.line, p.code, p.fix_th) for p in problems]
    assert shown == [(15, "inline-photo", "แก้บรรทัดนี้เป็น ![ภาพ](<IMG 0001.JPG>)"),
                     (17, "inline-photo", "แก้บรรทัดนี้เป็น ![x](IMG_0042.jpg)")]


def test_a_listed_name_that_differs_by_separators_names_the_file_on_disk(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    page = write_bundle(root, FOLDER, FRONT.replace("IMG 0001.JPG", "IMG_0001.jpg").replace(f"  - file: {THAI}\n"
                        "    alt: ภาพชื่อไทย\n", ""), photos=("IMG 0001.JPG", "IMG_0042.jpg"))
    _, problems = load_activities(root / "content", plan, display_root=root)
    [p] = [p for p in problems if p.code == "missing-photo"]
    assert (p.file, p.line) == (page.relative_to(root).as_posix(), 8)
    assert "file: IMG 0001.JPG" in p.fix_th


def test_the_matcher_handles_separators_case_and_word_order() -> None:
    assert same_name("IMG_0042.jpg", "IMG 0042.JPG") and fold("line-strong") == fold("strong-line")
    assert closest("line-strong", ["facebook", "strong-line", "line"]) == "strong-line"
    assert closest("IMG_0042.jpg", ["IMG 0041.JPG", "IMG 0042.JPG"]) == "IMG 0042.JPG"
    assert closest("ภาพ ๑.jpg", ["ภาพ 1.JPG", "ภาพ 2.JPG"]) == "ภาพ 1.JPG"
    assert closest("zzz", ["facebook"]) is None
    assert link_target("<IMG 0001.JPG>") == link_target("IMG%200001.JPG") == "IMG 0001.JPG"
