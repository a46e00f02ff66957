"""Photo pipeline: phone photos in, small metadata-free WebP/JPEG renditions out, cached by content.

Engine-agnostic (no MkDocs import). The MkDocs side calls :func:`process_photos` with the photos it
found and a cache folder outside the docs folder, copies each ``ProcessedPhoto.files`` entry from
``<cache_dir>/<rel>`` into the site under a prefix, and renders :func:`picture_html` /
:func:`cover_html`. Originals are never published.
"""

from __future__ import annotations

from site_build.photos.html import cover_html, picture_html
from site_build.photos.model import ProcessedPhoto, Rendition
from site_build.photos.pipeline import process_photos
from site_build.photos.settings import (
    DEFAULT_SETTINGS,
    MAX_PIXELS,
    MAX_REDUCED_PIXELS,
    PIPELINE_VERSION,
    SUPPORTED_SUFFIXES,
    PhotoSettings,
)

__all__ = [
    "DEFAULT_SETTINGS",
    "MAX_PIXELS",
    "MAX_REDUCED_PIXELS",
    "PIPELINE_VERSION",
    "SUPPORTED_SUFFIXES",
    "PhotoSettings",
    "ProcessedPhoto",
    "Rendition",
    "cover_html",
    "picture_html",
    "process_photos",
]
