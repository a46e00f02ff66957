"""The staff path: ``new`` scaffolds a write-up, ``check`` explains what is left to do, then passes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_build.activities.check import check_activities
from site_build.activities.scaffold import make_slug, parse_day, scaffold
from site_build.errors import ProblemsFound
from tests.test_activities_support import jpeg, make_project

DAY = dt.date(2023, 4, 5)


def test_new_then_check_round_trip(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    index_md = scaffold(root / "content", plan, "1.6.1", day=DAY, slug="honour-good-people")
    assert index_md == root / "content" / "activities" / "2023-04-05-honour-good-people" / "index.md"
    text = index_md.read_text(encoding="utf-8")
    assert 'title: "คัดเลือกข้าราชการดีเด่น"' in text and "date: 2023-04-05" in text
    assert "#   strong-line = ไลน์ชมรม STRONG" in text  # required of 1.6, so of its part 1.6.1
    assert "#   website =" not in text and "#   e-office =" not in text  # automatic / not required

    # The template is valid; only the text staff must write is flagged, each at its own line.
    problems = check_activities(root / "content", plan, display_root=root)
    lines = text.split("\n")
    # every instruction the template writes is flagged (issue 13: two body paragraphs used to slip through)
    expected = sorted([lines.index(next(x for x in lines if x.startswith("summary:"))) + 1,
                       *(i + 1 for i, x in enumerate(lines) if x.startswith("\u270f"))])
    assert [p.code for p in problems] == ["placeholder"] * 4
    assert [p.line for p in problems] == expected
    assert all(p.file == "content/activities/2023-04-05-honour-good-people/index.md" for p in problems)

    # Staff fill it in and drop a phone photo beside it: the check passes.
    text = text.replace(next(x for x in lines if x.startswith("summary:")), "summary: คัดเลือกข้าราชการดีเด่นประจำปี")
    guidance_lines = [x for x in lines if x.startswith("\u270f")]
    text = text.replace(guidance_lines[0], "คณะทำงานคัดเลือกข้าราชการดีเด่น")
    for line in guidance_lines[1:]:
        text = text.replace(line + "\n", "")
    text = text.replace("# photos:\n#   - file: IMG_0001.jpg\n#     alt: ผู้อำนวยการกล่าวเปิดกิจกรรมในห้องประชุม",
                        "photos:\n  - file: IMG_0001.jpg\n    alt: ผู้อำนวยการกล่าวเปิดกิจกรรมในห้องประชุม")
    index_md.write_text(text, encoding="utf-8")
    jpeg(index_md.parent / "IMG_0001.jpg")
    assert check_activities(root / "content", plan, display_root=root) == []


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    path = scaffold(root / "content", plan, "1.1", day=DAY, slug="x")
    path.write_text("staff text", encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught:
        scaffold(root / "content", plan, "1.1", day=DAY, slug="x")
    assert caught.value.problems[0].code == "exists"
    assert path.read_text(encoding="utf-8") == "staff text"


def test_thai_digits_and_default_slug(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    path = scaffold(root / "content", plan, "๑.๖.๑", day=parse_day("๒๐๒๓-๐๔-๐๕"))
    assert path.parent.name == "2023-04-05-item-1-6-1"
    assert '  - "1.6.1"' in path.read_text(encoding="utf-8")
    assert scaffold(root / "content", plan, "16", title="Anti-corruption Forum!", day=DAY).parent.name == \
        "2023-04-05-anti-corruption-forum"


def test_score_level_hint_only_for_items_that_distinguish(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    assert "# score_level:" in scaffold(root / "content", plan, "16", day=DAY).read_text(encoding="utf-8")
    assert "score_level" not in scaffold(root / "content", plan, "18", day=DAY).read_text(encoding="utf-8")


@pytest.mark.parametrize(("item", "slug", "code"), [
    ("1.6.9", None, "unknown-item"),
    ("1.1", "งานวันดี", "bad-slug"),
    ("1.1", "Bad Slug", "bad-slug"),
])
def test_new_refuses_bad_input(tmp_path: Path, item: str, slug: str | None, code: str) -> None:
    root, plan = make_project(tmp_path)
    with pytest.raises(ProblemsFound) as caught:
        scaffold(root / "content", plan, item, day=DAY, slug=slug)
    (problem,) = caught.value.problems
    assert problem.code == code
    if code == "unknown-item":
        assert "1.6.1" in problem.fix_th
    assert not any((root / "content" / "activities").iterdir())


def test_dates_typed_at_the_command_line() -> None:
    assert parse_day("2023-04-05") == DAY
    assert parse_day("๕ เมษายน ๒๕๖๖") == DAY
    with pytest.raises(ProblemsFound) as caught:
        parse_day("2566-04-05")
    assert "2023-04-05" in caught.value.problems[0].fix_th
    assert make_slug("วันดี") is None and make_slug("Moral Day 2566") == "moral-day-2566"


def test_check_reads_photo_headers(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    bundle = root / "content" / "activities" / "2023-03-15-a"
    bundle.mkdir(parents=True)
    (bundle / "index.md").write_text(
        "---\ntitle: ก\ndate: 2023-03-15\nplan_items: [\"1.1\"]\nsummary: ข\nphotos:\n"
        "  - file: fake.jpg\n    alt: ภาพ\n  - file: ok.jpg\n    alt: ภาพ\n---\nเรื่อง\n", encoding="utf-8")
    (bundle / "fake.jpg").write_text("not a photo", encoding="utf-8")
    jpeg(bundle / "ok.jpg")
    (problem,) = check_activities(root / "content", plan, display_root=root)
    assert (problem.code, problem.line) == ("photo-unreadable", 7)


def test_cli_new_and_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from site_build.cli import main

    root, _ = make_project(tmp_path)
    (root / "mkdocs.yml").write_text("site_name: test\ndocs_dir: content\n", encoding="utf-8")
    assert main(["--root", str(root), "new", "--item", "๑.๑", "--slug", "declaration", "--date", "2023-03-15"]) == 0
    assert (root / "content" / "activities" / "2023-03-15-declaration" / "index.md").is_file()
    assert main(["--root", str(root), "new", "--item", "1.1", "--slug", "declaration", "--date", "2023-03-15"]) == 1
    capsys.readouterr()
    # The fresh template still has ✏ text to replace: check must fail and say where.
    assert main(["--root", str(root), "check"]) == 1
    err = capsys.readouterr().err
    assert "content/activities/2023-03-15-declaration/index.md:" in err and "✏" in err
