"""Every fiscal year's plan, loaded and validated in one run.

Layout: ``plan.yml`` is the current plan (the design card keeps it); earlier years live beside it in
``plans/<FY>.yml`` (``plans/2566.yml``). Each file's problems name that file, line and column; two
plans claiming one fiscal year, a file in ``plans/`` whose name disagrees with its ``fiscal_year``, or an
archived year later than the current plan are errors. Nothing else in the code names a fiscal year:
navigation and every per-year page come from :class:`PlanSet`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from site_build.errors import Problem, ProblemsFound, relpath
from site_build.plan.load import read_plan
from site_build.plan.model import Plan
from site_build.thaidate import fiscal_year

ARCHIVE_DIR = "plans"
CURRENT_FILE = "plan.yml"


@dataclass(frozen=True)
class PlanSource:
    """One plan and the file it came from (``display`` is project-relative, for messages)."""

    plan: Plan
    path: Path
    display: str

    @property
    def fiscal_year(self) -> int:
        return self.plan.fiscal_year


class PlanSet:
    """Plans ordered by fiscal year (oldest first); the latest is the current plan (plan.yml)."""

    def __init__(self, sources: Sequence[PlanSource]) -> None:
        if not sources:
            raise ValueError("a PlanSet needs at least one plan")
        self._sources = sorted(sources, key=lambda s: s.fiscal_year)
        self._by_year = {s.fiscal_year: s for s in self._sources}

    @classmethod
    def single(cls, plan: Plan, path: Path | None = None) -> PlanSet:
        """One plan on its own (tests, tools that read one file)."""
        return cls([PlanSource(plan, path or Path(CURRENT_FILE), (path or Path(CURRENT_FILE)).name)])

    @property
    def latest(self) -> Plan:
        return self._sources[-1].plan

    @property
    def years(self) -> list[int]:
        return [s.fiscal_year for s in self._sources]

    def get(self, fy: int) -> Plan | None:
        source = self._by_year.get(fy)
        return source.plan if source else None

    def source(self, fy: int) -> PlanSource | None:
        return self._by_year.get(fy)

    def for_date(self, day: dt.date) -> Plan | None:
        """The plan of the fiscal year ``day`` falls in, if the site has one."""
        return self.get(fiscal_year(day))

    def years_with_item(self, item_id: str) -> list[int]:
        """Fiscal years whose plan has ``item_id`` (for "this id belongs to another year" messages)."""
        return [s.fiscal_year for s in self._sources if _has_item(s.plan, item_id)]

    def __iter__(self) -> Iterator[Plan]:
        return (s.plan for s in self._sources)

    def __len__(self) -> int:
        return len(self._sources)

    def __contains__(self, fy: object) -> bool:
        return fy in self._by_year


def _has_item(plan: Plan, item_id: str) -> bool:
    for _, project in plan.projects():
        if project.id == item_id or any(a.id == item_id for a in project.all_activities()):
            return True
    return False


def archive_dir(current: Path) -> Path:
    """Archived years live in ``plans/`` beside the current plan file."""
    return current.parent / ARCHIVE_DIR


def plan_files(current: Path) -> list[Path]:
    archive = archive_dir(current)
    archived = sorted(archive.glob("*.yml")) if archive.is_dir() else []
    return [*archived, current]


def load_plans(root: Path, *, current: Path | None = None) -> PlanSet:
    """Load ``plan.yml`` and every ``plans/<FY>.yml``; raise :class:`ProblemsFound` with every problem of
    every file (one run shows them all)."""
    current = current or root / CURRENT_FILE
    problems: list[Problem] = []
    sources: list[PlanSource] = []
    fy_lines: dict[str, int | None] = {}
    for path in plan_files(current):
        display = relpath(path, root)
        try:
            plan, loaded, found = read_plan(path, display_name=display)
        except FileNotFoundError:
            problems.append(Problem(file=display, message_th=f"ไม่พบไฟล์แผน {display}",
                                    message_en=f"plan file {display} not found",
                                    fix_th="ตรวจชื่อไฟล์ หรือสร้างแผนด้วย python -m site_build plan new-year"))
            continue
        problems += found
        if plan is None:
            continue
        where = loaded.where(("fiscal_year",)) if loaded else None
        fy_lines[display] = where[0] if where else None
        column = where[1] if where else None
        if path != current and path.stem != str(plan.fiscal_year):
            problems.append(Problem(
                file=display, line=fy_lines[display], column=column,
                message_th=f"ชื่อไฟล์ {path.name} ไม่ตรงกับ fiscal_year: {plan.fiscal_year}",
                message_en=f"file name {path.name} disagrees with fiscal_year {plan.fiscal_year}",
                fix_th=f"เปลี่ยนชื่อไฟล์เป็น {ARCHIVE_DIR}/{plan.fiscal_year}.yml หรือแก้ fiscal_year ให้ตรงกับชื่อไฟล์",
                code="plan-file-year"))
        if plan.draft and path != current:
            problems.append(Problem(
                file=display, line=1, message_th="แผนที่เก็บเข้าคลังแล้วยังมีเครื่องหมายร่าง (draft: true)",
                message_en="an archived plan is still marked draft", code="archived-draft",
                fix_th="ลบบรรทัด draft: true เมื่อแผนปีนั้นได้รับอนุมัติแล้ว"))
        sources.append(PlanSource(plan, path, display))
    seen: dict[int, PlanSource] = {}
    for source in sources:
        other = seen.get(source.fiscal_year)
        if other is not None:
            problems.append(Problem(
                file=source.display, line=fy_lines.get(source.display),
                message_th=f"มีแผนปีงบประมาณ พ.ศ. {source.fiscal_year} สองไฟล์: {other.display} และ {source.display}",
                message_en=f"two plans claim fiscal year {source.fiscal_year}: {other.display} and {source.display}",
                fix_th="ปีงบประมาณหนึ่งมีแผนได้ไฟล์เดียว: ลบไฟล์ที่ซ้ำ หรือแก้ fiscal_year", code="duplicate-year"))
        else:
            seen[source.fiscal_year] = source
    latest = next((s for s in sources if s.path == current), None)
    if latest is not None:
        for source in sources:
            if source is not latest and source.fiscal_year > latest.fiscal_year:
                problems.append(Problem(
                    file=source.display, line=fy_lines.get(source.display),
                    message_th=f"แผนในคลัง ({source.display}) เป็นปีที่ใหม่กว่าแผนปัจจุบัน {latest.display} "
                               f"(พ.ศ. {latest.fiscal_year})",
                    message_en=f"archived plan {source.display} is later than the current plan",
                    fix_th=f"แผนปีล่าสุดต้องอยู่ที่ {latest.display}; ปีก่อนหน้าอยู่ใน {ARCHIVE_DIR}/",
                    code="archive-later"))
    if problems:
        raise ProblemsFound(problems)
    return PlanSet(sources)

