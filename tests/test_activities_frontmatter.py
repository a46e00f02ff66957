"""Front matter of a write-up: every mistake staff make is reported at its line in index.md, in Thai."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_build.activities.load import load_activities
from site_build.errors import Problem
from tests.test_activities_support import VALID_FRONT, make_project, write_bundle

FOLDER = "2023-03-15-declaration"


def problems_for(tmp_path: Path, front: str, *, body: str = "เรื่องราว\n", photos: tuple[str, ...] = ("a.jpg",),
                 folder: str = FOLDER) -> list[Problem]:
    root, plan = make_project(tmp_path)
    write_bundle(root, folder, front, body, photos)
    _, problems = load_activities(root / "content", plan, display_root=root)
    return problems


def only(problems: list[Problem], code: str) -> Problem:
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, problems
    return found[0]


def test_valid_write_up_loads_with_no_problems(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    write_bundle(root, FOLDER, VALID_FRONT, photos=("a.jpg",))
    writeups, problems = load_activities(root / "content", plan, display_root=root)
    assert problems == []
    (w,) = writeups
    assert w.url == f"activities/{FOLDER}/" and w.item_ids == ("1.1",)
    assert w.photo_lines == {"a.jpg": 8}


def test_buddhist_era_year_is_explained_at_its_line(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, VALID_FRONT.replace("date: 2023-03-15", "date: 2566-03-15"),
                            folder="2566-03-15-declaration")
    p = only(problems, "be-year")
    assert (p.file, p.line) == ("content/activities/2566-03-15-declaration/index.md", 3)
    assert "2023-03-15" in p.fix_th and "พ.ศ." in p.message_th


def test_unknown_item_id_suggests_nearest(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, VALID_FRONT.replace('- "1.1"', '- "1.6.9"'))
    p = only(problems, "unknown-item")
    assert p.line == 5 and p.is_error
    assert "1.6.1" in p.fix_th and "1.6.9" in p.message_th


def test_thai_digits_and_unquoted_ids_are_read_as_typed(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    front = VALID_FRONT.replace('  - "1.1"', "  - ๑.๖.๑\n  - 1.6\n  - 18")
    write_bundle(root, FOLDER, front, photos=("a.jpg",))
    writeups, problems = load_activities(root / "content", plan, display_root=root)
    assert problems == []
    assert writeups[0].item_ids == ("1.6.1", "1.6", "18")


def test_missing_alt_is_located_at_the_photo_entry(tmp_path: Path) -> None:
    front = VALID_FRONT.replace("    alt: ภาพบรรยากาศ\n", "    caption: ไม่มีคำบรรยาย\n")
    p = only(problems_for(tmp_path, front), "missing")
    assert p.line == 8 and "alt" in p.message_th and p.path == "photos[0].alt"


def test_empty_alt_is_refused(tmp_path: Path) -> None:
    p = only(problems_for(tmp_path, VALID_FRONT.replace("alt: ภาพบรรยากาศ", 'alt: ""')), "string_too_short")
    assert p.line == 9


def test_unknown_channel_is_located_at_its_key(tmp_path: Path) -> None:
    front = VALID_FRONT + "publicity:\n  facebok-ethics:\n    url: https://example.org/post\n"
    p = only(problems_for(tmp_path, front), "unknown-channel")
    assert p.line == 11 and "facebook-ethics" in p.fix_th


def test_publicity_url_must_be_https(tmp_path: Path) -> None:
    front = VALID_FRONT + "publicity:\n  strong-line:\n    url: http://example.org/post\n"
    (p,) = [p for p in problems_for(tmp_path, front) if p.is_error]
    assert p.line == 12 and "https://" in p.message_th


def test_unclosed_front_matter(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    bundle = root / "content" / "activities" / FOLDER
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text("---\ntitle: x\ndate: 2023-03-15\n\nเรื่องราว\n", encoding="utf-8")
    _, problems = load_activities(root / "content", plan, display_root=root)
    p = only(problems, "unclosed-front-matter")
    assert p.line == 1 and "---" in p.fix_th


def test_front_matter_that_is_not_a_mapping(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    bundle = root / "content" / "activities" / FOLDER
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text("---\n- title\n- date\n---\nx\n", encoding="utf-8")
    _, problems = load_activities(root / "content", plan, display_root=root)
    assert only(problems, "front-matter-not-mapping").line == 2


def test_yaml_syntax_error_has_file_line(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, VALID_FRONT.replace("summary: สรุปสั้น", "summary: [ไม่ปิดวงเล็บ"))
    assert problems and all(p.line is not None and p.line >= 6 for p in problems)


@pytest.mark.parametrize("bad", ["<b>ประกาศ</b>", "ประกาศ <script>alert(1)</script>"])
def test_html_in_title_is_refused(tmp_path: Path, bad: str) -> None:
    problems = problems_for(tmp_path, VALID_FRONT.replace("title: ประกาศเจตนารมณ์", f"title: \"{bad}\""))
    (p,) = [p for p in problems if p.is_error]
    assert p.line == 2 and "HTML" in p.message_th


def test_thai_form_date_gets_an_iso_suggestion(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, VALID_FRONT.replace("date: 2023-03-15", "date: 15 มีนาคม 2566"))
    p = only(problems, "date-format")
    assert p.line == 3 and "2023-03-15" in p.fix_th


def test_folder_date_must_equal_date(tmp_path: Path) -> None:
    p = only(problems_for(tmp_path, VALID_FRONT, folder="2023-03-16-declaration"), "folder-date")
    assert p.line == 3 and "2023-03-15" in p.fix_th


def test_folder_name_must_be_ascii_slug(tmp_path: Path) -> None:
    p = only(problems_for(tmp_path, VALID_FRONT, folder="2023-03-15-ประกาศ"), "bad-folder")
    assert p.line == 1


def test_summary_longer_than_300_characters(tmp_path: Path) -> None:
    p = only(problems_for(tmp_path, VALID_FRONT.replace("summary: สรุปสั้น", "summary: " + "ก" * 301)),
             "summary-too-long")
    assert p.line == 6 and "301" in p.message_th


def test_missing_photo_names_the_line_and_a_close_file(tmp_path: Path) -> None:
    p = only(problems_for(tmp_path, VALID_FRONT, photos=("A.JPG",)), "missing-photo")
    assert p.line == 8 and "A.JPG" in p.fix_th


def test_unreferenced_photo_is_a_warning_naming_it(tmp_path: Path) -> None:
    p = only(problems_for(tmp_path, VALID_FRONT, photos=("a.jpg", "extra.jpg", "IMG_2.HEIC")), "unreferenced-photo")
    assert not p.is_error and p.line == 7
    assert "extra.jpg" in p.message_th and "IMG_2.HEIC" in p.message_th


def test_cover_must_be_one_of_the_photos(tmp_path: Path) -> None:
    p = only(problems_for(tmp_path, VALID_FRONT + "cover: b.jpg\n", photos=("a.jpg", "b.jpg")), "cover-not-in-photos")
    assert p.line == 10


def test_story_image_must_be_listed_in_photos(tmp_path: Path) -> None:
    body = "ย่อหน้าแรก\n\n![ภาพ](b.jpg)\n"
    problems = problems_for(tmp_path, VALID_FRONT, body=body, photos=("a.jpg", "b.jpg"))
    p = only(problems, "inline-photo")
    assert p.line == 13  # front matter on lines 1-10, the story starts at line 11


def test_score_level_needs_a_partial_rule(tmp_path: Path) -> None:
    front = VALID_FRONT.replace('- "1.1"', '- "1.1"\n  - "16"') + 'score_level:\n  "1.1": partial\n  "16": partial\n'
    p = only(problems_for(tmp_path, front), "score-level-rule")
    assert p.line == 12


def test_unknown_key_suggests_the_field(tmp_path: Path) -> None:
    p = only(problems_for(tmp_path, VALID_FRONT + "partcipants: 12\n"), "unknown-key")
    assert p.line == 10 and "participants" in p.fix_th


def test_staff_percent_range_and_participants_type(tmp_path: Path) -> None:
    problems = problems_for(tmp_path, VALID_FRONT + "participants: 12.5\nstaff_percent: 120\n")
    assert sorted(p.line for p in problems if p.is_error) == [10, 11]


def test_loose_markdown_file_is_not_a_bundle(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    (root / "content" / "activities" / "event.md").write_text("# x\n", encoding="utf-8")
    _, problems = load_activities(root / "content", plan, display_root=root)
    assert only(problems, "not-a-bundle").file == "content/activities/event.md"
