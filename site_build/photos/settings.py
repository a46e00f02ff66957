"""What the photo pipeline makes, as one frozen value with a fingerprint.

The fingerprint goes into every cache key, so changing a width or a quality re-renders every photo
once, and nothing else does. ``max_pixels`` is left out of it on purpose: the limit decides whether a
photo is accepted, not what the accepted photo's files look like.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

# Bump when the bytes the pipeline writes change for the same inputs (resampling, crop, encoder
# options): every cached photo is then rendered again once.
PIPELINE_VERSION = 2  # 2: portrait photos keep their upper part in the cover/share crops

# Formats decoded at full size (PNG, WebP, GIF): 120 million pixels, 360 MB of RGB in memory, which a 2-core
# CI runner survives with two workers. Every ordinary phone mode fits (12, 48, 50, 64, 108 MP).
MAX_PIXELS = 120_000_000

# JPEG is decoded at reduced size (``Image.draft``: 1/2, 1/4 or 1/8 scale inside libjpeg), so a 200 MP phone
# photo (16320x12240) never exists in memory at full size: for the 1600 px rendition it is decoded at 1/8
# (2040x1530, 9 MB). Measured peak for a whole 16384x12288 JPEG through the pipeline: see
# tests/test_photos_big.py (bound asserted there) and README "Photos".
# HEIC/HEIF has no reduced-size decoding in libheif/pillow-heif (1.9): it is decoded at full size, about 4.5 bytes
# per pixel at peak (YUV planes + RGB), so a 200 MP HEIC needs about 0.9 GB for one worker. Phones that shoot
# 200 MP save JPEG; iPhones' HEIC is at most 48 MP (about 0.2 GB). The same ceiling applies; memory is the
# documented bound above.
MAX_REDUCED_PIXELS = 210_000_000

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".gif"})


def _check_size(name: str, size: tuple[int, int]) -> tuple[int, int]:
    if len(size) != 2 or any(not isinstance(v, int) or v < 1 for v in size):
        raise ValueError(f"{name} must be two positive integers, got {size!r}")
    return (size[0], size[1])


@dataclass(frozen=True)
class PhotoSettings:
    """Renditions, crops and encoder settings. Widths are normalised to a sorted tuple.

    ``max_pixels`` can lower the accepted size below :data:`MAX_REDUCED_PIXELS` (JPEG, HEIC) and
    :data:`MAX_PIXELS` (formats decoded at full size); it cannot raise them.
    WebP ``method`` 4 is the measured knee: method 6 saves about 2 % for 20 % more time, method 2
    costs about 10 % more bytes (see bench/README.md).
    """

    widths: tuple[int, ...] = (480, 960, 1600)
    jpeg_quality: int = 80
    webp_quality: int = 75
    max_pixels: int = MAX_REDUCED_PIXELS
    webp_method: int = 4
    cover_size: tuple[int, int] = (640, 480)
    share_size: tuple[int, int] = (1200, 630)
    _fingerprint: str = field(default="", init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        widths = tuple(sorted(set(self.widths)))
        if not widths or any(not isinstance(w, int) or w < 1 for w in widths):
            raise ValueError(f"widths must be positive integers, got {self.widths!r}")
        for name in ("jpeg_quality", "webp_quality"):
            value = getattr(self, name)
            if not 1 <= value <= 100:
                raise ValueError(f"{name} must be 1..100, got {value}")
        if not 0 <= self.webp_method <= 6:
            raise ValueError(f"webp_method must be 0..6, got {self.webp_method}")
        if self.max_pixels < 1:
            raise ValueError("max_pixels must be positive")
        object.__setattr__(self, "widths", widths)
        object.__setattr__(self, "cover_size", _check_size("cover_size", self.cover_size))
        object.__setattr__(self, "share_size", _check_size("share_size", self.share_size))
        object.__setattr__(self, "_fingerprint", self._compute_fingerprint())

    def _compute_fingerprint(self) -> str:
        payload = {
            "pipeline": PIPELINE_VERSION,
            "widths": list(self.widths),
            "jpeg_quality": self.jpeg_quality,
            "webp_quality": self.webp_quality,
            "webp_method": self.webp_method,
            "cover": list(self.cover_size),
            "share": list(self.share_size),
        }
        text = json.dumps(payload, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()[:16]

    def fingerprint(self) -> str:
        """16 hex digits that change whenever the output files would."""
        return self._fingerprint


DEFAULT_SETTINGS = PhotoSettings()
