"""Issue 13, visitors: what a visitor meets on the built site (digits, English pages, footer, tables, the home
page's progress block) and the causes of slow or shifting first paints, read from the session's real build."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


def read(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


# -- 9: digits -------------------------------------------------------------------------------------------

_SKIP = frozenset({"script", "style", "code", "pre", "kbd", "samp", "template", "noscript"})
_VOID = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area", "base", "track",
                   "embed"})


class _ThaiText(HTMLParser):
    """Text nodes in Thai-language context (``<html lang>`` or the nearest ``lang``), outside code."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.html_lang = "th"
        self.texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.html_lang = a.get("lang") or "th"
        elif tag not in _VOID:
            self.stack.append((tag, a.get("lang")))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if any(tag in _SKIP for tag, _ in self.stack):
            return
        lang = next((lang for _, lang in reversed(self.stack) if lang), self.html_lang)
        if lang.startswith("th") and re.search(r"[0-9]", data):
            self.texts.append(" ".join(data.split()))


# What may keep Arabic digits inside Thai text, and why:
ALLOWED = [
    (re.compile(r"https?://\S+"), "web addresses are typed as they are"),
    (re.compile(r"[\w.-]+\.(?:pdf|csv|json|ics|xml|md|yml|jpe?g|png|webp|heic|txt|woff2)\b", re.I), "file names"),
    (re.compile(r"\b(?=[0-9a-f]*[a-f])[0-9a-f]{7,64}\b"), "commit ids and SHA-256 checksums (hexadecimal)"),
    (re.compile(r"\b(?:ISO|WCAG|TLS|HTTP|HTML|SHA|UTF)[ -]?[0-9][0-9.]*\b"),
     "names of standards: ISO 8601, WCAG 2.1, SHA-256, UTF-8"),
    (re.compile(r"\b[A-Za-z]{1,3}[0-9]+(?:[–-][A-Za-z]{1,3}[0-9]+)?\b"),
     "codes that are letters + digits: A4, ITA/OIT items O1–O43, M3"),
]


def stray_digits(text: str) -> list[str]:
    """Arabic digit runs in ``text`` that no allow-list rule explains. A text node with Latin letters and no
    Thai letter is English (an untranslated technical phrase), not Thai text: it is left out."""
    if not re.search(r"[\u0e01-\u0e5b]", text) and re.search(r"[A-Za-z]", text):
        return []
    for pattern, _why in ALLOWED:
        text = pattern.sub(" ", text)
    return re.findall(r"\S*[0-9]+\S*", text)


@pytest.mark.parametrize("text, stray", [
    ("ปีงบประมาณ 2566", ["2566"]), ("๑. โครงการ", []), ("1. โครงการ", ["1."]), ("15", ["15"]),
    ("ไฟล์ no-gift-2566-sample.pdf", []), ("ค่า SHA-256 ของไฟล์", []), ("กระดาษ A4", []), ("ข้อ O1–O43", []),
    ("รหัส 2e5f14b", []), ("ดู https://x.example/2566/", []), ("(เช่น ITA 2565)", ["2565)"]),
    ("the FY 2566 plan", []), ("เลข 2566000", ["2566000"]),
])
def test_stray_digit_rules(text: str, stray: list[str]) -> None:
    assert stray_digits(text) == stray


