"""The plans the editor offers items and channels from: the same loader the build uses, so the form and
``check`` always agree on which fiscal years and items exist."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from site_build.plan.model import Plan
from site_build.plan.years import load_plans


def newest_first(plans: Iterable[Plan]) -> list[Plan]:
    """The order the form lists plans in: the current year's items first."""
    return sorted(plans, key=lambda p: p.fiscal_year, reverse=True)


def editor_plans(root: Path) -> list[Plan]:
    """Every plan a write-up may name items of, newest fiscal year first (outside a build: ``edit``, tests)."""
    return newest_first(load_plans(root))
