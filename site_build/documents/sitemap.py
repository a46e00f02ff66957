"""A human-readable sitemap (DGA standard), besides the machine ``sitemap.xml``.

Built from the final navigation (sections in menu order) plus every other page grouped by its top
folder, so pages outside the menu (document versions, write-ups) are listed too. Rendered into the
page that holds :data:`MARKER`, after every page has its title.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

MARKER = '<div class="lc-sitemap" id="lc-sitemap"></div>'

FOLDER_LABELS: dict[str, str] = {
    "plan": "แผนบูรณาการ",
    "activities": "กิจกรรม",
    "policies": "ประกาศนโยบาย",
    "declarations": "ประกาศเจตนารมณ์",
    "orders": "คำสั่ง",
    "register": "ทะเบียนประกาศ นโยบาย และคำสั่ง",
    "evidence": "ดัชนีหลักฐาน",
    "about": "เกี่ยวกับเว็บไซต์",
}


@dataclass
class NavNode:
    title: str
    url: str | None = None  # site-relative URL ("" is the home page); None for a section without a page
    children: list[NavNode] = field(default_factory=list)


@dataclass(frozen=True)
class PageRef:
    src_uri: str
    title: str
    url: str


def relative_url(target: str, here: str) -> str:
    """Link from page URL ``here`` (``about/sitemap/``) to ``target`` (``policies/x/2566/``)."""
    base = here if here.endswith("/") or not here else posixpath.dirname(here) + "/"
    rel = posixpath.relpath(target or ".", base or ".")
    if (target.endswith("/") or not target) and not rel.endswith("/"):
        rel += "/"
    return "./" if rel == "./" or rel == "" else rel


def natural_key(text: str) -> list[tuple[int, int | str]]:
    """``project-2`` before ``project-10``."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part]


def render_sitemap(nav: list[NavNode], pages: Iterable[PageRef], here: str) -> str:
    """Nested lists: the menu first, then pages outside the menu by folder."""
    listed: set[str] = set()

    def walk(nodes: list[NavNode], depth: int) -> list[str]:
        out = ["<ul>"]
        for node in nodes:
            text = html.escape(node.title)
            if node.url is not None:
                listed.add(node.url)
                item = f'<a href="{html.escape(relative_url(node.url, here))}">{text}</a>'
            else:
                item = f"<strong>{text}</strong>"
            inner = walk(node.children, depth + 1) if node.children else []
            out.append(f"<li>{item}{''.join(inner)}</li>")
        out.append("</ul>")
        return out

    parts = ['<nav class="lc-sitemap" aria-label="แผนผังเว็บไซต์">', "<h2 id=\"menu\">เมนูหลัก</h2>",
             *walk(nav, 0)]
    groups: dict[str, list[PageRef]] = {}
    for page in pages:
        if page.url in listed:
            continue
        top = page.src_uri.split("/", 1)[0] if "/" in page.src_uri else ""
        groups.setdefault(top, []).append(page)
    if groups:
        parts.append('<h2 id="other-pages">หน้าอื่น ๆ ตามหมวด</h2>')
    for top in sorted(groups, key=lambda t: (t not in FOLDER_LABELS, list(FOLDER_LABELS).index(t)
                                             if t in FOLDER_LABELS else 0, t)):
        label = FOLDER_LABELS.get(top, top or "หน้าหลัก")
        parts.append(f"<h3>{html.escape(label)}</h3>")
        parts.append("<ul>")
        for page in sorted(groups[top], key=lambda p: natural_key(p.url)):
            href = html.escape(relative_url(page.url, here))
            parts.append(f'<li><a href="{href}">{html.escape(page.title)}</a></li>')
        parts.append("</ul>")
    parts.append("</nav>")
    return "\n".join(parts)
