"""Navigation and page marks for every fiscal year, from the plans present (no year is named in code or
in ``mkdocs.yml``).

:func:`expand_nav` turns the placeholders ``plan/index.md``, ``progress/index.md``, ``reports/index.md``
and ``evidence/index.md`` of the configured navigation into the year landing page plus one entry per year
(newest first). :func:`year_of_page` and :func:`year_marks` give a per-year page its year switcher
(the same page of the other year where it exists, else that year's plan page), the archive banner
("ข้อมูลปีงบประมาณ พ.ศ. ๒๕๖๖ ซึ่งสิ้นสุดแล้ว", GOV.UK history-mode style) and the draft banner; the theme
shows them through ``overrides/partials/lc-year.html``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from site_build.plan.model import Plan
from site_build.plan.years import PlanSet
from site_build.status import YearClock
from site_build.thaidate import Digits, digits

YEAR_SECTIONS = ("plan", "progress", "reports", "evidence")
_YEAR_PAGE = re.compile(r"^(plan|progress|reports|evidence)/(\d{4})/(.+)$")
NavEntry = str | dict[str, Any]


def _plan_entries(plan: Plan) -> list[str]:
    base = f"plan/{plan.fiscal_year}/"
    return [base + "index.md", *(f"{base}{m.slug}.md" for m in plan.measures), base + "open-data.md"]


def _progress_entries(fy: int, d: Digits) -> list[NavEntry]:
    from site_build.reports.periods import periods

    base = f"progress/{fy}/"
    reports = [f"reports/{fy}/index.md", *(f"reports/{fy}/{p.key}.md" for p in periods(fy))]
    return [base + "index.md", base + "publicity.md", base + "score.md", {"รายงาน": reports}]


def year_title(fy: int, d: Digits) -> str:
    return f"ปีงบประมาณ {digits(fy, d)}"


def year_nav(plans: PlanSet, section: str, d: Digits) -> list[NavEntry]:
    """The per-year entries of one section, newest year first."""
    out: list[NavEntry] = []
    for plan in reversed(list(plans)):
        fy = plan.fiscal_year
        title = year_title(fy, d) + (" (ร่าง)" if plan.draft else "")
        if section == "plan":
            out.append({title: _plan_entries(plan)})
        elif section == "progress":
            out.append({title: _progress_entries(fy, d)})
        elif section == "reports":
            out.append({title: f"reports/{fy}/index.md"})
        elif section == "evidence":
            out.append({title: f"evidence/{fy}/index.md"})
    return out


def _placeholder(entry: NavEntry) -> str | None:
    value = entry if isinstance(entry, str) else (next(iter(entry.values())) if len(entry) == 1 else None)
    if isinstance(value, str):
        m = re.fullmatch(r"(plan|progress|reports|evidence)/index\.md", value)
        return m.group(1) if m else None
    return None


def expand_nav(nav: list[NavEntry] | None, plans: PlanSet, d: Digits) -> list[NavEntry] | None:
    """A copy of the configured navigation with each year landing page followed by its years.

    ``reports/index.md`` inside the progress section stays a single entry there (the progress section
    already lists each year's reports); elsewhere it expands like the others.
    """
    if nav is None:
        return None
    return _expand(nav, plans, d, inside_progress=False)


def _expand(nav: list[NavEntry], plans: PlanSet, d: Digits, *, inside_progress: bool) -> list[NavEntry]:
    out: list[NavEntry] = []
    has_progress = any(_placeholder(e) == "progress" for e in nav)
    for entry in nav:
        section = _placeholder(entry)
        out.append(entry if not isinstance(entry, dict) or section else {
            k: (_expand(v, plans, d, inside_progress=inside_progress or has_progress) if isinstance(v, list) else v)
            for k, v in entry.items()})
        if section is None or (section == "reports" and (inside_progress or has_progress)):
            continue
        out.extend(year_nav(plans, section, d))
    return out


@dataclass(frozen=True)
class YearLink:
    fiscal_year: int
    label: str
    src_uri: str
    current: bool
    draft: bool


@dataclass(frozen=True)
class YearMarks:
    """What the theme shows on a per-year page (URIs are docs-relative sources; the hook maps them)."""

    fiscal_year: int
    label: str
    is_latest: bool
    closed: bool
    draft: bool
    draft_note: str | None
    latest_label: str
    latest_src_uri: str
    switcher: list[YearLink]

    @property
    def archive_banner(self) -> str | None:
        """The history-mode banner of a year that is not the latest, or ``None``."""
        if self.is_latest:
            return None
        if self.closed:
            return f"ข้อมูลปีงบประมาณ พ.ศ. {self.label} ซึ่งสิ้นสุดแล้ว"
        return f"ข้อมูลปีงบประมาณ พ.ศ. {self.label} ซึ่งไม่ใช่ปีงบประมาณล่าสุด"


def year_of_page(src_uri: str) -> tuple[str, int, str] | None:
    """``("plan", 2566, "measure-1.md")`` for a per-year page, else ``None``."""
    m = _YEAR_PAGE.match(src_uri)
    return (m.group(1), int(m.group(2)), m.group(3)) if m else None


def year_marks(src_uri: str, plans: PlanSet, as_of: Any, d: Digits,
               exists: Callable[[str], bool]) -> YearMarks | None:
    """Switcher and banners for a per-year page of a year the site has a plan for."""
    found = year_of_page(src_uri)
    if found is None:
        return None
    section, fy, rest = found
    plan = plans.get(fy)
    if plan is None:
        return None
    latest = plans.latest
    links = []
    for other in reversed(list(plans)):
        same = f"{section}/{other.fiscal_year}/{rest}"
        target = same if exists(same) else f"plan/{other.fiscal_year}/index.md"
        links.append(YearLink(other.fiscal_year, digits(other.fiscal_year, d), target, other.fiscal_year == fy,
                              other.draft))
    latest_same = f"{section}/{latest.fiscal_year}/{rest}"
    return YearMarks(
        fiscal_year=fy, label=digits(fy, d), is_latest=fy == latest.fiscal_year,
        closed=YearClock(fy, as_of).closed, draft=plan.draft, draft_note=plan.draft_note,
        latest_label=digits(latest.fiscal_year, d),
        latest_src_uri=latest_same if exists(latest_same) else f"plan/{latest.fiscal_year}/index.md",
        switcher=links)
