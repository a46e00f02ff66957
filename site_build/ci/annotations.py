"""Content-check problems where staff look in a pull request: annotations on the line, a Thai summary table.

GitHub Actions turns ``::error file=F,line=L::message`` lines on stdout into annotations on the changed
line, and renders Markdown appended to ``$GITHUB_STEP_SUMMARY`` on the run's page. This formats whatever
list of :class:`~site_build.errors.Problem` the check returns (errors and warnings alike).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from site_build.errors import Problem, unique


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def message(problem: Problem) -> str:
    parts = [problem.message_th]
    if problem.path:
        parts[0] += f" [{problem.path}]"
    if problem.fix_th:
        parts.append(f"วิธีแก้: {problem.fix_th}")
    if problem.message_en:
        parts.append(f"(English: {problem.message_en})")
    return "\n".join(parts)


def annotation(problem: Problem) -> str:
    """One workflow command; line and column only when known (a file-level problem annotates the file)."""
    kind = "error" if problem.is_error else "warning"
    props = [f"file={_escape_property(problem.file)}"]
    if problem.line is not None:
        props.append(f"line={problem.line}")
        if problem.column is not None:
            props.append(f"col={problem.column}")
    title = "ข้อผิดพลาดในเนื้อหา" if problem.is_error else "คำเตือนเนื้อหา"
    props.append(f"title={_escape_property(title)}")
    return f"::{kind} {','.join(props)}::{_escape_data(message(problem))}"


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\r", "").replace("\n", "<br>") or " "


def summary_table(problems: Sequence[Problem]) -> str:
    """The job summary in Thai: a count, then one row per problem."""
    found = unique(problems)
    if not found:
        return "## ผลการตรวจเนื้อหา\n\nไม่พบปัญหา เนื้อหาพร้อมเผยแพร่ ✅\n"
    errors = sum(p.is_error for p in found)
    lines = ["## ผลการตรวจเนื้อหา", "",
             f"พบข้อผิดพลาด {errors} รายการ และคำเตือน {len(found) - errors} รายการ "
             "(ข้อผิดพลาดต้องแก้ก่อนรวม Pull Request; คำเตือนควรแก้)", "",
             "| ไฟล์ | บรรทัด | ระดับ | ปัญหา | วิธีแก้ |", "| --- | --- | --- | --- | --- |"]
    for p in found:
        level = "❌ ข้อผิดพลาด" if p.is_error else "⚠️ คำเตือน"
        issue = p.message_th + (f" [{p.path}]" if p.path else "")
        line = "" if p.line is None else str(p.line)
        lines.append(f"| `{_cell(p.file)}` | {line} | {level} | {_cell(issue)} | {_cell(p.fix_th)} |")
    return "\n".join(lines) + "\n"


def emit_github(problems: Iterable[Problem], *, out: object = None, summary_path: str | None = None) -> None:
    """Annotations to ``out`` (stdout), the table appended to ``summary_path`` (``$GITHUB_STEP_SUMMARY``)."""
    import sys

    found = unique(problems)
    stream = out if out is not None else sys.stdout
    for problem in found:
        print(annotation(problem), file=stream)  # type: ignore[call-overload]
    target = summary_path if summary_path is not None else os.environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as handle:
            handle.write(summary_table(found) + "\n")
