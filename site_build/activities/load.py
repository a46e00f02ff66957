"""Find and load every write-up bundle under ``content/activities/``, collecting every problem in one run.

A bundle is ``content/activities/<YYYY-MM-DD>-<slug>/index.md`` plus its photos. Loading validates the
front matter (strict YAML, schema) and then what a schema cannot say: plan ids and channels that must
exist, a Buddhist-Era year typed into a Gregorian date, the folder's date, photos that are missing or
never used. Photo *contents* are the photo pipeline's business (:mod:`site_build.photos`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from pydantic import ValidationError

from site_build.activities.guidance import PLACEHOLDER, guidance_in
from site_build.activities.items import PlanIndex, YearIndexes, has_partial_score
from site_build.activities.model import SUMMARY_MAX, TITLE_MAX, FrontMatter, WriteUp
from site_build.activities.plaintext import check_plain_text
from site_build.errors import Problem, ProblemsFound, Severity, relpath
from site_build.frontmatter import parse_front_matter
from site_build.names import closest, link_target, markdown_target, nfc, same_name
from site_build.plan.model import Plan
from site_build.plan.years import PlanSet
from site_build.status import Evidence
from site_build.textfile import read_text
from site_build.thaidate import (
    ThaiDateError,
    as_gregorian,
    be_typo_hint,
    fiscal_year,
    looks_buddhist_era,
    parse_thai_date,
)
from site_build.validate import validate_model
from site_build.yamlsrc import Loaded, PathKey, format_path

SECTION = "activities"
FOLDER_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$")
try:
    from site_build.photos import SUPPORTED_SUFFIXES
except ImportError:  # pragma: no cover - the photo package is part of the project
    from site_build.photos.settings import SUPPORTED_SUFFIXES
# Everything that looks like a photo: never published as an original, even when unsupported.
IMAGE_SUFFIXES = frozenset(SUPPORTED_SUFFIXES | {".jfif", ".tif", ".tiff", ".bmp", ".dng", ".avif", ".raw",
                                                 ".cr2", ".cr3", ".nef", ".arw", ".orf", ".rw2", ".svg"})
# ``![alt](name)``, ``![alt](<name with spaces>)``, ``![alt](IMG%200001.JPG)`` and even ``![alt](IMG 0001.JPG)``
# (which Markdown itself would not read as an image): the project replaces these itself, so all of them work.
INLINE_IMAGE = re.compile(
    r"!\[(?P<alt>[^\]\n]*)\]\(\s*(?:<(?P<angle>[^>\n]+)>|(?P<bare>[^)\n\"]+?))(?:\s+\"[^\"\n]*\")?\s*\)")


def inline_target(match: re.Match[str]) -> str:
    """The file an inline image names (see :func:`site_build.names.link_target`)."""
    return link_target(match.group("angle") or match.group("bare") or "")
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.IGNORECASE)


def is_image_name(name: str) -> bool:
    return PurePosixPath(name).suffix.lower() in IMAGE_SUFFIXES


def load_activities(content_dir: Path, plan: Plan | PlanSet, *,
                    display_root: Path) -> tuple[list[WriteUp], list[Problem]]:
    """Every valid write-up, newest first, and every problem (errors and warnings) found on the way.
    With a :class:`PlanSet`, each write-up's ids resolve in the plan of the fiscal year its date falls in."""
    index = YearIndexes(plan)
    base = content_dir / SECTION
    if not base.is_dir():
        return [], []
    writeups: list[WriteUp] = []
    problems: list[Problem] = []
    shown_base = relpath(base, display_root)  # resolved once: thousands of bundles
    for entry in sorted(base.iterdir()):
        if entry.name.startswith((".", "_")):
            continue
        shown = f"{shown_base}/{entry.name}"
        if entry.is_file():
            problems.extend(_loose_file(entry, shown))
            continue
        source = entry / "index.md"
        if not source.is_file():
            problems.append(Problem(
                file=shown + "/", message_th="โฟลเดอร์บันทึกกิจกรรมนี้ไม่มีไฟล์ index.md (รูปในโฟลเดอร์จะไม่ถูกเผยแพร่)",
                message_en="write-up folder has no index.md (its photos are not published)",
                fix_th="สร้างด้วยคำสั่ง python -m site_build new --item <รหัสกิจกรรม> --slug <ชื่อ> "
                       "หรือเปลี่ยนชื่อไฟล์ .md ในโฟลเดอร์เป็น index.md", code="no-index"))
            continue
        writeup, found = load_writeup(entry, index, display_root=display_root, shown=f"{shown}/index.md")
        problems.extend(found)
        if writeup is not None:
            writeups.append(writeup)
    writeups.sort(key=WriteUp.sort_key, reverse=True)
    return writeups, problems


