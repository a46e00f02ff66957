"""The award's declared split checked against the plan: sum of every item's full score vs ``scoring.plan``."""

from __future__ import annotations

from dataclasses import dataclass

from site_build.plan.model import Plan, Scoring


@dataclass(frozen=True)
class ScoreSummary:
    plan_sum: int
    declared_plan: int
    participation: int
    declared_total: int
    by_project: list[tuple[str, int]]
    unreadable: list[tuple[str, str]]
    """(item label, why) for components whose amount the source document does not let us read."""

    @property
    def difference(self) -> int:
        """Computed minus declared: positive when the items add up to more than the plan says."""
        return self.plan_sum - self.declared_plan


def score_summary(plan: Plan) -> ScoreSummary:
    by_project: list[tuple[str, int]] = []
    unreadable: list[tuple[str, str]] = []
    for _, project in plan.projects():
        components = [*project.score, *(c for a in project.all_activities() for c in a.score)]
        points = sum(c.points for c in components)
        unreadable += [(c.label, c.uncertain) for c in components if c.full is None and c.uncertain]
        if components:
            by_project.append((f"{project.number}. {project.title}", points))
    plan_sum = sum(p for _, p in by_project)
    scoring = plan.scoring or Scoring(total=plan_sum, plan=plan_sum, participation=[])  # no rules: nothing declared
    participation = sum(p.points for p in scoring.participation)
    return ScoreSummary(plan_sum=plan_sum, declared_plan=scoring.plan,
                        participation=participation, declared_total=scoring.total, by_project=by_project,
                        unreadable=unreadable)
