"""Decap CMS's ``config.yml``, generated from the write-up schema and the plans: never edited by hand.

The write-up collection saves page bundles exactly as ``check`` expects:
``content/activities/<date>-<slug>/index.md`` with the photos beside it (collection-level
``media_folder: ''``). Its fields follow :class:`site_build.activities.model.FrontMatter`; the choice
lists (plan items, publicity channels) come from the plans, so a new item or channel changes the form with
no other edit. Form checks are a convenience in Thai; ``python -m site_build check`` on the pull request
stays the authority. ``tests/test_editor_config.py`` proves the form and the schema agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from site_build.activities.items import PlanIndex
from site_build.activities.load import SECTION
from site_build.activities.model import SUMMARY_MAX, TITLE_MAX
from site_build.editor.settings import EditorSettings
from site_build.photos.settings import SUPPORTED_SUFFIXES
from site_build.plan.model import Channel, Plan
from site_build.thaidate import fiscal_year_bounds

COLLECTION = "activities"
FOLDER = f"content/{SECTION}"
MAX_PHOTO_BYTES = 30 * 1024 * 1024  # a 108 MP phone JPEG is about 20 MB; the pipeline's own limit is pixels
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
HTTPS_PATTERN = r"^https://[^\s]+$"
# Front-matter keys the form leaves out on purpose (kept as they are when a write-up is edited): why.
NOT_IN_FORM: dict[str, str] = {
    "score_level": "keys are plan-item ids such as 1.6.1; Decap field names cannot contain dots, and the "
                   "full/partial level is an auditor's judgement made in review (edit index.md)",
    "acknowledge": "acknowledging a notice (e.g. a mobile number published with consent) is a reviewer's "
                   "decision with a reason, made in the pull request's review (edit index.md)",
}
LABEL_MAX = 110


FOCUS_CHOICES = (("top", "ส่วนบน"), ("center", "กึ่งกลาง"), ("bottom", "ส่วนล่าง"))
"""The named focus points the form offers; percentages (``focus: [x, y]``) are for the file format only."""


def _text_pattern(limit: int) -> str:
    """Not blank, at most ``limit`` characters, no HTML tag or entity (the plain-text rule)."""
    return rf"^(?=[\s\S]*\S)(?![\s\S]*<\s*/?\s*[A-Za-z!?])(?![\s\S]*&#?[A-Za-z0-9]+;)[\s\S]{{1,{limit}}}$"


def _plain_pattern() -> str:
    return r"^(?=[\s\S]*\S)(?![\s\S]*<\s*/?\s*[A-Za-z!?])(?![\s\S]*&#?[A-Za-z0-9]+;)[\s\S]+$"


def photo_pattern() -> str:
    """A file name in the bundle (no folder) with a type the photo pipeline accepts, any letter case."""
    def anycase(suffix: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in suffix.lstrip("."))
    return r"^[^/\\]+\.(" + "|".join(anycase(s) for s in sorted(SUPPORTED_SUFFIXES)) + ")$"


def date_pattern(plans: Sequence[Plan]) -> str:
    """ISO dates whose month lies inside one of the plans' fiscal years (1 Oct – 30 Sep)."""
    months: list[str] = []
    for fy in sorted({p.fiscal_year for p in plans}):
        start, _ = fiscal_year_bounds(fy)
        months += [f"{start.year}-1[0-2]", f"{start.year + 1}-0[1-9]"]
    return r"^(" + "|".join(months) + r")-(0[1-9]|[12][0-9]|3[01])$"


def date_hint(plans: Sequence[Plan]) -> str:
    spans = []
    for fy in sorted({p.fiscal_year for p in plans}):
        start, end = fiscal_year_bounds(fy)
        spans.append(f"ปีงบประมาณ พ.ศ. {fy} = {start.isoformat()} ถึง {end.isoformat()}")
    return ("วันที่จัดกิจกรรม ปี ค.ศ. (ปปปป-ดด-วว) ต้องอยู่ในปีงบประมาณของแผน: " + "; ".join(spans)
            + " ถ้าพิมพ์ปีเป็น 25xx นั่นคือปี พ.ศ. ให้ลบ 543 เช่น 2566 → 2023")


