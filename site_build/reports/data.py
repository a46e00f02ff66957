"""The inputs every tracking view shares, gathered once: the plan, this fiscal year's write-ups, the
"as of" date and the status book (done/due/overdue per item, from the same evidence the plan pages use).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from site_build.activities.items import ItemRef, PlanIndex
from site_build.activities.model import WriteUp
from site_build.plan.model import Deadline, Plan
from site_build.status import Evidence, Node, StatusBook, leaves
from site_build.thaidate import fiscal_year


@dataclass(frozen=True)
class DeadlineEntry:
    """One dated deadline as the plan states it, on a project, an activity or a part."""

    item: ItemRef
    deadline: Deadline

    @property
    def date(self) -> dt.date:
        return self.deadline.date


@dataclass
class ReportData:
    """Plan + write-ups + as-of date, with the derived status book; build with :meth:`build`."""

    plan: Plan
    writeups: list[WriteUp]
    as_of: dt.date
    book: StatusBook
    _by_url: dict[str, WriteUp] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, plan: Plan, writeups: Iterable[WriteUp], as_of: dt.date, *,
              book: StatusBook | None = None) -> ReportData:
        """``book`` defaults to the evidence of the write-ups alone; the build passes ``ctx.status()`` so
        every evidence source (documents too) counts the same on every page."""
        chosen = sorted((w for w in writeups if fiscal_year(w.date) == plan.fiscal_year),
                        key=WriteUp.sort_key, reverse=True)
        if book is None:
            book = StatusBook.build(plan, as_of, evidence_of(chosen))
        return cls(plan=plan, writeups=chosen, as_of=as_of, book=book, _by_url={w.url: w for w in chosen})

    def writeup_of(self, evidence: Evidence) -> WriteUp | None:
        return self._by_url.get(evidence.url)

    def leaves(self) -> list[ItemRef]:
        return [ItemRef(m, p, leaf) for m, p in self.plan.projects() for leaf in leaves(p)]

    def items(self) -> Iterator[ItemRef]:
        """Every project and activity at any depth, in plan order."""
        yield from PlanIndex(self.plan).items.values()

    def deadlines(self) -> list[DeadlineEntry]:
        """Every deadline of every item, by date then plan order."""
        entries = [DeadlineEntry(ref, d) for ref in self.items() for d in ref.node.deadlines]
        return sorted(entries, key=lambda e: e.date)  # stable: plan order within a day

    def leaf_deadlines(self, leaf: Node) -> list[dt.date]:
        """A leaf's own deadline dates, else the one it inherits from its parent (none when neither)."""
        own = sorted({d.date for d in leaf.deadlines})
        if own:
            return own
        inherited = self.book.deadline(leaf)
        return [inherited] if inherited else []

    def evidence_for(self, node: Node) -> list[Evidence]:
        return self.book.evidence_for(node)

    def done_by(self, node: Node, day: dt.date) -> bool:
        """Whether the node has evidence dated on or before ``day``."""
        return any(e.date <= day for e in self.book.evidence_for(node))

    @property
    def sample_count(self) -> int:
        return sum(1 for w in self.writeups if w.sample)


def evidence_of(writeups: Sequence[WriteUp]) -> list[Evidence]:
    """The evidence a write-up gives, as the activities loader registers it for the status book."""
    from site_build.activities.load import evidence_of as loader_evidence

    return loader_evidence(writeups)
