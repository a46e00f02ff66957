"""Write clearly-marked SAMPLE placeholder PDFs for documents whose signed scan is not available yet.

The real signed originals of the bundled documents are not in the repository. For every document
whose front matter says ``original.sample: true`` and whose original file is missing, this script
draws a one-page A4 PDF saying "ตัวอย่าง – ไม่ใช่ต้นฉบับจริง" (SAMPLE – NOT THE SIGNED ORIGINAL) with
the document's title. Existing files are never overwritten (their SHA-256 is locked); output is
deterministic (no timestamps in the PDF). Then run ``python -m site_build.documents lock``.

    python scripts/make_sample_originals.py [--root .]
"""

from __future__ import annotations

import argparse
import textwrap
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from site_build.documents.load import split_front_matter
from site_build.documents.model import KIND_DIRS, DocumentMeta
from site_build.textfile import read_text
from site_build.validate import validate_model
from site_build.yamlsrc import load_yaml

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/tlwg/Garuda.ttf",
    "/usr/share/fonts/truetype/tlwg/Loma.ttf",
    "/usr/share/fonts/truetype/noto/NotoSansThai-Regular.ttf",
)
A4 = (595, 842)  # points at 72 dpi


def _font(root: Path, size: int) -> ImageFont.FreeTypeFont:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return ImageFont.truetype(candidate, size)
    # the site's own Thai subset (no Latin glyphs): the text below is Thai-only for this reason
    return ImageFont.truetype(str(root / "content/assets/fonts/sarabun-thai-400-normal.woff2"), size)


def draw_sample(title: str, root: Path) -> Image.Image:
    image = Image.new("L", A4, 255)
    draw = ImageDraw.Draw(image)
    big, small = _font(root, 30), _font(root, 16)
    draw.rectangle((20, 20, A4[0] - 20, A4[1] - 20), outline=0, width=4)
    draw.text((A4[0] // 2, 90), "ตัวอย่าง", font=_font(root, 64), fill=0, anchor="mm")
    draw.text((A4[0] // 2, 150), "ไม่ใช่ต้นฉบับจริง", font=big, fill=0, anchor="mm")
    y = 230
    for line in textwrap.wrap(title, width=38):
        draw.text((50, y), line, font=small, fill=0)
        y += 26
    y += 30
    for line in ("ไฟล์นี้สร้างขึ้นแทนไฟล์สแกนต้นฉบับที่ลงนามแล้ว ซึ่งยังไม่มีในเว็บไซต์",
                 "เพื่อแสดงรูปแบบการเผยแพร่และการตรวจสอบค่า SHA-256 เท่านั้น",
                 "สำนักกรรมาธิการ ๒ ต้องนำไฟล์สแกนต้นฉบับจริงมาแทน"):
        draw.text((50, y), line, font=small, fill=0)
        y += 26
    draw.text((A4[0] // 2, A4[1] - 60), "SAMPLE - NOT THE SIGNED ORIGINAL", font=small, fill=0, anchor="mm")
    return image


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".")
    root = Path(parser.parse_args().root).resolve()
    content = root / "content"
    written = 0
    for kind_dir in KIND_DIRS.values():
        for index in sorted((content / kind_dir).glob("*/*/index.md")):
            meta = _meta(index)
            if meta is None or not meta.original.sample:
                continue
            target = index.parent / meta.original.file
            if target.exists():
                continue  # never overwrite: its SHA-256 is locked
            image = draw_sample(meta.title, root)
            image.save(target, "PDF", resolution=72.0, creationDate=None, modDate=None, title=None)
            print(f"wrote {target.relative_to(root).as_posix()} ({target.stat().st_size} bytes)")
            written += 1
    print(f"{written} sample original(s) written; next: python -m site_build.documents lock")
    return 0


def _meta(index: Path) -> DocumentMeta | None:
    split = split_front_matter(read_text(index), index.as_posix())
    meta, _ = validate_model(DocumentMeta, load_yaml(split.yaml_text, index.as_posix(), line_offset=1))
    return meta


if __name__ == "__main__":
    raise SystemExit(main())
