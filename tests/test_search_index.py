"""The search index step (site_build.search): matching rule, searchable text, index copy, Pagefind run."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from site_build.errors import ProblemsFound
from site_build.search import indexer
from site_build.search.bundle import read_fragments
from site_build.search.indexer import BUNDLE_DIR, index_site, write_index_copies
from site_build.search.pagefind import UNUSED_FILES, pagefind_binary
from site_build.search.pages import article_text, find_article, index_copy
from site_build.search.terms import code, digit_twins, extra_terms, trigram_words
from site_build.search.text import contains, display_text, normalise

ROOT = Path(__file__).resolve().parent.parent


def page(article: str, *, extra: str = "") -> str:
    """A page shaped like Material's: navigation and footer around the article."""
    return (
        '<!doctype html>\n<html lang="th"><head><meta charset="utf-8"><title>ทดสอบ</title></head><body>\n'
        '<header><nav aria-label="หัวข้อ"><a href="/">เมนูหัวเว็บ</a></nav></header>\n'
        f'<nav class="md-tabs"><a href="/x/">แท็บนำทาง</a></nav>{extra}\n'
        f'<main><article class="md-content__inner md-typeset">\n{article}\n</article></main>\n'
        '<footer class="md-footer"><p>ข้อความท้ายเว็บ</p></footer>\n<script>var ซ่อน = 1;</script></body></html>\n'
    )


# --- the matching rule ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "query", "found"), [
    ("เจ้าหน้าที่ไม่รับสินบน", "สินบน", True),  # inside a compound
    ("ข้าราชการรัฐสภา", "ราชการ", True),
    ("ปีงบประมาณ ๒๕๖๖", "2566", True),  # both digit forms
    ("fiscal year 2566", "๒๕๖๖", True),
    ("ปีงบประมาณ ๒๕๖๖", "๒๕๖๗", False),
    ("ปีงบประมาณ ๒๕๖๖", "566", False),  # numbers match from their start
    ("วงเงิน ๑,๐๐๐ บาท", "1000", True),  # thousands commas do not count
    ("No Gift Policy", "no gift policy", True),  # any case
    ("No  Gift\nPolicy", "no gift policy", True),  # any whitespace
    ("No Gift Policy", "ift", False),  # Latin words match from their start
    ("ประกาศ No Gift", "gift policy", False),
    ("กิจกรรม\u200bจิต\u200bอาสา", "จิตอาสา", True),  # zero-width word breaks (Pagefind's) do not count
    ("ทำ", "ทํา", True),  # NFKC: sara am = nikhahit + sara aa
    ("ข้อความ", "", False),
])
def test_contains(text: str, query: str, found: bool) -> None:
    assert contains(text, query) is found


def test_normalise() -> None:
    assert normalise("  ITA  ๒๕๖๖\u200b\n") == "ita 2566"
    assert normalise("๑,๒๓๔,๕๖๗") == "1234567"
    assert display_text("เงิน\u200b ๑,๐๐๐ ⟦ 1,000 vava ⟧") == "เงิน ๑,๐๐๐"


def test_extra_terms() -> None:
    assert digit_twins("ปี ๒๕๖๖ และ 2567 วันที่ ๒๐/๐๖/๒๕๖๖ เงิน ๑,๐๐๐") == ["2566", "20/06/2566", "1,000"]
    assert code("กข") == "vbvc" and re.fullmatch(r"[a-z]+", code("ราชการ"))
    words = trigram_words("ข้าราชการ")
    assert code("ราช") in words and code("การ") in words and code("ร") in words  # run end: shorter terms
    assert trigram_words("No Gift 2566") == []
    block = extra_terms("ปี ๒๕๖๖")
    assert block.startswith("⟦ 2566 ") and block.endswith(" ⟧") and display_text("x" + block) == "x"


# --- which text is searchable --------------------------------------------------------------------------------

def test_only_the_article_is_searchable() -> None:
    html = page(
        '<h1 id="t">หัวเรื่อง<a class="headerlink" href="#t">¶</a></h1>\n'
        "<p>ย่อหน้า<strong>หนา</strong>ติดกัน</p>\n"
        '<nav class="lc-sitemap"><a href="/">รายการลิงก์</a></nav>\n'
        "<table><tr><td>ช่องหนึ่ง</td><td>ช่องสอง</td></tr></table>\n"
        '<aside data-pagefind-ignore><p>ประวัติหน้า</p></aside>\n<p>บรรทัด<br>ใหม่</p>')
    assert article_text(html) == "หัวเรื่อง\nย่อหน้าหนาติดกัน\nช่องหนึ่ง\nช่องสอง\nบรรทัด ใหม่"
    for chrome in ("เมนูหัวเว็บ", "แท็บนำทาง", "ข้อความท้ายเว็บ", "ซ่อน", "¶", "รายการลิงก์", "ประวัติหน้า"):
        assert not contains(article_text(html) or "", chrome), chrome


def test_pages_without_an_article_or_marked_noindex_are_not_searchable() -> None:
    assert article_text("<html><body><p>ไม่มีบทความ</p></body></html>") is None
    assert find_article(page("<p>ฉบับพิมพ์</p>", extra="<div data-lc-noindex hidden></div>")) is None
    assert article_text(page("<p>พูดถึง data-lc-noindex ในเนื้อหา</p>")) is not None


