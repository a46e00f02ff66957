"""``python -m site_build publish DEST [--rollback]``: the argparse wiring, kept out of site_build/cli.py."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from site_build.publish.releases import DEFAULT_KEEP, PublishError, publish, rollback
from site_build.publish.targets import parse_dest


def cmd_publish(args: argparse.Namespace) -> int:
    target = parse_dest(args.dest)
    try:
        if args.rollback:
            outcome = rollback(target, to=args.to)
        else:
            site = Path(args.site_dir) if args.site_dir else Path(args.root) / "site"
            outcome = publish(site.resolve(), target, keep=args.keep, force=args.force)
    except PublishError as exc:
        print(exc.render(), file=sys.stderr)
        return 1
    print(f"{target.describe()}: {outcome.message()}")
    return 0


def add_publish_command(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("publish", help="เผยแพร่ site/ เป็นรุ่นใหม่ไปยังโฟลเดอร์หรือ user@host:path แล้วสลับแบบ atomic "
                                       "(publish a release; --rollback to undo)")
    p.add_argument("dest", help="ปลายทาง เช่น /srv/learning-center หรือ deploy@web.example:/srv/learning-center")
    p.add_argument("--site-dir", help="โฟลเดอร์เว็บไซต์ที่สร้างแล้ว (default: site/)")
    p.add_argument("--keep", type=int, default=DEFAULT_KEEP, help=f"เก็บไว้กี่รุ่น (default {DEFAULT_KEEP})")
    p.add_argument("--force", action="store_true", help="เผยแพร่แม้เนื้อหาเหมือนรุ่นที่เผยแพร่อยู่")
    p.add_argument("--rollback", action="store_true", help="ย้อนกลับไปรุ่นก่อนหน้า (switch back to the previous release)")
    p.add_argument("--to", help="กับ --rollback: ชื่อรุ่นที่ต้องการ (a release name under releases/)")
    p.set_defaults(func=cmd_publish)
