"""Acknowledged notices: a reviewed notice stays visible, with the reason, instead of disappearing.

A page's front matter may hold ``acknowledge: [{rule: personal-mobile, reason: "..."}]``. The rule must be a
notice in :data:`site_build.verdicts.VERDICTS` (errors cannot be waved through) and the reason must be
written out. An acknowledgement in a bundle's ``index.md`` also covers the bundle's photos.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from site_build.errors import Problem, ProblemsFound, Severity
from site_build.frontmatter import parse_front_matter
from site_build.verdicts import VERDICTS, notice_rules, verdict

KEY = "acknowledge"


@dataclass
class Acknowledgements:
    """``by_file[display of index.md or page][rule] = reason``; ``problems`` are malformed entries."""

    by_file: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def reason_for(self, problem: Problem) -> str | None:
        own = self.by_file.get(problem.file, {})
        if problem.code in own:
            return own[problem.code]
        bundle = (PurePosixPath(problem.file).parent / "index.md").as_posix()
        return self.by_file.get(bundle, {}).get(problem.code)


def _invalid(file: str, line: int | None, th: str, en: str) -> Problem:
    return Problem(file=file, line=line, message_th=th, message_en=en, code="acknowledge-invalid",
                   fix_th="เขียนเป็น acknowledge: [{rule: personal-mobile, reason: \"เหตุผลที่ตรวจแล้ว\"}] "
                          "ใช้ได้เฉพาะกฎที่เป็นข้อสังเกต: " + ", ".join(notice_rules()), path=KEY)


def read_acknowledgements(text: str, display: str) -> tuple[dict[str, str], list[Problem]]:
    """The ``acknowledge`` entries of one page (rule → reason) and problems with them."""
    if not text.startswith("---"):
        return {}, []
    try:
        loaded, _ = parse_front_matter(text, display)
    except ProblemsFound:
        return {}, []  # reported by the front-matter checks
    entries = loaded.data.get(KEY)
    if entries is None:
        return {}, []
    line = (loaded.where((KEY,)) or (None, None))[0]
    if not isinstance(entries, list):
        return {}, [_invalid(display, line, "acknowledge ต้องเป็นรายการ", "acknowledge must be a list")]
    found: dict[str, str] = {}
    problems: list[Problem] = []
    for i, entry in enumerate(entries):
        where = (loaded.where((KEY, i)) or (line, None))[0]
        if not isinstance(entry, dict) or set(entry) != {"rule", "reason"}:
            problems.append(_invalid(display, where, "แต่ละรายการของ acknowledge ต้องมี rule และ reason เท่านั้น",
                                     "each acknowledge entry needs exactly rule and reason"))
            continue
        rule, reason = entry["rule"], entry["reason"]
        if not isinstance(reason, str) or len(reason.strip()) < 5:
            problems.append(_invalid(display, where, "ต้องเขียนเหตุผลที่รับทราบ (reason) ให้ชัดเจน",
                                     "the reason must be written out"))
        elif not isinstance(rule, str) or rule not in VERDICTS:
            problems.append(_invalid(display, where, f"ไม่รู้จักกฎ '{rule}'", f"unknown rule {rule!r}"))
        elif verdict(rule) == "error":
            problems.append(_invalid(display, where, f"กฎ '{rule}' เป็นข้อผิดพลาด รับทราบแทนการแก้ไขไม่ได้",
                                     f"rule {rule!r} is an error: it must be fixed, it cannot be acknowledged"))
        else:
            found[rule] = reason.strip()
    return found, problems


def collect(content_dir: Path, root: Path) -> Acknowledgements:
    """Every page's acknowledgements under ``content_dir`` (display paths relative to ``root``)."""
    acks = Acknowledgements()
    for path in sorted(content_dir.rglob("*.md")):
        if path.is_symlink() or not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # the encoding check reports it
        if KEY not in text:
            continue
        display = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.as_posix()
        found, problems = read_acknowledgements(text, display)
        if found:
            acks.by_file[display] = found
        acks.problems += problems
    return acks


def apply(problems: Iterable[Problem], acks: Acknowledgements) -> list[Problem]:
    """Notices with an acknowledgement become ACKNOWLEDGED (still listed, with the reason)."""
    out: list[Problem] = []
    for p in problems:
        reason = acks.reason_for(p) if p.is_notice else None
        out.append(dataclasses.replace(p, severity=Severity.ACKNOWLEDGED, reason=reason) if reason else p)
    return out
