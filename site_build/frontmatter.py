"""Front matter of any Markdown page, read with the project's strict YAML rules and file line numbers.

(The implementation lives with the write-ups, which needed it first; every page kind uses this name.)
"""

from __future__ import annotations

from site_build.activities.frontmatter import Split, parse_front_matter, split_front_matter

__all__ = ["Split", "parse_front_matter", "split_front_matter"]
