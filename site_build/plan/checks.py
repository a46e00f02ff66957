"""Checks across the plan that a schema cannot express: ids, references, dates, score sums."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from site_build.errors import Problem
from site_build.plan.model import Activity, Plan, Project
from site_build.thaidate import fiscal_year_bounds, format_date
from site_build.yamlsrc import Loaded, PathKey, format_path


def check_plan(plan: Plan, loaded: Loaded) -> list[Problem]:
    problems: list[Problem] = []

    def add(path: PathKey, th: str, en: str, fix: str, code: str) -> None:
        line, col = loaded.where(path) or (None, None)
        problems.append(Problem(file=loaded.file, line=line, column=col, message_th=th, message_en=en,
                                fix_th=fix, path=format_path(path), code=code))

    fy_start, fy_end = fiscal_year_bounds(plan.fiscal_year)
    unit_ids = _unique(plan.units, "units", add)
    channel_ids = _unique(plan.channels, "channels", add)
    _unique(plan.milestones, "milestones", add)
    seen_items: dict[str, PathKey] = {}
    seen_numbers: dict[int, PathKey] = {}

    def check_date(path: PathKey, day: dt.date) -> None:
        if not fy_start <= day <= fy_end:
            add(path, f"วันที่ {format_date(day)} อยู่นอกปีงบประมาณ พ.ศ. {plan.fiscal_year}",
                f"date {day.isoformat()} is outside fiscal year {plan.fiscal_year} "
                f"({fy_start.isoformat()}..{fy_end.isoformat()})",
                f"ใช้วันที่ระหว่าง {fy_start.isoformat()} ถึง {fy_end.isoformat()} (ปี ค.ศ.)", "date-outside-fy")

    for name in ("start", "end"):
        check_date((name,), getattr(plan, name))
    for i, milestone in enumerate(plan.milestones):
        check_date(("milestones", i, "date"), milestone.date)

    for node, path in _nodes(plan):
        if isinstance(node, Project):
            if node.number in seen_numbers:
                add((*path, "number"), f"เลขโครงการ {node.number} ซ้ำ", f"duplicate project number {node.number}",
                    "ให้แต่ละโครงการมีเลขไม่ซ้ำกัน", "duplicate-id")
            seen_numbers[node.number] = path
            item_id = node.id
        else:
            item_id = node.id
            parent = _parent_id(path, plan)
            if not item_id.startswith(parent + "."):
                add((*path, "id"), f"รหัส '{item_id}' ไม่ขึ้นต้นด้วยรหัสของรายการแม่ '{parent}.'",
                    f"id '{item_id}' does not start with its parent's id '{parent}.'",
                    f"ใช้รหัสรูปแบบ {parent}.N", "bad-id")
        if item_id in seen_items and not isinstance(node, Project):
            add((*path, "id"), f"รหัส '{item_id}' ซ้ำ", f"duplicate id '{item_id}'",
                "ให้แต่ละกิจกรรมมีรหัสไม่ซ้ำกัน", "duplicate-id")
        seen_items[item_id] = path
        for j, deadline in enumerate(node.deadlines):
            check_date((*path, "deadlines", j, "date"), deadline.date)
        if node.responsible:
            for role in ("lead", "support"):
                for j, unit in enumerate(getattr(node.responsible, role)):
                    if unit not in unit_ids:
                        add((*path, "responsible", role, j), f"ไม่รู้จักหน่วยงาน '{unit}'",
                            f"unknown unit id '{unit}'", "ใช้รหัสจากรายการ units: " + ", ".join(sorted(unit_ids)),
                            "unknown-unit")
        for j, channel in enumerate(node.publicity):
            if channel not in channel_ids:
                add((*path, "publicity", j), f"ไม่รู้จักช่องทางประชาสัมพันธ์ '{channel}'",
                    f"unknown channel id '{channel}'", "ใช้รหัสจากรายการ channels: " + ", ".join(sorted(channel_ids)),
                    "unknown-channel")
        for j, component in enumerate(node.score):
            if component.partial is not None and component.partial > component.points:
                add((*path, "score", j, "partial"), "คะแนนบางส่วนมากกว่าคะแนนเต็ม", "partial score exceeds full score",
                    "แก้ให้ partial ไม่เกิน full", "bad-score")
            if (component.partial is None) != (component.partial_when is None):
                add((*path, "score", j), "ต้องมีทั้ง partial และ partial_when หรือไม่มีทั้งคู่",
                    "partial and partial_when go together", "เพิ่มหรือลบให้ครบคู่", "bad-score")
            if component.rule == "publicity" and not node.publicity:
                add((*path, "score", j, "rule"), "เกณฑ์คะแนนแบบ publicity ต้องระบุช่องทางใน publicity",
                    "a publicity score rule needs the item's publicity channels", "เพิ่มรายการ publicity", "bad-score")
    return problems


def _unique(items: list[Any], key: str, add: Any) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            add((key, i, "id"), f"รหัส '{item.id}' ซ้ำใน {key}", f"duplicate id '{item.id}' in {key}",
                "ให้แต่ละรายการมีรหัสไม่ซ้ำกัน", "duplicate-id")
        seen.add(item.id)
    return seen


def _nodes(plan: Plan) -> Iterator[tuple[Project | Activity, PathKey]]:
    for m, measure in enumerate(plan.measures):
        for p, project in enumerate(measure.projects):
            path: PathKey = ("measures", m, "projects", p)
            yield project, path
            yield from _activity_nodes(project.activities, (*path, "activities"))


def _activity_nodes(activities: list[Activity], base: PathKey) -> Iterator[tuple[Activity, PathKey]]:
    for a, activity in enumerate(activities):
        path = (*base, a)
        yield activity, path
        yield from _activity_nodes(activity.parts, (*path, "parts"))


def _parent_id(path: PathKey, plan: Plan) -> str:
    node: Any = plan
    parent_id = ""
    for part in path[:-2]:
        node = node[part] if isinstance(part, int) else getattr(node, part)
        if isinstance(node, (Project, Activity)):
            parent_id = node.id
    return parent_id
