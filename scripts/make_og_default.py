"""Regenerate the site's default sharing image, content/assets/images/og-default.png (1200×630).

Facebook and LINE show this picture when a page without its own photo is shared. The PNG is committed;
run this script only to change it. Thai needs a Thai font and complex-script layout: it uses Laksaman
(TLWG's libre Sarabun, Debian package fonts-thai-tlwg) through Pillow's Raqm layout engine, so tone marks
sit above their vowels. Usage: ``python3 scripts/make_og_default.py [--font-dir DIR] [--out FILE]``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, features

ROOT = Path(__file__).resolve().parent.parent
WIDTH, HEIGHT = 1200, 630
MAROON, MAROON_DARK, GOLD, WHITE = "#6d1a36", "#4d0f24", "#e0b04a", "#ffffff"
LINES = (  # (text, font weight, colour, largest size)
    ("ศูนย์เรียนรู้องค์กรคุณธรรมต้นแบบ", "Bold", WHITE, 88),
    ("สำนักกรรมาธิการ ๒", "Bold", GOLD, 72),
    ("สำนักงานเลขาธิการวุฒิสภา", "", WHITE, 56),
)
TAGLINE = "คุณธรรม · จริยธรรม · ความโปร่งใส · ต่อต้านการทุจริต"
# The site logo (assets/images/logo.svg, a 24-unit building) as polygons: roof, three columns, base.
LOGO = (
    [(12, 2), (2, 7), (2, 9), (22, 9), (22, 7)],
    [(5, 11), (8, 11), (8, 18), (5, 18)],
    [(10.5, 11), (13.5, 11), (13.5, 18), (10.5, 18)],
    [(16, 11), (19, 11), (19, 18), (16, 18)],
    [(2, 20), (22, 20), (22, 22), (2, 22)],
)


def font(font_dir: Path, weight: str, size: int) -> ImageFont.FreeTypeFont:
    name = f"Laksaman-{weight}.ttf" if weight else "Laksaman.ttf"
    return ImageFont.truetype(str(font_dir / name), size, layout_engine=ImageFont.Layout.RAQM)


def fitted(font_dir: Path, text: str, weight: str, largest: int, max_width: int) -> ImageFont.FreeTypeFont:
    """The largest size up to ``largest`` at which ``text`` fits in ``max_width`` pixels."""
    size = largest
    while size > 20:
        candidate = font(font_dir, weight, size)
        if candidate.getlength(text) <= max_width:
            return candidate
        size -= 2
    return font(font_dir, weight, size)


def draw_logo(draw: ImageDraw.ImageDraw, left: int, top: int, scale: float, colour: str) -> None:
    for shape in LOGO:
        draw.polygon([(left + x * scale, top + y * scale) for x, y in shape], fill=colour)


def make(font_dir: Path) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), MAROON)
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, HEIGHT - 110, WIDTH, HEIGHT], fill=MAROON_DARK)
    draw.rectangle([0, HEIGHT - 118, WIDTH, HEIGHT - 110], fill=GOLD)
    draw_logo(draw, 76, 44, 4.0, GOLD)
    left, baseline, max_width = 80, 250, WIDTH - 160
    for text, weight, colour, largest in LINES:  # Thai needs ~1.3 line height for stacked marks
        face = fitted(font_dir, text, weight, largest, max_width)
        draw.text((left, baseline), text, font=face, fill=colour, anchor="ls")
        baseline += int(face.size * 1.3)
    tagline = fitted(font_dir, TAGLINE, "", 46, max_width)
    draw.text((left, HEIGHT - 42), TAGLINE, font=tagline, fill=WHITE, anchor="ls")
    return image


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--font-dir", type=Path, default=Path("/usr/share/fonts/truetype/tlwg"))
    parser.add_argument("--out", type=Path, default=ROOT / "content/assets/images/og-default.png")
    args = parser.parse_args(argv)
    if not features.check("raqm"):
        print("Pillow has no Raqm layout engine: Thai tone marks would be misplaced. "
              "Install libraqm (Debian: libraqm0) and retry.", file=sys.stderr)
        return 1
    if not (args.font_dir / "Laksaman.ttf").exists():
        print(f"Laksaman.ttf not found in {args.font_dir} (Debian: apt-get install fonts-thai-tlwg)", file=sys.stderr)
        return 1
    image = make(args.font_dir).quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    image.save(args.out, optimize=True)
    print(f"{args.out} {image.size[0]}×{image.size[1]} {args.out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