def evidence_of(writeups: Iterable[WriteUp]) -> list[Evidence]:
    """What the status book needs from each write-up: it proves its plan items were carried out."""
    return [Evidence(w.date, w.title, url=w.url, item_ids=w.item_ids, sample=w.sample) for w in writeups]


def _loose_file(path: Path, shown: str) -> list[Problem]:
    if path.name == "index.md":
        return [Problem(file=shown, line=1, message_th="หน้ารายการกิจกรรม (activities/index.md) สร้างขึ้นอัตโนมัติ "
                        "ห้ามมีไฟล์ชื่อนี้", message_en="activities/index.md is generated; this file would replace it",
                        fix_th="ลบไฟล์นี้ หรือย้ายเนื้อหาไปไว้ในโฟลเดอร์บันทึกกิจกรรม", code="reserved-name")]
    if path.suffix.lower() == ".md" or is_image_name(path.name):
        return [Problem(file=shown, line=1 if path.suffix.lower() == ".md" else None,
                        message_th="บันทึกกิจกรรมต้องอยู่ในโฟลเดอร์ของตัวเอง (YYYY-MM-DD-ชื่อ/index.md) พร้อมรูปภาพ",
                        message_en="a write-up must be a folder <YYYY-MM-DD>-<slug>/ with index.md and its photos",
                        fix_th="ใช้คำสั่ง python -m site_build new เพื่อสร้างโฟลเดอร์ แล้วย้ายไฟล์นี้เข้าไป",
                        code="not-a-bundle")]
    return []


def load_writeup(directory: Path, index: PlanIndex | YearIndexes, *, display_root: Path,
                 shown: str | None = None) -> tuple[WriteUp | None, list[Problem]]:
    """One bundle: the write-up (or ``None`` when its front matter cannot be used) and its problems."""
    source = directory / "index.md"
    shown = shown or relpath(source, display_root)
    try:
        text = read_text(source, display_name=shown)
        loaded, split = parse_front_matter(text, shown)
    except ProblemsFound as exc:
        return None, list(exc.problems)
    _recover_ids(loaded, text.split("\n"))
    meta, schema = validate_model(FrontMatter, loaded)
    problems = [*loaded.problems, *_explain_schema(schema, loaded)]
    lenient, unusable = (meta, set()) if meta is not None else _lenient_meta(loaded.data)
    if lenient is None:
        return None, problems
    writeup = WriteUp(folder=directory.name, directory=directory, source=source, display=shown, meta=lenient,
                      body=split.body, body_line=split.body_line)
    years = index if isinstance(index, YearIndexes) else None
    chosen = years.for_date(as_gregorian(lenient.date)) if years is not None else index
    assert isinstance(chosen, PlanIndex)
    # Every problem in one run: the cross-checks also run on what the schema could accept, skipping the
    # fields it refused (already reported), so a missing alt text does not hide a wrong plan item.
    problems.extend(_Checks(writeup, loaded, chosen, years).run(skip=unusable))
    return (writeup if meta is not None else None), problems


_PLACEHOLDERS: dict[str, Any] = {"title": "-", "date": dt.date(2000, 1, 1), "plan_items": ["0"], "summary": "-"}


