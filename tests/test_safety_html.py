"""The HTML policy, tested on what real Python-Markdown + pymdownx + Material emit.

Legitimate pages must come out of the sanitizer with nothing lost (compared element by element);
hostile pages must lose every dangerous part; and the source scan must tell staff, by line, about
everything the sanitizer would silently drop.
"""

from __future__ import annotations

from html.parser import HTMLParser

import markdown
import pytest
from material.extensions.emoji import to_svg, twemoji

from site_build.errors import Severity
from site_build.safety import sanitize_html, scan_raw_html, slugify

EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
    "pymdownx.details", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.emoji",
    "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.mark", "pymdownx.caret", "pymdownx.tilde",
    "pymdownx.keys",
]
CONFIG = {
    "toc": {"permalink": True, "slugify": slugify},
    "pymdownx.tabbed": {"alternate_style": True},
    "pymdownx.tasklist": {"custom_checkbox": True},
    "pymdownx.emoji": {"emoji_index": twemoji, "emoji_generator": to_svg},
}


def render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS, extension_configs=CONFIG)


class _Shape(HTMLParser):
    """Elements, attributes and text as a comparable list, ignoring serialisation details."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.items: list[tuple[str, ...]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kept = []
        for name, value in attrs:
            if name == "rel":
                continue  # the sanitizer adds rel="noopener" to links on purpose
            value = value or ""
            if name == "style":
                value = value.replace(" ", "").rstrip(";")
            if name in ("disabled", "checked", "open"):
                value = ""
            kept.append(f"{name}={value}")
        self.items.append(("start", tag, *sorted(kept)))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("input", "img", "br", "hr", "source", "col", "wbr"):  # "<x />" vs "<x>"
            self.items.append(("end", tag))

    def handle_data(self, data: str) -> None:
        if data.strip():
            self.items.append(("text", data.strip()))


def shape(fragment: str) -> list[tuple[str, ...]]:
    parser = _Shape()
    parser.feed(fragment)
    parser.close()
    return parser.items


LEGIT_PAGE = """\
# ประกาศเจตนารมณ์

!!! note "หมายเหตุ"
    สำนักกรรมาธิการ ๒ ประกาศเจตนารมณ์

??? tip "ขั้นตอน"
    พับเก็บได้

=== "ไตรมาส ๑"
    กิจกรรมไตรมาสแรก

=== "ไตรมาส ๒"
    กิจกรรมไตรมาสสอง

| กิจกรรม | งบประมาณ |
|:--------|---------:|
| อบรม    | 10,000   |

- [x] จัดอบรมแล้ว
- [ ] รายงานผล

:material-check-circle: :octicons-check-16: ข้อความ[^1] ==สำคัญ== ^^เพิ่ม^^ ~~ลบ~~ H~2~O
++ctrl+alt+del++ `#!python print(1)`

*[ITA]: Integrity and Transparency Assessment

ผลการประเมิน ITA

[^1]: เชิงอรรถ

```python
def f():
    return 1
```

<figure markdown="span">
  <picture>
    <source srcset="photo-480.webp 480w, photo-960.webp 960w" type="image/webp" sizes="100vw">
    <img src="photo-960.jpg" alt="ภาพกิจกรรม" width="960" height="640" loading="lazy" decoding="async"
         srcset="photo-480.jpg 480w, photo-960.jpg 960w" sizes="100vw">
  </picture>
  <figcaption>ภาพกิจกรรม</figcaption>
</figure>

![ภาพ](photo.jpg){ loading=lazy width=300 align=left }

[เอกสาร](plan.pdf){ target=_blank } [อีเมล](mailto:office@example.go.th) [โทร](tel:021234567)

คำศัพท์
:   ความหมาย

<div class="grid cards" markdown>

- :material-file-document: __แผน__
- :material-calendar: __ปฏิทิน__

