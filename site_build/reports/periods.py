"""Period reports the office files: each fiscal quarter, and the 6- and 12-month reports.

A leaf sub-activity belongs to a period when one of its deadlines (its own, else the one it inherits)
falls in it; its row says whether it was done on time, done late, is overdue or not yet due, as of the
build's date, with its evidence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from site_build.activities.model import WriteUp
from site_build.plan.model import Deadline
from site_build.reports.data import ItemRef, ReportData
from site_build.reports.progress import Share, TargetCheck, check_target, share_by
from site_build.reports.targets import months_end, progress_targets
from site_build.status import Evidence
from site_build.thaidate import fiscal_quarter, fiscal_year, fiscal_year_bounds, quarter_bounds

RowState = Literal["done", "done-late", "overdue", "due", "not-done"]
ROW_STATES: tuple[RowState, ...] = ("done", "done-late", "overdue", "due", "not-done")


@dataclass(frozen=True)
class Period:
    key: str  # "q1" … "q4", "6-months", "12-months": also the page and CSV name
    kind: Literal["quarter", "months"]
    number: int  # the quarter, or the months since the start of the fiscal year
    start: dt.date
    end: dt.date

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end


def quarter(fy_be: int, number: int) -> Period:
    start, end = quarter_bounds(fy_be, number)
    return Period(f"q{number}", "quarter", number, start, end)


def months_period(fy_be: int, months: int) -> Period:
    start, _ = fiscal_year_bounds(fy_be)
    return Period(f"{months}-months", "months", months, start, months_end(fy_be, months))


def periods(fy_be: int) -> list[Period]:
    return [*(quarter(fy_be, q) for q in (1, 2, 3, 4)), months_period(fy_be, 6), months_period(fy_be, 12)]


def quarter_of(day: dt.date) -> Period:
    """The fiscal quarter a date falls in (30 Sep is Q4 of its year, 1 Oct Q1 of the next)."""
    return quarter(fiscal_year(day), fiscal_quarter(day))


@dataclass(frozen=True)
class PeriodRow:
    item: ItemRef
    deadline: Deadline
    state: RowState
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class UndatedRow:
    """A sub-activity the plan gives no deadline (its period is the whole year)."""

    item: ItemRef
    evidence: tuple[Evidence, ...]

    @property
    def done(self) -> bool:
        return bool(self.evidence)


@dataclass(frozen=True)
class PeriodReport:
    period: Period
    as_of: dt.date
    rows: list[PeriodRow]
    carried_out: list[WriteUp]
    """Write-ups of activities held in the period, newest first."""
    undated: list[UndatedRow]
    """Sub-activities without any deadline (12-month report only: the whole year is their period)."""
    share: Share
    """Sub-activities of the whole plan with evidence dated by the end of the period (or the as-of date)."""
    checks: list[TargetCheck]

    def count(self, state: RowState) -> int:
        return sum(1 for r in self.rows if r.state == state)

    @property
    def started(self) -> bool:
        return self.period.start <= self.as_of


def leaf_deadline_entries(data: ReportData, ref: ItemRef) -> list[Deadline]:
    own = sorted(ref.node.deadlines, key=lambda d: d.date)
    if own:
        return own
    return [Deadline(date=day) for day in data.leaf_deadlines(ref.node)]


def row_state(data: ReportData, ref: ItemRef, deadline: dt.date) -> RowState:
    evidence = data.evidence_for(ref.node)
    if evidence:
        return "done" if any(e.date <= deadline for e in evidence) else "done-late"
    if data.book.closed:
        return "not-done"  # the year-closing rule (site_build.status.YearClock): final, never overdue
    return "overdue" if deadline < data.as_of else "due"


def period_report(data: ReportData, period: Period) -> PeriodReport:
    rows: list[PeriodRow] = []
    undated: list[UndatedRow] = []
    refs = data.leaves()
    for ref in refs:
        entries = leaf_deadline_entries(data, ref)
        if not entries and period.kind == "months" and period.number == 12:
            undated.append(UndatedRow(ref, tuple(data.evidence_for(ref.node))))
        for deadline in entries:
            if period.contains(deadline.date):
                rows.append(PeriodRow(ref, deadline, row_state(data, ref, deadline.date),
                                      tuple(data.evidence_for(ref.node))))
    rows.sort(key=lambda r: r.deadline.date)  # stable: plan order within a day
    checks = []
    if period.kind == "months":
        checks = [check_target(data, refs, t) for t in progress_targets(data.plan)
                  if t.source == "model-org" and t.months == period.number]
    return PeriodReport(period=period, as_of=data.as_of, rows=rows,
                        carried_out=[w for w in data.writeups if period.contains(w.date)],
                        undated=undated, share=share_by(data, refs, min(period.end, data.as_of)), checks=checks)
