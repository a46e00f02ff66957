"""Checksums of signed originals, and the lock file that makes a silent change impossible.

``data/originals.lock.json`` maps each document version (``policy/no-gift/2566``) to the SHA-256,
size and file name of its original. The build recomputes every checksum and fails when one differs
from the lock: a published original is never overwritten; a changed document is a new version.
Entries are only added (``python -m site_build.documents lock``); the one exception is replacing a
*sample* placeholder with the real signed scan (``lock --replace-sample``), which is recorded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from site_build.documents.model import Document
from site_build.errors import Problem, ProblemsFound
from site_build.textfile import read_text
from site_build.validate import validate_model
from site_build.yamlsrc import YamlError, load_yaml

LOCK_PATH = "data/originals.lock.json"
LOCK_COMMAND = "python -m site_build.documents lock"

Sha256 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]


def sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


class LockEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str
    bytes: int = Field(ge=0)
    sha256: Sha256
    sample: bool = False
    locked_on: dt.date
    replaced_sample_sha256: Sha256 | None = None


class LockFile(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    schema_version: int = 1
    about: str = ""
    originals: dict[str, LockEntry] = Field(default_factory=dict)


ABOUT = ("SHA-256 of each document version's signed original. Add entries with "
         f"`{LOCK_COMMAND}`; never edit a hash by hand: a changed original is a new version.")


@dataclass
class Lock:
    entries: dict[str, LockEntry] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)  # version id -> line in the lock file
    display: str = LOCK_PATH


def read_lock(path: Path, display: str = LOCK_PATH) -> Lock:
    """The lock file, or an empty lock when it does not exist yet; located problems otherwise."""
    if not path.exists():
        return Lock(display=display)
    try:
        loaded = load_yaml(read_text(path, display_name=display), display)
    except YamlError as exc:
        raise ProblemsFound(exc.problems) from None
    model, problems = validate_model(LockFile, loaded)
    if model is None or problems:
        raise ProblemsFound(problems)
    lines = {key: (loaded.where_key(("originals", key)) or (None, None))[0] or 1 for key in model.originals}
    return Lock(entries=dict(model.originals), lines=lines, display=display)


def write_lock(path: Path, lock: Lock) -> None:
    data = LockFile(schema_version=1, about=ABOUT, originals=dict(sorted(lock.entries.items())))
    text = json.dumps(data.model_dump(mode="json", exclude_none=True), ensure_ascii=False, indent=2) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def entry_for(doc: Document, today: dt.date) -> LockEntry:
    return LockEntry(file=doc.original.name, bytes=doc.original.size, sha256=doc.original.sha256,
                     sample=doc.meta.original.sample, locked_on=today)


def check_lock(docs: Iterable[Document], lock: Lock) -> list[Problem]:
    """Every document is locked, every lock entry still has its document, and no original changed."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for doc in docs:
        seen.add(doc.id)
        entry = lock.entries.get(doc.id)
        line = doc.where("original", "file") or doc.where("original")
        if entry is None:
            problems.append(Problem(
                file=doc.display, line=line,
                message_th=f"ต้นฉบับของเอกสาร {doc.id} ยังไม่ได้บันทึกลายนิ้วมือ (SHA-256) ใน {lock.display}",
                message_en=f"the original of {doc.id} is not recorded in {lock.display}",
                fix_th=f"สั่ง {LOCK_COMMAND} แล้ว commit ไฟล์ {lock.display} พร้อมกับเอกสารนี้",
                code="original-not-locked"))
            continue
        if entry.sha256 != doc.original.sha256 or entry.file != doc.original.name:
            what = "ชื่อไฟล์" if entry.file != doc.original.name else "เนื้อไฟล์ (SHA-256)"
            problems.append(Problem(
                file=doc.display, line=line,
                message_th=f"ต้นฉบับของเอกสาร {doc.id} ถูกเปลี่ยน: {what} ไม่ตรงกับที่บันทึกไว้ใน "
                           f"{lock.display} (บันทึก {entry.file} {entry.sha256[:12]}…, ปัจจุบัน "
                           f"{doc.original.name} {doc.original.sha256[:12]}…) ฉบับที่เผยแพร่แล้วห้ามแก้ไขทับ",
                message_en=f"the original of {doc.id} changed while its version stayed the same "
                           f"(locked {entry.file} sha256 {entry.sha256}, now {doc.original.name} "
                           f"sha256 {doc.original.sha256})",
                fix_th="นำไฟล์เดิมกลับมา หรือถ้าเป็นเอกสารฉบับใหม่ ให้สร้างฉบับใหม่ด้วย "
                       "python -m site_build.documents new-version (ดู README); ถ้าเป็นการแทนไฟล์ตัวอย่าง "
                       f"ด้วยต้นฉบับจริงที่ลงนามแล้ว ให้สั่ง {LOCK_COMMAND} --replace-sample",
                code="original-changed"))
    for key in sorted(set(lock.entries) - seen):
        problems.append(Problem(
            file=lock.display, line=lock.lines.get(key),
            message_th=f"เอกสารฉบับ {key} ถูกลบออก แต่ยังมีบันทึกใน {lock.display}: ฉบับเก่าต้องเก็บไว้เสมอ",
            message_en=f"document version {key} was removed; old versions must be kept",
            fix_th="นำโฟลเดอร์ของฉบับนั้นกลับมา แล้วเปลี่ยน status เป็น superseded หรือ withdrawn แทนการลบ",
            code="version-removed"))
    return problems


@dataclass
class LockUpdate:
    lock: Lock
    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def update_lock(docs: Iterable[Document], lock: Lock, today: dt.date, *, replace_sample: bool = False) -> LockUpdate:
    """Add entries for new versions; refuse to change an existing one unless it was a sample."""
    entries = dict(lock.entries)
    result = LockUpdate(lock=Lock(entries=entries, lines=dict(lock.lines), display=lock.display))
    for doc in docs:
        old = entries.get(doc.id)
        new = entry_for(doc, today)
        if old is None:
            entries[doc.id] = new
            result.added.append(doc.id)
        elif (old.sha256, old.file) == (new.sha256, new.file):
            continue
        elif replace_sample and old.sample:
            entries[doc.id] = new.model_copy(update={"replaced_sample_sha256": old.sha256})
            result.replaced.append(doc.id)
        else:
            reason = ("บันทึกเดิมไม่ใช่ไฟล์ตัวอย่าง" if old.sample is False else
                      f"ใช้ {LOCK_COMMAND} --replace-sample เมื่อแทนไฟล์ตัวอย่างด้วยต้นฉบับจริง")
            result.problems.append(Problem(
                file=doc.display, line=doc.where("original", "file"),
                message_th=f"ไม่บันทึกทับ: ต้นฉบับของ {doc.id} ต่างจากที่บันทึกไว้ ({reason})",
                message_en=f"refusing to change the locked original of {doc.id}",
                fix_th="สร้างเอกสารฉบับใหม่ด้วย python -m site_build.documents new-version แทนการแก้ไฟล์เดิม",
                code="original-changed"))
    return result
