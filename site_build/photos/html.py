"""``<picture>`` markup for a processed photo: WebP first, JPEG fallback, sizes that stop layout shift.

Paths are ``url_prefix + rel``. MkDocs does not rewrite paths inside raw HTML (mkdocs#3618), so the
caller passes a prefix that is already right for the page (e.g. ``"../../assets/photos/"``).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from site_build.photos.model import ProcessedPhoto, Rendition

# The <img src> for browsers without srcset: the largest JPEG not wider than this.
FALLBACK_MAX_WIDTH = 1024


def _url(url_prefix: str, rendition: Rendition) -> str:
    prefix = url_prefix if not url_prefix or url_prefix.endswith("/") else url_prefix + "/"
    return prefix + rendition.rel


def _srcset(url_prefix: str, renditions: Sequence[Rendition]) -> str:
    return ", ".join(f"{_url(url_prefix, r)} {r.width}w" for r in sorted(renditions, key=lambda r: r.width))


def _attrs(pairs: Sequence[tuple[str, str | int | None]]) -> str:
    return "".join(f' {name}="{escape(str(value), quote=True)}"' for name, value in pairs if value is not None)


def _fallback(jpegs: Sequence[Rendition]) -> Rendition:
    ordered = sorted(jpegs, key=lambda r: r.width)
    small_enough = [r for r in ordered if r.width <= FALLBACK_MAX_WIDTH]
    return small_enough[-1] if small_enough else ordered[0]


def picture_html(
    photo: ProcessedPhoto,
    *,
    url_prefix: str,
    alt: str,
    sizes: str = "(min-width: 76.25em) 46rem, 100vw",
    lazy: bool = True,
    css_class: str | None = None,
) -> str:
    """Responsive ``<picture>``; ``width``/``height`` give the aspect ratio, ``css_class`` goes on ``<img>``."""
    jpegs, webps = photo.jpeg, photo.webp
    src = _fallback(jpegs)
    source = "<source" + _attrs([("type", "image/webp"), ("srcset", _srcset(url_prefix, webps)), ("sizes", sizes)])
    img = "<img" + _attrs(
        [
            ("src", _url(url_prefix, src)),
            ("srcset", _srcset(url_prefix, jpegs)),
            ("sizes", sizes),
            ("width", src.width),
            ("height", src.height),
            ("alt", alt),
            ("class", css_class),
            ("loading", "lazy" if lazy else None),
            ("decoding", "async"),
        ]
    )
    return f"<picture>{source}>{img}></picture>"


def cover_html(photo: ProcessedPhoto, *, url_prefix: str, alt: str, css_class: str | None = None) -> str:
    """The listing crop (4:3 by default) as a lazy ``<picture>`` with its exact size."""
    webp, jpeg = photo.cover
    source = "<source" + _attrs([("type", "image/webp"), ("srcset", _url(url_prefix, webp))])
    img = "<img" + _attrs(
        [
            ("src", _url(url_prefix, jpeg)),
            ("width", jpeg.width),
            ("height", jpeg.height),
            ("alt", alt),
            ("class", css_class),
            ("loading", "lazy"),
            ("decoding", "async"),
        ]
    )
    return f"<picture>{source}>{img}></picture>"
