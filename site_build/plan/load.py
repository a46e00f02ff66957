"""Load plan.yml once per build: strict YAML, schema, cross-checks; all problems in one run."""

from __future__ import annotations

from pathlib import Path

from site_build.errors import Problem, ProblemsFound
from site_build.plan.checks import check_plan
from site_build.plan.model import Plan
from site_build.textfile import read_text
from site_build.validate import validate_model
from site_build.yamlsrc import Loaded, YamlError, load_yaml


def load_plan(path: Path, *, display_name: str | None = None) -> Plan:
    """Return the validated plan, or raise :class:`ProblemsFound` listing every problem."""
    plan, _, problems = read_plan(path, display_name=display_name)
    if problems or plan is None:
        raise ProblemsFound(problems)
    return plan


def read_plan(path: Path, *, display_name: str | None = None) -> tuple[Plan | None, Loaded | None, list[Problem]]:
    """The plan (``None`` when unusable), its source positions and every problem found; never raises
    for the plan's content, so several plans can be checked in one run (site_build.plan.years)."""
    name = display_name or path.name
    try:
        text = read_text(path, display_name=name)
    except ProblemsFound as exc:
        return None, None, list(exc.problems)
    try:
        loaded = load_yaml(text, name)
    except YamlError as exc:
        return None, None, list(exc.problems)
    if not isinstance(loaded.data, dict):
        return None, loaded, [Problem(file=name, line=1, column=1,
                                      message_th=f"{name} ต้องเป็นกลุ่มข้อมูล (คีย์: ค่า)",
                                      message_en=f"{name} must be a mapping", fix_th="ดูตัวอย่างใน README")]
    plan, problems = validate_model(Plan, loaded)
    if plan is not None:
        problems = check_plan(plan, loaded)
    return plan, loaded, [*loaded.problems, *problems]
