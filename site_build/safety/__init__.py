"""Content-safety checks for everything staff send: pure functions, no MkDocs, problems as values.

The MkDocs build and the staff ``check`` command run the same checks, so staff see in their pull
request exactly what would fail the build. Each check returns ``list[Problem]`` with file, line,
column, a Thai message, English detail, a fix and a stable ``code``; values of secrets and personal
numbers are always masked.
"""

from __future__ import annotations

from collections.abc import Sequence

from site_build.errors import Problem

from ._common import ordered
from .files import check_content_tree, ignored_patterns, is_publishable
from .headings import slugify
from .html import sanitize_html, scan_raw_html, url_is_dangerous
from .invisible import scan_invisible
from .markdown_limits import check_markdown_limits
from .plaintext import check_plain_text, plain
from .secrets import scan_forbidden, scan_secrets
from .thai_id import scan_personal_numbers, thai_id_valid

__all__ = [
    "check_content_tree",
    "check_markdown_limits",
    "check_markdown_source",
    "check_plain_text",
    "check_text_file",
    "ignored_patterns",
    "is_publishable",
    "plain",
    "sanitize_html",
    "scan_forbidden",
    "scan_invisible",
    "scan_personal_numbers",
    "scan_raw_html",
    "scan_secrets",
    "slugify",
    "thai_id_valid",
    "url_is_dangerous",
]


def check_markdown_source(text: str, file: str, *, forbidden: Sequence[str] = (),
                          line_offset: int = 0) -> list[Problem]:
    """Every safety problem in one Markdown file's full text (front matter included), in line order.

    Secrets, forbidden strings and personal numbers are looked for everywhere, code blocks and front
    matter included (a password in a code block is still published). Raw HTML is looked for in the
    body outside code. The size/shape limits run first; all scanners are linear, so a pathological
    file is still reported in full, quickly.
    """
    problems = check_markdown_limits(text, file, line_offset)
    problems += scan_secrets(text, file, line_offset=line_offset)
    problems += scan_forbidden(text, file, forbidden, line_offset=line_offset)
    problems += scan_personal_numbers(text, file, line_offset=line_offset)
    problems += scan_raw_html(text, file, line_offset)
    problems += scan_invisible(text, file, line_offset=line_offset)
    return ordered(problems)


def check_text_file(text: str, file: str, *, forbidden: Sequence[str] = ()) -> list[Problem]:
    """The same credential, personal-number and invisible-character rules as Markdown, for every other text that
    reaches the site or feeds it: plan files, ``data/**`` (YAML/CSV/JSON) and text files copied from content/."""
    problems = scan_secrets(text, file)
    problems += scan_forbidden(text, file, forbidden)
    problems += scan_personal_numbers(text, file)
    problems += scan_invisible(text, file)
    return ordered(problems)
