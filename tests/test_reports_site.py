"""End to end: the tracking views in a built site (as of 2023-06-30), read back as HTML, CSV, iCalendar and RSS.

Reads the session's one real build (``built_site`` in tests/conftest.py).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import feedparser
import icalendar
import pytest

from site_build.activities.load import load_activities
from site_build.plan import load_plan
from site_build.reports.generate import HOME_MARKER
from site_build.reports.periods import periods
from site_build.status import leaves
from site_build.thaidate import digits
from tests.conftest import ROOT, read_page

pytestmark = pytest.mark.slow

CSS = ["assets/css/reports.css", "assets/css/report-print.css"]


@pytest.fixture(scope="module")
def site(built_site: Path) -> Path:
    return built_site


@pytest.fixture(scope="module")
def plan():
    return load_plan(ROOT / "plans" / "2566.yml")


@pytest.fixture(scope="module")
def writeups(plan):
    found, _ = load_activities(ROOT / "content", plan, display_root=ROOT)
    return found


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def article(html: str) -> str:
    return html.split("<article", 1)[1].split("</article>", 1)[0]


def test_publicity_matrix_lists_every_writeup_and_channel(site: Path, plan, writeups) -> None:
    html = article(read_page(site, "progress/2566/publicity/"))
    matrix = html.split('class="lc-table-scroll lc-matrix"', 1)[1].split("</table>", 1)[0]
    head = matrix.split("</thead>", 1)[0]
    for channel in plan.channels:
        assert channel.name in text_of(head)
    body_rows = re.findall(r"<tr>(.*?)</tr>", matrix.split("<tbody>", 1)[1], re.S)
    assert len(body_rows) == len(writeups) + 1  # and the totals row
    for w in writeups:
        assert f'href="../../../activities/{w.folder}/"' in matrix
    for row in body_rows[:-1]:
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        assert len(cells) == len(plan.channels) + 2
        for cell in cells[1:-1]:  # each state in words, not colour alone
            assert re.search(r"เผยแพร่แล้ว|ยังไม่มี|ไม่กำหนด", text_of(cell)), cell
    assert "<th" in head and "position" not in head  # layout is the stylesheet's job, not inline styles


def test_progress_page_counts_every_leaf_and_has_text_equivalents(site: Path, plan) -> None:
    html = article(read_page(site, "progress/2566/"))
    total = sum(len(leaves(p)) for _, p in plan.projects())
    assert re.search(rf"จาก {digits(total, 'thai')} กิจกรรมย่อย", text_of(html))
    assert '<svg class="lc-timeline"' in html and "<title" in html and "<desc" in html
    assert html.count('aria-hidden="true"') >= len(plan.measures)  # bars beside their numbers
    heading = re.search(r"เลยกำหนด \(([๐-๙]+)\)", text_of(html))
    assert heading is not None
    overdue_section = html.split("เลยกำหนด (", 1)[1].split("<h2", 1)[0]
    count = int(heading.group(1).translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")))
    assert overdue_section.count("<tr>") - 1 == count
    assert 'href="../../plan/2566/project-' in overdue_section and "#item-" in overdue_section


def test_home_page_shows_the_progress_block(site: Path) -> None:
    assert HOME_MARKER in (ROOT / "content" / "index.md").read_text(encoding="utf-8")
    html = read_page(site, "")
    assert 'class="lc-home-progress"' in html and HOME_MARKER not in html
    assert 'href="progress/2566/"' in html


def test_score_page_shows_declared_split_and_participation(site: Path, plan) -> None:
    text = text_of(article(read_page(site, "progress/2566/score/")))
    assert f"คะแนนเต็มที่ประกาศ {digits(plan.scoring.total, 'thai')} คะแนน" in text
    for item in plan.scoring.participation:
        assert item.label in text
    assert "ต้องยืนยันโดยสำนัก" in text


def test_period_reports_print_and_download(site: Path, plan) -> None:
    for period in periods(plan.fiscal_year):
        html = read_page(site, f"reports/2566/{period.key}/")
        assert f'href="../{period.key}.csv"' in html
        raw = (site / "reports" / "2566" / f"{period.key}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"))))  # utf-8 keeps the BOM in the first key
        assert all(r["\ufeffperiod"] == period.key for r in rows)
        for r in rows:
            if r["deadline"]:
                assert period.start.isoformat() <= r["deadline"] <= period.end.isoformat()
    page = read_page(site, "reports/2566/q3/")  # the print styles arrive in the bundled stylesheet
    assert "assets/css/lc-bundle.css" in page
    assert "assets/css/report-print.css" in (site / "assets" / "css" / "lc-bundle.css").read_text(encoding="utf-8")


def test_calendar_has_one_event_per_plan_deadline(site: Path, plan) -> None:
    cal = icalendar.Calendar.from_ical((site / "plan" / "2566" / "deadlines.ics").read_bytes())
    events = list(cal.walk("VEVENT"))
    nodes = [p for _, p in plan.projects()] + [a for _, p in plan.projects() for a in p.all_activities()]
    assert len(events) == sum(len(n.deadlines) for n in nodes) + len(plan.milestones)
    assert len({str(e["UID"]) for e in events}) == len(events)


def test_feed_has_every_writeup(site: Path, writeups) -> None:
    parsed = feedparser.parse((site / "feed.xml").read_bytes())
    assert parsed.bozo == 0
    assert [e.link.rstrip("/").rsplit("/", 1)[1] for e in parsed.entries] == [w.folder for w in writeups]
