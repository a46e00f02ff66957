"""Load plan.yml once per build: strict YAML, schema, cross-checks; all problems in one run."""

from __future__ import annotations

from pathlib import Path

from site_build.errors import Problem, ProblemsFound
from site_build.plan.checks import check_plan
from site_build.plan.model import Plan
from site_build.textfile import read_text
from site_build.validate import validate_model
from site_build.yamlsrc import YamlError, load_yaml


def load_plan(path: Path, *, display_name: str | None = None) -> Plan:
    """Return the validated plan, or raise :class:`ProblemsFound` listing every problem."""
    name = display_name or path.name
    text = read_text(path, display_name=name)
    try:
        loaded = load_yaml(text, name)
    except YamlError as exc:
        raise ProblemsFound(exc.problems) from None
    if not isinstance(loaded.data, dict):
        raise ProblemsFound([Problem(file=name, line=1, column=1, message_th="plan.yml ต้องเป็นกลุ่มข้อมูล (คีย์: ค่า)",
                                     message_en="plan.yml must be a mapping", fix_th="ดูตัวอย่างใน README")])
    plan, problems = validate_model(Plan, loaded)
    if plan is not None:
        problems = check_plan(plan, loaded)
    problems = [*loaded.problems, *problems]
    if problems or plan is None:
        raise ProblemsFound(problems)
    return plan
