"""The one command staff and CI use: ``python -m site_build build | serve | check | new``.

Messages are Thai first; every problem names its file and line (see site_build.errors).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from site_build.context import resolve_as_of
from site_build.documents.cli import add_subcommands
from site_build.errors import Problem, ProblemsFound, Severity, format_problems
from site_build.publish.cli import add_publish_command
from site_build.thaidate import to_arabic_digits


def _root(args: argparse.Namespace) -> Path:
    return Path(args.root).resolve()


def _as_of(value: str | None) -> None:
    if value:
        os.environ["SITE_AS_OF"] = resolve_as_of(to_arabic_digits(value)).isoformat()


def cmd_build(args: argparse.Namespace) -> int:
    from site_build.build import build_site

    _as_of(args.as_of)
    site = build_site(_root(args), site_dir=Path(args.site_dir).resolve() if args.site_dir else None,
                      preview=args.preview)
    print(f"สร้างเว็บไซต์เสร็จแล้วที่ {site} (site built)")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    _as_of(args.as_of)
    serve(config_file=str(_root(args) / "mkdocs.yml"), dev_addr=args.dev_addr, livereload=True)
    return 0


def cmd_edit(args: argparse.Namespace) -> int:
    from site_build.editor.local import editing_session

    with editing_session(_root(args), port=args.editor_port, allow_dirty=args.allow_dirty) as server:
        print(f"ตัวแก้ไขเนื้อหา: http://{args.dev_addr}/admin/ (decap-server {server.origin}; กด Ctrl-C เพื่อหยุด)")
        return cmd_serve(args)


def cmd_check(args: argparse.Namespace) -> int:
    from site_build.checkall import check_all

    problems = check_all(_root(args))
    if args.format == "github":  # annotations on stdout + Thai table in $GITHUB_STEP_SUMMARY
        from site_build.ci.annotations import emit_github
        emit_github(problems)
    return _report(problems, ok="ไม่พบปัญหา เนื้อหาพร้อมเผยแพร่ (no problems found)")


def cmd_new(args: argparse.Namespace) -> int:
    from site_build.activities.scaffold import choose_day, parse_day, scaffold, today_bangkok
    from site_build.plan.years import load_plans

    root = _root(args)
    plans = load_plans(root)
    item = to_arabic_digits(args.item)
    chosen = ""
    if args.date:
        day = parse_day(args.date)
        plan = plans.for_date(day) or plans.latest  # no plan for that year: `check` then warns about the date
    else:
        plan, day, chosen = choose_day(plans, item, today_bangkok())
    path = scaffold(root / "content", plan, item, title=args.title, day=day, slug=args.slug)
    print(f"สร้างไฟล์บันทึกกิจกรรมแล้ว: {path.relative_to(root).as_posix()}")
    if chosen:
        print(f"วันที่จัดกิจกรรม: {chosen} ถ้าไม่ใช่วันจริง ให้สั่งใหม่พร้อม --date ปปปป-ดด-วว "
              "หรือแก้ date ในไฟล์และชื่อโฟลเดอร์ให้ตรงกัน")
    print("ขั้นต่อไป: ใส่รูปภาพไว้ในโฟลเดอร์เดียวกัน แก้ไขไฟล์ index.md แล้วสั่ง python -m site_build check")
    return 0


def cmd_plan_new_year(args: argparse.Namespace) -> int:
    from site_build.plan.newyear import new_year

    result = new_year(_root(args))
    print(result.summary_th())
    return 0


def _report(problems: Sequence[Problem], *, ok: str) -> int:
    """Errors fail (exit 1); notices and acknowledged notices are listed and pass, as in the build."""
    errors = [p for p in problems if p.is_error]
    notices = [p for p in problems if p.is_notice]
    acked = [p for p in problems if p.severity is Severity.ACKNOWLEDGED]
    if problems:
        print(format_problems(problems), file=sys.stderr)
        print(f"\nพบข้อผิดพลาด {len(errors)} รายการ ข้อสังเกต {len(notices)} รายการ และรายการที่รับทราบแล้ว "
              f"{len(acked)} รายการ ({len(errors)} error(s), {len(notices)} notice(s), "
              f"{len(acked)} acknowledged)", file=sys.stderr)
    if not errors and ok:
        print(ok if not notices else ok + " — โปรดอ่านข้อสังเกตด้านบน (see the notices above)")
    return 1 if errors else 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m site_build",
                                description="เครื่องมือสร้างเว็บไซต์ศูนย์เรียนรู้ (learning-center site tools)")
    p.add_argument("--root", default=".", help="โฟลเดอร์โครงการ (project folder; default: current)")
    sub = p.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="สร้างเว็บไซต์ทั้งหมด (strict build + search index, atomic)")
    b.add_argument("--site-dir", help="โฟลเดอร์ผลลัพธ์ (default: site/)")
    b.add_argument("--as-of", help="วันที่อ้างอิงสถานะ YYYY-MM-DD (default: today in Bangkok)")
    b.add_argument("--preview", action="store_true",
                   help="ฉบับตัวอย่างเปิดจากไฟล์ได้โดยไม่ต้องมีเว็บเซิร์ฟเวอร์ (links end in index.html; not for publishing)")
    b.set_defaults(func=cmd_build)
    s = sub.add_parser("serve", help="เปิดดูเว็บไซต์ระหว่างแก้ไข (live preview)")
    s.add_argument("--dev-addr", default="127.0.0.1:8000")
    s.add_argument("--as-of")
    s.set_defaults(func=cmd_serve)
    e = sub.add_parser("edit", help="เปิดตัวแก้ไขเนื้อหาในเบราว์เซอร์กับ clone ในเครื่อง (preview + decap-server)")
    e.add_argument("--dev-addr", default="127.0.0.1:8000")
    e.add_argument("--editor-port", type=int, default=8081, help="พอร์ตของ decap-server (default 8081)")
    e.add_argument("--allow-dirty", action="store_true", help="เริ่มแม้มีไฟล์ที่ยังไม่ได้ commit")
    e.add_argument("--as-of")
    e.set_defaults(func=cmd_edit)
    c = sub.add_parser("check", help="ตรวจเนื้อหาทั้งหมดและอธิบายปัญหาเป็นภาษาไทย (validate all content)")
    c.add_argument("--format", choices=["text", "github"], default="text",
                   help="github: แสดงปัญหาเป็น annotation และตารางสรุปใน GitHub Actions")
    c.set_defaults(func=cmd_check)
    n = sub.add_parser("new", help="สร้างบันทึกกิจกรรมใหม่จากแม่แบบ (scaffold an activity write-up)")
    n.add_argument("--item", required=True, help="รหัสกิจกรรมในแผน เช่น 1.6.1 (plan item id)")
    n.add_argument("--slug", help="ชื่อโฟลเดอร์ภาษาอังกฤษ เช่น honour-good-people (ASCII slug)")
    n.add_argument("--title", help="ชื่อกิจกรรม (title)")
    n.add_argument("--date", help="วันที่จัดกิจกรรม YYYY-MM-DD ปี ค.ศ. (default: วันนี้ถ้าอยู่ในปีของแผน "
                                  "มิฉะนั้นกำหนดส่งแรกของกิจกรรม; today if inside the plan year, else the item's "
                                  "first deadline)")
    n.set_defaults(func=cmd_new)
    pl = sub.add_parser("plan", help="แผนบูรณาการ: เริ่มปีงบประมาณใหม่ (plan tools)")
    plan_sub = pl.add_subparsers(dest="plan_command", required=True)
    ny = plan_sub.add_parser("new-year", help="ย้ายแผนปัจจุบันเข้าคลัง plans/<ปี>.yml และร่างแผนปีถัดไป "
                                              "(archive plan.yml, draft next year's plan)")
    ny.set_defaults(func=cmd_plan_new_year)
    d = sub.add_parser("documents", help="ประกาศ นโยบาย คำสั่ง: ตรวจ บันทึก SHA-256 เริ่มฉบับใหม่ (document tools)")
    add_subcommands(d.add_subparsers(dest="documents_command", required=True))
    add_publish_command(sub)
    return p


def _ours_or_warning(record: logging.LogRecord) -> bool:
    """MkDocs' own info chatter stays quiet; our notices (info level, so --strict passes) are shown."""
    return record.levelno >= logging.WARNING or record.name.endswith("learning-center")


def _show_engine_messages() -> None:
    """MkDocs reports through logging; show its warnings and errors when we run it in-process."""
    engine = logging.getLogger("mkdocs")
    if not engine.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler.setLevel(logging.INFO)
        handler.addFilter(_ours_or_warning)
        engine.addHandler(handler)
        engine.setLevel(logging.INFO)


def main(argv: Sequence[str] | None = None) -> int:
    from mkdocs.exceptions import MkDocsException

    args = parser().parse_args(argv)
    # Material's end-of-life banner is for developers (see README); staff output stays about their content.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    _show_engine_messages()
    try:
        return int(args.func(args))
    except ProblemsFound as exc:
        return _report(exc.problems, ok="")
    except MkDocsException as exc:
        print(f"สร้างเว็บไซต์ไม่สำเร็จ เว็บไซต์เดิมยังอยู่ครบ (build failed; the previous site is untouched): {exc}",
              file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
