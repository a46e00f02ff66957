"""Problems as values: every error carries its place (file, line, column, path) and a fix.

Staff read these, so each problem has a Thai message first and English detail beside it. Collect
problems in a list, raise once with :class:`ProblemsFound`, and render them with :func:`format_problem`.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from site_build.verdicts import verdict


class Severity(StrEnum):
    """ERROR fails check and build; WARNING is a *notice* (both pass and show it); ACKNOWLEDGED is a notice
    a person reviewed in the page's front matter (``acknowledge:``), still shown with its reason."""

    ERROR = "error"
    WARNING = "warning"
    ACKNOWLEDGED = "acknowledged"


@functools.total_ordering
@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input, at one place. Ordered by file, line, column (a problem without a line,
    such as a refused file kind, sorts first in its file; comparing None with a number never raises)."""

    file: str
    line: int | None = None
    column: int | None = None
    message_th: str = ""
    message_en: str = ""
    fix_th: str = ""
    path: str = ""
    severity: Severity = field(default=Severity.ERROR, compare=False)
    code: str = field(default="", compare=False)
    reason: str = field(default="", compare=False)  # why a notice was acknowledged

    def __post_init__(self) -> None:
        # The verdict table decides error or notice, whatever the creating check passed (one verdict).
        if self.severity is not Severity.ACKNOWLEDGED and self.code:
            wanted = verdict(self.code, "error" if self.severity is Severity.ERROR else "notice")
            object.__setattr__(self, "severity", Severity.ERROR if wanted == "error" else Severity.WARNING)

    def _order(self) -> tuple[object, ...]:
        return (self.file, -1 if self.line is None else self.line, -1 if self.column is None else self.column,
                self.message_th, self.message_en, self.fix_th, self.path)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Problem):
            return NotImplemented
        return self._order() < other._order()

    @property
    def is_notice(self) -> bool:
        return self.severity is Severity.WARNING

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def location(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return where


_LABELS = {Severity.ERROR: "ข้อผิดพลาด", Severity.WARNING: "ข้อสังเกต (notice)",
           Severity.ACKNOWLEDGED: "รับทราบแล้ว (acknowledged)"}


def format_problem(problem: Problem) -> str:
    """The one way a problem is shown: place, Thai message, fix, English detail."""
    label = _LABELS[problem.severity]
    head = f"{problem.location()}: {label}: {problem.message_th}"
    if problem.path:
        head += f" [{problem.path}]"
    lines = [head]
    if problem.fix_th:
        lines.append(f"    วิธีแก้: {problem.fix_th}")
    if problem.message_en:
        lines.append(f"    (English: {problem.message_en})")
    if problem.code and not problem.is_error:
        lines.append(f"    กฎ (rule): {problem.code} — รับทราบได้ในส่วนหัวของหน้า: acknowledge: "
                     f"[{{rule: {problem.code}, reason: \"...\"}}]")
    if problem.reason:
        lines.append(f"    เหตุผลที่รับทราบ (acknowledged because): {problem.reason}")
    return "\n".join(lines)


def format_problems(problems: Iterable[Problem]) -> str:
    return "\n".join(format_problem(p) for p in unique(problems))


def unique(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted, each problem once: two checks that both cover a field (the page-wide plain-text check and a
    write-up's schema) must not show staff the same line twice."""
    return sorted(set(problems))


class ProblemsFound(Exception):
    """Raised once, after collecting every problem in a run."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = unique(problems)
        super().__init__(format_problems(self.problems))

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def relpath(path: Path | str, root: Path | None = None) -> str:
    """A path as staff see it in their checkout: relative to the project root, with slashes."""
    p = Path(path)
    if root is not None:
        with contextlib.suppress(ValueError):
            p = p.resolve().relative_to(root.resolve())
    return p.as_posix()


def raise_if_errors(problems: Iterable[Problem]) -> list[Problem]:
    """Raise when any problem is an error; return the warnings otherwise."""
    found = list(problems)
    if any(p.is_error for p in found):
        raise ProblemsFound(found)
    return found