def item_options(plans: Sequence[Plan]) -> list[dict[str, str]]:
    """Every plan item of every plan, labelled with its fiscal year; the value is the plain id (``1.6.1``)."""
    options = []
    for plan in plans:
        index = PlanIndex(plan)
        for ref in index.items.values():
            label = f"พ.ศ. {plan.fiscal_year} · {index.describe(ref)}"
            if len(label) > LABEL_MAX:
                label = label[:LABEL_MAX - 1] + "…"
            options.append({"label": label, "value": ref.id})
    return options


def manual_channels(plans: Sequence[Plan]) -> list[Channel]:
    """Channels staff record by hand (publishing on this site counts by itself), newest plan's names first."""
    seen: dict[str, Channel] = {}
    for plan in plans:
        for channel in plan.channels:
            if not channel.automatic and channel.id not in seen:
                seen[channel.id] = channel
    return list(seen.values())


def _date_field(name: str, label: str, hint: str, *, required: bool, pattern: str | None = None,
                message: str = "") -> dict[str, Any]:
    field: dict[str, Any] = {"name": name, "label": label, "widget": "datetime", "format": "YYYY-MM-DD",
                             "date_format": "YYYY-MM-DD", "time_format": False, "picker_utc": True,
                             "required": required, "hint": hint}
    if pattern:
        field["pattern"] = [pattern, message]
    return field


