"""Issue 13 point 17: the progress chart's targets rise over the year and its labels fit; the score page says
in one sentence how its three totals (declared total, declared plan part, items' sum) relate, from the data."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from site_build.reports import charts
from site_build.reports.award import award
from site_build.reports.render import Renderer
from site_build.reports.score_page import score_page
from site_build.reports.targets import ProgressTarget, implied_by
from tests.conftest import read_page
from tests.test_reports_support import data, scored_plan, writeup

THAI = "๐๑๒๓๔๕๖๗๘๙"


def target(key: str, day: dt.date, percent: int, source: str = "plan") -> ProgressTarget:
    return ProgressTarget(key=key, date=day, percent=percent, source=source)  # type: ignore[arg-type]


def test_a_lower_later_threshold_is_implied_by_a_stricter_earlier_target() -> None:
    six = target("model-org-6m", dt.date(2023, 3, 31), 70, "model-org")
    p95 = target("report-95", dt.date(2023, 7, 30), 95)
    p100 = target("complete-100", dt.date(2023, 9, 16), 100)
    twelve = target("model-org-12m", dt.date(2023, 9, 30), 90, "model-org")
    implied = implied_by([six, p95, p100, twelve])
    assert implied == {"model-org-12m": p100}
    drawn = [t.percent for t in (six, p95, p100, twelve) if t.key not in implied]
    assert drawn == sorted(drawn) == [70, 95, 100]
    # the same target twice: one of them is drawn; a higher later target is never implied
    twin = target("twin", dt.date(2023, 7, 30), 95)
    assert list(implied_by([p95, twin])) == ["twin"]
    assert implied_by([six, p95]) == {}


def _axis_label_left_edge(svg: str) -> float:
    match = re.search(r'<text class="lc-timeline__axis" x="([\d.]+)"[^>]*text-anchor="end"[^>]*>๑๐๐%</text>', svg)
    assert match, svg[:300]
    return float(match.group(1))


def test_timeline_leaves_room_for_the_100_percent_axis_label() -> None:
    svg = charts.timeline([], 10, start=dt.date(2022, 10, 1), end=dt.date(2023, 9, 30), as_of=dt.date(2023, 6, 30),
                          targets=[(dt.date(2023, 9, 16), 100, False)], title="t", description="d")
    # right-aligned at x: "๑๐๐%" at font-size 13 is about 38 units wide and must start at x >= 0
    assert _axis_label_left_edge(svg) >= 40


def test_built_progress_chart_draws_rising_targets(built_site: Path) -> None:
    html = read_page(built_site, "progress/2566/")
    svg = re.search(r'<svg class="lc-timeline".*?</svg>', html, re.S)
    assert svg
    labels = re.findall(r'class="lc-timeline__label"[^>]*>([^<]+)%</text>', svg.group(0))
    percents = [int("".join(str(THAI.index(c)) if c in THAI else c for c in label)) for label in labels]
    assert percents == [70, 95, 100], percents  # was 70, 95, 100, 90
    assert "ไม่แสดงบนกราฟ: เป้าหมายร้อยละ ๑๐๐" in html  # the 12-month 90 % threshold is still in the table


def test_score_sentence_ties_the_three_totals_from_data(tmp_path: Path) -> None:
    plan = scored_plan(tmp_path)
    d = data(plan, [writeup("2023-06-01-book", ["1.2.1"])])
    page = score_page(Renderer(d, "progress/2566/score.md", "arabic"), award(d))
    assert ("คะแนนเต็ม 300 คะแนน คือคะแนนโครงการ/กิจกรรมตามแผน 270 คะแนน รวมกับคะแนนการมีส่วนร่วม 30 คะแนน "
            "ส่วนรายการคะแนนในแผนรวมได้ 30 คะแนน ต่างจากที่ประกาศ 240 คะแนน") in page


def test_built_score_page_explains_300_270_240(built_site: Path) -> None:
    html = read_page(built_site, "progress/2566/score/")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    assert ("คะแนนเต็ม ๓๐๐ คะแนน คือคะแนนโครงการ/กิจกรรมตามแผน ๒๗๐ คะแนน รวมกับคะแนนการมีส่วนร่วม ๓๐ คะแนน "
            "ส่วนรายการคะแนนในแผนรวมได้ ๒๔๐ คะแนน ต่างจากที่ประกาศ ๓๐ คะแนน เพราะต้นฉบับพิมพ์จำนวนคะแนนของ "
            "๒ รายการในโครงการที่ ๒ ไม่ชัด จึงยังไม่นับ คะแนนที่ได้ตามหลักฐานจึงคิดจาก ๒๔๐ คะแนน") in text
