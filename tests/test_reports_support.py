"""Fixture builders for the tracking-view tests (no tests here): a tiny plan and write-ups made in code."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from site_build.activities.model import FrontMatter, WriteUp
from site_build.context import Site
from site_build.plan import Plan, load_plan
from site_build.reports.data import ReportData

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI_PLAN = FIXTURES / "mini_plan.yml"
AS_OF = dt.date(2023, 6, 30)
STAMP = dt.datetime(2023, 6, 30, tzinfo=dt.UTC)
SITE = Site(root=Path("/nonexistent"), content_dir=Path("/nonexistent/content"),
            site_url="https://lc.example.org/", digits="arabic")

# The mini plan plus an evidence-scored part (1.2.1) with a partial form, for the award tests.
SCORED_PART = """                deadlines:
                  - date: 2023-06-20
                score:
                  - {id: book, label: หนังสือ, full: 20, full_when: จัดทำเป็นรูปเล่ม, partial: 5, partial_when: รายงาน}
"""


def mini_plan(tmp_path: Path, replace: dict[str, str] | None = None) -> Plan:
    """The fixture plan, optionally edited by exact text replacements (each must match)."""
    text = MINI_PLAN.read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "plan.yml"
    path.write_text(text, encoding="utf-8")
    return load_plan(path)


def scored_plan(tmp_path: Path) -> Plan:
    return mini_plan(tmp_path, {"                deadlines:\n                  - date: 2023-06-20\n": SCORED_PART})


def writeup(folder: str, items: list[str], *, publicity: dict[str, dict] | None = None,
            score_level: dict[str, str] | None = None, sample: bool = False, title: str | None = None,
            summary: str = "สรุปกิจกรรม") -> WriteUp:
    """A write-up as the activities loader would return it; the folder starts with its ISO date."""
    day = dt.date.fromisoformat(folder[:10])
    meta = FrontMatter(title=title or f"กิจกรรม {folder[11:]}", date=day, plan_items=items, summary=summary,
                       publicity=publicity or {}, score_level=score_level or {}, sample=sample)
    base = Path("/nonexistent/content/activities") / folder
    return WriteUp(folder=folder, directory=base, source=base / "index.md",
                   display=f"content/activities/{folder}/index.md", meta=meta, body="", body_line=1)


def data(plan: Plan, writeups: list[WriteUp], as_of: dt.date = AS_OF) -> ReportData:
    return ReportData.build(plan, writeups, as_of)
