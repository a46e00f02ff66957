"""Regenerate the placeholder slide decks, content/knowledge/<manual>/slides.pdf, marked ตัวอย่าง on every page.

The office has not supplied slides yet; each manual's "ไฟล์ประกอบ" links a clearly marked sample so the
layout and the download work. Replace a file with the real deck when it arrives (same name, or change the
link). The PDFs are committed; run this only after adding a manual or renaming chapters. Needs the same
Thai font as make_og_default.py (Debian fonts-thai-tlwg) and Pillow with Raqm.
Usage: ``python3 scripts/make_manual_slides.py [--font-dir DIR] [--only SLUG]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_build.manuals import Manual, discover_manuals  # noqa: E402

WIDTH, HEIGHT = 1280, 720
FIXED_DATE = time.gmtime(1687219200)  # 2023-06-20 UTC: fixed, so regenerating an unchanged deck is byte-identical
BUREAU = "สำนักกรรมาธิการ ๒ สำนักงานเลขาธิการวุฒิสภา"


def font(font_dir: Path, bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "Laksaman-Bold.ttf" if bold else "Laksaman.ttf"
    return ImageFont.truetype(str(font_dir / name), size, layout_engine=ImageFont.Layout.RAQM)


def wrap(text: str, face: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Break at spaces (Thai separates phrases with spaces) so each line fits ``width``."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and face.getlength(candidate) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    return [*lines, current] if current else lines


def slide(font_dir: Path, heading: str, lines: list[str], page: int, total: int) -> Image.Image:
    image = Image.new("L", (WIDTH, HEIGHT), 255)
    draw = ImageDraw.Draw(image)
    stamp = font(font_dir, True, 44)
    draw.rectangle([WIDTH - 330, 30, WIDTH - 40, 110], outline=0, width=5)
    draw.text((WIDTH - 185, 70), "ตัวอย่าง", font=stamp, fill=0, anchor="mm")
    title = font(font_dir, True, 64)
    y = 200
    for line in wrap(heading, title, WIDTH - 160):
        draw.text((80, y), line, font=title, fill=0, anchor="ls")
        y += 84
    body = font(font_dir, False, 44)
    y += 20
    for text in lines:
        for line in wrap(text, body, WIDTH - 200):
            draw.text((100, y), line, font=body, fill=40, anchor="ls")
            y += 58
    small = font(font_dir, False, 32)
    draw.line([80, HEIGHT - 80, WIDTH - 80, HEIGHT - 80], fill=0, width=2)
    draw.text((80, HEIGHT - 40), BUREAU, font=small, fill=0, anchor="ls")
    draw.text((WIDTH - 80, HEIGHT - 40), f"{page}/{total}", font=small, fill=0, anchor="rs")
    return image


def deck(font_dir: Path, manual: Manual) -> list[Image.Image]:
    pages = [
        (manual.title, ["สไลด์ประกอบคู่มือ (ตัวอย่างแทนที่)"]),
        ("เนื้อหาในคู่มือ", [f"{n}. {c.title}" for n, c in enumerate(manual.chapters, 1)] or ["ภาพรวม"]),
        ("ไฟล์นี้เป็นตัวอย่าง", ["ยังไม่ใช่สไลด์ของสำนัก สำนักจะเผยแพร่สไลด์ฉบับจริงแทนไฟล์นี้เมื่อจัดทำแล้ว",
                                "อ่านคู่มือฉบับเต็มได้ที่เว็บไซต์ศูนย์เรียนรู้องค์กรคุณธรรมต้นแบบ"]),
    ]
    return [slide(font_dir, heading, lines, n, len(pages)) for n, (heading, lines) in enumerate(pages, 1)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font-dir", type=Path, default=Path("/usr/share/fonts/truetype/tlwg"))
    parser.add_argument("--content", type=Path, default=ROOT / "content")
    parser.add_argument("--only", help="one manual's folder name")
    args = parser.parse_args(argv)
    if not features.check("raqm") or not (args.font_dir / "Laksaman.ttf").exists():
        print("needs Pillow with Raqm and Laksaman.ttf (Debian: fonts-thai-tlwg)", file=sys.stderr)
        return 1
    manuals, _ = discover_manuals(args.content)
    for manual in manuals:
        if args.only and manual.slug != args.only:
            continue
        out = args.content / manual.folder / "slides.pdf"
        first, *rest = (page.point(lambda v: 255 if v > 140 else 0, mode="1") for page in deck(args.font_dir, manual))
        first.save(out, save_all=True, append_images=rest, resolution=96.0,
                   title=f"ตัวอย่าง: สไลด์ประกอบ {manual.title}", author=BUREAU, producer="make_manual_slides.py",
                   creationDate=FIXED_DATE, modDate=FIXED_DATE)
        print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out} {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
