"""Dated percentage targets progress is measured against: the plan's own milestones and the
model-organization thresholds.

The thresholds are not in plan.yml because they belong to the model-moral-organization assessment,
not to this plan: at least 70% of the plan's activities done with the 6-month report, at least 90%
with the 12-month report (/work/shared/evidence-schemes.md, sections 4 and 7). They are typed here once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from site_build.plan.model import Plan
from site_build.thaidate import fiscal_year_bounds

MODEL_ORG_THRESHOLDS: tuple[tuple[int, int], ...] = ((6, 70), (12, 90))
"""(months into the fiscal year, minimum percent of sub-activities done)."""


@dataclass(frozen=True)
class ProgressTarget:
    key: str
    date: dt.date
    percent: int
    source: Literal["plan", "model-org"]
    label: str = ""
    """The plan milestone's own words; empty for model-organization thresholds (see ``months``)."""
    months: int = 0


def months_end(fy_be: int, months: int) -> dt.date:
    """Last day of month ``months`` of fiscal year ``fy_be`` (6 → 31 Mar, 12 → 30 Sep)."""
    start, _ = fiscal_year_bounds(fy_be)
    index = start.month - 1 + months  # zero-based month index of the month after the period
    first_after = dt.date(start.year + index // 12, index % 12 + 1, 1)
    return first_after - dt.timedelta(days=1)


def progress_targets(plan: Plan) -> list[ProgressTarget]:
    """Plan milestones that state a percentage, and the model-organization thresholds, by date."""
    targets = [ProgressTarget(key=m.id, date=m.date, percent=m.target_percent, source="plan", label=m.label)
               for m in plan.milestones if m.target_percent is not None]
    targets += [ProgressTarget(key=f"model-org-{months}m", date=months_end(plan.fiscal_year, months),
                               percent=percent, source="model-org", months=months)
                for months, percent in MODEL_ORG_THRESHOLDS]
    return sorted(targets, key=lambda t: (t.date, t.percent))


def implied_by(targets: list[ProgressTarget]) -> dict[str, ProgressTarget]:
    """Targets that an earlier (or same-day), at-least-as-high target already implies, and which one.

    The plan's own milestones (95 % by 30 Jul, 100 % by 16 Sep in FY 2566) are stricter than the
    model-organization minimum (90 % at the 12-month report, 30 Sep): drawn on one line they read
    95 % → 100 % → 90 %, as if the goal dropped. A chart of targets draws only the binding ones.
    """
    out: dict[str, ProgressTarget] = {}
    for target in targets:
        stricter = [t for t in targets if t is not target and t.date <= target.date and t.percent >= target.percent
                    and (t.date, -t.percent, t.key) < (target.date, -target.percent, target.key)]
        if stricter:
            out[target.key] = max(stricter, key=lambda t: (t.percent, t.date))
    return out
