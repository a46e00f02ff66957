"""Activity write-ups: page bundles with photos that are evidence for plan items.

``content/activities/<YYYY-MM-DD>-<slug>/index.md`` plus its photos. Loading and checks live in
:mod:`.load`, the pages in :mod:`.render` and :mod:`.listing`, the MkDocs-free orchestration in
:mod:`.build`, the staff tools in :mod:`.scaffold` and :mod:`.check`.
"""

from __future__ import annotations

from site_build.activities.load import evidence_of, load_activities
from site_build.activities.model import FrontMatter, PhotoRef, PublicityRecord, WriteUp

__all__ = ["FrontMatter", "PhotoRef", "PublicityRecord", "WriteUp", "evidence_of", "load_activities"]
