"""Everything ``python -m site_build check`` validates, in one list of located problems.

The same checks run in the build (hooks), so staff see in their pull request exactly what would
fail it: plan.yml, every source file (kinds, encoding, secrets, personal numbers, raw HTML, front
matter), write-ups (schema, plan references, photos), and documents (schema, originals, evidence).
"""

from __future__ import annotations

from pathlib import Path

from site_build.activities.check import check_activities
from site_build.documents.cli import check_documents
from site_build.errors import Problem, ProblemsFound, unique
from site_build.plan.years import load_plans
from site_build.sources import check_sources


def check_all(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    plan = None
    try:
        plan = load_plans(root)  # plan.yml and every archived year in plans/
    except ProblemsFound as exc:
        problems.extend(exc.problems)
    problems += check_sources(root, root / "content")
    if plan is not None:
        problems += check_activities(root / "content", plan, display_root=root)
    problems += check_documents(root)
    return unique(problems)
