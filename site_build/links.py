"""Links between pages and files, checked with the line they are on.

MkDocs also validates links, but names only the file; staff need the line. This runs after every
generated page exists, so a link to ``plan/2566/project-1.md`` or ``activities/index.md`` is known.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import unquote

from site_build.errors import Problem
from site_build.safety._markdown import mask_code

_INLINE = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'(][^)]*)?\)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$", re.MULTILINE)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.IGNORECASE)


def link_targets(markdown: str) -> Iterable[tuple[int, str]]:
    """(line, target) of every relative link or image in the Markdown, code excluded."""
    text = mask_code(markdown)
    for pattern in (_INLINE, _REFERENCE):
        for match in pattern.finditer(text):
            target = match.group(1)
            if _EXTERNAL.match(target) or target.startswith("#"):
                continue
            yield text.count("\n", 0, match.start(1)) + 1, target


def resolve(src_uri: str, target: str) -> str:
    path = unquote(target.split("#", 1)[0].split("?", 1)[0])
    if path.startswith("/"):
        return posixpath.normpath(path.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))


def broken_links(src_uri: str, display: str, markdown: str, known: set[str]) -> list[Problem]:
    """Links whose target is no page or file of the site (``known``: docs-relative source paths)."""
    problems = []
    for line, target in link_targets(markdown):
        resolved = resolve(src_uri, target)
        candidates = {resolved, posixpath.join(resolved, "index.md"), resolved + ".md"}
        if resolved.startswith("..") or not candidates & known:
            problems.append(Problem(
                file=display, line=line, message_th=f"ลิงก์ไปยัง '{target}' ไม่พบหน้าหรือไฟล์ปลายทาง",
                message_en=f"link target '{target}' is not a page or file of this site",
                fix_th="ตรวจชื่อไฟล์และโฟลเดอร์ (ตัวพิมพ์เล็ก-ใหญ่ต้องตรงกัน) ลิงก์ไปยังไฟล์ .md ของหน้านั้น "
                       "เช่น ../policies/no-gift/2566/index.md", code="broken-link"))
    return problems
