"""Status of plan items (done, due, overdue, not done within the year) derived from evidence and the
build's "as of" date.

Never typed by hand: an item is done when a write-up (or other evidence) names it or one of its
ancestors; otherwise it is overdue once its earliest deadline has passed, and due before that.
A parent is done when all its leaves are, overdue when any leaf is.

The year-closing rule lives here and only here (:class:`YearClock`): once the as-of date is past the
fiscal year's last day (30 September), the year is closed and its result final. Each item is then
either done (evidence dated within the year) or :attr:`Status.NOT_DONE` ("ไม่ได้ดำเนินการภายใน
ปีงบประมาณ"), never overdue; evidence dated after the year's end never counts for that year; every
view of that year is "as of" the year's last day (so charts end there and reports are final).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from site_build.plan.model import Activity, Plan, Project
from site_build.thaidate import fiscal_year_bounds


class Status(StrEnum):
    DONE = "done"
    DUE = "due"
    OVERDUE = "overdue"
    NOT_DONE = "not-done"
    """Closed year, no evidence dated within it: final, never "overdue"."""

    @property
    def label_th(self) -> str:
        return {"done": "ดำเนินการแล้ว", "due": "ยังไม่ถึงกำหนด", "overdue": "เลยกำหนด",
                "not-done": NOT_DONE_TH}[self.value]

    @property
    def icon(self) -> str:
        """A plain symbol every font has (emoji need an emoji font); decorative beside the words."""
        return {"done": "✓", "due": "○", "overdue": "!", "not-done": "×"}[self.value]

    def badge_html(self) -> str:
        return (f'<span class="lc-status lc-status--{self.value}"><span aria-hidden="true">{self.icon}</span> '
                f"{self.label_th}</span>")


NOT_DONE_TH = "ไม่ได้ดำเนินการภายในปีงบประมาณ"


@dataclass(frozen=True)
class YearClock:
    """One fiscal year seen from the build's as-of date: the single definition of a closed year."""

    fiscal_year: int
    today: dt.date
    """The build's as-of date, unclamped."""

    @property
    def start(self) -> dt.date:
        return fiscal_year_bounds(self.fiscal_year)[0]

    @property
    def end(self) -> dt.date:
        """The year's last day (30 September); the last day itself is still inside the open year."""
        return fiscal_year_bounds(self.fiscal_year)[1]

    @property
    def closed(self) -> bool:
        return self.today > self.end

    @property
    def as_of(self) -> dt.date:
        """The date every view of this year is computed at: the year's end once it is closed."""
        return min(self.today, self.end)

    def counts(self, evidence_date: dt.date) -> bool:
        """Evidence dated after the year's end never counts for this year."""
        return evidence_date <= self.end


@dataclass(frozen=True, order=True)
class Evidence:
    """A page on this site that shows an item was carried out."""

    date: dt.date
    title: str
    url: str  # site-relative, e.g. "activities/2023-03-20-slug/"
    item_ids: tuple[str, ...] = field(compare=False, default=())
    sample: bool = field(compare=False, default=False)
    src_uri: str = field(compare=False, default="")
    """Docs-relative source (``activities/2023-03-20-slug/index.md``) so generated Markdown links are
    checked by the build; derived from ``url`` for page bundles when not given."""
    fiscal_year: int | None = field(compare=False, default=None)
    """The plan year whose items ``item_ids`` name (a document's declared year); ``None``: the year the
    date falls in (write-ups)."""

    def source(self) -> str:
        return self.src_uri or (self.url + "index.md" if self.url.endswith("/") else self.url)


Node = Project | Activity


def node_id(node: Node) -> str:
    return node.id


def children(node: Node) -> Sequence[Activity]:
    return node.activities if isinstance(node, Project) else node.parts


def leaves(node: Node) -> list[Node]:
    kids = children(node)
    if not kids:
        return [node]
    out: list[Node] = []
    for kid in kids:
        out.extend(leaves(kid))
    return out


def earliest_deadline(node: Node) -> dt.date | None:
    dates = [d.date for d in node.deadlines]
    return min(dates) if dates else None


@dataclass
class StatusBook:
    """Evidence per item id and the resulting status of every plan node, for one build."""

    plan: Plan
    as_of: dt.date
    """The year's as-of date (clamped to the year's end: see :class:`YearClock`)."""
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    _parent_deadline: dict[str, dt.date | None] = field(default_factory=dict)
    closed: bool = False

    @classmethod
    def build(cls, plan: Plan, as_of: dt.date, evidence: Iterable[Evidence]) -> StatusBook:
        clock = YearClock(plan.fiscal_year, as_of)
        book = cls(plan=plan, as_of=clock.as_of, closed=clock.closed)
        ancestors: dict[str, list[str]] = {}
        for _, project in plan.projects():
            _index(project, [], ancestors, book._parent_deadline, None)
        for item in evidence:
            if not clock.counts(item.date):
                continue
            for item_id in item.item_ids:
                # evidence naming a node counts for it and every descendant
                for target, chain in ancestors.items():
                    if target == item_id or item_id in chain:
                        book.evidence.setdefault(target, []).append(item)
        for items in book.evidence.values():
            items.sort(reverse=True)
        return book

    def evidence_for(self, node: Node) -> list[Evidence]:
        return self.evidence.get(node.id, [])

    def deadline(self, node: Node) -> dt.date | None:
        """Own earliest deadline, else the nearest ancestor's (a part inherits its activity's)."""
        return earliest_deadline(node) or self._parent_deadline.get(node.id)

    def leaf_status(self, node: Node) -> Status:
        if self.evidence_for(node):
            return Status.DONE
        if self.closed:
            return Status.NOT_DONE
        deadline = self.deadline(node)
        if deadline is not None and deadline < self.as_of:
            return Status.OVERDUE
        return Status.DUE

    def status(self, node: Node) -> Status:
        states = [self.leaf_status(leaf) for leaf in leaves(node)]
        if all(s is Status.DONE for s in states):
            return Status.DONE
        if any(s is Status.OVERDUE for s in states):
            return Status.OVERDUE
        if any(s is Status.NOT_DONE for s in states):
            return Status.NOT_DONE
        return Status.DUE

    def all_leaves(self) -> list[tuple[Project, Node]]:
        return [(project, leaf) for _, project in self.plan.projects() for leaf in leaves(project)]

    def counts(self, nodes: Iterable[Node] | None = None) -> Mapping[Status, int]:
        chosen = list(nodes) if nodes is not None else [leaf for _, leaf in self.all_leaves()]
        result = {s: 0 for s in Status}
        for leaf in chosen:
            result[self.leaf_status(leaf)] += 1
        return result


def _index(node: Node, chain: list[str], ancestors: dict[str, list[str]],
           parent_deadline: dict[str, dt.date | None], inherited: dt.date | None) -> None:
    ancestors[node.id] = list(chain)
    parent_deadline[node.id] = inherited
    own = earliest_deadline(node) or inherited
    for kid in children(node):
        _index(kid, [*chain, node.id], ancestors, parent_deadline, own)
