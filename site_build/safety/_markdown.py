"""Just enough Markdown structure for the scanners: front matter, code to skip, HTML comments.

Code (fenced blocks and inline code spans) is shown escaped by Python-Markdown, so ``<script>`` inside
backticks is harmless text and must not be reported. Masking replaces code with spaces while keeping
every newline, so offsets into the masked text are offsets into the original. When in doubt (an
unclosed fence, an unpaired backtick) the text is treated as *not* code, so nothing escapes the scan.
"""

from __future__ import annotations

import functools
import re

FRONT_MATTER_RE = re.compile(r"\A-{3}[ \t]*\n(.*?\n)?(?:\.{3}|-{3})[ \t]*(?:\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^[ \t]*(`{3,}|~{3,})", re.MULTILINE)
_BACKTICKS = re.compile(r"`+")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def front_matter_end(text: str) -> int:
    """Offset where the body starts (0 without front matter), as MkDocs reads ``---`` blocks."""
    m = FRONT_MATTER_RE.match(text)
    return m.end() if m else 0


def blank(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with every character but newlines turned into a space."""
    chunk = text[start:end]
    return "\n".join(" " * len(line) for line in chunk.split("\n"))


def _fenced_spans(text: str) -> list[tuple[int, int]]:
    """Fenced blocks (fence lines included) whose closing fence exists (same character, at least as long)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (m := _FENCE_OPEN.search(text, pos)) is not None:
        fence = m.group(1)
        line_end = text.find("\n", m.end())
        if line_end == -1:
            break
        if fence[0] == "`" and "`" in text[m.end():line_end]:
            pos = line_end + 1
            continue
        closing = _closing_fence(fence[0], len(fence)).search(text, line_end + 1)
        if closing is None:
            pos = line_end + 1  # unclosed: Markdown reads it as text, so it is scanned as text
            continue
        spans.append((m.start(), closing.end()))  # fence lines too: they are not text either
        pos = closing.end()
    return spans


@functools.lru_cache(maxsize=32)
def _closing_fence(char: str, length: int) -> re.Pattern[str]:
    return re.compile(rf"^[ \t]*{re.escape(char)}{{{length},}}[ \t]*$", re.MULTILINE)


def _inline_code_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pair a backtick run with the next run of the same length in one paragraph (one linear pass)."""
    spans: list[tuple[int, int]] = []
    opening: tuple[int, int] | None = None  # run length, offset after the opening run
    for m in _BACKTICKS.finditer(text, start, end):
        n = len(m.group(0))
        if opening is None:
            if m.start() == 0 or text[m.start() - 1] != "\\":
                opening = (n, m.end())
        elif n == opening[0]:
            spans.append((opening[1], m.start()))
            opening = None
    return spans


def mask_code(text: str) -> str:
    """``text`` with the content of fenced blocks and inline code replaced by spaces."""
    spans = _fenced_spans(text)
    out: list[str] = []
    pos = 0
    for start, end in spans:
        out.append(_mask_inline(text, pos, start))
        out.append(blank(text, start, end))
        pos = end
    out.append(_mask_inline(text, pos, len(text)))
    return "".join(out)


def _mask_inline(text: str, start: int, end: int) -> str:
    if text.find("`", start, end) == -1:
        return text[start:end]
    out: list[str] = []
    pos = start
    paragraph_start = start
    for sep in (*_BLANK_LINE.finditer(text, start, end), None):
        paragraph_end = sep.start() if sep else end
        for s, e in _inline_code_spans(text, paragraph_start, paragraph_end):
            out.append(text[pos:s])
            out.append(blank(text, s, e))
            pos = e
        paragraph_start = sep.end() if sep else end
    out.append(text[pos:end])
    return "".join(out)


def comment_spans(text: str) -> list[tuple[int, int]]:
    """HTML comments ``<!-- … -->``; an unclosed one runs to the end, as browsers read it."""
    spans: list[tuple[int, int]] = []
    pos = text.find("<!--")
    while pos != -1:
        end = text.find("-->", pos + 4)
        end = len(text) if end == -1 else end + 3
        spans.append((pos, end))
        pos = text.find("<!--", end)
    return spans
