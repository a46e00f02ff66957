"""Reading the Pagefind bundle back (tests, benchmarks): what each indexed page's stored text is.

Pagefind stores each page's text in ``fragment/*.pf_fragment``: gzip of ``pagefind_dcd`` + JSON.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

_SIGNATURE = b"pagefind_dcd"


def read_fragments(bundle: Path) -> dict[str, dict[str, Any]]:
    """URL → fragment (``content``, ``meta``, ``word_count``, ...) for every page in the index."""
    pages: dict[str, dict[str, Any]] = {}
    for path in sorted((bundle / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        fragment = json.loads(raw[len(_SIGNATURE):] if raw.startswith(_SIGNATURE) else raw)
        pages[fragment["url"]] = fragment
    return pages
