"""Several fiscal years: loading every plan in one run, the year-closing rule at its edges, write-ups and
documents resolved in their own year's plan, and the navigation/page marks generated from the plans."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from site_build.activities.load import load_activities
from site_build.context import BuildContext, Site
from site_build.documents.build import plan_item_problems
from site_build.errors import ProblemsFound
from site_build.pages.years_nav import expand_nav, year_marks
from site_build.plan.load import load_plan
from site_build.plan.years import PlanSet, load_plans
from site_build.status import Evidence, Status, StatusBook, YearClock
from tests.test_activities_support import PLAN_YAML, write_bundle

FY2567_YAML = (PLAN_YAML.replace("fiscal_year: 2566", "fiscal_year: 2567")
               .replace("2022-10-01", "2023-10-01").replace("end: 2023-09-30", "end: 2024-09-30")
               .replace("2023-03-20", "2024-03-20").replace("2023-04-07", "2024-04-05")
               .replace("2023-07-30", "2024-07-30").replace("2023-06-20", "2024-06-20")
               .replace('              - id: "1.6.2"\n                title: คัดเลือกสำนักดีเด่น\n'
                        "                deadlines: [{date: 2024-07-30}]\n", ""))


def two_years(root: Path) -> Path:
    (root / "plans").mkdir(parents=True, exist_ok=True)
    (root / "plans" / "2566.yml").write_text(PLAN_YAML, encoding="utf-8")
    (root / "plan.yml").write_text(FY2567_YAML, encoding="utf-8")
    return root


# -- loading ------------------------------------------------------------------------------------------
def test_planset_orders_years_and_finds_a_date(tmp_path: Path) -> None:
    plans = load_plans(two_years(tmp_path))
    assert plans.years == [2566, 2567] and len(plans) == 2 and 2566 in plans
    assert plans.latest.fiscal_year == 2567
    assert [p.fiscal_year for p in plans] == [2566, 2567]
    assert plans.for_date(dt.date(2023, 9, 30)).fiscal_year == 2566  # type: ignore[union-attr]
    assert plans.for_date(dt.date(2023, 10, 1)).fiscal_year == 2567  # type: ignore[union-attr]
    assert plans.for_date(dt.date(2025, 1, 1)) is None
    assert plans.get(2565) is None
    assert plans.years_with_item("1.6.2") == [2566]


def test_every_plan_problem_in_one_run_with_its_own_file(tmp_path: Path) -> None:
    root = two_years(tmp_path)
    (root / "plans" / "2566.yml").write_text(PLAN_YAML.replace("title: แผนทดสอบ", "titel: แผนทดสอบ"), encoding="utf-8")
    (root / "plan.yml").write_text(FY2567_YAML.replace("start: 2023-10-01", "start: 2023-10-01\nstart: 2023-10-02"),
                                   encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught:
        load_plans(root)
    where = {(p.file, p.line) for p in caught.value.problems}
    assert ("plans/2566.yml", 3) in where
    assert any(p.file == "plan.yml" and p.line == 10 and p.column == 1 for p in caught.value.problems)


def test_two_plans_for_one_year_is_an_error(tmp_path: Path) -> None:
    root = two_years(tmp_path)
    (root / "plans" / "2567.yml").write_text(FY2567_YAML, encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught:
        load_plans(root)
    [problem] = [p for p in caught.value.problems if p.code == "duplicate-year"]
    assert problem.line == 2 and "2567" in problem.message_th
    assert "plans/2567.yml" in problem.message_th and "plan.yml" in problem.message_th


def test_archive_file_name_must_match_its_year(tmp_path: Path) -> None:
    root = two_years(tmp_path)
    (root / "plans" / "2566.yml").rename(root / "plans" / "2565.yml")
    with pytest.raises(ProblemsFound) as caught:
        load_plans(root)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.column, problem.code) == ("plans/2565.yml", 2, 14, "plan-file-year")
    assert "plans/2566.yml" in problem.fix_th


def test_archive_later_than_current_is_an_error(tmp_path: Path) -> None:
    root = two_years(tmp_path)
    (root / "plans" / "2568.yml").write_text(FY2567_YAML.replace("fiscal_year: 2567", "fiscal_year: 2568")
                                             .replace("2023-", "2024-").replace("2024-0", "2025-0")
                                             .replace("2024-10-01", "2024-10-01"), encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught:
        load_plans(root)
    assert "archive-later" in {p.code for p in caught.value.problems}


def test_the_repository_has_the_closed_year_and_a_draft() -> None:
    plans = load_plans(Path(__file__).resolve().parent.parent)
    assert plans.years[:2] == [2566, 2567]
    assert not plans.get(2566).draft  # type: ignore[union-attr]
    assert plans.latest.draft and plans.latest.draft_note


# -- the year-closing rule ------------------------------------------------------------------------------
@pytest.fixture
def fy2566() -> object:
    root = Path(__file__).parent / "fixtures"
    return load_plan(root / "mini_plan.yml")


def _leaf(plan, item_id: str):
    return next(a for _, p in plan.projects() for a in p.all_activities() if a.id == item_id)


def test_clock_edges() -> None:
    last_day = YearClock(2566, dt.date(2023, 9, 30))
    assert not last_day.closed and last_day.as_of == dt.date(2023, 9, 30)
    next_day = YearClock(2566, dt.date(2023, 10, 1))
    assert next_day.closed and next_day.as_of == dt.date(2023, 9, 30)
    assert YearClock(2566, dt.date(2026, 12, 7)).as_of == dt.date(2023, 9, 30)
    assert next_day.counts(dt.date(2023, 9, 30)) and not next_day.counts(dt.date(2023, 10, 1))


def test_last_day_of_the_year_is_still_overdue_not_final(fy2566) -> None:
    book = StatusBook.build(fy2566, dt.date(2023, 9, 30), [])
    assert not book.closed
    assert book.leaf_status(_leaf(fy2566, "1.1")) is Status.OVERDUE


def test_closed_year_items_are_done_or_not_done_never_overdue(fy2566) -> None:
    evidence = [Evidence(dt.date(2023, 9, 30), "ทำวันสุดท้าย", "activities/x/", ("1.1",))]
    book = StatusBook.build(fy2566, dt.date(2023, 10, 1), evidence)
    assert book.closed and book.as_of == dt.date(2023, 9, 30)
    assert book.leaf_status(_leaf(fy2566, "1.1")) is Status.DONE
    states = {book.leaf_status(leaf) for _, leaf in book.all_leaves()}
    assert Status.OVERDUE not in states and Status.DUE not in states
    assert book.leaf_status(_leaf(fy2566, "1.2.1")) is Status.NOT_DONE
    assert Status.NOT_DONE.label_th == "ไม่ได้ดำเนินการภายในปีงบประมาณ"
    assert "lc-status--not-done" in Status.NOT_DONE.badge_html()


def test_writeup_dated_after_the_year_does_not_count_for_it(fy2566) -> None:
    late = [Evidence(dt.date(2023, 10, 1), "ทำหลังสิ้นปี", "activities/late/", ("1.1",))]
    closed = StatusBook.build(fy2566, dt.date(2024, 1, 1), late)
    assert closed.leaf_status(_leaf(fy2566, "1.1")) is Status.NOT_DONE
    assert closed.evidence_for(_leaf(fy2566, "1.1")) == []


def test_year_context_routes_evidence_by_year(tmp_path: Path) -> None:
    root = two_years(tmp_path)
    plans = load_plans(root)
    ctx = BuildContext(site=Site(root=root, content_dir=root / "content", site_url="https://x.example/"),
                       plan=plans.latest, as_of=dt.date(2024, 2, 1), plans=plans)
    ctx.add_evidence([Evidence(dt.date(2023, 3, 1), "ปีก่อน", "a/", ("1.1",)),
                      Evidence(dt.date(2023, 11, 1), "ปีนี้", "b/", ("1.1",)),
                      Evidence(dt.date(2023, 11, 2), "เอกสารปีก่อน", "c/", ("1.6.1",), fiscal_year=2566)])
    old, new = ctx.years()
    assert (old.fiscal_year, old.closed, old.is_latest, old.as_of) == (2566, True, False, dt.date(2023, 9, 30))
    assert (new.fiscal_year, new.closed, new.is_latest, new.as_of) == (2567, False, True, dt.date(2024, 2, 1))
    assert [e.url for e in old.evidence] == ["a/", "c/"] and [e.url for e in new.evidence] == ["b/"]
    item = _leaf(old.plan, "1.1")
    assert old.status().evidence_for(item)[0].url == "a/"
    assert ctx.status() is new.status() and ctx.plan is new.plan
    # a document of FY 2566 dated after the year's end does not count for 2566
    assert old.status().leaf_status(_leaf(old.plan, "1.6.1")) is Status.NOT_DONE


# -- write-ups and documents know their year ---------------------------------------------------------------
def test_writeup_ids_resolve_in_the_plan_of_its_date(tmp_path: Path) -> None:
    root = two_years(tmp_path)
    write_bundle(root, "2023-05-02-old", 'title: ปีก่อน\ndate: 2023-05-02\nplan_items: ["1.6.2"]\nsummary: สรุป\n')
    write_bundle(root, "2023-11-02-new", 'title: ปีนี้\ndate: 2023-11-02\nplan_items: ["1.6.2"]\nsummary: สรุป\n')
    writeups, problems = load_activities(root / "content", load_plans(root), display_root=root)
    errors = [p for p in problems if p.is_error]
    [error] = errors
    assert error.file == "content/activities/2023-11-02-new/index.md" and error.line == 4  # plan_items line
    assert "ปีงบประมาณ พ.ศ. 2567" in error.message_th and "2566" in error.message_th
    assert "FY 2567" in error.message_en and "exists in FY 2566" in error.message_en
    assert {w.folder for w in writeups} == {"2023-05-02-old", "2023-11-02-new"}


def test_document_items_resolve_in_its_declared_year(tmp_path: Path) -> None:
    from site_build.documents.load import load_documents
    from tests.test_documents_support import front, write_doc

    root = two_years(tmp_path)
    content = root / "content"
    write_doc(content, front(year=2567, plan_items=["1.6.2"]))
    docs = load_documents(content, root)
    [problem] = plan_item_problems(docs.docs, load_plans(root))
    assert "2567" in problem.message_th and problem.line is not None


# -- navigation and page marks ---------------------------------------------------------------------------
def test_nav_has_no_year_until_the_plans_give_them(tmp_path: Path) -> None:
    plans = load_plans(two_years(tmp_path))
    nav = [{"หน้าแรก": "index.md"}, {"แผน": ["plan/index.md"]},
           {"ความก้าวหน้า": ["progress/index.md", "reports/index.md"]}, {"หลักฐาน": ["evidence/index.md"]}]
    out = expand_nav(nav, plans, "thai")
    assert out is not None
    plan_section = out[1]["แผน"]
    assert plan_section[0] == "plan/index.md"
    assert list(plan_section[1]) == ["ปีงบประมาณ ๒๕๖๗"] and list(plan_section[2]) == ["ปีงบประมาณ ๒๕๖๖"]
    assert plan_section[2]["ปีงบประมาณ ๒๕๖๖"][:2] == ["plan/2566/index.md", "plan/2566/measure-1.md"]
    progress = out[2]["ความก้าวหน้า"]
    assert progress[-1] == "reports/index.md" and "reports/2566/q1.md" in str(progress[2])
    assert out[3]["หลักฐาน"][1:] == [{"ปีงบประมาณ ๒๕๖๗": "evidence/2567/index.md"},
                                     {"ปีงบประมาณ ๒๕๖๖": "evidence/2566/index.md"}]


def test_year_marks_land_on_the_same_page_or_the_plan(tmp_path: Path) -> None:
    plans = load_plans(two_years(tmp_path))
    existing = {"plan/2566/measure-2.md", "plan/2567/measure-2.md", "plan/2566/project-18.md"}
    marks = year_marks("plan/2566/project-18.md", plans, dt.date(2024, 1, 1), "thai", existing.__contains__)
    assert marks is not None and not marks.is_latest and marks.closed
    assert marks.archive_banner == "ข้อมูลปีงบประมาณ พ.ศ. ๒๕๖๖ ซึ่งสิ้นสุดแล้ว"
    assert [(link.label, link.src_uri, link.current) for link in marks.switcher] == [
        ("๒๕๖๗", "plan/2567/index.md", False), ("๒๕๖๖", "plan/2566/project-18.md", True)]
    same = year_marks("plan/2567/measure-2.md", plans, dt.date(2024, 1, 1), "thai", existing.__contains__)
    assert same is not None and same.is_latest and same.archive_banner is None
    assert same.switcher[1].src_uri == "plan/2566/measure-2.md"
    assert year_marks("activities/index.md", plans, dt.date(2024, 1, 1), "thai", existing.__contains__) is None
    open_year = year_marks("plan/2566/measure-2.md", plans, dt.date(2023, 5, 1), "thai", existing.__contains__)
    assert open_year is not None and "ไม่ใช่ปีงบประมาณล่าสุด" in (open_year.archive_banner or "")


def test_single_plan_set() -> None:
    plan = load_plan(Path(__file__).parent / "fixtures" / "mini_plan.yml")
    plans = PlanSet.single(plan)
    assert plans.latest is plan and plans.years == [2566]