def writeup_fields(plans: Sequence[Plan]) -> list[dict[str, Any]]:
    """The form, field by field, in the order ``index.md`` is written."""
    photo_types = " ".join(sorted(s.lstrip(".") for s in SUPPORTED_SUFFIXES))
    channel_fields = [
        {"name": c.id, "label": c.name, "widget": "object", "required": False, "collapsed": True,
         "hint": "กรอกอย่างน้อยหนึ่งช่องถ้าเผยแพร่ทางช่องทางนี้แล้ว",
         "fields": [
             {"name": "url", "label": "ลิงก์", "widget": "string", "required": False,
              "pattern": [HTTPS_PATTERN, "ลิงก์ต้องขึ้นต้นด้วย https:// และไม่มีช่องว่าง"]},
             _date_field("date", "วันที่เผยแพร่", "ปี ค.ศ. (ปปปป-ดด-วว)", required=False,
                         pattern=r"^(19|20)[0-9]{2}-[01][0-9]-[0-3][0-9]$",
                         message="ปีต้องเป็น ค.ศ. เช่น 2023 (ถ้าเป็น 25xx คือปี พ.ศ. ให้ลบ 543)"),
             {"name": "note", "label": "หมายเหตุ เช่น เลขที่หนังสือ e-office", "widget": "string",
              "required": False, "pattern": [_plain_pattern(), "เป็นข้อความธรรมดา ห้ามใส่โค้ด HTML"]},
         ]}
        for c in manual_channels(plans)
    ]
    return [
        {"name": "title", "label": "ชื่อเรื่อง", "widget": "string",
         "hint": f"ข้อความธรรมดา ไม่เกิน {TITLE_MAX} ตัวอักษร",
         "pattern": [_text_pattern(TITLE_MAX), f"ต้องมีข้อความ ไม่เกิน {TITLE_MAX} ตัวอักษร และห้ามใส่โค้ด HTML"]},
        {"name": "slug", "label": "ชื่อโฟลเดอร์ภาษาอังกฤษ",
         "widget": "string",
         "hint": "ใช้เป็นชื่อโฟลเดอร์และที่อยู่หน้าเว็บ: a-z ตัวพิมพ์เล็ก ตัวเลข และขีด - เช่น moral-day "
                 "(เปลี่ยนภายหลังไม่ได้)",
         "pattern": [SLUG_PATTERN, "ใช้ได้เฉพาะ a-z ตัวพิมพ์เล็ก ตัวเลข 0-9 และขีด - คั่นคำ เช่น moral-day"]},
        _date_field("date", "วันที่จัดกิจกรรม", date_hint(plans), required=True, pattern=date_pattern(plans),
                    message="วันที่ต้องอยู่ในปีงบประมาณของแผนและใช้ปี ค.ศ. (ปี 25xx คือ พ.ศ.: ลบ 543 เช่น 2566 → 2023)"),
        {"name": "plan_items", "label": "กิจกรรมในแผนที่บันทึกนี้เป็นหลักฐาน", "widget": "select", "multiple": True,
         "min": 1, "options": item_options(plans),
         "hint": "เลือกได้หลายรายการ (ปีงบประมาณ · รหัส ชื่อกิจกรรม)"},
        {"name": "summary", "label": "สรุปสั้น ๆ", "widget": "text",
         "hint": f"ไม่เกิน {SUMMARY_MAX} ตัวอักษร: ทำอะไร เมื่อไร กับใคร ได้ผลอย่างไร (แสดงในหน้ารวมกิจกรรม)",
         "pattern": [_text_pattern(SUMMARY_MAX),
                     f"ต้องมีข้อความ ไม่เกิน {SUMMARY_MAX} ตัวอักษร และห้ามใส่โค้ด HTML"]},
        {"name": "photos", "label": "รูปภาพ", "label_singular": "รูป", "widget": "list", "required": False,
         "summary": "{{fields.file}}", "collapsed": False,
         "hint": f"ชนิดไฟล์ {photo_types} ไม่เกิน {MAX_PHOTO_BYTES // (1024 * 1024)} MB ต่อรูป "
                 "รูปแรกเป็นรูปปก (ลากเพื่อเรียงลำดับ) ตำแหน่ง GPS ในรูปจะถูกลบก่อนเผยแพร่",
         "fields": [
             {"name": "file", "label": "ไฟล์รูป", "widget": "image", "choose_url": False,
              "media_library": {"config": {"max_file_size": MAX_PHOTO_BYTES}},
              "pattern": [photo_pattern(), f"ชนิดไฟล์รูปที่ใช้ได้: {photo_types}"]},
             {"name": "alt", "label": "คำบรรยายภาพสำหรับผู้พิการทางสายตา (จำเป็น)", "widget": "string",
              "hint": "บอกว่าในภาพมีอะไร เช่น ผู้อำนวยการกล่าวเปิดกิจกรรมในห้องประชุม",
              "pattern": [_plain_pattern(), "ต้องมีคำบรรยายภาพ และห้ามใส่โค้ด HTML"]},
             {"name": "caption", "label": "คำอธิบายใต้ภาพ", "widget": "string", "required": False,
              "pattern": [_plain_pattern(), "เป็นข้อความธรรมดา ห้ามใส่โค้ด HTML"]},
             {"name": "focus", "label": "ส่วนของรูปที่ต้องไม่ถูกตัดในภาพย่อ 4:3", "widget": "select",
              "required": False, "options": [{"label": label, "value": value} for value, label in FOCUS_CHOICES],
              "hint": "ไม่เลือก = ให้ระบบเลือก (รูปแนวตั้งเก็บส่วนบนไว้ เช่น ศีรษะของผู้คน)"},
         ]},
        {"name": "cover", "label": "รูปปก (ชื่อไฟล์ ไม่ใส่ = รูปแรก)", "widget": "string", "required": False,
         "hint": "ชื่อไฟล์ของรูปหนึ่งในรายการรูปภาพด้านบน",
         "pattern": [photo_pattern(), "ใส่ชื่อไฟล์รูปจากรายการรูปภาพ เช่น photo-1.jpg"]},
        {"name": "participants", "label": "จำนวนผู้เข้าร่วม (คน)", "widget": "number", "value_type": "int",
         "min": 0, "step": 1, "required": False},
        {"name": "staff_percent", "label": "ร้อยละของบุคลากรที่เข้าร่วม (0–100)", "widget": "number",
         "value_type": "float", "min": 0, "max": 100, "step": 0.1, "required": False},
        {"name": "publicity", "label": "การเผยแพร่ประชาสัมพันธ์", "widget": "object", "required": False,
         "collapsed": True,
         "hint": "เลือกช่องทางตามแผนที่เผยแพร่แล้ว ใส่ลิงก์ วันที่ หรือหมายเหตุ (เว็บไซต์นี้นับให้อัตโนมัติ)",
         "fields": channel_fields},
        {"name": "sample", "label": "เป็นตัวอย่าง (ไม่ใช่กิจกรรมจริง)", "widget": "boolean", "default": False,
         "required": False},
        {"name": "body", "label": "เรื่องราวของกิจกรรม", "widget": "markdown",
         "hint": "วัตถุประสงค์ ใครเข้าร่วม ทำอะไรบ้าง ได้ผลอย่างไร รูปในรายการรูปภาพแสดงเป็นแกลเลอรีท้ายหน้าเอง",
         "buttons": ["bold", "italic", "link", "heading-three", "bulleted-list", "numbered-list", "quote"],
         "editor_components": []},
    ]


