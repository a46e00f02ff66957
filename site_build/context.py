"""One build's inputs, loaded once and shared by every generated view.

The "as of" date is an input: ``SITE_AS_OF`` (ISO date) overrides today in Asia/Bangkok, so builds
and tests are reproducible. ``SOURCE_DATE_EPOCH`` fixes timestamps written into outputs.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from site_build.errors import Problem
from site_build.plan.model import Plan
from site_build.plan.years import PlanSet
from site_build.status import Evidence, StatusBook, YearClock
from site_build.thaidate import Digits, fiscal_year

BANGKOK = ZoneInfo("Asia/Bangkok")


def resolve_as_of(value: str | dt.date | None = None) -> dt.date:
    """Explicit value, else ``SITE_AS_OF``, else today in Bangkok."""
    if isinstance(value, dt.date):
        return value
    raw = value or os.environ.get("SITE_AS_OF", "").strip()
    if raw:
        return dt.date.fromisoformat(raw)
    return dt.datetime.now(BANGKOK).date()


def build_timestamp() -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now; always timezone-aware."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


@dataclass
class Site:
    """Settings that come from the site configuration, engine-neutral."""

    root: Path
    content_dir: Path
    site_url: str
    digits: Digits = "thai"
    repo_url: str | None = None

    def absolute(self, rel_url: str) -> str:
        return self.site_url.rstrip("/") + "/" + rel_url.lstrip("/")


@dataclass
class BuildContext:
    """Everything generated views read; filled by the loaders in hook order (plan first).

    ``plans`` holds every fiscal year; ``plan`` is the latest (kept so single-year code still reads the
    current plan). Per-year generators take a :class:`YearContext` from :meth:`year` / :meth:`years`,
    which has the same attributes generators read (``site``, ``plan``, ``as_of``, ``status()``,
    ``extras``), each for its own year.
    """

    site: Site
    plan: Plan
    as_of: dt.date
    plan_path: Path | None = None
    evidence: list[Evidence] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    extras: dict[str, Any] = field(default_factory=dict)
    plans: PlanSet | None = None
    _status: StatusBook | None = None
    _years: dict[int, YearContext] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.plans is None:
            self.plans = PlanSet.single(self.plan, self.plan_path)

    @property
    def plan_set(self) -> PlanSet:
        assert self.plans is not None
        return self.plans

    @property
    def fiscal_year(self) -> int:
        return self.plan.fiscal_year

    def status(self) -> StatusBook:
        """The latest year's status book (same as ``ctx.year(latest).status()``)."""
        return self.year(self.plan.fiscal_year).status()

    def add_evidence(self, items: list[Evidence]) -> None:
        self.evidence.extend(items)
        for year in self._years.values():
            year._status = None

    def year(self, fy: int) -> YearContext:
        """The view of one fiscal year; ``KeyError`` when the site has no plan for it."""
        plan = self.plan_set.get(fy)
        if plan is None:
            raise KeyError(fy)
        if fy not in self._years:
            self._years[fy] = YearContext(self, plan)
        return self._years[fy]

    def years(self) -> list[YearContext]:
        """Every fiscal year, oldest first."""
        return [self.year(fy) for fy in self.plan_set.years]


class YearContext:
    """One fiscal year of a build: its plan, its as-of date (the year's end once closed), its evidence.

    Shares ``site``, ``extras`` and ``warnings`` with the build; ``status()`` is computed on first use,
    after every evidence source has registered.
    """

    def __init__(self, build: BuildContext, plan: Plan) -> None:
        self.build = build
        self.plan = plan
        self.clock = YearClock(plan.fiscal_year, build.as_of)
        self._status: StatusBook | None = None

    @property
    def site(self) -> Site:
        return self.build.site

    @property
    def extras(self) -> dict[str, Any]:
        return self.build.extras

    @property
    def warnings(self) -> list[Problem]:
        return self.build.warnings

    @property
    def plan_path(self) -> Path | None:
        source = self.build.plan_set.source(self.fiscal_year)
        return source.path if source else self.build.plan_path

    @property
    def plans(self) -> PlanSet:
        return self.build.plan_set

    @property
    def fiscal_year(self) -> int:
        return self.plan.fiscal_year

    @property
    def as_of(self) -> dt.date:
        """The build's as-of date, clamped to the year's last day (a closed year's views are final)."""
        return self.clock.as_of

    @property
    def closed(self) -> bool:
        return self.clock.closed

    @property
    def is_latest(self) -> bool:
        return self.fiscal_year == self.build.plan.fiscal_year

    @property
    def draft(self) -> bool:
        return self.plan.draft

    @property
    def evidence(self) -> list[Evidence]:
        """Evidence for this year's items: documents declaring the year, write-ups dated in it."""
        fy = self.fiscal_year
        return [e for e in self.build.evidence if (e.fiscal_year or fiscal_year(e.date)) == fy]

    def status(self) -> StatusBook:
        if self._status is None:
            self._status = StatusBook.build(self.plan, self.build.as_of, self.evidence)
        return self._status

    def year(self, fy: int) -> YearContext:
        return self.build.year(fy)

    def years(self) -> list[YearContext]:
        return self.build.years()
