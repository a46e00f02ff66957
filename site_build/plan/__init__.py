"""The yearly integrated plan: its schema (:mod:`.model`), loading (:mod:`.load`) and derived views."""

from __future__ import annotations

from site_build.plan.load import load_plan
from site_build.plan.model import Activity, Measure, Plan, Project

__all__ = ["Activity", "Measure", "Plan", "Project", "load_plan"]
