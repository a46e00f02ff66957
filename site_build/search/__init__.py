"""Thai-aware site search (Pagefind): indexing after the build, query-side normalisation in the page."""

from __future__ import annotations
