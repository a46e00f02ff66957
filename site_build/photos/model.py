"""The values the pipeline hands back: files in the cache and what they show."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from site_build.errors import Problem


@dataclass(frozen=True)
class Rendition:
    """One file in the cache. ``rel`` is POSIX and relative to the cache dir: it is also the URL tail."""

    path: Path
    rel: str
    width: int
    height: int
    mime: str
    size: int


@dataclass(frozen=True)
class ProcessedPhoto:
    """A source photo and every file made from it.

    ``width``/``height`` are the source's size after EXIF orientation. ``key`` is the full sha256 cache
    key; its first 16 hex digits name the folder. ``warnings`` are non-fatal problems (e.g. a PNG named
    ``.jpg``), located at the source, for the caller to show.
    """

    source: Path
    key: str
    width: int
    height: int
    renditions: tuple[Rendition, ...]
    cover: tuple[Rendition, Rendition]
    share: Rendition
    warnings: tuple[Problem, ...] = ()
    focus: tuple[float, float] = (50.0, 50.0)  # the crops' focus in percent (geometry.effective_focus)

    @property
    def webp(self) -> tuple[Rendition, ...]:
        return tuple(r for r in self.renditions if r.mime == "image/webp")

    @property
    def jpeg(self) -> tuple[Rendition, ...]:
        return tuple(r for r in self.renditions if r.mime == "image/jpeg")

    @property
    def files(self) -> tuple[Rendition, ...]:
        """Every file to publish: widths, cover and share image (never the original)."""
        return (*self.renditions, *self.cover, self.share)