def _lenient_meta(data: Any) -> tuple[FrontMatter | None, set[str]]:
    """The front matter with every refused field (or list item) dropped, and the names of fields that were
    replaced by placeholders; None when even that cannot be validated."""
    if not isinstance(data, dict):
        return None, set()
    current = dict(data)
    unusable: set[str] = set()
    for _ in range(4):
        try:
            return FrontMatter.model_validate(current), unusable
        except ValidationError as exc:
            for err in exc.errors():
                loc = err["loc"]
                if not loc or not isinstance(loc[0], str):
                    return None, unusable
                name = loc[0]
                value = current.get(name)
                if (len(loc) == 3 and isinstance(value, list) and isinstance(loc[1], int)
                        and isinstance(value[loc[1]], dict)):
                    # a refused field inside one list item (an empty alt, a bad focus): keep the item in place
                    # (lines follow list indices) so the photo checks still run; a missing or non-text value
                    # becomes a placeholder, anything else is dropped (and becomes "missing" if required)
                    value = current[name] = list(value)
                    item = {k: v for k, v in value[loc[1]].items() if k != str(loc[2])}
                    if err["type"] in ("missing", "string_type"):
                        item[str(loc[2])] = "-"
                    value[loc[1]] = item
                    continue
                unusable.add(name)
                if name in _PLACEHOLDERS:
                    current[name] = _PLACEHOLDERS[name]
                else:
                    current.pop(name, None)
            current = {k: v for k, v in current.items() if k in FrontMatter.model_fields}
    return None, unusable


def _recover_ids(loaded: Loaded, lines: list[str]) -> None:
    """Read ``plan_items`` exactly as typed: YAML turns ``1.10`` into the number 1.1, so take the source text."""
    data = loaded.data
    items = data.get("plan_items")
    if isinstance(items, (str, int, float)) and not isinstance(items, bool):
        data["plan_items"] = items = [items]
        loaded.positions[("plan_items", 0)] = loaded.positions.get(("plan_items",), (1, 1))
    if not isinstance(items, list):
        return
    for i, value in enumerate(items):
        if isinstance(value, float):
            line, col = loaded.where(("plan_items", i)) or (0, 0)
            raw = lines[line - 1][col - 1:] if 0 < line <= len(lines) else ""
            token = re.match(r"[^\s,\]#}]+", raw)
            items[i] = token.group(0) if token else repr(value)


def _explain_schema(problems: list[Problem], loaded: Loaded) -> list[Problem]:
    """Schema problems, with a corrected ISO form suggested for a date typed the Thai way."""
    bad_lines = {p.line for p in loaded.problems}
    out = []
    for problem in problems:
        if problem.line in bad_lines and problem.code.startswith("date"):
            continue  # the YAML loader already explained this value (e.g. an impossible date)
        value = _value_at(loaded.data, problem.path)
        if problem.code.startswith("date") and isinstance(value, str):
            try:
                fixed = parse_thai_date(value)
            except ThaiDateError:
                pass
            else:
                problem = Problem(file=problem.file, line=problem.line, column=problem.column,
                                  message_th=f"วันที่ '{value}' ต้องเขียนเป็นตัวเลขแบบ ปปปป-ดด-วว ปี ค.ศ.",
                                  message_en=f"date '{value}' must be an ISO date (YYYY-MM-DD, Gregorian year)",
                                  fix_th=f"เขียนเป็น {fixed.isoformat()}", path=problem.path, code="date-format")
        out.append(problem)
    return out


def _value_at(data: Any, dotted: str) -> Any:
    current = data
    for part in re.findall(r"[^.\[\]]+", dotted):
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
            current = current[int(part)]
        else:
            return None
    return current