</div>
"""


@pytest.fixture(scope="module")
def legit_html() -> str:
    return render(LEGIT_PAGE)


def test_legit_page_loses_nothing(legit_html: str) -> None:
    assert shape(sanitize_html(legit_html)) == shape(legit_html)


@pytest.mark.parametrize("fragment", [
    '<div class="admonition note">',
    '<p class="admonition-title">หมายเหตุ</p>',
    '<details class="tip">',
    '<summary>ขั้นตอน</summary>',
    '<div class="tabbed-set tabbed-alternate" data-tabs="1:2">',
    '<input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio">',
    '<label for="__tabbed_1_2">',
    '<div class="tabbed-labels">',
    '<th style="text-align: left">',
    '<td style="text-align: right">',
    '<input type="checkbox" disabled="" checked="">',
    '<span class="task-list-indicator">',
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="',
    '<sup id="fnref:1"><a class="footnote-ref" href="#fn:1" rel="noopener">1</a></sup>',
    '<a class="footnote-backref" href="#fnref:1"',
    '<h1 id="ประกาศเจตนารมณ์">',
    '<a class="headerlink" href="#ประกาศเจตนารมณ์" title="Permanent link" rel="noopener">',
    '<source srcset="photo-480.webp 480w, photo-960.webp 960w" type="image/webp" sizes="100vw">',
    'srcset="photo-480.jpg 480w, photo-960.jpg 960w"',
    'loading="lazy"',
    'align="left"',
    '<abbr title="Integrity and Transparency Assessment">ITA</abbr>',
    '<mark>สำคัญ</mark>',
    '<kbd class="key-control">Ctrl</kbd>',
    '<span class="k">def</span>',
    '<a href="plan.pdf" target="_blank" rel="noopener">',
    '<a href="mailto:office@example.go.th" rel="noopener">',
    '<a href="tel:021234567" rel="noopener">',
    '<div class="grid cards">',
    '<dd>ความหมาย</dd>',
])
def test_material_markup_survives(legit_html: str, fragment: str) -> None:
    assert fragment in sanitize_html(legit_html)


def test_checkbox_without_disabled_is_disabled() -> None:
    assert sanitize_html('<input type="checkbox">') == '<input type="checkbox" disabled="">'


HOSTILE_MARKDOWN = [
    # (id, Markdown, substrings that must not survive sanitizing)
    ("script", "<script>alert(1)</script>\n\nข้อความ", ["<script", "alert"]),
    ("script-in-comment", "<!-- <script>alert(1)</script> -->\n\nข้อความ", ["<script", "<!--", "alert"]),
    ("conditional-comment", "<!--[if IE]><script>alert(1)</script><![endif]-->", ["<script", "alert"]),
    ("img-onerror", '<img src="x.jpg" onerror="alert(1)">', ["onerror", "alert"]),
    ("svg-onload", '<svg onload="alert(1)"><path d="M0 0"/></svg>', ["onload", "alert"]),
    ("details-ontoggle", "<details open ontoggle=alert(1)><summary>x</summary>y</details>", ["ontoggle", "alert"]),
    ("md-link-javascript", "[คลิก](javascript:alert(1))", ["javascript", "alert"]),
    ("md-link-entity-javascript", "[คลิก](&#106;avascript:alert(1))", ["avascript", "alert"]),
    ("md-image-data", "![x](data:image/svg+xml;base64,PHN2Zz4=)", ["data:"]),
    ("raw-a-tab-javascript", '<a href="java&#x09;script:alert(1)">x</a>', ["script:", "alert"]),
    ("raw-a-vbscript", '<a href="vbscript:msgbox(1)">x</a>', ["vbscript"]),
    ("srcset-data", '<img src="a.jpg" srcset="data:image/png;base64,AAAA 1x">', ["data:"]),
    ("attr-list-onclick", '![x](a.jpg){ onclick="alert(1)" }', ["onclick", "alert"]),
    ("attr-list-style", 'ย่อหน้า\n{: style="position:fixed;top:0" }', ["style", "position"]),
    ("raw-style-attr", '<p style="display:none">ซ่อน</p>', ["style", "display"]),
    ("style-tag", "<style>body{display:none}</style>", ["<style", "display"]),
    ("iframe", '<iframe src="https://evil.example/"></iframe>', ["<iframe", "evil"]),
    ("form", '<form action="https://evil.example/"><input type="text" name="q"><button>ส่ง</button></form>',
     ["<form", "<input", "<button", "evil"]),
    ("input-password", '<input type="password" name="p">', ["<input", "password"]),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', ["<meta", "evil"]),
    ("base", '<base href="https://evil.example/">', ["<base", "evil"]),
    ("link-stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">', ["<link", "evil"]),
    ("object-embed", '<object data="x.swf"></object><embed src="x.swf">', ["<object", "<embed", "swf"]),
    ("math-xlink", '<math><mi xlink:href="javascript:alert(1)">x</mi></math>', ["javascript", "xlink"]),
    ("glightbox-html-title", '<img src="a.jpg" data-title="<img src=x onerror=alert(1)>">', ["onerror", "data-title"]),
    ("clobber-material-id", '<div id="__drawer">x</div><label for="__search">y</label>', ["__drawer", "__search"]),
    ("noscript", "<noscript><img src=x onerror=alert(1)></noscript>", ["onerror", "alert"]),
    ("textarea-breakout", "<textarea></textarea><script>alert(1)</script>", ["<script", "alert"]),
]


@pytest.mark.parametrize(("text", "gone"), [c[1:] for c in HOSTILE_MARKDOWN], ids=[c[0] for c in HOSTILE_MARKDOWN])
def test_sanitizer_removes_the_dangerous_part(text: str, gone: list[str]) -> None:
    cleaned = sanitize_html(render(text))
    for needle in gone:
        assert needle.lower() not in cleaned.lower()


def test_sanitizer_keeps_the_harmless_rest() -> None:
    cleaned = sanitize_html(render('<p style="color:red" onclick="x()">ย่อหน้า <b>หนา</b></p>'))
    assert cleaned == "<p>ย่อหน้า <b>หนา</b></p>"


SCAN_CASES = [
    # (id, Markdown, [(code, line, column)], hidden-in-comment)
    ("script", "ข้อความ\n\n<script>alert(1)</script>", [("html-dangerous-tag", 3, 1)], False),
    ("script-upper", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", [("html-dangerous-tag", 1, 1)], False),
    ("iframe", 'วิดีโอ <iframe src="https://www.youtube.com/embed/x"></iframe>', [("html-dangerous-tag", 1, 8)], False),
    ("form-and-input", '<form action="x">\n<input type="text">\n</form>',
     [("html-dangerous-tag", 1, 1), ("html-dangerous-tag", 2, 1)], False),
    ("style-tag", "<style>body{}</style>", [("html-dangerous-tag", 1, 1)], False),
    ("meta", '<meta http-equiv="refresh" content="0">', [("html-dangerous-tag", 1, 1)], False),
    ("base", '<base href="https://evil.example/">', [("html-dangerous-tag", 1, 1)], False),
    ("object", '<object data="x"></object>', [("html-dangerous-tag", 1, 1)], False),
    ("embed", '<embed src="x">', [("html-dangerous-tag", 1, 1)], False),
    ("onerror", '<img src="a.jpg" onerror="alert(1)">', [("html-event-handler", 1, 18)], False),
    ("onerror-multiline", '<img\n  src="a.jpg"\n  onerror="alert(1)">', [("html-event-handler", 3, 3)], False),
    ("href-javascript", '<a href="javascript:alert(1)">x</a>', [("html-dangerous-url", 1, 10)], False),
    ("href-entity-tab", '<a href="java&#x09;script:alert(1)">x</a>', [("html-dangerous-url", 1, 10)], False),
    ("md-link-javascript", "[คลิก](javascript:alert(1))", [("html-dangerous-url", 1, 8)], False),
    ("md-link-angle-spaced", "[x]( <JaVaScRiPt:alert(1)>)", [("html-dangerous-url", 1, 7)], False),
    ("md-link-entity", "[x](&#106;avascript:alert(1))", [("html-dangerous-url", 1, 5)], False),
    ("md-image-data", "![รูป](data:image/png;base64,AAAA)", [("html-dangerous-url", 1, 8)], False),
    ("md-reference", "[ลิงก์][r]\n\n[r]: javascript:alert(1)", [("html-dangerous-url", 3, 6)], False),
    ("srcset-data", '<img src="a.jpg" srcset="a.jpg 1x, data:image/png;base64,x 2x">', [("html-dangerous-url", 1, 26)],
     False),
    ("attr-list-onclick", '![x](a.jpg){ onclick="alert(1)" }', [("html-event-handler", 1, 14)], False),
    ("attr-list-style", 'ย่อหน้า\n{: style="color:red" }', [("html-style-attribute", 2, 4)], False),
    ("attr-list-href", '[x](a.md){ href="javascript:alert(1)" }', [("html-dangerous-url", 1, 18)], False),
    ("raw-style-attr", '<p style="color:red">x</p>', [("html-style-attribute", 1, 4)], False),
    ("comment-script", "ข้อความ\n<!-- <script>alert(1)</script> -->", [("html-dangerous-tag", 2, 6)], True),
    ("comment-multiline", "<!--\n<img src=x onerror=alert(1)>\n-->", [("html-event-handler", 2, 12)], True),
    ("comment-unclosed", "<!-- ลืมปิด\n<iframe src=x>", [("html-dangerous-tag", 2, 1)], True),
]


@pytest.mark.parametrize(("text", "expected", "in_comment"), [c[1:] for c in SCAN_CASES],
                         ids=[c[0] for c in SCAN_CASES])
def test_scan_reports_by_line(text: str, expected: list[tuple[str, int, int]], in_comment: bool) -> None:
    problems = scan_raw_html(text, "content/news/a.md")
    assert [(p.code, p.line, p.column) for p in problems] == expected
    for p in problems:
        assert p.file == "content/news/a.md"
        assert p.severity is Severity.ERROR
        assert p.message_th and p.fix_th and p.message_en
        assert ("comment" in p.message_en) is in_comment


def test_scan_line_offset() -> None:
    [p] = scan_raw_html("<script>", "a.md", line_offset=4)
    assert p.line == 5


SCAN_LEGIT = [
    ("code-span", "ใช้แท็ก `<script>` ไม่ได้ และ `` <iframe> `` ก็ไม่ได้"),
    ("fenced-code", "ตัวอย่าง:\n\n```html\n<script>alert(1)</script>\n<p style=\"x\" onclick=\"y\">\n```\n"),
    ("tilde-fence-in-admonition", '!!! note\n    ~~~\n    <iframe src="x"></iframe>\n    ~~~\n'),
    ("task-checkbox-html", '<input type="checkbox" checked> เสร็จแล้ว'),
    ("prose-javascript", "JavaScript: เว็บไซต์นี้อ่านได้โดยไม่ต้องเปิด JavaScript"),
    ("prose-data", "ข้อมูล (data): ปี ๒๕๖๖ และ data: 2566"),
    ("links", "[แผน](plan.md) [เว็บ](https://www.senate.go.th/) <https://example.com> [อีเมล](mailto:a@b.c)"),
    ("html-layout",
     '<div class="grid cards" markdown>\n\n- <b>หนา</b>\n\n</div>\n<details><summary>x</summary>y</details>'),
    ("attr-list-classes", "[ดาวน์โหลด](plan.pdf){ .md-button .md-button--primary target=_blank }"),
    ("title-attr-with-data-word", '<abbr title="data: ข้อมูล">ข้อมูล</abbr>'),
    ("front-matter", '---\ntitle: "<b>x</b>"\n---\nเนื้อหา'),
]


@pytest.mark.parametrize("text", [c[1] for c in SCAN_LEGIT], ids=[c[0] for c in SCAN_LEGIT])
def test_scan_leaves_legit_markdown_alone(text: str) -> None:
    assert scan_raw_html(text, "a.md") == []
