"""Start a new version of a document without touching the old one's original.

``new_version(content, "policy/no-gift/2566", "2567")`` creates ``policies/no-gift/2567/index.md`` from
the old version's front matter and text (``supersedes`` set, dates and number cleared for the staff
to fill in from the signed original) and marks the old version ``status: superseded``: only that one
line of the old ``index.md`` changes; its original file and lock entry stay as they were.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from site_build.documents.model import KIND_DIRS, VERSION_DIR
from site_build.errors import Problem, ProblemsFound
from site_build.frontmatter import split_front_matter
from site_build.textfile import read_text
from site_build.yamlsrc import YamlError, load_yaml

_STATUS_LINE = re.compile(r"^status:\s*in_force\s*$", re.MULTILINE)


def new_version(content_dir: Path, ref: str, version: str) -> Path:
    """Create the new version's ``index.md`` and return its path; raise located problems otherwise."""
    kind, _, rest = ref.partition("/")
    slug, _, old_version = rest.partition("/")
    problems = []
    match = VERSION_DIR.match(version)
    if kind not in KIND_DIRS or not slug or not old_version:
        problems.append(_problem(ref, "อ้างอิงเอกสารต้องเป็นรูปแบบ ชนิด/ชื่อ/ปี เช่น policy/no-gift/2566",
                                 f"reference must look like policy/no-gift/2566, not {ref!r}"))
    if not match:
        problems.append(_problem(version, "ฉบับใหม่ต้องเป็นปี พ.ศ. สี่หลัก (หรือ 2567-2 สำหรับฉบับที่สองของปี)",
                                 f"version must be a BE year like 2567 or 2567-2, not {version!r}"))
    if problems:
        raise ProblemsFound(problems)
    old_dir = content_dir / KIND_DIRS[kind] / slug / old_version
    new_dir = content_dir / KIND_DIRS[kind] / slug / version
    old_index = old_dir / "index.md"
    if not old_index.is_file():
        raise ProblemsFound([_problem(old_index.as_posix(), "ไม่พบเอกสารฉบับเดิม", f"{old_index} not found")])
    if new_dir.exists():
        raise ProblemsFound([_problem(new_dir.as_posix(), "มีโฟลเดอร์ของฉบับนี้อยู่แล้ว", f"{new_dir} already exists")])
    text = read_text(old_index)
    split = split_front_matter(text, old_index.as_posix())
    try:
        data = load_yaml(split.yaml_text, old_index.as_posix(), line_offset=1).data
    except YamlError as exc:
        raise ProblemsFound(exc.problems) from None
    year = int(match["year"]) if match else 0
    fresh: dict[str, Any] = {}
    for key, value in (data or {}).items():
        if key in ("supersedes", "superseded_by", "withdrawn_on", "plan_items", "change_notes", "evidence"):
            continue
        fresh[key] = value
    fresh.update(number=None, fiscal_year=year, signed_on=None, effective_on=None, status="in_force",
                 supersedes=ref, change_notes=[], sample=False)
    fresh["original"] = {"file": f"{slug}-{version}.pdf",
                         "description": "ไฟล์สแกนต้นฉบับที่ลงนามแล้ว (ใส่คำอธิบาย เช่น จำนวนหน้า)", "sample": False}
    header = ("# ฉบับใหม่: แก้ title (ถ้ามีปี) และกรอก number, signed_on, effective_on ตามต้นฉบับที่ลงนาม;\n"
              "# ใส่ evidence: รหัสข้อ ITA/OIT ของปีใหม่ (รหัสเปลี่ยนทุกปี); วางไฟล์สแกนต้นฉบับ "
              f"{slug}-{version}.pdf ในโฟลเดอร์นี้ แล้วสั่ง python -m site_build.documents lock\n")
    body = yaml.safe_dump(fresh, allow_unicode=True, sort_keys=False, width=1000)
    new_dir.mkdir(parents=True)
    new_index = new_dir / "index.md"
    new_index.write_text("---\n" + header + body + "---\n" + split.body, encoding="utf-8")
    old_text, count = _STATUS_LINE.subn("status: superseded", text, count=1)
    if count:
        old_index.write_text(old_text, encoding="utf-8")
    return new_index


def _problem(where: str, th: str, en: str) -> Problem:
    return Problem(file=where, message_th=th, message_en=en,
                   fix_th="ตัวอย่าง: python -m site_build.documents new-version policy/no-gift/2566 2567",
                   code="new-version")