def test_index_copy_marks_the_article_and_adds_terms_inside_it() -> None:
    html = page("<p>ไม่รับสินบน ปี ๒๕๖๖</p>")
    copy = index_copy(html)
    assert copy is not None
    assert copy.count("data-pagefind-body") == 1
    assert ('<article data-pagefind-body data-pagefind-filter="lang:th" data-pagefind-meta="context:หน้าแรก" '
            'class="md-content__inner md-typeset">') in copy  # language and context: site_build/search/context.py
    body = copy[copy.index("<article"):copy.index("</article>")]
    assert "⟦ 2566 " in body and code("สิน") in body
    restored = re.sub(r"<div>⟦[^⟧]*⟧</div>", "", copy).replace(" data-pagefind-body", "")
    restored = re.sub(r' data-pagefind-(?:filter|meta)="[^"]*"', "", restored)
    assert restored == html


# --- running Pagefind ----------------------------------------------------------------------------------------

def test_missing_pagefind_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProblemsFound) as caught:
        pagefind_binary(tmp_path)
    problem = caught.value.problems[0]
    assert problem.code == "search-pagefind-missing" and "npm ci" in problem.fix_th
    (tmp_path / "site").mkdir()
    with pytest.raises(ProblemsFound):
        index_site(tmp_path / "site", tmp_path)


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    try:
        pagefind_binary(ROOT)
    except ProblemsFound:
        pytest.skip("Pagefind is not installed (run npm ci)")
    site = tmp_path / "site"
    for rel, article in [("index.html", "<h1>หน้าแรก</h1><p>ไม่รับสินบน</p>"),
                         ("a/index.html", "<h1>นโยบาย</h1><p>No Gift Policy ปี ๒๕๖๖</p>")]:
        (site / rel).parent.mkdir(parents=True, exist_ok=True)
        (site / rel).write_text(page(article), encoding="utf-8")
    (site / "404.html").write_text(page("<h1>404</h1>"), encoding="utf-8")
    (site / "print").mkdir()
    (site / "print/index.html").write_text(page("<p>ฉบับพิมพ์</p>", extra="<div data-lc-noindex></div>"), "utf-8")
    (site / "plain.html").write_text("<html><body>ไม่มีบทความ</body></html>", encoding="utf-8")
    return site


def _hashes(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_index_site_on_a_tiny_site(tiny_site: Path) -> None:
    before = {p: tiny_site.joinpath(p).read_bytes() for p in ("index.html", "a/index.html")}
    index_site(tiny_site, ROOT)
    bundle = tiny_site / BUNDLE_DIR
    assert (bundle / "pagefind.js").is_file()
    assert not [name for name in UNUSED_FILES if (bundle / name).exists()]
    fragments = read_fragments(bundle)
    assert set(fragments) == {"/", "/a/"}  # not 404.html, the noindex page or the page without an article
    assert display_text(fragments["/a/"]["content"]).startswith("นโยบาย")
    assert "⟦" in fragments["/a/"]["content"] and "เมนูหัวเว็บ" not in fragments["/a/"]["content"]
    assert all(tiny_site.joinpath(p).read_bytes() == b for p, b in before.items())  # pages left as built
    first = _hashes(bundle)
    index_site(tiny_site, ROOT)
    assert _hashes(bundle) == first, "two indexings of the same pages must be byte-identical"


def test_index_copies_are_the_same_on_one_core_or_many(tiny_site: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    assert write_index_copies(tiny_site, tmp_path / "serial", workers=1) == 2
    monkeypatch.setattr(indexer, "PARALLEL_FROM", 1)
    assert write_index_copies(tiny_site, tmp_path / "parallel", workers=2) == 2
    assert _hashes(tmp_path / "serial") == _hashes(tmp_path / "parallel")
    assert set(_hashes(tmp_path / "serial")) == {"index.html", "a/index.html"}


# --- the real build --------------------------------------------------------------------------------------------

def test_built_site_index_matches_the_article_text(built_site: Path) -> None:
    """Pagefind read exactly the article text of every searchable page (the test oracle's text)."""
    fragments = read_fragments(built_site / BUNDLE_DIR)
    pages = {}
    for html_file in built_site.rglob("*.html"):
        rel = html_file.relative_to(built_site).as_posix()
        if rel == "404.html" or rel.startswith(BUNDLE_DIR + "/"):
            continue
        text = article_text(html_file.read_text(encoding="utf-8"))
        if text is not None:
            pages["/" + rel.removesuffix("index.html")] = text
    assert set(fragments) == set(pages)
    squash = re.compile(r"[\s.]")
    for url, text in pages.items():
        stored = display_text(fragments[url]["content"])
        assert squash.sub("", normalise(stored)) == squash.sub("", normalise(text)), url
        for chrome in ("ลูกศรลง", "กลับไปด้านบนสุด", "ข้ามไปที่เนื้อหา"):
            assert chrome not in stored, (url, chrome)


def test_every_page_has_the_search_box_and_no_material_search(built_site: Path) -> None:
    # (admin/ is the browser editor for staff, not a site page: no site header, kept out of search)
    pages = [p for p in built_site.rglob("*.html")
             if not p.relative_to(built_site).as_posix().startswith(("pagefind", "admin/"))]
    assert pages
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        header = html[html.find("<header"):html.find("</header>")]
        assert 'id="lc-search-input"' in header, html_file
        assert "data-pagefind-body" not in html and "⟦" not in html, html_file  # the index copy stays out
        assert 'data-md-component="search"' not in html, html_file
    assert not list(built_site.glob("search/search_index.json"))
    assert (built_site / BUNDLE_DIR / "pagefind.js").is_file()
