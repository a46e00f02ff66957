"""``python -m site_build plan new-year``: archive the current plan and draft next year's from it.

Feels like ``documents new-version``: one command, the old stays untouched (moved to ``plans/<FY>.yml``,
byte for byte), the new one is a draft to edit. The draft keeps the structure, ids and comments; every
ISO date moves one year (29 February becomes 28 February; a deadline that lands on a weekend moves to
the Friday before, or the Monday after when Friday would leave the fiscal year), "ปีงบประมาณ พ.ศ. <old>"
becomes the new year, OCR ``corrections`` are not carried over, and ``draft: true`` is set until a person
removes it. The text is edited line by line (not re-dumped), so the office's comments stay.

Atomic: both files are written to temporary files beside their targets, the draft is validated, then the
archive copy and the draft are moved into place with ``os.replace``; on any failure nothing has changed.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from site_build.errors import Problem, ProblemsFound, relpath
from site_build.plan.load import read_plan
from site_build.plan.years import ARCHIVE_DIR
from site_build.thaidate import digits, format_date

_ISO = re.compile(r"(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])")
_TOP_KEY = re.compile(r"^([a-z_]+):")
_NO_WEEKEND_SHIFT = {"start", "end"}  # the plan's own span is the fiscal year, not a deadline
DRAFT_NOTE = ("ร่างที่ระบบสร้างจากแผนปีก่อนด้วยคำสั่ง plan new-year: วันที่ทุกช่องเลื่อนไปหนึ่งปี "
              "ต้องตรวจกับแผนที่ได้รับอนุมัติจริงก่อนลบ draft")


@dataclass(frozen=True)
class MovedDate:
    line: int
    old: dt.date
    new: dt.date
    reason: str  # "" (plain shift), "29-feb", "weekend"


@dataclass
class NewYearResult:
    old_year: int
    new_year: int
    archive: Path
    draft: Path
    dates: list[MovedDate] = field(default_factory=list)
    removed_corrections: int = 0
    review_lines: list[tuple[int, str]] = field(default_factory=list)
    """Lines (in the draft) that still mention the old year in words: the command cannot know what they mean."""

    def summary_th(self) -> str:
        """What a person must review, in Thai."""
        d = "thai"
        moved = [m for m in self.dates if m.reason]
        out = [f"ย้ายแผนปีงบประมาณ พ.ศ. {digits(self.old_year, d)} ไปไว้ที่ {self.archive.as_posix()} แล้ว (ไม่แก้ไขเนื้อหา)",
               f"สร้างร่างแผนปีงบประมาณ พ.ศ. {digits(self.new_year, d)} ที่ {self.draft.as_posix()} "
               f"(มีเครื่องหมาย draft: true ทุกหน้าของปีนี้จะแสดงป้าย \"ร่าง / ตัวอย่าง\")",
               f"- เลื่อนวันที่ไปหนึ่งปี {digits(len(self.dates), d)} ช่อง"]
        for m in moved:
            if m.reason == "29-feb":
                why = "ปีใหม่ไม่มีวันที่ ๒๙ กุมภาพันธ์"
            else:
                plain = m.old.replace(year=m.old.year + 1)
                why = f"เลื่อนหนึ่งปีแล้วตรงกับวัน{_WEEKDAY_TH[plain.weekday()]} จึงใช้วัน{_WEEKDAY_TH[m.new.weekday()]}"
            out.append(f"  - บรรทัด {digits(m.line, d)}: {format_date(m.old, digit_style=d)} → "
                       f"{format_date(m.new, digit_style=d)} ({why}) ตรวจว่าถูกต้อง")
        if self.removed_corrections:
            out.append(f"- ไม่คัดลอกบันทึกการแก้คำจากต้นฉบับ (corrections) {digits(self.removed_corrections, d)} รายการ "
                       "เพราะเป็นของเอกสารปีก่อน")
        if self.review_lines:
            out.append(f"- ข้อความ {digits(len(self.review_lines), d)} บรรทัดยังกล่าวถึงปี "
                       f"{digits(self.old_year, d)} หรือวันที่ที่เขียนเป็นคำ: แก้ให้ตรงกับแผนปีใหม่")
            out += [f"  - บรรทัด {digits(n, d)}: {text[:90]}" for n, text in self.review_lines]
        out += ["สิ่งที่ต้องทำต่อ:",
                "1. ตรวจทุกช่องกับแผนปีใหม่ที่ผู้อำนวยการอนุมัติ (ชื่อโครงการ กำหนดส่ง ผู้รับผิดชอบ คะแนน)",
                "2. ลบบรรทัด draft: true และ draft_note เมื่อแผนได้รับอนุมัติแล้ว",
                "3. สร้างดัชนีหลักฐานของปีใหม่ data/evidence/<ปี>.yml เมื่อรู้เลขข้อ ITA/OIT ของปีนั้น",
                "4. สั่ง python -m site_build check แล้ว python -m site_build build"]
        return "\n".join(out)


_WEEKDAY_TH = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]


def shift_date(day: dt.date, fy_start: dt.date, fy_end: dt.date, *, weekend: bool) -> tuple[dt.date, str]:
    """One year later; 29 Feb → 28 Feb; with ``weekend``, a Saturday/Sunday moves to the Friday before
    (or the Monday after when that Friday is outside the new fiscal year)."""
    reason = ""
    try:
        new = day.replace(year=day.year + 1)
    except ValueError:
        new, reason = dt.date(day.year + 1, 2, 28), "29-feb"
    if weekend and new.weekday() >= 5:
        friday = new - dt.timedelta(days=new.weekday() - 4)
        new = friday if friday >= fy_start else new + dt.timedelta(days=7 - new.weekday())
        reason = reason or "weekend"
        if new > fy_end:  # cannot happen for a date inside the old year, kept for safety
            new = friday
    return new, reason


def draft_text(text: str, old_year: int, new_year: int) -> tuple[str, list[MovedDate], int, list[tuple[int, str]]]:
    """The drafted plan text, the moved dates, the number of corrections dropped, lines to review."""
    from site_build.thaidate import fiscal_year_bounds

    fy_start, fy_end = fiscal_year_bounds(new_year)
    lines = text.split("\n")
    out: list[str] = []
    moved: list[MovedDate] = []
    review: list[tuple[int, str]] = []
    top = ""
    skipping = False
    removed = 0
    old_th, new_th = digits(old_year, "thai"), digits(new_year, "thai")
    old_2 = digits(old_year % 100, "thai")
    for line in lines:
        key = _TOP_KEY.match(line)
        if key:
            top = key.group(1)
            skipping = top == "corrections"
            if top in ("draft", "draft_note"):
                continue
        if skipping:
            removed += line.lstrip().startswith("- ")
            continue
        if line.startswith("fiscal_year:"):
            out.append(f"fiscal_year: {new_year}")
            out.append("draft: true  # ร่าง: ลบบรรทัดนี้เมื่อแผนปีนี้ได้รับอนุมัติแล้ว (draft mark; a person removes it)")
            out.append(f"draft_note: \"{DRAFT_NOTE}\"")
            continue
        comment = line.lstrip().startswith("#")
        if not comment:
            for pattern in (f"ปีงบประมาณ พ.ศ. {old_th}", f"ปีงบประมาณ พ.ศ. {old_year}"):
                line = line.replace(pattern, pattern.replace(old_th, new_th).replace(str(old_year), str(new_year)))

            def repl(m: re.Match[str], line_no: int = len(out) + 1,
                     weekend: bool = top not in _NO_WEEKEND_SHIFT) -> str:
                day = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                new, reason = shift_date(day, fy_start, fy_end, weekend=weekend)
                moved.append(MovedDate(line_no, day, new, reason))
                return new.isoformat()

            line = _ISO.sub(repl, line)
            if old_th in line or str(old_year) in line or re.search(rf"(?<![๐-๙0-9]){old_2}(?![๐-๙0-9])", line):
                review.append((len(out) + 1, line.strip()))
        out.append(line)
    header = [f"# ร่างแผนบูรณาการ ปีงบประมาณ พ.ศ. {new_th} สร้างจากแผนปี {old_th} ด้วยคำสั่ง "
              "python -m site_build plan new-year",
              f"# แผนปี {old_th} ฉบับเดิมอยู่ที่ {ARCHIVE_DIR}/{old_year}.yml; ตรวจทุกช่องแล้วลบ draft: true", "#"]
    text_out = "\n".join(header + out)
    shift = len(header)
    moved = [MovedDate(m.line + shift, m.old, m.new, m.reason) for m in moved]
    return text_out, moved, removed, [(n + shift, t) for n, t in review]


def new_year(root: Path, *, current: Path | None = None) -> NewYearResult:
    """Archive ``plan.yml`` as ``plans/<FY>.yml`` and draft the next year's ``plan.yml``; raise
    :class:`ProblemsFound` (nothing changed) when the current plan is invalid, still a draft, or the
    archive already has that year."""
    current = current or root / "plan.yml"
    shown = relpath(current, root)
    plan, _, problems = read_plan(current, display_name=shown)
    if problems or plan is None:
        raise ProblemsFound(problems)
    old_year, new_fy = plan.fiscal_year, plan.fiscal_year + 1
    if plan.draft:
        raise ProblemsFound([Problem(file=shown, message_th=f"แผนปี {old_year} ยังเป็นร่าง (draft: true) "
                                     "จึงยังเริ่มปีใหม่ไม่ได้", message_en="the current plan is still a draft",
                                     fix_th="ตรวจแผนให้ครบแล้วลบ draft: true ก่อน", code="draft-current")])
    archive_dir = current.parent / ARCHIVE_DIR
    archive = archive_dir / f"{old_year}.yml"
    if archive.exists():
        raise ProblemsFound([Problem(file=relpath(archive, root), message_th=f"มีแผนปี {old_year} ในคลังอยู่แล้ว",
                                     message_en=f"{archive.name} already exists", code="archive-exists",
                                     fix_th="ตรวจว่าสั่งคำสั่งนี้ซ้ำหรือไม่ ไฟล์ทั้งสองไม่ถูกแก้ไข")])
    source = current.read_bytes()
    text, moved, removed, review = draft_text(source.decode("utf-8"), old_year, new_fy)
    archive_dir.mkdir(parents=True, exist_ok=True)
    tmp_archive = _temp_beside(archive, source)
    tmp_draft = _temp_beside(current, text.encode("utf-8"))
    try:
        drafted, _, found = read_plan(tmp_draft, display_name=f"{shown} (ร่างปี {new_fy})")
        if found or drafted is None:
            raise ProblemsFound(found)
        os.replace(tmp_archive, archive)
        try:
            os.replace(tmp_draft, current)
        except OSError:
            os.unlink(archive)  # put things back as they were: plan.yml is still the old plan
            raise
    finally:
        for tmp in (tmp_archive, tmp_draft):
            if tmp.exists():
                tmp.unlink()
    return NewYearResult(old_year, new_fy, Path(relpath(archive, root)), Path(shown), moved, removed, review)


def _temp_beside(target: Path, data: bytes) -> Path:
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    return Path(name)

