"""``python -m site_build new``: a ready-to-fill write-up bundle for one plan item.

The template is valid YAML with Thai comments on every field. Text staff must write themselves is
marked with ✏, which ``check`` reports until it is replaced, so a half-filled template never slips
through a pull request.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from site_build.activities import guidance
from site_build.activities.items import PlanIndex, has_partial_score, normalize_item_id
from site_build.activities.load import PLACEHOLDER, SECTION
from site_build.context import BANGKOK
from site_build.errors import Problem, ProblemsFound
from site_build.plan.model import Plan
from site_build.plan.years import PlanSet
from site_build.thaidate import ThaiDateError, be_typo_hint, looks_buddhist_era, parse_thai_date, to_arabic_digits

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def today_bangkok() -> dt.date:
    return dt.datetime.now(BANGKOK).date()


def parse_day(text: str) -> dt.date:
    """A date typed at the command line: ISO (Thai digits fine) or Thai form ("20 มีนาคม 2566")."""
    raw = to_arabic_digits(text).strip()
    try:
        day = dt.date.fromisoformat(raw)
    except ValueError:
        try:
            return parse_thai_date(raw)
        except ThaiDateError as exc:
            raise _refuse("--date", str(exc), f"cannot read date '{text}'", "ใช้รูปแบบ ปปปป-ดด-วว ปี ค.ศ. เช่น 2023-03-20",
                          "bad-date") from None
    if looks_buddhist_era(day.year):
        raise _refuse("--date", f"ปี {day.year} เป็นปี พ.ศ.", f"year {day.year} is Buddhist Era", be_typo_hint(day),
                      "be-year")
    return day


def choose_day(plans: PlanSet, item_id: str, today: dt.date) -> tuple[Plan, dt.date, str]:
    """``new`` without ``--date``: a date inside the item's fiscal year, and why it was chosen (Thai).

    The plan is the one of the year ``today`` falls in when the site has it, else the current (latest)
    plan. The date is today when today is inside that year; otherwise the item's first deadline (its own
    or its parent's), else today clamped into the year. Today itself is never used outside every plan year.
    """
    from site_build.status import StatusBook
    from site_build.thaidate import fiscal_year_bounds, format_date

    plan = plans.for_date(today) or plans.latest
    start, end = fiscal_year_bounds(plan.fiscal_year)
    fy = plan.fiscal_year
    if start <= today <= end:
        return plan, today, f"ใช้วันนี้ ({format_date(today)}) ซึ่งอยู่ในปีงบประมาณ พ.ศ. {fy}"
    ref = PlanIndex(plan).get(item_id)
    deadline = StatusBook.build(plan, start, []).deadline(ref.node) if ref is not None else None
    if deadline is not None and start <= deadline <= end:
        return plan, deadline, (f"วันนี้ ({format_date(today)}) อยู่นอกปีงบประมาณ พ.ศ. {fy} ของแผน "
                                f"จึงใช้กำหนดส่งแรกของกิจกรรมนี้ ({format_date(deadline)})")
    day = min(max(today, start), end)
    return plan, day, (f"วันนี้ ({format_date(today)}) อยู่นอกปีงบประมาณ พ.ศ. {fy} ของแผน "
                       f"จึงใช้วันที่ {format_date(day)} ซึ่งอยู่ในปีนั้น")


def make_slug(text: str) -> str | None:
    """An ASCII slug from English text; ``None`` when nothing usable is left (e.g. a Thai title)."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    slug = re.sub(r"-{2,}", "-", slug)[:60].strip("-")
    return slug or None


