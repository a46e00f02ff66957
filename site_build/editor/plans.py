"""The plans the editor offers items and channels from: the one place that finds them.

Today: ``plan.yml`` (the current plan) plus any archived ``plans/*.yml``. When the multi-year loader
(``site_build.plan.years.load_plans``) is merged, this function becomes ``return list(load_plans(root))``
(current year first); nothing else in the editor changes.
"""

from __future__ import annotations

from pathlib import Path

from site_build.plan.load import load_plan
from site_build.plan.model import Plan


def editor_plans(root: Path) -> list[Plan]:
    """Every plan a write-up may name items of, newest fiscal year first."""
    plans = [load_plan(root / "plan.yml", display_name="plan.yml")]
    archive = root / "plans"
    if archive.is_dir():
        for path in sorted(archive.glob("*.yml")):
            plan = load_plan(path, display_name=f"plans/{path.name}")
            if all(p.fiscal_year != plan.fiscal_year for p in plans):
                plans.append(plan)
    return sorted(plans, key=lambda p: p.fiscal_year, reverse=True)
