"""Plan items by id, for write-ups that name them: lookup, their measure and project, and suggestions.

A write-up names a project ("18") or an activity at any depth ("1.6", "1.6.1"); staff may type the ids
with Thai digits, so every id goes through :func:`normalize_item_id` first.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass

from site_build.plan.model import Activity, Measure, Plan, Project
from site_build.plan.years import PlanSet
from site_build.status import Node
from site_build.thaidate import to_arabic_digits


def normalize_item_id(raw: object) -> str:
    """``"๑.๖.๑"`` → ``"1.6.1"``; ``18`` → ``"18"``; surrounding spaces and a trailing dot dropped."""
    text = to_arabic_digits(str(raw)).strip()
    return text[:-1] if text.endswith(".") else text


@dataclass(frozen=True)
class ItemRef:
    """One plan item with the measure and project it sits in."""

    measure: Measure
    project: Project
    node: Node

    @property
    def id(self) -> str:
        return self.node.id

    @property
    def is_project(self) -> bool:
        return isinstance(self.node, Project)


class PlanIndex:
    """Every project and activity of the plan, by id, in plan order."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.items: dict[str, ItemRef] = {}
        for measure, project in plan.projects():
            self.items[project.id] = ItemRef(measure, project, project)
            for activity in project.all_activities():
                self.items[activity.id] = ItemRef(measure, project, activity)
        self.channels = {c.id: c for c in plan.channels}

    def get(self, item_id: str) -> ItemRef | None:
        return self.items.get(normalize_item_id(item_id))

    def __contains__(self, item_id: object) -> bool:
        return normalize_item_id(item_id) in self.items

    def suggest(self, item_id: str, n: int = 3) -> list[str]:
        """Nearest existing ids: close spellings first, then the ids under the same project."""
        wanted = normalize_item_id(item_id)
        close = difflib.get_close_matches(wanted, list(self.items), n=n, cutoff=0.6)
        head = wanted.split(".")[0]
        siblings = [i for i in self.items if i.split(".")[0] == head and i not in close]
        return (close + siblings)[:n]

    def ancestors(self, item_id: str) -> list[ItemRef]:
        """The item's project and parent activities (not the item itself), outermost first."""
        parts = normalize_item_id(item_id).split(".")
        return [self.items[".".join(parts[:k])] for k in range(1, len(parts)) if ".".join(parts[:k]) in self.items]

    def required_channels(self, item_id: str) -> list[str]:
        """Publicity channels the plan asks of this item, its ancestors' included, in plan order."""
        wanted: set[str] = set()
        ref = self.get(item_id)
        for link in [*self.ancestors(item_id), *([ref] if ref else [])]:
            wanted.update(link.node.publicity)
        return [c.id for c in self.plan.channels if c.id in wanted]

    def describe(self, ref: ItemRef) -> str:
        """``1.6.1 กิจกรรม...`` or ``โครงการที่ 18 ...``: how staff recognise an item."""
        if ref.is_project:
            return f"โครงการที่ {ref.project.number} {ref.node.title}"
        return f"{ref.node.id} {ref.node.title}"


class YearIndexes:
    """One :class:`PlanIndex` per fiscal year: a write-up's ids resolve in the plan of the year its date
    falls in (the same id, e.g. 1.6.1, exists in several years)."""

    def __init__(self, plans: PlanSet | Plan) -> None:
        self.plans = plans if isinstance(plans, PlanSet) else PlanSet.single(plans)
        self._cache: dict[int, PlanIndex] = {}

    def index(self, fy: int) -> PlanIndex:
        if fy not in self._cache:
            plan = self.plans.get(fy)
            if plan is None:
                raise KeyError(fy)
            self._cache[fy] = PlanIndex(plan)
        return self._cache[fy]

    @property
    def latest(self) -> PlanIndex:
        return self.index(self.plans.latest.fiscal_year)

    def for_date(self, day: dt.date) -> PlanIndex:
        """The index of the year ``day`` falls in; the latest plan when the site has no plan for that year
        (the loader then warns that the date is outside the plan's year)."""
        plan = self.plans.for_date(day)
        return self.index(plan.fiscal_year) if plan is not None else self.latest

    def for_item(self, item_id: str, day: dt.date) -> ItemRef | None:
        return self.for_date(day).get(item_id)

    def other_years(self, item_id: str, fy: int) -> list[int]:
        """Years other than ``fy`` whose plan has ``item_id``."""
        wanted = normalize_item_id(item_id)
        return [y for y in self.plans.years if y != fy and wanted in self.index(y)]


def index_for(index: PlanIndex | YearIndexes, day: dt.date) -> PlanIndex:
    """The plan index a write-up dated ``day`` resolves its ids in."""
    return index.for_date(day) if isinstance(index, YearIndexes) else index


def has_partial_score(node: Node) -> bool:
    """Whether the item's evidence score distinguishes a full from a partial form (e.g. book vs report)."""
    return any(c.rule == "evidence" and c.partial is not None for c in node.score)


def is_activity(node: Node) -> bool:
    return isinstance(node, Activity)