def scaffold(content_dir: Path, plan: Plan, item_id: str, *, title: str | None = None, day: dt.date | None = None,
             slug: str | None = None) -> Path:
    """Create ``content/activities/<date>-<slug>/index.md`` and return its path; never overwrites."""
    index = PlanIndex(plan)
    wanted = normalize_item_id(item_id)
    ref = index.get(wanted)
    if ref is None:
        near = index.suggest(wanted)
        raise _refuse("--item", f"ไม่พบรหัสกิจกรรม '{item_id}' ในแผน",
                      f"unknown plan item '{item_id}'",
                      ("รหัสที่ใกล้เคียง: " + ", ".join(index.describe(index.items[n]) for n in near)) if near
                      else "ดูรหัสกิจกรรมได้ในหน้าแผนบูรณาการของเว็บไซต์ หรือใน plan.yml", "unknown-item")
    day = day or today_bangkok()
    if looks_buddhist_era(day.year):
        raise _refuse("--date", f"ปี {day.year} เป็นปี พ.ศ.", f"year {day.year} is Buddhist Era", be_typo_hint(day),
                      "be-year")
    if slug is not None:
        slug = to_arabic_digits(slug).strip().lower()
        if not SLUG_RE.match(slug):
            raise _refuse("--slug", f"ชื่อโฟลเดอร์ '{slug}' ต้องเป็นภาษาอังกฤษตัวพิมพ์เล็ก ตัวเลข และขีด - เท่านั้น",
                          f"slug '{slug}' must be lowercase ASCII letters, digits and '-'",
                          f"เช่น --slug {make_slug(slug) or 'moral-day'}", "bad-slug")
    else:
        slug = (make_slug(title) if title else None) or "item-" + ref.id.replace(".", "-")
    folder = content_dir / SECTION / f"{day.isoformat()}-{slug}"
    if folder.exists():
        raise ProblemsFound([Problem(
            file=_shown(folder, content_dir) + "/", message_th="มีโฟลเดอร์บันทึกกิจกรรมนี้อยู่แล้ว จะไม่เขียนทับ",
            message_en="this write-up folder already exists; refusing to overwrite it",
            fix_th="ใช้ --slug ชื่ออื่น หรือแก้ไขไฟล์ index.md ในโฟลเดอร์เดิม", code="exists")])
    folder.mkdir(parents=True)
    target = folder / "index.md"
    target.write_text(template(index, ref.id, title=title, day=day, slug=slug), encoding="utf-8")
    return target


