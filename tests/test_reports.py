"""Tracking views from a fixed "as of" date and write-ups made in the test: publicity matrix, award score,
progress, overdue/upcoming, fiscal quarters, period reports, CSV and the deadlines calendar."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import icalendar
import pytest

from site_build.context import BuildContext
from site_build.reports.award import award
from site_build.reports.csvfiles import period_csv, publicity_csv, score_csv
from site_build.reports.generate import HOME_MARKER, compute, home_markdown, report_files
from site_build.reports.ics import deadlines_ics
from site_build.reports.periods import months_period, period_report, quarter, quarter_of
from site_build.reports.progress import progress
from site_build.reports.publicity import cell_state, publicity_matrix
from site_build.reports.render import Renderer
from site_build.reports.score_page import score_page
from site_build.reports.targets import months_end, progress_targets
from tests.test_reports_support import AS_OF, SITE, STAMP, data, mini_plan, scored_plan, writeup

LINE = {"strong-line": {"url": "https://line.example.org/post/1", "date": "2023-03-16"}}


def states(row) -> dict[str, str]:
    return {cell.channel.id: cell_state(cell) for cell in row.cells}


# -- publicity matrix --------------------------------------------------------------------------------

def test_matrix_cells_totals_and_missing_first(tmp_path: Path) -> None:
    plan = mini_plan(tmp_path)
    declared = writeup("2023-03-15-declare", ["1.1"], publicity=LINE)
    part = writeup("2023-06-25-part", ["1.2.1"])  # its items name no channel: the plan's general rule, all
    matrix = publicity_matrix(plan, data(plan, [declared, part]).writeups)
    assert [r.writeup.folder for r in matrix.rows] == ["2023-06-25-part", "2023-03-15-declare"]
    assert states(matrix.rows[0]) == {"website": "done", "strong-line": "missing"}
    assert states(matrix.rows[1]) == {"website": "done", "strong-line": "done"}
    assert matrix.rows[1].cells[1].record.url == "https://line.example.org/post/1"
    assert matrix.rows[0].cells[0].automatic and matrix.rows[0].cells[0].record is None
    assert [(t.channel.id, t.done, t.required) for t in matrix.totals] == [("website", 2, 2), ("strong-line", 1, 2)]
    assert (matrix.done, matrix.required, matrix.complete_rows) == (3, 4, 1)
    assert [c.id for c in matrix.rows[0].missing] == ["strong-line"]


def test_channel_not_required_is_shown_but_not_counted(tmp_path: Path) -> None:
    plan = mini_plan(tmp_path, {"publicity: [website, strong-line]": "publicity: [website]"})
    matrix = publicity_matrix(plan, [writeup("2023-03-15-declare", ["1.1"], publicity=LINE)])
    assert states(matrix.rows[0]) == {"website": "done", "strong-line": "extra"}
    assert matrix.rows[0].complete
    assert [(t.done, t.required) for t in matrix.totals] == [(1, 1), (0, 0)]


@pytest.mark.parametrize(("publicity", "writeups", "level", "points"), [
    ("publicity: [website, strong-line]", [("2023-03-15-a", LINE)], "full", 10),
    ("publicity: [website, strong-line]", [("2023-03-15-a", LINE), ("2023-03-18-b", {})], "partial", 5),
    ("publicity: [website, strong-line]", [], "none", 0),
    ("publicity: [strong-line]", [("2023-03-15-a", {})], "none", 0),
])
def test_publicity_rule_scores_all_some_none(tmp_path: Path, publicity: str, writeups: list, level: str,
                                             points: int) -> None:
    plan = mini_plan(tmp_path, {"publicity: [website, strong-line]": publicity})
    result = award(data(plan, [writeup(folder, ["1.1"], publicity=pub) for folder, pub in writeups]))
    (component,) = [c for c in result.components if c.component.rule == "publicity"]
    assert result.publicity.level == level
    assert (component.level, component.earned, component.remaining) == (level, points, 10 - points)


# -- award score -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("items", "score_level", "level", "earned"), [
    (["1.2.1"], {}, "full", 20),
    (["1.2.1"], {"1.2.1": "partial"}, "partial", 5),
    (["1.2"], {}, "full", 20),  # a write-up for the parent counts for its parts, as the status does
    (["1.1"], {}, "none", 0),
])
def test_evidence_rule_full_partial_none(tmp_path: Path, items: list[str], score_level: dict, level: str,
                                         earned: int) -> None:
    plan = scored_plan(tmp_path)
    result = award(data(plan, [writeup("2023-06-01-book", items, score_level=score_level)]))
    (book,) = [c for c in result.components if c.component.id == "book"]
    assert (book.level, book.earned, book.remaining) == (level, earned, 20 - earned)
    assert bool(book.evidence) == (level != "none")


def test_award_totals_participation_and_declared_split(tmp_path: Path) -> None:
    plan = scored_plan(tmp_path)
    d = data(plan, [writeup("2023-06-01-book", ["1.2.1"], score_level={"1.2.1": "partial"})])
    result = award(d)
    assert (result.possible, result.earned, result.remaining) == (30, 5 + 5, 20)  # book partial + publicity partial
    assert result.summary.plan_sum == result.possible  # one sum, from the plan
    assert result.summary.difference == 30 - 270
    assert (result.participation_points, result.computed_total, result.total_difference) == (30, 60, -240)
    page = score_page(Renderer(d, "progress/2566/score.md", "arabic"), result)
    assert "ต่าง −240" in page and "ผลรวมไม่ตรงกับที่ประกาศ" in page
    for item in plan.scoring.participation:
        assert item.label in page
    assert page.count("ต้องยืนยันโดยสำนัก") >= len(plan.scoring.participation)
    rows = list(csv.DictReader(io.StringIO(score_csv(plan, result, SITE.absolute).decode("utf-8-sig"))))
    assert [r["component"] for r in rows] == ["s1", "book", "meetings", "staff"]
    assert [r["earned"] for r in rows] == ["5", "5", "0", "0"]
    assert rows[2]["level"] == "unconfirmed"


# -- progress, overdue, upcoming ---------------------------------------------------------------------

def test_progress_share_and_targets(tmp_path: Path) -> None:
    plan = mini_plan(tmp_path)
    result = progress(data(plan, [writeup("2023-03-15-declare", ["1.1"])]))
    assert (result.overall.done, result.overall.total) == (1, 3)
    assert [(m.measure.number, m.share.done, m.share.total, m.overdue) for m in result.measures] == [(1, 1, 3, 1)]
    assert [(c.target.key, c.target.date, c.state) for c in result.targets] == [
        ("model-org-6m", dt.date(2023, 3, 31), "missed"),
        ("report-95", dt.date(2023, 7, 30), "open"),
        ("model-org-12m", dt.date(2023, 9, 30), "open"),
    ]
    assert result.targets[1].share.needed(95) == 2
    assert result.timeline == [(dt.date(2023, 3, 15), 1)]


def test_target_met_counts_evidence_dated_by_the_target(tmp_path: Path) -> None:
    plan = mini_plan(tmp_path)
    ws = [writeup("2023-03-15-a", ["1.1"]), writeup("2023-03-30-b", ["1.2"]), writeup("2023-04-10-c", ["2"])]
    checks = {c.target.key: c for c in progress(data(plan, ws)).targets}
    assert (checks["model-org-6m"].share.done, checks["model-org-6m"].state) == (2, "missed")  # 2/3 < 70%
    assert checks["report-95"].state == "met"


def test_months_end_and_targets_come_from_the_fiscal_year(tmp_path: Path) -> None:
    assert months_end(2566, 6) == dt.date(2023, 3, 31)
    assert months_end(2566, 12) == dt.date(2023, 9, 30)
    plan = mini_plan(tmp_path)
    assert [(t.date, t.percent) for t in progress_targets(plan)] == [
        (dt.date(2023, 3, 31), 70), (dt.date(2023, 7, 30), 95), (dt.date(2023, 9, 30), 90)]


@pytest.mark.parametrize(("as_of", "overdue", "upcoming"), [
    (dt.date(2023, 6, 30), [("1.2.1", 10)], [("2", 30)]),  # 30 July is exactly 30 days ahead: included
    (dt.date(2023, 6, 29), [("1.2.1", 9)], []),  # 31 days ahead: not yet
    (dt.date(2023, 6, 20), [], [("1.2.1", 0)]),  # due today is not overdue
    (dt.date(2023, 3, 21), [], [])])  # 1.1 was due yesterday but has evidence
def test_overdue_and_upcoming(tmp_path: Path, as_of: dt.date, overdue: list, upcoming: list) -> None:
    plan = mini_plan(tmp_path)
    result = progress(data(plan, [writeup("2023-03-15-declare", ["1.1"])], as_of))
    assert [(o.item.id, o.days_late) for o in result.overdue] == overdue
    assert [(u.entry.item.id, u.days_left) for u in result.upcoming] == upcoming


def test_done_items_leave_the_upcoming_list(tmp_path: Path) -> None:
    plan = mini_plan(tmp_path)
    result = progress(data(plan, [writeup("2023-06-29-p2", ["2"])]))
    assert result.upcoming == []


# -- fiscal quarters and period reports --------------------------------------------------------------

@pytest.mark.parametrize(("day", "key", "start", "end"), [
    (dt.date(2023, 9, 30), "q4", dt.date(2023, 7, 1), dt.date(2023, 9, 30)),
    (dt.date(2023, 10, 1), "q1", dt.date(2023, 10, 1), dt.date(2023, 12, 31)),  # FY 2567 begins
    (dt.date(2022, 10, 1), "q1", dt.date(2022, 10, 1), dt.date(2022, 12, 31)),
    (dt.date(2022, 12, 31), "q1", dt.date(2022, 10, 1), dt.date(2022, 12, 31)),
    (dt.date(2023, 1, 1), "q2", dt.date(2023, 1, 1), dt.date(2023, 3, 31)),
])
def test_quarter_at_fiscal_year_boundaries(day: dt.date, key: str, start: dt.date, end: dt.date) -> None:
    period = quarter_of(day)
    assert (period.key, period.start, period.end) == (key, start, end)


def test_items_fall_in_the_quarter_of_their_deadline(tmp_path: Path) -> None:
    plan = mini_plan(tmp_path, {"- date: 2023-03-20": "- date: 2022-10-01", "- date: 2023-07-30": "- date: 2023-09-30"})
    d = data(plan, [])
    ids = {key: [r.item.id for r in period_report(d, p).rows] for key, p in [
        ("q1", quarter(2566, 1)), ("q3", quarter(2566, 3)), ("q4", quarter(2566, 4)),
        ("6", months_period(2566, 6)), ("12", months_period(2566, 12))]}
    assert ids == {"q1": ["1.1"], "q3": ["1.2.1"], "q4": ["2"], "6": ["1.1"], "12": ["1.1", "1.2.1", "2"]}
    assert period_report(d, quarter(2567, 1)).rows == []


def test_period_rows_done_late_overdue_due(tmp_path: Path) -> None:
    plan = mini_plan(tmp_path)
    d = data(plan, [writeup("2023-03-25-late", ["1.1"])])
    rows = {r.item.id: r.state for r in period_report(d, months_period(2566, 12)).rows}
    assert rows == {"1.1": "done-late", "1.2.1": "overdue", "2": "due"}
    d = data(plan, [writeup("2023-03-20-on-time", ["1.1"])])
    assert [r.state for r in period_report(d, quarter(2566, 2)).rows] == ["done"]
    report = period_report(d, quarter(2566, 2))
    assert [w.folder for w in report.carried_out] == ["2023-03-20-on-time"]
    assert [c.target.key for c in period_report(d, months_period(2566, 6)).checks] == ["model-org-6m"]


# -- files: CSV and calendar -------------------------------------------------------------------------

def test_csv_files_are_utf8_with_bom_and_thai_intact(tmp_path: Path) -> None:
    plan = mini_plan(tmp_path)
    d = data(plan, [writeup("2023-03-25-late", ["1.1"], publicity=LINE, title="ประกาศเจตนารมณ์ “สุจริต”, ๒๕๖๖")])
    views = compute(d)
    raw = period_csv(plan, views.reports[-1], SITE.absolute)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["item_id"] for r in rows] == ["1.1", "1.2.1", "2"]
    assert rows[0]["title"] == "กิจกรรมแรก" and rows[0]["status_th"] == "ดำเนินการแล้ว (หลังกำหนด)"
    assert rows[0]["evidence_titles"] == "ประกาศเจตนารมณ์ “สุจริต”, ๒๕๖๖"
    assert rows[0]["evidence_urls"] == "https://lc.example.org/activities/2023-03-25-late/"
    assert rows[0]["item_url"] == "https://lc.example.org/plan/2566/project-1/#item-1-1"
    pub = publicity_csv(views.matrix, SITE.absolute)
    assert pub.startswith(b"\xef\xbb\xbf")
    (row,) = csv.DictReader(io.StringIO(pub.decode("utf-8-sig")))
    assert row["title"] == "ประกาศเจตนารมณ์ “สุจริต”, ๒๕๖๖"
    assert row["strong-line"] == "done (เผยแพร่แล้ว)" and "https://line.example.org/post/1" in row["strong-line_evidence"]


def test_ics_has_one_all_day_event_per_deadline(tmp_path: Path) -> None:
    plan = mini_plan(tmp_path)
    d = data(plan, [])
    raw = deadlines_ics(d, site_url=SITE.site_url, absolute=SITE.absolute, stamp=STAMP)
    assert raw == deadlines_ics(d, site_url=SITE.site_url, absolute=SITE.absolute, stamp=STAMP)
    cal = icalendar.Calendar.from_ical(raw)
    events = list(cal.walk("VEVENT"))
    deadlines = [("1.1", "20230320"), ("1.2.1", "20230620"), ("2", "20230730")]
    assert len(events) == len(deadlines) + len(plan.milestones)
    uids = [str(e["UID"]) for e in events]
    assert uids == [f"{i}-{day}@lc.example.org" for i, day in deadlines] + ["milestone-report-95@lc.example.org"]
    first = events[0]
    assert first.decoded("DTSTART") == dt.date(2023, 3, 20) and first.decoded("DTEND") == dt.date(2023, 3, 21)
    assert first.decoded("DTSTAMP") == STAMP
    assert str(first["SUMMARY"]).startswith("กำหนดส่ง ข้อ ๑.๑")
    assert str(first["URL"]) == "https://lc.example.org/plan/2566/project-1/#item-1-1"
    assert "กำหนดส่ง" in str(cal["X-WR-CALNAME"])


# -- pages -------------------------------------------------------------------------------------------

def test_every_file_is_generated_once_with_stable_urls(tmp_path: Path) -> None:
    plan = mini_plan(tmp_path)
    files = list(report_files(compute(data(plan, [writeup("2023-03-15-a", ["1.1"])])), site=SITE, stamp=STAMP))
    uris = [f.uri for f in files]
    assert len(uris) == len(set(uris))
    assert {"progress/2566/index.md", "progress/2566/publicity.md", "progress/2566/score.md", "reports/2566/index.md",
            "reports/2566/q1.md", "reports/2566/q4.md", "reports/2566/6-months.md", "reports/2566/12-months.csv",
            "plan/2566/deadlines.ics", "feed.xml"} <= set(uris)


def test_publicity_page_says_missing_in_words(tmp_path: Path) -> None:
    plan = mini_plan(tmp_path)
    views = compute(data(plan, [writeup("2023-03-15-a", ["1.1"], sample=True)]))
    page = next(f.content for f in report_files(views, site=SITE, stamp=STAMP) if f.uri.endswith("publicity.md"))
    assert "❌ ยังไม่มี" in page and "✅ เผยแพร่แล้ว" in page
    assert '<div class="lc-table-scroll lc-matrix" markdown>' in page
    assert "กิจกรรมที่ยังขาดช่องทาง (1)" in page and "ขาด ไลน์ชมรม STRONG" in page
    assert "ตัวอย่าง" in page  # sample evidence is never passed off as real
    assert "**5** / 10" in page


def test_home_marker_becomes_the_progress_block(tmp_path: Path) -> None:
    from site_build.activities.load import evidence_of

    plan = mini_plan(tmp_path)
    ws = [writeup("2023-03-15-declare", ["1.1"])]
    ctx = BuildContext(site=SITE, plan=plan, as_of=AS_OF, extras={"writeups": ws})
    ctx.add_evidence(evidence_of(ws))
    text = home_markdown(ctx, f"# หน้าแรก\n\n{HOME_MARKER}\n")
    assert HOME_MARKER not in text and 'class="lc-home-progress"' in text
    assert "1 จาก 3 กิจกรรมย่อย (ร้อยละ 33.3)" in text
    assert "(progress/2566/index.md#overdue)" in text and "(reports/2566/index.md)" in text
    assert "[เผยแพร่ยังไม่ครบทุกช่องทาง 1 จาก 1 กิจกรรม](progress/2566/publicity.md)" in text
    assert home_markdown(ctx, "# ไม่มีเครื่องหมาย\n") == "# ไม่มีเครื่องหมาย\n"


def test_items_without_deadline_are_reported_in_the_12_month_report(tmp_path: Path) -> None:
    plan = mini_plan(tmp_path, {"                deadlines:\n                  - date: 2023-06-20\n": ""})
    d = data(plan, [writeup("2023-05-02-part", ["1.2.1"])])
    year = period_report(d, months_period(2566, 12))
    assert [(u.item.id, u.done) for u in year.undated] == [("1.2.1", True)]
    assert [r.item.id for r in year.rows] == ["1.1", "2"]
    assert period_report(d, months_period(2566, 6)).undated == []
    rows = list(csv.DictReader(io.StringIO(period_csv(plan, year, SITE.absolute).decode("utf-8-sig"))))
    assert (rows[-1]["item_id"], rows[-1]["status"], rows[-1]["deadline"]) == ("1.2.1", "no-deadline-done", "")
    assert rows[-1]["evidence_urls"] == "https://lc.example.org/activities/2023-05-02-part/"