class _Checks:
    """Cross-references of one write-up, each problem located in its ``index.md``."""

    def __init__(self, writeup: WriteUp, loaded: Loaded, index: PlanIndex, years: YearIndexes | None = None) -> None:
        self.years = years
        self.w = writeup
        self.meta: FrontMatter = writeup.meta
        self.loaded = loaded
        self.index = index
        self.problems: list[Problem] = []

    def run(self, skip: set[str] | frozenset[str] = frozenset()) -> list[Problem]:
        """Each check runs unless a field it reads was refused by the schema (``skip``)."""
        if "date" not in skip:
            self.dates()
        if "plan_items" not in skip:
            self.items()
        self.texts()
        self.publicity()
        if "photos" not in skip:
            self.photos()
            self.inline_photos()
            self.unreferenced()
        return self.problems

    def add(self, path: PathKey, th: str, en: str, fix: str, code: str, *, key: bool = False,
            severity: Severity = Severity.ERROR) -> None:
        where = (self.loaded.where_key(path) if key else self.loaded.where(path)) or (None, None)
        self.problems.append(Problem(file=self.w.display, line=where[0], column=where[1], message_th=th,
                                     message_en=en, fix_th=fix, path=format_path(path), severity=severity,
                                     code=code))

    # -- dates -----------------------------------------------------------------------------------
    def dates(self) -> None:
        day = self.meta.date
        if looks_buddhist_era(day.year):
            th, en, fix = self.be_date_message(day)
            self.add(("date",), th, en, fix, "be-year")
        else:
            self.folder_date(day)
            plan_fy = self.index.plan.fiscal_year
            if fiscal_year(day) != plan_fy:
                self.add(("date",), f"วันที่ {day.isoformat()} อยู่นอกปีงบประมาณ พ.ศ. {plan_fy} ของแผน",
                         f"date {day.isoformat()} is outside the plan's fiscal year {plan_fy}",
                         "ตรวจวันที่จัดกิจกรรมอีกครั้ง (ปี ค.ศ.)", "date-outside-fy", severity=Severity.WARNING)
        for channel, record in self.meta.publicity.items():
            if record.date is not None and looks_buddhist_era(record.date.year):
                self.add(("publicity", channel, "date"), f"ปี {record.date.year} เป็นปี พ.ศ.",
                         f"year {record.date.year} is a Buddhist-Era year", be_typo_hint(record.date), "be-year")

    def be_date_message(self, day: dt.date) -> tuple[str, str, str]:
        """A Buddhist-Era year in ``date``; when the folder's date disagrees with the converted date, say both."""
        th, en, fix = (f"ปี {day.year} ในช่อง date เป็นปี พ.ศ.", f"year {day.year} is a Buddhist-Era year",
                       be_typo_hint(day))
        match = FOLDER_RE.match(self.w.folder)
        if match is None:
            return th, en, fix
        folder = "-".join(match.groups()[:3])
        try:
            converted = day.replace(year=day.year - 543).isoformat()
        except ValueError:  # 29 February of a year that is not a leap year in the Gregorian calendar
            return th, en, fix
        if folder == converted:
            return th, en, fix
        return (f"ปี {day.year} ในช่อง date เป็นปี พ.ศ. (= {converted} ค.ศ.) และไม่ตรงกับวันที่ในชื่อโฟลเดอร์ ({folder})",
                f"date {day.isoformat()} is Buddhist Era (= {converted}) and differs from the folder's date {folder}",
                f"ตรวจว่ากิจกรรมจัดวันไหน แล้วแก้ให้ตรงกันทั้งสองที่: date: {converted} กับโฟลเดอร์ "
                f"{converted}-{match.group(4)} หรือ date: {folder} ถ้าชื่อโฟลเดอร์ถูกแล้ว")

    def folder_date(self, day: dt.date) -> None:
        match = FOLDER_RE.match(self.w.folder)
        if not match:
            self.problems.append(Problem(
                file=self.w.display, line=1,
                message_th=f"ชื่อโฟลเดอร์ '{self.w.folder}' ต้องเป็น ปปปป-ดด-วว-ชื่อภาษาอังกฤษ "
                           "(ตัวพิมพ์เล็ก ตัวเลข และขีด - เท่านั้น)",
                message_en=f"folder name '{self.w.folder}' must be <YYYY-MM-DD>-<slug> (a-z, 0-9, -)",
                fix_th=f"เปลี่ยนชื่อโฟลเดอร์เป็น {day.isoformat()}-ชื่อสั้น เช่น {day.isoformat()}-moral-day",
                code="bad-folder"))
            return
        slug = self.meta.slug
        if slug is not None and slug != match.group(4):
            self.add(("slug",), f"slug '{slug}' ไม่ตรงกับชื่อโฟลเดอร์ ({match.group(4)})",
                     f"slug '{slug}' differs from the folder's name '{match.group(4)}'",
                     f"แก้เป็น slug: {match.group(4)} (ชื่อโฟลเดอร์ไม่เปลี่ยนตาม slug)", "folder-slug")
        prefix = "-".join(match.groups()[:3])
        if prefix != day.isoformat():
            self.add(("date",), f"วันที่ในชื่อโฟลเดอร์ ({prefix}) ไม่ตรงกับ date ({day.isoformat()})",
                     f"the folder's date {prefix} differs from date {day.isoformat()}",
                     f"แก้ date ให้ถูก หรือเปลี่ยนชื่อโฟลเดอร์เป็น {day.isoformat()}-{match.group(4)}",
                     "folder-date")

    # -- plan items ------------------------------------------------------------------------------
    def items(self) -> None:
        seen: set[str] = set()
        for i, item_id in enumerate(self.meta.plan_items):
            if item_id in seen:
                self.add(("plan_items", i), f"รหัส '{item_id}' ซ้ำ", f"duplicate plan item '{item_id}'",
                         "ลบรายการที่ซ้ำออก", "duplicate-item")
            seen.add(item_id)
            if item_id not in self.index:
                self.unknown_item(i, item_id)
        for item_id, level in self.meta.score_level.items():
            path: PathKey = ("score_level", item_id)
            if item_id not in seen:
                self.add(path, f"score_level ระบุรหัส '{item_id}' ที่ไม่อยู่ใน plan_items",
                         f"score_level names '{item_id}', which is not in plan_items",
                         "ใช้รหัสเดียวกับใน plan_items", "score-level-item", key=True)
                continue
            ref = self.index.get(item_id)
            if ref is not None and not has_partial_score(ref.node):
                self.add(path, f"กิจกรรม '{item_id}' ไม่มีเกณฑ์คะแนนแยกระดับ full/partial (ระบุ '{level}' ไม่ได้)",
                         f"item '{item_id}' has no full/partial score rule", "ลบบรรทัดนี้ออก", "score-level-rule",
                         key=True)

    def unknown_item(self, i: int, item_id: str) -> None:
        """Name the year the date falls in, and the years whose plan has the id, when there are several."""
        near = self.index.suggest(item_id)
        hint = ("รหัสที่ใกล้เคียง: " + ", ".join(
            self.index.describe(self.index.items[n]) for n in near) + "; ") if near else ""
        if self.years is None or len(self.years.plans) == 1:
            self.add(("plan_items", i), f"ไม่พบรหัสกิจกรรม '{item_id}' ในแผน (plan.yml)",
                     f"unknown plan item '{item_id}'" + (f"; did you mean {', '.join(near)}?" if near else ""),
                     hint + "ดูรหัสได้ที่หน้าแผนบูรณาการของเว็บไซต์ หรือใน plan.yml", "unknown-item")
            return
        fy = fiscal_year(as_gregorian(self.meta.date))
        plan_fy = self.index.plan.fiscal_year
        elsewhere = self.years.other_years(item_id, plan_fy)
        where_th = (f" (มีรหัสนี้ในแผนปีงบประมาณ พ.ศ. {', '.join(str(y) for y in elsewhere)})" if elsewhere else "")
        self.add(("plan_items", i),
                 f"ไม่พบรหัสกิจกรรม '{item_id}' ในแผนปีงบประมาณ พ.ศ. {plan_fy} ซึ่งเป็นปีของวันที่ "
                 f"{self.meta.date.isoformat()} (ปีงบประมาณ พ.ศ. {fy}){where_th}",
                 f"unknown plan item '{item_id}' in the FY {plan_fy} plan (the write-up's date falls in FY {fy})"
                 + (f"; it exists in FY {', '.join(str(y) for y in elsewhere)}" if elsewhere else "")
                 + (f"; did you mean {', '.join(near)}?" if near else ""),
                 hint + "รหัสกิจกรรมต้องมาจากแผนของปีงบประมาณที่จัดกิจกรรม ตรวจ date หรือรหัสอีกครั้ง",
                 "unknown-item")

    # -- plain text ------------------------------------------------------------------------------
    def texts(self) -> None:
        meta = self.meta
        fields: list[tuple[PathKey, str]] = [(("title",), meta.title), (("summary",), meta.summary)]
        for i, photo in enumerate(meta.photos):
            fields.append((("photos", i, "alt"), photo.alt))
            if photo.caption:
                fields.append((("photos", i, "caption"), photo.caption))
        for channel, record in meta.publicity.items():
            if record.note:
                fields.append((("publicity", channel, "note"), record.note))
        for path, value in fields:
            line, col = self.loaded.where(path) or (None, None)
            self.problems.extend(check_plain_text(value, self.w.display, line, col, format_path(path)))
            if PLACEHOLDER in value:
                self.add(path, "ยังเป็นข้อความตัวอย่างจากแม่แบบ (มีเครื่องหมาย ✏)",
                         "template placeholder text left in place", "เขียนข้อความจริงแทน แล้วลบเครื่องหมาย ✏ ออก",
                         "placeholder")
            elif guidance_in(value):
                self.add(path, "ยังเป็นข้อความแนะนำจากแม่แบบ (ลบเครื่องหมาย ✏ แล้วแต่ข้อความยังอยู่)",
                         "template guidance text left in place", "เขียนข้อความจริงแทนข้อความแนะนำนี้",
                         "template-guidance")
        if len(meta.summary) > SUMMARY_MAX:
            self.add(("summary",), f"สรุปยาว {len(meta.summary)} ตัวอักษร เกิน {SUMMARY_MAX} ตัวอักษร",
                     f"summary is {len(meta.summary)} characters, more than {SUMMARY_MAX}",
                     "ย่อให้สั้นลง แล้วเล่ารายละเอียดในเนื้อเรื่องแทน", "summary-too-long")
        if len(meta.title) > TITLE_MAX:
            self.add(("title",), f"ชื่อเรื่องยาว {len(meta.title)} ตัวอักษร เกิน {TITLE_MAX} ตัวอักษร",
                     f"title is longer than {TITLE_MAX} characters", "ย่อชื่อเรื่องให้สั้นลง", "title-too-long")
        for offset, line in enumerate(self.w.body.split("\n")):
            if PLACEHOLDER in line:
                self.problems.append(Problem(
                    file=self.w.display, line=self.w.body_line + offset, column=line.index(PLACEHOLDER) + 1,
                    message_th="เนื้อเรื่องยังเป็นข้อความตัวอย่างจากแม่แบบ (มีเครื่องหมาย ✏)",
                    message_en="template placeholder text left in the story",
                    fix_th="เขียนเรื่องราวของกิจกรรมจริงแทน แล้วลบเครื่องหมาย ✏ ออก", code="placeholder"))
            elif guidance_in(line):
                self.problems.append(Problem(
                    file=self.w.display, line=self.w.body_line + offset, column=1,
                    message_th="เนื้อเรื่องยังมีข้อความแนะนำจากแม่แบบ (จะถูกเผยแพร่ถ้าไม่ลบ)",
                    message_en="template guidance left in the story (it would be published)",
                    fix_th="ลบย่อหน้าแนะนำนี้ออก แล้วเขียนเรื่องราวของกิจกรรมจริงแทน", code="template-guidance"))

    # -- publicity -------------------------------------------------------------------------------
    def publicity(self) -> None:
        known = self.index.channels
        for channel in self.meta.publicity:
            if channel not in known:
                near = closest(channel, list(known), cutoff=0.5)
                fix = (f"หมายถึง '{near}' หรือไม่? " if near else "") + "ช่องทางที่ใช้ได้: " + ", ".join(known)
                self.add(("publicity", channel), f"ไม่รู้จักช่องทางประชาสัมพันธ์ '{channel}'",
                         f"unknown publicity channel '{channel}'" + (f"; did you mean '{near}'?" if near else ""),
                         fix, "unknown-channel", key=True)

    # -- photos ----------------------------------------------------------------------------------
    def photos(self) -> None:
        seen: dict[str, int] = {}
        for i, photo in enumerate(self.meta.photos):
            path: PathKey = ("photos", i, "file")
            name = photo.file
            line = (self.loaded.where(path) or (None, None))[0]
            if name in seen:
                self.add(path, f"รูป '{name}' ซ้ำกับรายการที่ {seen[name] + 1}", f"photo '{name}' listed twice",
                         "ลบรายการที่ซ้ำออก", "duplicate-photo")
                continue
            seen[name] = i
            if not self.safe_name(path, name):
                continue
            suffix = PurePosixPath(name).suffix.lower()
            if suffix not in SUPPORTED_SUFFIXES:
                self.add(path, f"ไม่รองรับไฟล์ภาพชนิด '{suffix or '(ไม่มีนามสกุล)'}'",
                         f"unsupported photo type '{suffix}'",
                         "ใช้รูปแบบ " + " ".join(sorted(SUPPORTED_SUFFIXES)) + " (แปลงเป็น JPEG ก่อน)",
                         "unsupported-photo")
                continue
            target = self.find_file(name)
            if target is None:
                self.add(path, f"ไม่พบไฟล์รูป '{name}' ในโฟลเดอร์ {self.w.folder}/",
                         f"photo file '{name}' not found in the bundle", self.nearest_file(name), "missing-photo")
                continue
            self.w.photo_files[name] = target
            if line is not None:
                self.w.photo_lines[name] = line
        cover = self.meta.cover
        if cover is not None and cover not in seen:
            self.add(("cover",), f"รูปปก '{cover}' ไม่อยู่ในรายการ photos",
                     f"cover '{cover}' is not one of the photos",
                     "เพิ่มรูปนี้ในรายการ photos (พร้อม alt) หรือใช้ชื่อไฟล์จากรายการ photos", "cover-not-in-photos")

    def safe_name(self, path: PathKey, name: str) -> bool:
        pure = PurePosixPath(name)
        if "\\" in name or pure.is_absolute() or ".." in pure.parts or name.startswith("~"):
            self.add(path, f"ชื่อไฟล์รูป '{name}' ต้องเป็นไฟล์ในโฟลเดอร์เดียวกับ index.md",
                     f"photo '{name}' must be a path inside the bundle (no '..', '/' at start or '\\')",
                     "วางรูปไว้ในโฟลเดอร์ของบันทึกนี้ แล้วใส่เฉพาะชื่อไฟล์ เช่น photo-1.jpg", "bad-photo-path")
            return False
        return True

    def find_file(self, name: str) -> Path | None:
        """The bundle file ``name`` means: exact, or the same after NFC / ``%20`` decoding (a Thai name saved
        decomposed by macOS, a name copied from a link); never a guess by case or spelling."""
        exact = self.w.directory / name
        if exact.is_file():
            return exact
        wanted = link_target(name)
        for image in self.bundle_images():
            if nfc(image) == wanted:
                return self.w.directory / image
        return None

    def nearest_file(self, name: str) -> str:
        files = self.bundle_images()
        near = closest(name, files)
        if near is not None and same_name(near, name):
            return (f"ชื่อไฟล์ต้องตรงกันทุกตัวอักษร (ตัวพิมพ์เล็ก/ใหญ่ ช่องว่าง ขีดล่าง): "
                    f"แก้เป็น file: {near} (ไฟล์ในโฟลเดอร์ชื่อ '{near}')")
        if near:
            return f"หมายถึง '{near}' หรือไม่? ถ้าใช่ แก้เป็น file: {near}"
        return "คัดลอกไฟล์รูปมาไว้ในโฟลเดอร์เดียวกับ index.md หรือแก้ชื่อไฟล์ให้ตรงกัน"

    def bundle_images(self) -> list[str]:
        if not hasattr(self, "_images"):
            self._images = sorted(p.relative_to(self.w.directory).as_posix()
                                  for p in self.w.directory.rglob("*")
                                  if p.is_file() and is_image_name(p.name) and not p.name.startswith("."))
        return self._images

    def inline_photos(self) -> None:
        """``![alt](photo.jpg)`` in the story: allowed for listed photos, shown processed like the gallery."""
        listed = {nfc(p.file): p.file for p in self.meta.photos}
        for offset, text in enumerate(self.w.body.split("\n")):
            for match in INLINE_IMAGE.finditer(text):
                raw = match.group("angle") or match.group("bare") or ""
                target = inline_target(match)
                if _EXTERNAL.match(target) or not is_image_name(target):
                    continue
                line = self.w.body_line + offset
                name = PurePosixPath(target).as_posix()
                if name in listed:
                    self.w.inline_photos.append((line, match.group("alt"), listed[name]))
                    continue
                self.problems.append(self.inline_problem(line, match, raw, name, listed))

    def inline_problem(self, line: int, match: re.Match[str], raw: str, name: str, listed: dict[str, str]) -> Problem:
        """One error with the exact fix: the listed name it differs from, or the photos entry to add."""
        alt = match.group("alt")
        near = closest(name, list(listed.values()))
        if near is not None and same_name(near, name):
            fixed = f"![{alt}]({markdown_target(near)})"
            return Problem(
                file=self.w.display, line=line, column=match.start() + 1, code="inline-photo",
                message_th=f"รูป '{raw}' ในเนื้อเรื่องเขียนไม่ตรงกับชื่อในรายการ photos ('{near}')",
                message_en=f"story image '{raw}' differs from the listed photo '{near}' (case or separators)",
                fix_th=f"แก้บรรทัดนี้เป็น {fixed}")
        on_disk = self.find_file(name)
        if on_disk is None:
            return Problem(
                file=self.w.display, line=line, column=match.start() + 1, code="missing-photo",
                message_th=f"ไม่พบไฟล์รูป '{raw}' ที่เนื้อเรื่องอ้างถึงในโฟลเดอร์ {self.w.folder}/",
                message_en=f"story image '{raw}' is not in the bundle", fix_th=self.nearest_file(name))
        file = on_disk.relative_to(self.w.directory).as_posix()
        return Problem(
            file=self.w.display, line=line, column=match.start() + 1, code="inline-photo",
            message_th=f"รูป '{file}' ในเนื้อเรื่องต้องอยู่ในรายการ photos ของส่วนหัวด้วย",
            message_en=f"story image '{file}' must also be listed under photos (with alt text)",
            fix_th=f"เพิ่มในส่วนหัว: photos: - file: {file} / alt: คำบรรยายภาพ")

    def unreferenced(self) -> None:
        used = {link_target(p.file) for p in self.meta.photos}
        # a file a listed name misspells is reported once, by the missing-photo error that names it
        extra = [f for f in self.bundle_images()
                 if nfc(f) not in used and not any(same_name(f, p.file) for p in self.meta.photos)]
        if extra:
            self.add(("photos",), f"มีรูปในโฟลเดอร์ที่ไม่ได้ใช้ {len(extra)} รูป (จะไม่ถูกเผยแพร่): " + ", ".join(extra),
                     "photos in the bundle that no write-up field uses (not published): " + ", ".join(extra),
                     "เพิ่มรูปเหล่านี้ในรายการ photos พร้อม alt หรือลบออกจากโฟลเดอร์", "unreferenced-photo",
                     key=True, severity=Severity.WARNING)
