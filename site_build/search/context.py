"""What the search results need besides a page's text: its language and a short context for its title.

- language (``lang`` filter): from the page's ``<html lang>``; the header search lists pages in the
  visitor's language first (a Thai visitor searching "2566" or "No Gift" wants the Thai plan and policy,
  not the English summaries), then the rest.
- context (``context`` meta): the section and, for a per-year document, the year ("นโยบาย · ฉบับปี ๒๕๖๖"),
  shown beside a result whose title another result shares (a document's landing page and its yearly
  version have the same title).

Both are written into the index copy as Pagefind attributes (:func:`pagefind_attributes`).
"""

from __future__ import annotations

import html as html_lib
import re

from site_build.thaidate import Digits
from site_build.thaidate import digits as format_digits

SECTIONS = {
    "plan": "แผนบูรณาการ", "activities": "บันทึกกิจกรรม", "progress": "ความก้าวหน้า", "reports": "รายงาน",
    "register": "ทะเบียนประกาศ", "policies": "นโยบาย", "declarations": "ประกาศเจตนารมณ์", "orders": "คำสั่ง",
    "evidence": "ดัชนีหลักฐาน", "knowledge": "องค์ความรู้", "about": "เกี่ยวกับเว็บไซต์", "en": "English",
}
DOCUMENT_SECTIONS = ("policies", "declarations", "orders")
_HTML_LANG = re.compile(r"<html\b[^>]*\blang=\"([A-Za-z-]+)\"")
_DIGITS = re.compile(r'data-digits="(thai|arabic)"')
_YEAR = re.compile(r"^25\d\d$")


def page_language(html: str) -> str:
    found = _HTML_LANG.search(html[:2000])
    return (found.group(1).split("-")[0].lower() if found else "th") or "th"


def page_context(url_path: str, digits: Digits) -> str:
    """``policies/no-gift/2566/`` → "นโยบาย · ฉบับปี ๒๕๖๖"; ``policies/no-gift/`` → "นโยบาย · ทุกฉบับ"."""
    parts = [p for p in url_path.strip("/").split("/") if p and p != "index.html"]
    if not parts:
        return "หน้าแรก"
    label = [SECTIONS.get(parts[0], parts[0])]
    years = [p for p in parts[1:] if _YEAR.match(p)]
    if years:
        year = format_digits(years[0], digits)
        label.append(f"ฉบับปี {year}" if parts[0] in DOCUMENT_SECTIONS else f"ปี {year}")
    elif parts[0] in DOCUMENT_SECTIONS and len(parts) == 2:
        label.append("ทุกฉบับ")
    return " · ".join(label)


def pagefind_attributes(html: str, url_path: str) -> str:
    """`` data-pagefind-filter="lang:th" data-pagefind-meta="context:…"`` for the page's article tag."""
    found = _DIGITS.search(html)
    digits: Digits = "arabic" if found and found.group(1) == "arabic" else "thai"
    context = page_context(url_path, digits).replace(",", " ")  # a comma separates Pagefind's key:value pairs
    return (f' data-pagefind-filter="lang:{html_lib.escape(page_language(html))}"'
            f' data-pagefind-meta="context:{html_lib.escape(context, quote=True)}"')
