"""HTML that staff send is sanitized with nh3 (Ammonia), and dangerous markup is reported by line first.

Two halves, one policy:

* :func:`scan_raw_html` reads the Markdown *source* and reports scripts, frames, forms, style, event
  handlers and ``javascript:``/``data:`` URLs with file and line, so staff learn what to change instead
  of having it vanish silently.
* :func:`sanitize_html` is the safety net on the *rendered* HTML of every page: an allow-list that
  keeps what Python-Markdown, pymdownx and Material emit (admonitions, tabbed sets, details, task
  lists, emoji SVG, footnotes, permalinks, picture/srcset) and drops everything else.

Deliberate choices (verified against real Python-Markdown output, see tests/test_safety_html.py):

* ``pymdownx.tabbed`` builds tabs from ``<input type="radio">`` + ``<label for>``, so radio inputs are
  kept next to task-list checkboxes; every other ``<input>`` is removed, and checkboxes are disabled.
* The ``tables`` extension aligns columns with ``style="text-align: …"`` on ``th``/``td``; only that
  exact declaration survives there, every other ``style`` attribute anywhere is dropped.
* ``data-*`` attributes are limited to the ones the extensions and GLightbox use, and a value holding
  ``<`` or ``>`` is dropped because GLightbox renders titles/descriptions as HTML.
* ``id``/``for`` values that would clobber Material's own controls (``__drawer``, ``__search`` …) go.
* Comments go too (Material's Font Awesome SVGs carry a licence comment; nothing needs it in content).
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Callable
from functools import lru_cache

import nh3

from site_build.errors import Problem

from ._common import MAX_PER_CODE, TextIndex, ordered, problem
from ._markdown import blank, comment_spans, front_matter_end, mask_code

URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")

_HEADINGS = {f"h{i}" for i in range(1, 7)}
ALLOWED_TAGS = frozenset(_HEADINGS | {
    "p", "br", "hr", "a", "img", "picture", "source", "figure", "figcaption",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "div", "span", "details", "summary", "section", "article", "aside", "blockquote", "q", "cite",
    "code", "pre", "kbd", "samp", "var", "mark", "del", "ins", "s", "sup", "sub", "abbr",
    "em", "strong", "b", "i", "u", "small", "time", "wbr",
    "ul", "ol", "li", "dl", "dt", "dd", "input", "label",
    "svg", "path", "g",
})
# Tags whose content goes too (not only the tag): executable, embedding or form controls.
REMOVED_WITH_CONTENT = frozenset({
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
    "noframes", "template", "form", "button", "textarea", "select", "math", "title", "xmp",
})
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "class", "title", "lang", "dir", "role"},
    "a": {"href", "name", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding", "srcset", "sizes", "align"},
    "source": {"srcset", "type", "sizes", "media"},
    "th": {"colspan", "rowspan", "align", "scope", "headers", "style"},
    "td": {"colspan", "rowspan", "align", "headers", "style"},
    "col": {"span"},
    "colgroup": {"span"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "details": {"open"},
    "input": {"checked", "disabled", "name"},
    "label": {"for"},
    "time": {"datetime"},
    "q": {"cite"},
    "blockquote": {"cite"},
    "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "svg": {"xmlns", "viewBox", "width", "height", "fill", "focusable", "preserveAspectRatio"},
    "path": {"d", "fill", "fill-rule", "clip-rule"},
    "g": {"fill"},
}
ALLOWED_VALUES: dict[str, dict[str, set[str]]] = {
    "a": {"target": {"_blank"}},
    "input": {"type": {"checkbox", "radio"}},
}
# pymdownx.tabbed (data-tabs), pymdownx.highlight (data-linenos), mkdocs-glightbox (the rest).
ALLOWED_DATA = frozenset({
    "data-tabs", "data-linenos", "data-gallery", "data-title", "data-description", "data-desc-position",
    "data-caption-position", "data-width", "data-height", "data-type", "data-zoomable", "data-draggable",
})
RESERVED_ID_PREFIXES = ("__drawer", "__search", "__toc", "__palette", "__consent", "__nav", "__skip")

_TEXT_ALIGN = re.compile(r"\s*text-align\s*:\s*(left|right|center|justify)\s*;?\s*", re.IGNORECASE)
_INPUT_TAG = re.compile(r"<input\b[^>]*>")
_INPUT_KIND = re.compile(r'\btype="(checkbox|radio)"', re.IGNORECASE)


def url_is_dangerous(value: str) -> bool:
    """True for ``javascript:``, ``vbscript:``, ``data:`` after undoing entities and browser whitespace."""
    url = html.unescape(value).replace("\\", "")
    url = "".join(c for c in url if c > " " and c != "\x7f").lower()
    return url.startswith(BAD_SCHEMES)


def _srcset_ok(value: str) -> bool:
    return not any(url_is_dangerous(part.strip().split(" ")[0]) for part in value.split(",") if part.strip())


def _filter_attribute(tag: str, attr: str, value: str) -> str | None:
    if attr.startswith("data-"):
        return value if attr in ALLOWED_DATA and "<" not in value and ">" not in value else None
    if attr in ("id", "for") and value.startswith(RESERVED_ID_PREFIXES):
        return None
    if attr == "style":
        m = _TEXT_ALIGN.fullmatch(value) if tag in ("th", "td") else None
        return f"text-align: {m.group(1).lower()}" if m else None
    if attr == "srcset":
        return value if _srcset_ok(value) else None
    return value


@lru_cache(maxsize=1)
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        clean_content_tags=set(REMOVED_WITH_CONTENT),
        attributes={k: set(v) for k, v in ALLOWED_ATTRIBUTES.items()},
        tag_attribute_values={t: {a: set(v) for a, v in m.items()} for t, m in ALLOWED_VALUES.items()},
        attribute_filter=_filter_attribute,
        generic_attribute_prefixes={"aria-", "data-"},
        strip_comments=True,
        link_rel="noopener",
        url_schemes=set(URL_SCHEMES),
    )


def _fix_input(m: re.Match[str]) -> str:
    tag = m.group(0)
    kind = _INPUT_KIND.search(tag)
    if kind is None:
        return ""
    if kind.group(1).lower() == "checkbox" and " disabled" not in tag:
        tag = tag[:-1].rstrip("/").rstrip() + ' disabled="">'
    return tag


def sanitize_html(html: str) -> str:
    """Rendered page content (the fragment MkDocs passes to ``on_page_content``, not the whole themed
    page, whose own scripts must stay) → the same HTML minus anything not on the allow-list."""
    cleaned = _cleaner().clean(html)
    # Ammonia escapes ">" inside attribute values, so a regex over its output sees whole tags only.
    return _INPUT_TAG.sub(_fix_input, cleaned) if "<input" in cleaned else cleaned


# --- reporting dangerous markup in Markdown sources ------------------------------------------------

DANGEROUS_TAGS = frozenset({
    "script", "iframe", "frame", "frameset", "form", "style", "meta", "base", "link", "object", "embed",
    "applet", "button", "textarea", "select", "input", "portal",
})
URL_ATTRIBUTES = frozenset({
    "href", "src", "srcset", "action", "formaction", "poster", "background", "cite", "data", "xlink:href",
    "lowsrc", "dynsrc", "longdesc", "ping", "manifest", "codebase", "archive", "usemap", "values", "to",
    "from", "by",
})
_TAG_START = re.compile(r"<([A-Za-z][A-Za-z0-9:-]*)")
_TAG_BODY = re.compile(r"""(?:[^>"']+|"[^"]*"|'[^']*')*""")
_ATTR = re.compile(r"""([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
_ATTR_LIST_PAIR = re.compile(r"""([A-Za-z_:][-\w:.]*)[ \t]*=[ \t]*("[^"]*"|'[^']*'|[^\s}]+)""")
_MD_LINK_TARGET = re.compile(r"\]\(\s*<?([^\s)>]*)")
_MD_REFERENCE = re.compile(r"^[ \t]*\[[^\]\n]{1,999}\]:[ \t]*<?([^\s>]+)", re.MULTILINE)
_SCRIPT_SCHEME = re.compile(r"(?<![A-Za-z])(?:java|vb)script:(?=\S)", re.IGNORECASE)
_MAX_TAG = 8192

Check = Callable[[int, str, str, str], None]  # offset, attribute name, value, where (Thai)
Report = Callable[[int, str, str, str, str], None]  # offset, code, Thai, English, fix

_TAG_FIX = {
    "iframe": "ถ้าต้องการแสดงวิดีโอ แผนที่ หรือโพสต์ ให้ใส่เป็นลิงก์ธรรมดา เช่น [ชมวิดีโอ](https://…)",
    "form": "แบบฟอร์มออนไลน์ให้ใส่เป็นลิงก์ไปยังแบบฟอร์ม เช่น [กรอกแบบสอบถาม](https://…)",
}
_TAG_FIX.update({t: _TAG_FIX["iframe"] for t in ("frame", "frameset", "object", "embed", "applet", "portal")})
_TAG_FIX.update({t: _TAG_FIX["form"] for t in ("button", "textarea", "select", "input")})
_DEFAULT_TAG_FIX = "ลบแท็กนี้ออก การเพิ่มสคริปต์ สไตล์ หรือการตั้งค่าหน้าเว็บ ให้แจ้งผู้พัฒนาเว็บไซต์"


def scan_raw_html(markdown: str, file: str, line_offset: int = 0) -> list[Problem]:
    """Report dangerous raw HTML, event handlers, style attributes and script/data URLs, by line.

    Looks in raw HTML, Markdown link and image targets, reference definitions, attribute lists
    (``{ onclick=… }``) and inside HTML comments. Code spans and fenced code are skipped: Markdown
    shows them as text. Front matter is skipped: its fields are plain text, see ``plaintext.py``.
    """
    body_start = front_matter_end(markdown)
    text = blank(markdown, 0, body_start) + mask_code(markdown[body_start:])
    index = TextIndex(text, line_offset)
    comments = comment_spans(text)
    comment_starts = [s for s, _ in comments]
    found: list[Problem] = []
    counts: dict[str, int] = {}

    def report(offset: int, code: str, th: str, en: str, fix: str) -> None:
        counts[code] = counts.get(code, 0) + 1
        if counts[code] > MAX_PER_CODE:
            return
        i = bisect.bisect_right(comment_starts, offset) - 1
        if i >= 0 and offset < comments[i][1]:
            th += " (ซ่อนอยู่ในคอมเมนต์ <!-- --> ซึ่งยังถูกส่งไปในไฟล์)"
            en += " (hidden inside an HTML comment)"
        found.append(problem(file, index.where(offset), code, th, en, fix))

    def check_url(offset: int, attr: str, value: str) -> None:
        parts = value.split(",") if attr == "srcset" else [value]
        if any(url_is_dangerous(p.strip()) for p in parts):
            scheme = html.unescape(value).strip().split(":", 1)[0][:12]
            report(offset, "html-dangerous-url",
                   f"ลิงก์หรือรูปภาพใช้ที่อยู่แบบ {scheme}: ซึ่งไม่อนุญาต (อาจเป็นสคริปต์หรือข้อมูลซ่อน)",
                   f"a {scheme}: URL is not allowed ({attr})",
                   "ใช้ลิงก์ https:// หรือชื่อไฟล์ในโฟลเดอร์เดียวกัน รูปภาพให้บันทึกเป็นไฟล์ .jpg/.png แล้วอ้างชื่อไฟล์")

    def check_attribute(offset: int, name: str, value: str, where_th: str) -> None:
        low = name.lower()
        if low.startswith("on") and len(low) > 2:
            report(offset, "html-event-handler",
                   f"พบคำสั่งสคริปต์ {name}= {where_th} ซึ่งไม่อนุญาต",
                   f"event-handler attribute {name}= is not allowed",
                   f"ลบ {name}=… ออก เนื้อหาบนเว็บไซต์ต้องไม่มีสคริปต์")
        elif low == "style":
            report(offset, "html-style-attribute",
                   f"พบการกำหนดรูปแบบ style= {where_th} ซึ่งระบบจะตัดทิ้ง",
                   "style= attributes are removed from content",
                   "ลบ style=… ออก ถ้าต้องการรูปแบบพิเศษ (สี ขนาด การจัดวาง) ให้แจ้งผู้พัฒนาเว็บไซต์เพิ่มคลาสให้")
        elif low in URL_ATTRIBUTES and value:
            check_url(offset, low, value)

    if "<" in text:
        _scan_tags(text, body_start, check_attribute, report)
    if "{" in text:
        for m in _ATTR_LIST.finditer(text, body_start):
            for a in _ATTR_LIST_PAIR.finditer(m.group(1)):
                raw = a.group(2)
                quoted = raw[:1] in "\"'"
                value = raw[1:-1] if quoted else raw
                is_url = a.group(1).lower() in URL_ATTRIBUTES
                offset = m.start(1) + (a.start(2) + quoted if is_url else a.start(1))
                check_attribute(offset, a.group(1), html.unescape(value), "ในวงเล็บปีกกา { } (attribute list)")
    if "](" in text:
        for m in _MD_LINK_TARGET.finditer(text, body_start):
            check_url(m.start(1), "href", m.group(1))
    if "]:" in text:
        for m in _MD_REFERENCE.finditer(text, body_start):
            check_url(m.start(1), "href", m.group(1))
    if "script:" in text.lower():
        for m in _SCRIPT_SCHEME.finditer(text, body_start):
            check_url(m.start(), "href", text[m.start():m.end() + 1])
    return ordered(found)


def _scan_tags(text: str, start: int, check_attribute: Check, report: Report) -> None:
    """Every ``<tag …>``: dangerous names, then each attribute. Linear: scanning resumes after a tag."""
    pos = start
    while (m := _TAG_START.search(text, pos)) is not None:
        name = m.group(1).lower()
        body = _TAG_BODY.match(text, m.end(), min(len(text), m.end() + _MAX_TAG))
        end = body.end() if body else m.end()
        region = text[m.end():end]
        attrs = list(_ATTR.finditer(region)) if region.strip() else []
        if name in DANGEROUS_TAGS and not (name == "input" and _is_checkbox(attrs)):
            report(m.start(), "html-dangerous-tag",
                   f"พบแท็ก HTML <{name}> ซึ่งไม่อนุญาตในเนื้อหา และจะถูกตัดทิ้งเมื่อสร้างเว็บไซต์",
                   f"raw <{name}> is not allowed in content",
                   _TAG_FIX.get(name, _DEFAULT_TAG_FIX))
        for a in attrs:
            attr = a.group(1)
            raw = a.group(2) or ""
            quoted = raw[:1] in "\"'" and len(raw) >= 2
            value = raw[1:-1] if quoted else raw
            low = attr.lower()
            if raw and not (low.startswith("on") or low == "style"):
                offset = m.end() + a.start(2) + (1 if quoted else 0)
            else:
                offset = m.end() + a.start(1)
            check_attribute(offset, attr, html.unescape(value), f"ในแท็ก <{name}>")
        pos = max(end, m.end())


def _is_checkbox(attrs: list[re.Match[str]]) -> bool:
    return any(a.group(1).lower() == "type" and "checkbox" in (a.group(2) or "").lower() for a in attrs)
