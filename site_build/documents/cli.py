"""``python -m site_build.documents check | lock | new-version``: the staff's tools for documents.

- ``check``: validate every document, the lock file and the evidence data (no build needed).
- ``lock [--replace-sample]``: record the SHA-256 of new versions' originals in data/originals.lock.json.
- ``new-version policy/no-gift/2566 2567``: start the next version (the old one becomes superseded).

The functions ``cmd_check``, ``cmd_lock`` and ``cmd_new_version`` take parsed ``argparse`` arguments
with ``root`` (and the subcommand's own), so ``site_build.cli`` can mount them as subcommands.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path

from site_build.context import BANGKOK
from site_build.documents.evidence_index import load_indexes, unknown_codes
from site_build.documents.load import DocumentSet, load_documents
from site_build.documents.originals import LOCK_PATH, Lock, check_lock, read_lock, update_lock, write_lock
from site_build.documents.scaffold import new_version
from site_build.errors import Problem, ProblemsFound, format_problems
from site_build.thaidate import to_arabic_digits


def check_documents(root: Path) -> list[Problem]:
    """Every problem with documents, the lock and the evidence data (for ``site_build check`` too)."""
    problems: list[Problem] = []
    docs, lock = DocumentSet(), Lock()
    try:
        docs = load_documents(root / "content", root)
        problems += docs.warnings
    except ProblemsFound as exc:
        problems += exc.problems
    try:
        lock = read_lock(root / LOCK_PATH)
        problems += check_lock(docs.docs, lock) if docs.docs else []
    except ProblemsFound as exc:
        problems += exc.problems
    try:
        problems += unknown_codes(docs, load_indexes(root))
    except ProblemsFound as exc:
        problems += exc.problems
    return problems


def cmd_check(args: argparse.Namespace) -> int:
    problems = check_documents(Path(args.root).resolve())
    return _report(problems, "เอกสาร ทะเบียนต้นฉบับ และดัชนีหลักฐานถูกต้อง (documents, lock and evidence data OK)")


def cmd_lock(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    docs = load_documents(root / "content", root)
    lock = read_lock(root / LOCK_PATH)
    # the real date, not SITE_AS_OF: the page states when the checksum was recorded
    today = dt.datetime.now(BANGKOK).date()
    result = update_lock(docs.docs, lock, today, replace_sample=args.replace_sample)
    if result.problems:
        return _report(result.problems, "")
    write_lock(root / LOCK_PATH, result.lock)
    for key in result.added:
        print(f"บันทึกต้นฉบับใหม่: {key}")
    for key in result.replaced:
        print(f"แทนไฟล์ตัวอย่างด้วยต้นฉบับจริง: {key}")
    if not (result.added or result.replaced):
        print("ไม่มีต้นฉบับใหม่ (nothing to add)")
    else:
        print(f"อย่าลืม commit ไฟล์ {LOCK_PATH} พร้อมกับเอกสาร")
    return 0


def cmd_new_version(args: argparse.Namespace) -> int:
    root = Path(args.root).resolve()
    path = new_version(root / "content", args.ref, to_arabic_digits(args.version))
    print(f"สร้างเอกสารฉบับใหม่แล้ว: {path.relative_to(root).as_posix()}")
    print("ขั้นต่อไป: แก้ข้อความและส่วนหัวตามต้นฉบับที่ลงนาม วางไฟล์สแกนต้นฉบับในโฟลเดอร์เดียวกัน "
          "แล้วสั่ง python -m site_build.documents lock")
    return 0


def add_subcommands(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Mount the document tools on a parent parser's subcommands."""
    c = sub.add_parser("check", help="ตรวจเอกสาร ทะเบียนต้นฉบับ และดัชนีหลักฐาน (validate documents)")
    c.set_defaults(func=cmd_check)
    lock = sub.add_parser("lock", help="บันทึก SHA-256 ของต้นฉบับฉบับใหม่ (record originals of new versions)")
    lock.add_argument("--replace-sample", action="store_true",
                      help="แทนไฟล์ตัวอย่างด้วยต้นฉบับจริงที่ลงนามแล้ว (replace a sample placeholder)")
    lock.set_defaults(func=cmd_lock)
    new = sub.add_parser("new-version", help="เริ่มเอกสารฉบับใหม่ (start the next version of a document)")
    new.add_argument("ref", help="ฉบับเดิม เช่น policy/no-gift/2566")
    new.add_argument("version", help="ฉบับใหม่ (ปี พ.ศ.) เช่น 2567")
    new.set_defaults(func=cmd_new_version)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_build.documents",
                                     description="เครื่องมือเอกสารประกาศ นโยบาย และคำสั่ง (document tools)")
    parser.add_argument("--root", default=".", help="โฟลเดอร์โครงการ (project folder)")
    add_subcommands(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ProblemsFound as exc:
        return _report(exc.problems, "")


def _report(problems: Sequence[Problem], ok: str) -> int:
    errors = [p for p in problems if p.is_error]
    if problems:
        print(format_problems(problems), file=sys.stderr)
    if not errors and ok:
        print(ok)
    return 1 if errors else 0
