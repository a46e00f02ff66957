"""Everything ``python -m site_build check`` validates, in one list of located problems."""

from __future__ import annotations

from pathlib import Path

from site_build.documents.cli import check_documents
from site_build.errors import Problem, ProblemsFound
from site_build.plan.load import load_plan
from site_build.sources import check_sources


def check_all(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    try:
        load_plan(root / "plan.yml", display_name="plan.yml")
    except ProblemsFound as exc:
        problems.extend(exc.problems)
    problems += check_sources(root, root / "content")
    problems += check_documents(root)
    return problems