def commit_messages() -> dict[str, str]:
    """Thai commit messages; in the editorial workflow the pull request's title is the entry's message."""
    return {
        "create": "บันทึกกิจกรรมใหม่: {{slug}}",
        "update": "แก้ไขบันทึกกิจกรรม: {{slug}}",
        "delete": "ลบบันทึกกิจกรรม: {{slug}}",
        "uploadMedia": "เพิ่มรูป {{path}}",
        "deleteMedia": "ลบรูป {{path}}",
        "openAuthoring": "{{message}}",
    }


def editor_config(plans: Sequence[Plan], settings: EditorSettings) -> dict[str, Any]:
    """The whole Decap configuration as data."""
    if not plans:
        raise ValueError("the editor needs at least one plan")
    backend: dict[str, Any] = {"name": "github", "repo": settings.repo, "branch": settings.branch,
                               "commit_messages": commit_messages(), "squash_merges": True}
    if settings.auth_url:
        backend["base_url"] = settings.auth_url
        backend["auth_endpoint"] = settings.auth_endpoint
    config: dict[str, Any] = {
        "locale": "th",
        "backend": backend,
        "publish_mode": "editorial_workflow",
        "media_folder": "content/assets/uploads",  # required at the top; write-ups override it per bundle
        "public_folder": "/assets/uploads",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [{
            "name": COLLECTION, "label": "บันทึกกิจกรรม", "label_singular": "บันทึกกิจกรรม",
            "description": "บันทึกกิจกรรมตามแผนบูรณาการ พร้อมรูปภาพ บันทึกแล้วจะเป็นคำขอรวม (pull request) "
                           "ให้ผู้ดูแลตรวจก่อนเผยแพร่",
            "folder": FOLDER, "path": "{{slug}}/index", "slug": "{{fields.date}}-{{fields.slug}}",
            "media_folder": "", "public_folder": "", "create": True, "delete": False,
            "format": "yaml-frontmatter", "extension": "md", "identifier_field": "title",
            "summary": "{{date}} · {{title}}", "sortable_fields": ["date", "title"],
            "fields": writeup_fields(plans),
        }],
    }
    if settings.site_url:
        config["site_url"] = settings.site_url
        config["display_url"] = settings.site_url
    if settings.local_backend:
        config["local_backend"] = {"url": settings.local_backend + "/api/v1"}
    return config


def config_yaml(plans: Sequence[Plan], settings: EditorSettings) -> str:
    head = ("# Generated by site_build.editor.config from plan.yml and the write-up schema: do not edit.\n"
            "# สร้างอัตโนมัติจากแผนและโครงสร้างบันทึกกิจกรรม ห้ามแก้ไขไฟล์นี้โดยตรง\n")
    return head + yaml.safe_dump(editor_config(plans, settings), allow_unicode=True, sort_keys=False, width=1000)