def test_no_stray_arabic_digits_in_thai_text_on_any_page(built_site: Path) -> None:
    """``extra.digits: thai``: every number a Thai reader sees is in Thai digits, on every page of the build."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^  digits: thai\b", config, re.M), "this test reads a build with Thai digits"
    found = []
    for page in pages(built_site):
        parser = _ThaiText()
        parser.feed(page.read_text(encoding="utf-8"))
        if parser.html_lang.startswith("en"):
            continue  # English pages use Arabic digits
        for text in parser.texts:
            for token in stray_digits(text):
                found.append(f"{page.relative_to(built_site)}: {token!r} in {text[:90]!r}")
    assert not found, "Arabic digits in Thai text:\n" + "\n".join(found[:40])


def test_score_table_numbers_and_links_projects_in_thai_digits(built_site: Path) -> None:
    html = read(built_site, "plan/2566")
    table = next(t for t in re.findall(r"<table>.*?</table>", html, re.S) if "<th>คะแนนเต็ม</th>" in t)
    rows = re.findall(r'<td data-label="โครงการ"><a href="(project-\d+/)">([^<]+)</a></td>', table)
    assert len(rows) >= 5, table[:500]
    for href, label in rows:
        assert re.match(r"[๐-๙]+\. \S", label), label
        assert (built_site / "plan/2566" / href / "index.html").is_file()
    assert not re.search(r">[0-9]+\. ", table)


# -- 8: the home page's progress block --------------------------------------------------------------------

def test_home_progress_bar_is_drawn_and_marked_sample(built_site: Path) -> None:
    html = read(built_site, "")
    block = html[html.index('class="lc-home-progress"'):]
    bar = re.search(r'<svg class="lc-bar".*?</svg>', block, re.S)
    assert bar and bar.group(0).count("<rect") == 2 and "<line" in bar.group(0), "the bar must keep its shapes"
    # the latest year is the bundled draft: its notice says ร่าง / ตัวอย่าง (samples add their own notice)
    assert re.search(r'class="lc-sample"><strong>(ร่าง / )?ตัวอย่าง:</strong>', block[:block.index("<svg")])
    progress = read(built_site, "progress/2566")
    assert re.search(r'class="lc-sample"><strong>ตัวอย่าง:</strong>', progress)


# -- 10: English pages ------------------------------------------------------------------------------------

ENGLISH = ["en", "en/no-gift-policy", "en/anti-bribery-policy"]


@pytest.mark.parametrize("url", ENGLISH)
def test_english_pages_are_english_throughout(built_site: Path, url: str) -> None:
    html = read(built_site, url)
    assert re.search(r'<html lang="en"', html)
    header = html[html.index("<header"):html.index("</header>")]
    assert 'placeholder="Search"' in header and ">Search this site</label>" in header
    assert "Model Moral Organization Learning Center" in header
    assert "ค้นหา" not in header and "ศูนย์เรียนรู้" not in re.sub(r'<[^>]+lang="th"[^>]*>[^<]*<', "", header)
    tabs = html[html.index('class="md-tabs__list"'):html.index("</ul>", html.index('class="md-tabs__list"'))]
    assert ">\n          Home" in tabs or re.search(r">\s*Home\s*<", tabs)
    for thai in re.findall(r">\s*([^<>]*[\u0e01-\u0e5b][^<>]*?)\s*<", tabs):
        pytest.fail(f"Thai tab title on an English page: {thai}")
    footer = html[html.index('class="lc-footer-links"'):]
    assert "Website policies and information" in footer and "Contact us" in footer and "Telephone" in footer
    assert "ส่วนท้าย" not in html and "ต่อไป" not in footer and "ก่อนหน้า" not in footer  # Material's Thai strings
    if 'data-md-component="toc"' in html:
        assert "Table of contents" in html and "สารบัญ" not in html


@pytest.mark.parametrize("url, thai", [("en", ""), ("en/no-gift-policy", "policies/no-gift/2566/"),
                                       ("en/anti-bribery-policy", "policies/anti-bribery/2566/")])
def test_english_page_switches_back_to_its_thai_page_with_absolute_hreflang(built_site: Path, url: str,
                                                                            thai: str) -> None:
    html = read(built_site, url)
    found = re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="(\w+)">', html)
    links = {lang: href for href, lang in found}
    assert set(links) == {"th", "en"}
    assert all(href.startswith("https://") for href in links.values()), links
    assert links["th"].endswith("/" + thai) and links["en"].endswith(f"/{url}/")
    switch = re.search(r'<a href="([^"]+)" hreflang="th" lang="th" class="md-select__link">', html)
    assert switch, "a language switch back to Thai"
    from urllib.parse import urljoin
    assert urljoin(f"http://site/{url}/", switch.group(1)) == f"http://site/{thai}"


def test_hreflang_links_are_absolute_everywhere(built_site: Path) -> None:
    for page in pages(built_site):
        for href in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang=', page.read_text(encoding="utf-8")):
            assert re.match(r"https?://", href), f"{page}: relative hreflang {href}"


def test_thai_policy_lists_its_english_summary(built_site: Path) -> None:
    html = read(built_site, "policies/no-gift/2566")
    assert re.search(r'<link rel="alternate" href="https://[^"]+/en/no-gift-policy/" hreflang="en">', html)


# -- 13: footer agency block and the logo -----------------------------------------------------------------

@pytest.mark.parametrize("url", ["", "knowledge", "plan/2566/measure-1"])
def test_footer_agency_block_from_data_marks_unsupplied_details(built_site: Path, url: str) -> None:
    html = read(built_site, url)
    block = html[html.index('class="lc-agency"'):]
    block = block[:block.index("</div>\n</div>") if "</div>\n</div>" in block else 4000]
    assert "สำนักกรรมาธิการ ๒" in block and "สำนักงานเลขาธิการวุฒิสภา" in block
    for label in ("ที่อยู่", "โทรศัพท์", "อีเมล"):
        row = block[block.index(f"<dt>{label}</dt>"):][:400]
        assert "ยังไม่ได้รับข้อมูล" in row and "ตัวอย่าง" in row, row
    assert "©" in block and "mailto:" not in block and "tel:" not in block  # nothing invented


def test_logo_has_a_meaningful_alt_and_a_size(built_site: Path) -> None:
    for url in ("", "en"):
        for tag in re.findall(r"<img[^>]*logo\.svg[^>]*>", read(built_site, url)):
            alt = re.search(r'alt="([^"]*)"', tag)
            assert alt and alt.group(1) not in ("", "logo") and len(alt.group(1)) > 6, tag
            assert 'width="24"' in tag and 'height="24"' in tag


# -- 11: tables -------------------------------------------------------------------------------------------

def test_measure_table_status_beside_item_and_deadlines_tied_to_items(built_site: Path) -> None:
    html = read(built_site, "plan/2566/measure-1")
    table = html[html.index("<table"):html.index("</table>")]
    headers = re.findall(r"<th[^>]*>(.*?)</th>", table)
    assert headers[:2] == ["โครงการ/กิจกรรม", "สถานะ"]
    cells = re.findall(r'<td data-label="กำหนดส่ง">(.*?)</td>', table, re.S)
    assert cells
    for cell in cells:
        for line in [x for x in re.split(r"<br\s*/?>", cell) if x.strip() and x.strip() != "–"]:
            assert re.match(r"\s*(ข้อ [๐-๙.]+|โครงการ): ", line), f"deadline without its item: {line}"


@pytest.mark.parametrize("url", ["plan/2566/measure-1", "evidence/2566", "register", "progress/2566/publicity"])
def test_wide_tables_label_every_cell_for_the_phone_layout(built_site: Path, url: str) -> None:
    html = read(built_site, url)
    tables = re.findall(r'<div class="lc-table-scroll[^"]*">\s*<table>.*?</table>', html, re.S)
    assert tables, url
    for table in tables:
        assert "<td>" not in table.split("</thead>", 1)[1], f"{url}: a body cell without data-label"


# -- 19: causes of slow or shifting first paints ----------------------------------------------------------

def test_every_image_has_its_size(built_site: Path) -> None:
    missing = []
    for page in pages(built_site):
        for tag in re.findall(r"<img\b[^>]*>", page.read_text(encoding="utf-8")):
            if not (re.search(r'\bwidth="\d+"', tag) and re.search(r'\bheight="\d+"', tag)):
                missing.append(f"{page.relative_to(built_site)}: {tag[:120]}")
    assert not missing, "\n".join(missing[:20])


def test_fonts_never_swap_after_first_paint_and_the_page_subset_is_preloaded(built_site: Path) -> None:
    css = (built_site / "assets/css/site.css").read_text(encoding="utf-8")
    displays = re.findall(r"font-display:\s*(\w+)", css)
    assert displays and set(displays) == {"optional"}
    thai, english = ["thai-400", "thai-700"], ["latin-400", "latin-700", "thai-400"]
    for url, subsets in (("", thai), ("knowledge", thai), ("en", english)):
        found = re.findall(r'<link rel="preload" href="[./]*assets/fonts/sarabun-([a-z]+-[0-9]+)-normal\.woff2" '
                           r'as="font" type="font/woff2" crossorigin', read(built_site, url))
        assert found == subsets, (url, found)


@pytest.mark.parametrize("url", ["", "knowledge", "plan/2566/measure-1", "policies/no-gift/2566",
                                 "activities/2023-03-14-no-gift-policy"])
def test_head_blocks_first_paint_only_with_three_local_stylesheets(built_site: Path, url: str) -> None:
    html = read(built_site, url)
    head = html[:html.index("</head>")]
    blocking_css = [t for t in re.findall(r"<link\b[^>]*>", head) if 'rel="stylesheet"' in t and "media=" not in t]
    names = [re.search(r'href="([^"]+)"', t).group(1).rsplit("/", 1)[-1] for t in blocking_css]  # type: ignore[union-attr]
    extra = [n for n in names if not re.match(r"(main|palette)\.[0-9a-f]+\.min\.css$|lc-bundle\.css$", n)]
    lightbox = 'class="glightbox' in html
    lightbox_css = [n for n in extra if n == "glightbox.min.css" or re.match(r"[0-9a-f]{16}\.css$", n)]
    assert extra == (lightbox_css if lightbox else []), names
    body = html[html.index("<body"):]
    assert "assets/css/search.css" not in body, "the search box's stylesheet is in the bundle"
    for tag in re.findall(r"<script\b[^>]*>", head):
        assert "src=" not in tag or re.search(r"\b(defer|async)\b", tag), f"render-blocking script in <head>: {tag}"
    assert ("glightbox.min.js" in html) == lightbox, "GLightbox only on pages with a lightbox"


def test_bundle_keeps_every_stylesheet_in_order(built_site: Path) -> None:
    bundle = (built_site / "assets/css/lc-bundle.css").read_text(encoding="utf-8")
    order = re.findall(r"/\* ---- (assets/css/[\w.-]+) ---- \*/", bundle)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    listed = re.findall(r"^  - (assets/css/[\w.-]+\.css)$", config, re.M)
    assert order == [*listed, "assets/css/search.css"]
    for name in order:
        assert (built_site / name).read_text(encoding="utf-8").strip() in bundle
