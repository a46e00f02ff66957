"""Progress: the share of leaf sub-activities with evidence, overall and per measure, checked against
the dated targets, plus what is overdue and what falls due soon, all relative to the "as of" date."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Literal

from site_build.plan.model import Measure
from site_build.reports.data import DeadlineEntry, ItemRef, ReportData
from site_build.reports.targets import ProgressTarget, progress_targets
from site_build.status import Status

UPCOMING_DAYS = 30


@dataclass(frozen=True)
class Share:
    """``done`` of ``total`` leaf sub-activities."""

    done: int
    total: int

    @property
    def percent(self) -> float:
        return 100 * self.done / self.total if self.total else 0.0

    def meets(self, percent: int) -> bool:
        return self.total > 0 and self.done * 100 >= percent * self.total

    def needed(self, percent: int) -> int:
        """How many more sub-activities must be done to reach ``percent``."""
        return max(0, math.ceil(percent * self.total / 100) - self.done)


@dataclass(frozen=True)
class MeasureProgress:
    measure: Measure
    share: Share
    overdue: int


@dataclass(frozen=True)
class TargetCheck:
    target: ProgressTarget
    share: Share
    """Sub-activities with evidence dated on or before the target date (or the as-of date, if earlier)."""
    state: Literal["met", "missed", "open"]


@dataclass(frozen=True)
class OverdueItem:
    item: ItemRef
    deadline: dt.date
    days_late: int


@dataclass(frozen=True)
class UpcomingItem:
    entry: DeadlineEntry
    days_left: int


@dataclass(frozen=True)
class Progress:
    as_of: dt.date
    overall: Share
    measures: list[MeasureProgress]
    targets: list[TargetCheck]
    overdue: list[OverdueItem]
    upcoming: list[UpcomingItem]
    timeline: list[tuple[dt.date, int]]
    """(date, sub-activities done by then) at each date the count grows, up to the as-of date."""
    window_days: int = UPCOMING_DAYS
    closed: bool = False
    """The year is over (site_build.status.YearClock): ``overdue`` lists what was not done within it."""

    @property
    def late_th(self) -> str:
        return "ไม่ได้ดำเนินการภายในปีงบประมาณ" if self.closed else "เลยกำหนด"


def share_by(data: ReportData, refs: list[ItemRef], day: dt.date | None = None) -> Share:
    """Share of ``refs`` done: now (status book), or with evidence dated on or before ``day``."""
    if day is None:
        done = sum(1 for r in refs if data.book.leaf_status(r.node) is Status.DONE)
    else:
        done = sum(1 for r in refs if data.done_by(r.node, day))
    return Share(done, len(refs))


def check_target(data: ReportData, refs: list[ItemRef], target: ProgressTarget) -> TargetCheck:
    passed = target.date < data.as_of or data.book.closed  # a closed year's targets are all final
    share = share_by(data, refs, target.date) if passed else share_by(data, refs)
    if share.meets(target.percent):
        state: Literal["met", "missed", "open"] = "met"
    else:
        state = "missed" if passed else "open"
    return TargetCheck(target, share, state)


def overdue_items(data: ReportData) -> list[OverdueItem]:
    out = []
    for ref in data.leaves():
        state = data.book.leaf_status(ref.node)
        if state is Status.NOT_DONE and (deadline := data.book.deadline(ref.node)) is not None:
            out.append(OverdueItem(ref, deadline, (data.as_of - deadline).days))  # closed year: final list
        elif state is Status.OVERDUE:
            deadline = data.book.deadline(ref.node)
            assert deadline is not None  # overdue implies a deadline
            out.append(OverdueItem(ref, deadline, (data.as_of - deadline).days))
    return sorted(out, key=lambda o: o.deadline)


def upcoming_deadlines(data: ReportData, days: int = UPCOMING_DAYS) -> list[UpcomingItem]:
    """Deadlines from the as-of date to ``days`` later of items not yet done."""
    if data.book.closed:
        return []  # a closed year has nothing coming up: its result is final
    last = data.as_of + dt.timedelta(days=days)
    return [UpcomingItem(e, (e.date - data.as_of).days) for e in data.deadlines()
            if data.as_of <= e.date <= last and data.book.status(e.item.node) is not Status.DONE]


def timeline(data: ReportData, refs: list[ItemRef]) -> list[tuple[dt.date, int]]:
    firsts = sorted(min(e.date for e in data.evidence_for(r.node))
                    for r in refs if data.evidence_for(r.node))
    points: list[tuple[dt.date, int]] = []
    for count, day in enumerate(firsts, start=1):
        day = min(day, data.as_of)
        if points and points[-1][0] == day:
            points[-1] = (day, count)
        else:
            points.append((day, count))
    return points


def progress(data: ReportData, *, days: int = UPCOMING_DAYS) -> Progress:
    refs = data.leaves()
    measures = []
    for measure in data.plan.measures:
        mine = [r for r in refs if r.measure is measure]
        overdue = sum(1 for r in mine if data.book.leaf_status(r.node) in (Status.OVERDUE, Status.NOT_DONE))
        measures.append(MeasureProgress(measure, share_by(data, mine), overdue))
    return Progress(as_of=data.as_of, overall=share_by(data, refs), measures=measures,
                    targets=[check_target(data, refs, t) for t in progress_targets(data.plan)],
                    overdue=overdue_items(data), upcoming=upcoming_deadlines(data, days),
                    timeline=timeline(data, refs), window_days=days, closed=data.book.closed)
