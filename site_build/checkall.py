"""Everything ``python -m site_build check`` validates, in one list of located problems.

The same checks run in the build (hooks), so staff see in their pull request exactly what would
fail it: plan.yml, every source file (kinds, encoding, secrets, personal numbers, raw HTML, front
matter), write-ups (schema, plan references, photos), and documents (schema, originals, evidence).
"""

from __future__ import annotations

from pathlib import Path

from site_build.acknowledge import apply, collect
from site_build.activities.check import check_activities
from site_build.documents.cli import check_documents
from site_build.errors import Problem, ProblemsFound, unique
from site_build.plan.years import PlanSet, load_plans
from site_build.sources import check_sources


def _mkdocs_yml(root: Path, plans: PlanSet | None) -> list[Problem]:
    """Unknown keys and nav entries naming no page (sources plus the pages the build generates)."""
    config = root / "mkdocs.yml"
    if not config.is_file():
        return []
    from site_build.generated_pages import generated_page_uris
    from site_build.mkdocs_glue import check_mkdocs_yml  # MkDocs knows its own keys; imported only when run

    content = root / "content"
    pages = {p.relative_to(content).as_posix() for p in content.rglob("*.md")} if content.is_dir() else set()
    if plans is None:
        return check_mkdocs_yml(config, None)  # without the plans the generated pages are unknown
    return check_mkdocs_yml(config, pages | generated_page_uris(root, plans))


def check_all(root: Path) -> list[Problem]:
    problems: list[Problem] = []
    plans = None
    try:
        plans = load_plans(root)  # plan.yml and every archived year in plans/
    except ProblemsFound as exc:
        problems.extend(exc.problems)
    problems += check_sources(root, root / "content")
    if plans is not None:
        problems += check_activities(root / "content", plans, display_root=root)
    problems += check_documents(root)
    problems += _mkdocs_yml(root, plans)
    acks = collect(root / "content", root)
    return unique(apply(problems, acks))
