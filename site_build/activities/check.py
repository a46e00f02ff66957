"""``check`` for write-ups: every front-matter, reference and photo problem, without processing photos.

Photos are only opened far enough to read their header (type and size), so the check stays fast
on a laptop with hundreds of 12 MP photos; the build's pipeline does the full decoding.
"""

from __future__ import annotations

import dataclasses
import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from site_build.activities.load import load_activities
from site_build.errors import Problem
from site_build.photos import MAX_REDUCED_PIXELS
from site_build.photos import problems as photo_problems
from site_build.photos.decode import pixel_limit
from site_build.photos.pipeline import SUFFIX_FORMATS
from site_build.photos.problems import PhotoFailure
from site_build.plan.model import Plan
from site_build.plan.years import PlanSet

try:  # iPhone HEIC: the pipeline registers the same opener
    import pillow_heif

    pillow_heif.register_heif_opener()
except ImportError:  # pragma: no cover - declared dependency
    pass

READABLE_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "GIF", "HEIF"})
HOW_TO_EXPORT = ("บันทึกรูปจากโทรศัพท์เป็นไฟล์ JPEG (.jpg) ใหม่ แล้วคัดลอกมาแทน "
                 "(iPhone: การตั้งค่า > กล้อง > รูปแบบ > เข้ากันได้มากที่สุด)")


def check_activities(content_dir: Path, plan: Plan | PlanSet, *, display_root: Path) -> list[Problem]:
    """Every problem with the write-ups (errors and warnings), sorted by file and line."""
    writeups, problems = load_activities(content_dir, plan, display_root=display_root)
    for writeup in writeups:
        for name, path in writeup.photo_files.items():
            problem = probe_photo(path, writeup.display, writeup.photo_lines.get(name), name)
            if problem is not None:
                problems.append(problem)
            else:
                problems.extend(photo_notices(path, writeup.display, writeup.photo_lines.get(name), name))
    return sorted(problems)


def photo_notices(path: Path, file: str, line: int | None, name: str) -> list[Problem]:
    """The notices the build's photo pipeline gives (a PNG named .jpg, an animated GIF), so check shows them too."""
    found: list[PhotoFailure] = []
    try:
        with Image.open(path) as im:
            fmt = im.format or ""
            frames = getattr(im, "n_frames", 1) if fmt in ("GIF", "WEBP") else 1
    except Exception:  # unreadable files are reported by probe_photo
        return []
    suffix = path.suffix.lower()
    if fmt not in SUFFIX_FORMATS.get(suffix, {fmt}):
        found.append(photo_problems.format_mismatch(fmt, path.suffix))
    if frames > 1:
        found.append(photo_problems.animated_first_frame(fmt, frames))
    return [dataclasses.replace(f.at(file), line=line, path=f"photos: {name}") for f in found]


def probe_photo(path: Path, file: str, line: int | None, name: str, *,
                max_pixels: int = MAX_REDUCED_PIXELS) -> Problem | None:
    """Open the header only: unknown or fake image files and absurd sizes are named with the line that lists them."""

    def problem(th: str, en: str, fix: str, code: str) -> Problem:
        return Problem(file=file, line=line, message_th=th, message_en=en, fix_th=fix, path=f"photos: {name}",
                       code=code)

    try:
        if path.stat().st_size == 0:
            return problem(f"ไฟล์รูป '{name}' ว่างเปล่า (0 ไบต์)", f"photo '{name}' is empty",
                           "คัดลอกรูปจากโทรศัพท์มาใหม่", "photo-empty")
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as im:
                fmt, (width, height) = im.format or "", im.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        return problem(f"รูป '{name}' มีขนาดใหญ่ผิดปกติ", f"photo '{name}' is absurdly large (decompression bomb?)",
                       "ย่อรูปให้เล็กลง (ไม่เกิน 200 ล้านพิกเซล) แล้วบันทึกเป็น JPEG", "photo-too-large")
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        return problem(f"เปิดไฟล์ '{name}' เป็นรูปภาพไม่ได้ (ไฟล์เสีย หรือไม่ใช่ไฟล์รูป)",
                       f"'{name}' cannot be read as an image: {exc}", HOW_TO_EXPORT, "photo-unreadable")
    if fmt not in READABLE_FORMATS:
        return problem(f"ไฟล์ '{name}' เป็นรูปชนิด {fmt} ซึ่งเว็บไซต์ไม่รองรับ", f"'{name}' is {fmt}, not supported",
                       HOW_TO_EXPORT, "photo-format")
    max_pixels = pixel_limit(fmt, max_pixels)  # the build's own per-format limit: one verdict
    if width * height > max_pixels:
        return problem(f"รูป '{name}' ใหญ่เกินไป ({width}×{height} พิกเซล)",
                       f"photo '{name}' is too large ({width}x{height} pixels)",
                       f"ย่อรูปให้ไม่เกิน {max_pixels // 1_000_000} ล้านพิกเซล แล้วบันทึกเป็น JPEG", "photo-too-large")
    return None
