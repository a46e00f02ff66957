"""Safe building blocks for generated Markdown: escaping and tables.

Plan text comes from a document, not from a programmer; it may contain ``*``, ``|``, ``<`` or ``_``
that Markdown would otherwise interpret, so every value placed into generated Markdown goes through
:func:`md_escape` (and table cells through :func:`md_cell`).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable, Sequence

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|>~^=-])")


def md_escape(text: str) -> str:
    """Escape Markdown syntax and HTML in running text."""
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def md_cell(text: str) -> str:
    """Escape for a table cell: no raw newlines, pipes escaped."""
    return md_escape(" ".join(text.split()))


def md_lines(items: Iterable[str]) -> str:
    """Cell content with several short lines, joined by <br>."""
    return "<br>".join(md_cell(i) for i in items)


def md_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A pipe table; cells must already be escaped (use md_cell/md_lines or a link)."""
    out = ["| " + " | ".join(headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    for row in rows:
        out.append("| " + " | ".join(row) + " |")
    return "\n".join(out)


def rel_uri(from_uri: str, to_uri: str) -> str:
    """Link from one docs-relative source file to another (``plan/2566/project-1.md`` → ``../../x/index.md``)."""
    return posixpath.relpath(to_uri, posixpath.dirname(from_uri) or ".")


def md_link(text: str, url: str) -> str:
    return f"[{md_escape(text)}]({url})"


def front_matter(**values: str) -> str:
    """YAML front matter for a generated page; values are quoted JSON strings (valid YAML)."""
    import json

    lines = ["---"]
    for key, value in values.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---\n")
    return "\n".join(lines)