def template(index: PlanIndex, item_id: str, *, title: str | None, day: dt.date, slug: str | None = None) -> str:
    ref = index.items[item_id]
    q = _quote
    channels = [index.channels[c] for c in index.required_channels(item_id)]
    manual = [c for c in (channels or index.plan.channels) if not c.automatic]
    lines = [
        "---",
        "# บันทึกกิจกรรม (สร้างด้วย python -m site_build new) — แก้ค่าหลังเครื่องหมาย : ให้ตรงกับกิจกรรมจริง",
        f"# ข้อความที่มีเครื่องหมาย {PLACEHOLDER} ต้องเขียนใหม่ทั้งหมด บรรทัดที่ขึ้นต้นด้วย # เป็นคำอธิบาย ลบทิ้งได้",
        "# เมื่อแก้เสร็จ สั่ง  python -m site_build check  เพื่อตรวจ",
        "",
        "# ชื่อเรื่อง: ข้อความธรรมดา (ห้ามใส่โค้ด HTML) ตั้งต้นจากชื่อกิจกรรมในแผน แก้ให้เจาะจงขึ้นได้",
        f"title: {q(title or ref.node.title)}",
        *(["# ชื่อโฟลเดอร์ภาษาอังกฤษ (ต้องตรงกับชื่อโฟลเดอร์หลังวันที่)", f"slug: {slug}"] if slug else []),
        "",
        "# วันที่จัดกิจกรรม ปี ค.ศ. แบบ ปปปป-ดด-วว (เช่น 2023-03-20 คือ ๒๐ มีนาคม ๒๕๖๖)",
        "# ต้องตรงกับวันที่ในชื่อโฟลเดอร์ (ถ้าแก้วันที่ ให้เปลี่ยนชื่อโฟลเดอร์ด้วย)",
        f"date: {day.isoformat()}",
        "",
        "# รหัสกิจกรรมในแผนที่บันทึกนี้เป็นหลักฐาน (ดูรหัสในหน้าแผนบูรณาการ) ใส่ได้หลายรายการ รายการละบรรทัด",
        f"# {index.describe(ref)}",
        "plan_items:",
        f"  - {q(item_id)}",
        "",
        "# สรุปสั้น ๆ ไม่เกิน 300 ตัวอักษร: ทำอะไร เมื่อไร กับใคร ได้ผลอย่างไร (แสดงในหน้ารวมกิจกรรม)",
        f"summary: {q(PLACEHOLDER + ' ' + guidance.SUMMARY)}",
        "",
        "# รูปภาพ: คัดลอกรูปจากโทรศัพท์ (.jpg .jpeg .png .heic) มาไว้ในโฟลเดอร์เดียวกับไฟล์นี้",
        "# แล้วลบเครื่องหมาย # หน้าบรรทัดด้านล่าง ใส่รายการละ 1 รูป:",
        "#   file = ชื่อไฟล์ (ตัวพิมพ์เล็ก/ใหญ่ต้องตรงกัน), alt = บรรยายว่าในภาพมีอะไร สำหรับผู้พิการทางสายตา (จำเป็น),",
        "#   caption = คำอธิบายใต้ภาพ (ไม่บังคับ)",
        "# photos:",
        "#   - file: IMG_0001.jpg",
        "#     alt: ผู้อำนวยการกล่าวเปิดกิจกรรมในห้องประชุม",
        "#     caption: พิธีเปิดกิจกรรม",
        "#   - file: IMG_0002.jpg",
        "#     alt: บุคลากรร่วมกิจกรรมกลุ่ม",
        "",
        "# รูปปกในหน้ารวมกิจกรรม: ชื่อไฟล์ของรูปหนึ่งใน photos (ถ้าไม่ใส่ ใช้รูปแรก)",
        "# cover: IMG_0001.jpg",
        "",
        "# ตัวเลข (ไม่บังคับ): จำนวนผู้เข้าร่วม และร้อยละของบุคลากรที่เข้าร่วม (0–100)",
        "# participants: 45",
        "# staff_percent: 85",
        "",
        "# การเผยแพร่ประชาสัมพันธ์ ตามช่องทางในแผน: ใส่ url (ลิงก์ https://...) และ/หรือ date (วันที่เผยแพร่)",
        "# หรือ note (หมายเหตุ เช่น เลขที่หนังสือ e-office) การเผยแพร่บนเว็บไซต์นี้นับให้อัตโนมัติ ไม่ต้องใส่",
    ]
    if channels:
        lines.append("# ช่องทางที่แผนกำหนดสำหรับกิจกรรมนี้ (รหัส = ชื่อช่องทาง):")
    else:
        lines.append("# แผนไม่ได้กำหนดช่องทางสำหรับกิจกรรมนี้ รหัสช่องทางที่ใช้ได้ (รหัส = ชื่อช่องทาง):")
    lines += [f"#   {c.id} = {c.name}" for c in manual]
    lines.append("# publicity:")
    with_url = next((c for c in manual if c.kind == "public"), manual[0] if manual else None)
    with_note = next((c for c in manual if c.platform == "e-office"), None)
    if with_url is not None:
        lines += [f"#   {with_url.id}:", "#     url: https://www.facebook.com/...", f"#     date: {day.isoformat()}"]
    if with_note is not None and with_note is not with_url:
        lines += [f"#   {with_note.id}:", "#     note: หนังสือแจ้งเวียน ที่ สว ... /2566"]
    partial = [c for c in ref.node.score if c.rule == "evidence" and c.partial is not None]
    if has_partial_score(ref.node):
        lines += ["", "# ระดับของหลักฐานสำหรับคะแนนสำนักดีเด่น (เลือก full หรือ partial):"]
        lines += [f"#   full = {c.full_when}; partial = {c.partial_when}" for c in partial]
        lines += ["# score_level:", f"#   {q(item_id)}: full"]
    lines += [
        "---",
        "",
        f"{PLACEHOLDER} {guidance.BODY[0]}",
        "",
        f"{PLACEHOLDER} {guidance.BODY[1]}",
        f"{PLACEHOLDER} {guidance.BODY[2]}",
        "",
    ]
    return "\n".join(lines)


def _quote(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _shown(path: Path, content_dir: Path) -> str:
    try:
        return path.relative_to(content_dir.parent).as_posix()
    except ValueError:
        return path.as_posix()


def _refuse(option: str, th: str, en: str, fix: str, code: str) -> ProblemsFound:
    return ProblemsFound([Problem(file=option, message_th=th, message_en=en, fix_th=fix, code=code)])
