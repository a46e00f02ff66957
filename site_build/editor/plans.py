"""The plans the editor offers items and channels from: the same loader the build uses, so the form and
``check`` always agree on which fiscal years and items exist."""

from __future__ import annotations

from pathlib import Path

from site_build.plan.model import Plan
from site_build.plan.years import load_plans


def editor_plans(root: Path) -> list[Plan]:
    """Every plan a write-up may name items of, newest fiscal year first."""
    return sorted(load_plans(root), key=lambda p: p.fiscal_year, reverse=True)
