"""The outstanding-bureau award (คะแนนสำนักดีเด่น) as evidenced so far.

Each score component of the plan earns by its ``rule``:

- ``evidence``: a write-up (or other evidence) for the item, i.e. naming it or a parent as the status
  book counts it, earns ``full``; when the component has a partial form and the write-up declares
  ``score_level: {<item>: partial}``, it earns ``partial``. The best evidence counts.
- ``publicity``: the publicity matrix's level (every required channel of every write-up: full; some
  channels: partial; none: 0).

Participation points cannot be shown by a write-up: they are listed with 0 earned, for the bureau to
confirm. The declared split (``scoring``) is checked against the items' sum, and a difference is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_build.activities.model import WriteUp
from site_build.plan.model import ParticipationItem, ScoreComponent
from site_build.plan.score import ScoreSummary, score_summary
from site_build.reports.data import ItemRef, ReportData
from site_build.reports.publicity import Level, Matrix, publicity_matrix
from site_build.status import Evidence

_RANK: dict[Level, int] = {"none": 0, "partial": 1, "full": 2}


@dataclass(frozen=True)
class ComponentScore:
    item: ItemRef
    component: ScoreComponent
    level: Level
    evidence: tuple[Evidence, ...] = ()

    @property
    def earned(self) -> int:
        return points_for(self.component, self.level)

    @property
    def remaining(self) -> int:
        return self.component.points - self.earned

    @property
    def unknown(self) -> bool:
        """The document's amount for this component cannot be read (``full: null`` with ``uncertain``)."""
        return self.component.full is None


@dataclass(frozen=True)
class Award:
    components: list[ComponentScore]
    participation: list[ParticipationItem]
    summary: ScoreSummary
    publicity: Matrix

    @property
    def earned(self) -> int:
        return sum(c.earned for c in self.components)

    @property
    def possible(self) -> int:
        """Full points of every plan item whose amount is known (the computed plan sum)."""
        return sum(c.component.points for c in self.components)

    @property
    def remaining(self) -> int:
        return self.possible - self.earned

    @property
    def participation_points(self) -> int:
        return sum(p.points for p in self.participation)

    @property
    def computed_total(self) -> int:
        return self.possible + self.participation_points

    @property
    def total_difference(self) -> int:
        """Computed minus declared total (0 when the items add up to ``scoring.total``)."""
        return self.computed_total - self.summary.declared_total


def points_for(component: ScoreComponent, level: Level) -> int:
    if level == "full":
        return component.points
    if level == "partial":
        return component.partial or 0
    return 0


def declared_level(writeup: WriteUp, item_id: str) -> str | None:
    """The write-up's ``score_level`` for the item, or for the parent it names instead."""
    parts = item_id.split(".")
    for k in range(len(parts), 0, -1):
        level = writeup.meta.score_level.get(".".join(parts[:k]))
        if level is not None:
            return level
    return None


def evidence_level(data: ReportData, ref: ItemRef, component: ScoreComponent) -> tuple[Level, tuple[Evidence, ...]]:
    best: Level = "none"
    for item in data.evidence_for(ref.node):
        writeup = data.writeup_of(item)
        partial = (component.partial is not None and writeup is not None
                   and declared_level(writeup, ref.id) == "partial")
        level: Level = "partial" if partial else "full"
        if _RANK[level] > _RANK[best]:
            best = level
    return best, tuple(data.evidence_for(ref.node))


def award(data: ReportData, matrix: Matrix | None = None) -> Award:
    matrix = matrix or publicity_matrix(data.plan, data.writeups)
    components = []
    for ref in data.items():
        for component in ref.node.score:
            if component.rule == "publicity":
                components.append(ComponentScore(ref, component, matrix.level))
            else:
                level, evidence = evidence_level(data, ref, component)
                components.append(ComponentScore(ref, component, level, evidence))
    participation = list(data.plan.scoring.participation) if data.plan.scoring else []
    return Award(components=components, participation=participation,
                 summary=score_summary(data.plan), publicity=matrix)
