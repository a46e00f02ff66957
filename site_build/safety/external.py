"""Nothing on a page may make the visitor's browser fetch from another host.

Links (``<a href>``) to other sites are fine; resources (images, scripts, styles, frames, media,
fonts) must come from this site, so visitors are not tracked and pages work offline in an archive.
"""

from __future__ import annotations

import re

from site_build.errors import Problem

_RESOURCE = re.compile(
    r"<(img|script|iframe|source|video|audio|track|embed|object|link|input)\b[^>]*?"
    r"\b(src|srcset|href|data|poster)\s*=\s*([\"']?)\s*((?:https?:)?//[^\"'\s>]+)",
    re.IGNORECASE)
_CSS_URL = re.compile(r"url\(\s*[\"']?\s*((?:https?:)?//[^)\"'\s]+)", re.IGNORECASE)


def external_resources(html: str) -> list[str]:
    """Absolute URLs of resources the HTML would load (not plain links)."""
    found = [m.group(4) for m in _RESOURCE.finditer(html) if not _is_link_tag_navigation(m.group(0))]
    found += [m.group(1) for m in _CSS_URL.finditer(html)]
    return found


def _is_link_tag_navigation(tag: str) -> bool:
    """``<link rel="canonical|alternate">`` name a URL without fetching it."""
    low = tag.lower()
    return low.startswith("<link") and re.search(r"rel\s*=\s*[\"']?(canonical|alternate)\b", low) is not None


def external_problems(html: str, file: str) -> list[Problem]:
    return [Problem(
        file=file, message_th=f"หน้านี้โหลดไฟล์จากเว็บไซต์ภายนอก: {url}",
        message_en=f"the page would load a resource from another host: {url}",
        fix_th="ดาวน์โหลดรูปหรือไฟล์นั้นมาไว้ในโฟลเดอร์เดียวกับหน้า แล้วอ้างอิงชื่อไฟล์แทนลิงก์ภายนอก "
               "(ลิงก์ปกติ [ข้อความ](https://...) ใช้ได้)",
        code="external-resource") for url in dict.fromkeys(external_resources(html))]
