"""Open a photo safely and hand back upright sRGB RGB pixels, as small as the outputs allow.

Order matters: the header is checked against the pixel limit before anything is decoded; JPEGs
are then ``draft()``-ed to the smallest DCT scale that still serves the largest output (in the file's
stored axes, since EXIF rotation is applied after decoding); only then are pixels decoded, rotated
upright and converted to sRGB. Embedded ICC profiles are converted to sRGB and then dropped: browsers
treat untagged images as sRGB, and an sRGB profile would add about 600 bytes to every rendition for
nothing.
"""

from __future__ import annotations

import functools
import io
import re
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from site_build.photos import problems
from site_build.photos.geometry import decode_target, oriented_size
from site_build.photos.problems import PhotoError, PhotoFailure
from site_build.photos.settings import MAX_PIXELS, MAX_REDUCED_PIXELS

try:  # HEIC/HEIF from iPhones; optional so a missing wheel gives a clear refusal, not an ImportError
    import pillow_heif

    pillow_heif.register_heif_opener()
    HEIF_AVAILABLE = True
except ImportError:  # pragma: no cover - pillow-heif is a declared dependency
    HEIF_AVAILABLE = False

# Pillow's own guard: warn above this many pixels and fail at twice it. The warning is turned into an
# error around every open/load below, so both thresholds refuse. Set to the largest per-format limit; the
# header check in :func:`decode` applies each format's own limit before anything is decoded.
Image.MAX_IMAGE_PIXELS = MAX_REDUCED_PIXELS

ACCEPTED_FORMATS = frozenset({"JPEG", "MPO", "PNG", "WEBP", "GIF", "HEIF"})
OPEN_FORMATS = ("JPEG", "PNG", "WEBP", "GIF", "HEIF")
DRAFTABLE = frozenset({"JPEG", "MPO"})
BIG_OK = DRAFTABLE | {"HEIF"}  # up to MAX_REDUCED_PIXELS; other formats up to MAX_PIXELS


def pixel_limit(fmt: str, max_pixels: int) -> int:
    """The most pixels accepted for ``fmt``: formats decoded at full size keep the lower limit."""
    return min(max_pixels, MAX_REDUCED_PIXELS if fmt in BIG_OK else MAX_PIXELS)
