"""``python -m site_build plan new-year`` on a temporary copy: archive byte for byte, a valid draft with the
same ids and every date one year on (29 February and weekends handled and reported), corrections dropped,
the draft mark set, a Thai summary; nothing half-written on failure."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest

from site_build.cli import main
from site_build.errors import ProblemsFound
from site_build.plan.newyear import new_year, shift_date
from site_build.plan.years import load_plans
from site_build.status import leaves
from tests.conftest import ROOT

FY2566 = ROOT / "plans" / "2566.yml"


def _ids(plan) -> list[str]:
    return [a.id for _, p in plan.projects() for a in [p, *p.all_activities()]]


def _deadlines(plan) -> list[dt.date]:
    return [d.date for _, p in plan.projects() for a in [p, *p.all_activities()] for d in a.deadlines]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    shutil.copy2(FY2566, tmp_path / "plan.yml")
    return tmp_path


def test_new_year_archives_and_drafts(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = (copy / "plan.yml").read_bytes()
    assert main(["--root", str(copy), "plan", "new-year"]) == 0
    out = capsys.readouterr().out
    assert (copy / "plans" / "2566.yml").read_bytes() == before  # the old year untouched
    plans = load_plans(copy)
    old, new = plans.get(2566), plans.latest
    assert old is not None and new.fiscal_year == 2567
    assert new.draft and new.draft_note and not old.draft
    assert _ids(new) == _ids(old)
    assert new.corrections == [] and old.corrections
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗" in new.title
    for was, now in zip(_deadlines(old), _deadlines(new), strict=True):
        assert now.weekday() < 5
        assert 0 <= (was.replace(year=was.year + 1) - now).days <= 2  # one year on, or the Friday before
    assert new.start == dt.date(2023, 10, 1)  # the plan's own span moves exactly one year
    # the summary says, in Thai, what moved and what to review
    assert "ย้ายแผนปีงบประมาณ พ.ศ. ๒๕๖๖ ไปไว้ที่ plans/2566.yml" in out
    assert "๗ เมษายน ๒๕๖๖ → ๕ เมษายน ๒๕๖๗" in out and "วันอาทิตย์" in out
    assert "corrections" in out and "ลบบรรทัด draft: true" in out
    assert "๓๐ กรกฎาคม ๖๖" in out  # a date written in words is listed for review, not guessed
    # its summary's line numbers point into the draft
    from site_build.thaidate import to_arabic_digits

    text = (copy / "plan.yml").read_text(encoding="utf-8").split("\n")
    line = next(x for x in out.splitlines() if "๗ เมษายน ๒๕๖๖ →" in x)
    number = int(to_arabic_digits(line.split("บรรทัด ")[1].split(":")[0]))
    assert "2024-04-05" in text[number - 1]
    review = next(x for x in out.splitlines() if "๓๐ กรกฎาคม ๖๖" in x)
    assert "๓๐ กรกฎาคม ๖๖" in text[int(to_arabic_digits(review.split("บรรทัด ")[1].split(":")[0])) - 1]


def test_29_february_and_weekend_edges() -> None:
    fy_start, fy_end = dt.date(2024, 10, 1), dt.date(2025, 9, 30)
    assert shift_date(dt.date(2024, 2, 29), fy_start, fy_end, weekend=True) == (dt.date(2025, 2, 28), "29-feb")
    assert shift_date(dt.date(2024, 2, 29), fy_start, fy_end, weekend=False) == (dt.date(2025, 2, 28), "29-feb")
    assert shift_date(dt.date(2024, 7, 4), fy_start, fy_end, weekend=True) == (dt.date(2025, 7, 4), "")
    assert shift_date(dt.date(2024, 7, 5), fy_start, fy_end, weekend=True) == (dt.date(2025, 7, 4), "weekend")
    assert shift_date(dt.date(2024, 7, 5), fy_start, fy_end, weekend=False) == (dt.date(2025, 7, 5), "")
    # a Saturday 1 October: the Friday before is last year, so the Monday after
    assert shift_date(dt.date(2021, 10, 1), dt.date(2022, 10, 1), dt.date(2023, 9, 30), weekend=True) == (
        dt.date(2022, 10, 3), "weekend")


def test_29_february_in_a_real_draft_is_reported(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(copy), "plan", "new-year"]) == 0
    draft = (copy / "plan.yml").read_text(encoding="utf-8")
    (copy / "plan.yml").write_text(draft.replace("draft: true", "draft: false").replace("2024-03-20", "2024-02-29", 1),
                                   encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(copy), "plan", "new-year"]) == 0
    out = capsys.readouterr().out
    assert "๒๙ กุมภาพันธ์ ๒๕๖๗ → ๒๘ กุมภาพันธ์ ๒๕๖๘" in out and "ปีใหม่ไม่มีวันที่ ๒๙ กุมภาพันธ์" in out
    assert load_plans(copy).years == [2566, 2567, 2568]


def test_a_draft_cannot_start_another_year(copy: Path) -> None:
    new_year(copy)
    before = (copy / "plan.yml").read_bytes()
    with pytest.raises(ProblemsFound) as caught:
        new_year(copy)
    assert caught.value.problems[0].code == "draft-current"
    assert (copy / "plan.yml").read_bytes() == before and sorted(os.listdir(copy / "plans")) == ["2566.yml"]


def test_nothing_half_written_when_the_archive_exists_or_a_move_fails(copy: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    before = (copy / "plan.yml").read_bytes()
    (copy / "plans").mkdir()
    (copy / "plans" / "2566.yml").write_bytes(b"older")
    with pytest.raises(ProblemsFound) as caught:
        new_year(copy)
    assert caught.value.problems[0].code == "archive-exists"
    (copy / "plans" / "2566.yml").unlink()
    real = os.replace
    calls: list[str] = []

    def failing(src: object, dst: object) -> None:
        calls.append(str(dst))
        if len(calls) == 2:
            raise OSError("disk full")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OSError):
        new_year(copy)
    assert (copy / "plan.yml").read_bytes() == before
    assert sorted(os.listdir(copy)) == ["plan.yml", "plans"] and os.listdir(copy / "plans") == []


def test_an_invalid_current_plan_changes_nothing(copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (copy / "plan.yml").write_text(FY2566.read_text(encoding="utf-8").replace("title:", "titel:", 1), encoding="utf-8")
    assert main(["--root", str(copy), "plan", "new-year"]) == 1
    assert "plan.yml:11" in capsys.readouterr().err
    assert sorted(os.listdir(copy)) == ["plan.yml"]


def test_every_leaf_keeps_its_deadline_count(copy: Path) -> None:
    new_year(copy)
    plans = load_plans(copy)
    old, new = plans.get(2566), plans.latest
    assert old is not None
    assert [len(leaf.deadlines) for _, p in old.projects() for leaf in leaves(p)] == \
        [len(leaf.deadlines) for _, p in new.projects() for leaf in leaves(p)]


# -- `new` without --date (issue 13 point 5): never today outside every plan year -------------------------
def _two_year_project(tmp_path: Path) -> Path:
    from tests.test_years_core import two_years

    root = two_years(tmp_path)
    (root / "content" / "activities").mkdir(parents=True)
    return root


def test_new_without_date_uses_the_item_deadline_when_today_is_outside(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str],
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from site_build.activities import scaffold as module

    root = _two_year_project(tmp_path)
    monkeypatch.setattr(module, "today_bangkok", lambda: dt.date(2026, 12, 7))
    assert main(["--root", str(root), "new", "--item", "1.6.1", "--slug", "honour"]) == 0
    out = capsys.readouterr().out
    # the current plan is FY 2567; today is outside it, so the item's first deadline (2024-04-05)
    assert (root / "content/activities/2024-04-05-honour/index.md").is_file()
    assert "อยู่นอกปีงบประมาณ พ.ศ. 2567" in out and "กำหนดส่งแรกของกิจกรรมนี้" in out and "--date" in out


def test_new_without_date_keeps_today_inside_a_plan_year(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from site_build.activities import scaffold as module

    root = _two_year_project(tmp_path)
    monkeypatch.setattr(module, "today_bangkok", lambda: dt.date(2023, 5, 2))
    assert main(["--root", str(root), "new", "--item", "1.6.2", "--slug", "unit"]) == 0
    assert (root / "content/activities/2023-05-02-unit/index.md").is_file()  # FY 2566 has 1.6.2
    assert "ใช้วันนี้" in capsys.readouterr().out


def test_choose_day_clamps_when_the_item_has_no_deadline(tmp_path: Path) -> None:
    from site_build.activities.scaffold import choose_day

    plans = load_plans(_two_year_project(tmp_path))
    plan, day, why = choose_day(plans, "11.2", dt.date(2030, 1, 1))
    assert plan.fiscal_year == 2567 and day == dt.date(2024, 3, 20)
    plan, day, why = choose_day(plans, "1.6", dt.date(2030, 1, 1))
    assert day == dt.date(2024, 9, 30) and "อยู่ในปีนั้น" in why
