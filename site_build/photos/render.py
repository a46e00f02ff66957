"""One photo in, its cache folder out. This is what runs in the worker processes.

:func:`render_job` is the pool's entry point: a module-level function taking and returning plain,
picklable values. It never raises: refusals and unexpected errors come back as a
:class:`~site_build.photos.problems.PhotoFailure`, so one bad file can neither hang the pool nor
crash it while pickling an exotic exception.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PIL import Image, ImageOps

from site_build.photos import problems
from site_build.photos.cache import (
    Manifest,
    atomic_write,
    cache_key,
    hash_bytes,
    key_dir_name,
    load_manifest,
    write_manifest,
)
from site_build.photos.decode import decode
from site_build.photos.geometry import Focus, centering, effective_focus, layout
from site_build.photos.problems import PhotoError, PhotoFailure
from site_build.photos.settings import PhotoSettings

RESAMPLE = Image.Resampling.LANCZOS


@dataclass(frozen=True)
class Job:
    path: str
    cache_dir: str
    settings: PhotoSettings
    focus: Focus | None = None  # the staff's ``focus:``; None = the default for the photo's shape


@dataclass(frozen=True)
class Outcome:
    path: str
    manifest: dict[str, Any] | None = None
    failure: PhotoFailure | None = None


def encode_jpeg(im: Image.Image, quality: int) -> bytes:
    """Progressive, Huffman-optimised baseline-compatible JPEG; no EXIF, XMP, ICC or comment."""
    im.info = {}
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=quality, optimize=True, progressive=True)
    return buf.getvalue()


def encode_webp(im: Image.Image, quality: int, method: int) -> bytes:
    im.info = {}
    buf = io.BytesIO()
    im.save(buf, "WEBP", quality=quality, method=method)
    return buf.getvalue()


def _smallest_covering(images: list[Image.Image], size: tuple[int, int]) -> Image.Image:
    """The smallest already-made image that a centre crop to ``size`` can come from without upscaling."""
    fitting = [im for im in images if im.width >= size[0] and im.height >= size[1]]
    return min(fitting, key=lambda im: im.width * im.height) if fitting else images[0]


class _Writer:
    """Encodes and writes one key folder's files, remembering what it wrote for the manifest."""

    def __init__(self, folder: Path, settings: PhotoSettings) -> None:
        self.folder = folder
        self.settings = settings
        self.files: list[dict[str, Any]] = []

    def _add(self, name: str, kind: str, im: Image.Image, mime: str, data: bytes) -> None:
        atomic_write(self.folder / name, data)
        self.files.append(
            {"name": name, "kind": kind, "width": im.width, "height": im.height, "mime": mime, "size": len(data)}
        )

    def webp(self, name: str, kind: str, im: Image.Image) -> None:
        data = encode_webp(im, self.settings.webp_quality, self.settings.webp_method)
        self._add(f"{name}.webp", kind, im, "image/webp", data)

    def jpeg(self, name: str, kind: str, im: Image.Image) -> None:
        self._add(f"{name}.jpg", kind, im, "image/jpeg", encode_jpeg(im, self.settings.jpeg_quality))


def render_bytes(data: bytes, suffix: str, cache_dir: Path, settings: PhotoSettings,
                 focus: Focus | None = None) -> Manifest:
    """Decode once, write every rendition and crop, then the manifest. Reuses a complete folder.

    The cover and share crops keep ``focus`` in view (see :func:`~site_build.photos.geometry.effective_focus`).
    """
    key = cache_key(hash_bytes(data), settings.fingerprint(), focus)
    existing = load_manifest(cache_dir, key)
    if existing is not None:  # an identical photo elsewhere, or a concurrent build, got here first
        return existing

    def needs(oriented: tuple[int, int]) -> list[tuple[int, int]]:
        sizes, cover, share = layout(*oriented, settings.widths, settings.cover_size, settings.share_size)
        return [*sizes, cover, share]

    decoded = decode(data, suffix, max_pixels=settings.max_pixels, needs=needs)
    sizes, cover, share = layout(
        decoded.width, decoded.height, settings.widths, settings.cover_size, settings.share_size
    )
    writer = _Writer(cache_dir / key_dir_name(key), settings)
    made: list[Image.Image] = [decoded.image]
    current = decoded.image
    for w, h in sorted(sizes, reverse=True):  # largest first; each smaller one from the previous
        im = current if current.size == (w, h) else current.resize((w, h), RESAMPLE)
        writer.webp(str(w), "width", im)
        writer.jpeg(str(w), "width", im)
        made.append(im)
        current = im
    where = effective_focus(decoded.width, decoded.height, focus)
    cover_im = ImageOps.fit(_smallest_covering(made, cover), cover, RESAMPLE, centering=centering(where))
    writer.webp("cover", "cover", cover_im)
    writer.jpeg("cover", "cover", cover_im)
    share_im = ImageOps.fit(_smallest_covering(made, share), share, RESAMPLE, centering=centering(where))
    writer.jpeg("share", "share", share_im)
    manifest = Manifest(
        key=key,
        width=decoded.width,
        height=decoded.height,
        format=decoded.format,
        files=tuple(writer.files),
        notes=tuple(n.to_json() for n in decoded.notes),
        focus=where,
    )
    write_manifest(cache_dir, manifest)
    return manifest


def render_job(job: Job) -> Outcome:
    """Worker entry point: read, render, and turn every failure into a picklable value."""
    path = Path(job.path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Outcome(job.path, failure=problems.unreadable(f"{type(exc).__name__}: {exc.strerror or exc}"))
    try:
        manifest = render_bytes(data, path.suffix, Path(job.cache_dir), job.settings, job.focus)
    except PhotoError as exc:
        return Outcome(job.path, failure=exc.failure)
    except MemoryError:
        return Outcome(job.path, failure=problems.internal_error("out of memory"))
    except Exception as exc:  # a bug or an unforeseen decoder error: report it against this file
        return Outcome(job.path, failure=problems.internal_error(f"{type(exc).__name__}: {exc}"))
    return Outcome(job.path, manifest=manifest.to_json())
