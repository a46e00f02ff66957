"""Generated views: pure functions from the build context to page sources (Markdown) and data files."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GeneratedFile:
    """A file the build adds without a source on disk: ``uri`` is docs-relative (``plan/2566/index.md``)."""

    uri: str
    content: str | bytes