WHITE = (255, 255, 255)
_SRGB = ImageCms.createProfile("sRGB")
_ORIENTATION_TAG = 0x0112
_BOMB_PIXELS = re.compile(r"\((\d+) pixels\)")
_HEIF_BRANDS = (b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1", b"avif")


def sniff_kind(head: bytes) -> str:
    """What a non-image file probably is, for the error message ("" when unknown)."""
    start = head[:1024].lstrip().lower()
    if is_svg(head):
        return "SVG"
    if start.startswith(b"%pdf"):
        return "PDF"
    if start.startswith((b"<!doctype html", b"<html")):
        return "HTML"
    if head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS:
        return "HEIC/HEIF"
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return "TIFF"
    if head.startswith(b"BM"):
        return "BMP"
    try:
        head[:1024].decode("utf-8")
    except UnicodeDecodeError:
        return ""
    return "text"


def is_svg(head: bytes) -> bool:
    start = head[:1024].lstrip().lower()
    return start.startswith(b"<svg") or (start.startswith(b"<?xml") and b"<svg" in start)


def is_heif(head: bytes) -> bool:
    return head[4:8] == b"ftyp" and head[8:12] in _HEIF_BRANDS


@dataclass
class Decoded:
    """Upright sRGB RGB pixels plus what the outputs need to know about the source."""

    image: Image.Image
    width: int  # source width after orientation, before any draft
    height: int
    format: str
    notes: list[PhotoFailure] = field(default_factory=list)


def _read_orientation(im: Image.Image) -> int | None:
    try:
        value = im.getexif().get(_ORIENTATION_TAG)
    except Exception:  # unreadable EXIF: treat as upright rather than refuse the photo
        return None
    return value if isinstance(value, int) and 1 <= value <= 8 else None


def _bomb(exc: Exception) -> PhotoFailure:
    """Pillow's own bomb guard fired while reading the header; its message carries the pixel count."""
    found = _BOMB_PIXELS.search(str(exc))
    pixels = int(found.group(1)) if found else None
    return problems.too_large(None, None, Image.MAX_IMAGE_PIXELS or MAX_REDUCED_PIXELS, pixels=pixels)


def _open(data: bytes, suffix: str) -> Image.Image:
    head = data[:4096]
    if is_svg(head):
        raise PhotoError(problems.svg_refused())
    try:
        return Image.open(io.BytesIO(data), formats=OPEN_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoError(_bomb(exc)) from exc
    except MemoryError:
        raise
    except UnidentifiedImageError as exc:
        if is_heif(head):
            detail = "pillow-heif is not installed" if not HEIF_AVAILABLE else "not a decodable HEIF file"
            raise PhotoError(problems.heic_undecodable(detail)) from exc
        raise PhotoError(problems.not_an_image(sniff_kind(head), suffix)) from exc
    except Exception as exc:  # malformed headers raise many types (OSError, SyntaxError, ValueError ...)
        if is_heif(head):
            raise PhotoError(problems.heic_undecodable(str(exc))) from exc
        raise PhotoError(problems.truncated(f"{type(exc).__name__}: {exc}")) from exc


def _load(im: Image.Image) -> None:
    try:
        im.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise PhotoError(_bomb(exc)) from exc
    except MemoryError:
        raise
    except Exception as exc:
        if im.format == "HEIF":
            raise PhotoError(problems.heic_undecodable(str(exc))) from exc
        raise PhotoError(problems.truncated(f"{type(exc).__name__}: {exc}")) from exc


def _flatten(im: Image.Image, base_mode: str) -> Image.Image:
    """Composite straight alpha onto white: photos have no transparency on a page."""
    alpha = im.getchannel("A")
    background = Image.new(base_mode, im.size, WHITE if base_mode == "RGB" else 255)
    background.paste(im.convert(base_mode), mask=alpha)
    return background


def _sixteen_to_eight(im: Image.Image) -> Image.Image:
    """Scale 16-bit greyscale to 8 bits (Pillow's convert would clip everything above 255 to white)."""
    if im.mode != "I":
        im = im.convert("I")
    return im.point(lambda v: v * (1 / 256)).convert("L")


# 6x6x6 colour grid: if a profile maps all of these to themselves (within rounding) it is sRGB in all
# but name, and converting the full image would only cost time (about 0.1 s per 3 MP).
_PROBE = Image.frombytes(
    "RGB", (216, 1), bytes(v for r in range(6) for g in range(6) for b in range(6) for v in (51 * r, 51 * g, 51 * b))
)


@functools.lru_cache(maxsize=16)
def _transform_to_srgb(icc: bytes, mode: str) -> ImageCms.ImageCmsTransform | None:
    """A transform from the embedded profile to sRGB, or None when it would change nothing.

    Judged by what the profile does, not by its name: a profile may be called "sRGB" and not be.
    """
    profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
    transform = ImageCms.buildTransform(profile, _SRGB, mode, "RGB")
    if mode == "RGB":
        probed = ImageCms.applyTransform(_PROBE, transform)
        assert probed is not None
        if max(abs(a - b) for a, b in zip(probed.tobytes(), _PROBE.tobytes(), strict=True)) <= 1:
            return None
    return transform


def to_srgb(im: Image.Image) -> tuple[Image.Image, list[PhotoFailure]]:
    """Any Pillow mode plus optional ICC profile -> plain sRGB ``RGB`` without metadata."""
    notes: list[PhotoFailure] = []
    icc = im.info.get("icc_profile")
    if im.mode in ("I", "I;16", "I;16L", "I;16B", "I;16N"):
        im = _sixteen_to_eight(im)
    elif im.mode == "F":
        im = im.convert("L")
    if im.mode in ("P", "PA"):
        im = im.convert("RGBA" if im.mode == "PA" or "transparency" in im.info else "RGB")
    elif im.mode == "1":
        im = im.convert("L")
    if im.mode in ("LA", "La"):
        im = _flatten(im.convert("LA"), "L")
    elif im.mode in ("RGBA", "RGBa"):
        im = _flatten(im.convert("RGBA"), "RGB")
    if im.mode not in ("L", "RGB", "CMYK"):
        im = im.convert("RGB")
    if icc:
        try:
            transform = _transform_to_srgb(bytes(icc), im.mode)
            if transform is not None:
                converted = ImageCms.applyTransform(im, transform)
                if converted is not None:
                    im = converted
        except (ImageCms.PyCMSError, OSError, ValueError) as exc:
            notes.append(problems.icc_ignored(str(exc)))
    if im.mode != "RGB":
        im = im.convert("RGB")
    im.info = {}
    return im, notes


def decode(
    data: bytes,
    suffix: str,
    *,
    max_pixels: int,
    needs: Callable[[tuple[int, int]], Sequence[tuple[int, int]]],
) -> Decoded:
    """Bytes -> upright sRGB pixels at the smallest scale that serves ``needs(oriented_size)``.

    Raises :class:`PhotoError` for every refusal; never returns a half-decoded image.
    """
    if not data:
        raise PhotoError(problems.empty_file())
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        im = _open(data, suffix)
        fmt = im.format or "?"
        if fmt not in ACCEPTED_FORMATS:
            raise PhotoError(problems.unsupported_format(fmt))
        width, height = im.size
        limit = pixel_limit(fmt, max_pixels)
        if width * height > limit:  # from the header: nothing has been allocated yet
            raise PhotoError(problems.too_large(width, height, limit))
        notes: list[PhotoFailure] = []
        frames = getattr(im, "n_frames", 1) if fmt in ("GIF", "WEBP") else 1
        if frames > 1:
            notes.append(problems.animated_first_frame(fmt, frames))
        orientation = _read_orientation(im)
        oriented = oriented_size(im.size, orientation)
        if fmt in DRAFTABLE:
            im.draft(None, decode_target(oriented, orientation, needs(oriented)))
        _load(im)
    if orientation is not None and orientation != 1:
        im = ImageOps.exif_transpose(im)
    image, colour_notes = to_srgb(im)
    return Decoded(image=image, width=oriented[0], height=oriented[1], format=fmt, notes=notes + colour_notes)
