"""Unit tests of the small core modules issue 13 (visitors) added: page_speed, translations, agency, search
context."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_build import page_speed
from site_build.agency import load_agency
from site_build.errors import ProblemsFound
from site_build.search.context import page_context, page_language, pagefind_attributes
from site_build.translations import alternates, pairs

ROOT = Path(__file__).resolve().parents[1]

HEAD = ('<head><link rel="stylesheet" href="../assets/stylesheets/main.1.min.css">\n'
        '<link rel="stylesheet" href="../assets/css/site.css">\n<link rel="stylesheet" href="../assets/css/b.css">\n'
        '<link rel="stylesheet" href="../assets/css/print.css" media="print">'
        '<link href="../assets/stylesheets/glightbox.min.css" rel="stylesheet">'
        '<script src="../assets/javascripts/glightbox.min.js"></script>'
        '<style id="glightbox-style">.gslide-title { margin: 0 }</style></head>')


def test_stylesheets_become_one_link_where_the_first_was() -> None:
    html = HEAD + '<body><header><link rel="stylesheet" href="../assets/css/search.css">\n</header></body>'
    out = page_speed.bundle_stylesheets(html, ["assets/css/site.css", "assets/css/b.css", "assets/css/search.css"])
    assert out.count("lc-bundle.css") == 1
    assert '<link rel="stylesheet" href="../assets/css/lc-bundle.css">' in out.split("</head>")[0]
    assert "site.css" not in out and "b.css" not in out and "search.css" not in out
    assert 'print.css" media="print"' in out and "main.1.min.css" in out
    assert out.index("main.1.min.css") < out.index("lc-bundle.css")


def test_bundle_text_keeps_order_and_drops_charset() -> None:
    text = page_speed.stylesheet_bundle([("assets/css/a.css", '@charset "UTF-8";\na{}'), ("assets/css/b.css", "b{}")])
    assert text.index("a{}") < text.index("b{}") and "@charset" not in text


def test_lightbox_code_only_where_a_page_has_a_lightbox() -> None:
    init = '<script id="init-glightbox">const lightbox = GLightbox({});</script>'
    plain = page_speed.trim_lightbox(HEAD + "<body><p>text</p>" + init + "</body>")
    assert "glightbox" not in plain.lower()
    gallery = page_speed.trim_lightbox(HEAD + '<body><a class="glightbox" href="x.jpg">x</a>' + init + "</body>")
    assert 'glightbox.min.js" defer></script>' in gallery and '<script id="init-glightbox" defer>' in gallery
    assert "glightbox.min.css" in gallery


def test_table_cells_get_their_column_name() -> None:
    html = ("<table>\n<thead>\n<tr>\n<th>ชื่อ</th>\n<th>สถานะ &amp; <em>วันที่</em></th>\n</tr>\n</thead>\n<tbody>\n"
            '<tr>\n<td>ก</td>\n<td align="right">ข</td>\n</tr>\n</tbody>\n</table><table><tr><td>x</td></tr></table>')
    out = page_speed.label_table_cells(html)
    assert '<td data-label="ชื่อ">ก</td>' in out
    assert '<td data-label="สถานะ &amp; วันที่" align="right">ข</td>' in out
    assert "<table><tr><td>x</td></tr></table>" in out  # no header row: left alone


def test_translation_pairs_and_absolute_alternates() -> None:
    table = pairs([("en/no-gift-policy/", {"translation": "policies/no-gift/2566/"}), ("en/other/", {})])
    assert table["en/no-gift-policy/"] == {"th": "policies/no-gift/2566/", "en": "en/no-gift-policy/"}
    assert table["policies/no-gift/2566/"]["en"] == "en/no-gift-policy/"
    assert "en/other/" not in table
    found = alternates("policies/no-gift/2566/", table, "https://site.example/sub")
    assert [(a.lang, a.url) for a in found] == [("th", "https://site.example/sub/policies/no-gift/2566/"),
                                                ("en", "https://site.example/sub/en/no-gift-policy/")]
    assert [a.url for a in alternates("", table, "https://site.example/")] == ["https://site.example/",
                                                                                "https://site.example/en/"]
    assert alternates("knowledge/", table, "https://site.example/") == []


def test_agency_data_of_the_project_marks_what_is_not_supplied() -> None:
    agency = load_agency(ROOT)
    assert agency.name["th"] == "สำนักกรรมาธิการ ๒" and agency.parent["th"] == "สำนักงานเลขาธิการวุฒิสภา"
    assert [f.key for f in agency.contacts] == ["address", "telephone", "email"]
    assert all(not f.supplied and f.value is None for f in agency.contacts) and agency.has_samples


def test_agency_field_marked_supplied_needs_a_value(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "agency.yml").write_text(
        "name:\n  th: ก\nparent:\n  th: ข\ntelephone:\n  supplied: true\n  value:\n", encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught:
        load_agency(tmp_path)
    problem = caught.value.problems[0]
    assert problem.file == "data/agency.yml" and "telephone" in problem.message_en and problem.line == 6
    (tmp_path / "data" / "agency.yml").write_text(
        "name:\n  th: ก\nparent:\n  th: ข\ntelephone:\n  supplied: true\n  value: '0 2000 0000'\n", encoding="utf-8")
    phone = load_agency(tmp_path).contacts[1]
    assert phone.supplied and phone.value == "0 2000 0000"  # kept as text: YAML does not turn it into a number


@pytest.mark.parametrize("path, digits, context", [
    ("policies/no-gift/2566/", "thai", "นโยบาย · ฉบับปี ๒๕๖๖"),
    ("policies/no-gift/", "thai", "นโยบาย · ทุกฉบับ"),
    ("plan/2566/measure-1/", "arabic", "แผนบูรณาการ · ปี 2566"),
    ("knowledge/strong-organization/", "thai", "องค์ความรู้"),
    ("", "thai", "หน้าแรก"),
])
def test_search_context(path: str, digits: str, context: str) -> None:
    assert page_context(path, digits) == context  # type: ignore[arg-type]


def test_search_language_and_attributes() -> None:
    html = '<html lang="en" class="no-js"><body><div data-digits="thai"></div>'
    assert page_language(html) == "en" and page_language("<html>") == "th"
    assert pagefind_attributes(html, "en/") == ' data-pagefind-filter="lang:en" data-pagefind-meta="context:English"'


def test_bench_server_sends_text_gzip_compressed_and_fonts_as_they_are(tmp_path: Path) -> None:
    """bench/gzip_server.py serves the site as nginx will (``gzip on``): Lighthouse's figures depend on it."""
    import gzip
    import sys
    import urllib.request

    sys.path.insert(0, str(ROOT / "bench"))
    from gzip_server import serve

    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("<p>สวัสดี</p>" * 200, encoding="utf-8")
    (tmp_path / "f.woff2").write_bytes(b"wOF2" + bytes(100))
    with serve(tmp_path) as url:
        request = urllib.request.Request(url + "a/", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers["Content-Encoding"] == "gzip" and response.headers["Vary"] == "Accept-Encoding"
            assert "Content-Security-Policy" in response.headers
            assert gzip.decompress(response.read()).decode("utf-8") == "<p>สวัสดี</p>" * 200
        request = urllib.request.Request(url + "f.woff2", headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.headers.get("Content-Encoding") is None and response.read().startswith(b"wOF2")
        with urllib.request.urlopen(url + "a/", timeout=10) as response:  # no Accept-Encoding: plain
            assert response.headers.get("Content-Encoding") is None
