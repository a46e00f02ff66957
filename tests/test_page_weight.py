"""The page-weight benchmark's measuring rules (the budget itself is checked by bench/page_weight.py, not here)."""

from __future__ import annotations

import gzip
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "page_weight.py"


@pytest.fixture(scope="module")
def pw() -> ModuleType:
    spec = importlib.util.spec_from_file_location("page_weight", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["page_weight"] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


def test_unicode_ranges(pw: ModuleType) -> None:
    assert pw.parse_unicode_range("U+0E01-0E5B, U+200C, U+4??") == [(0x0E01, 0x0E5B), (0x200C, 0x200C),
                                                                     (0x400, 0x4FF)]
    assert pw.covers([(0x0E01, 0x0E5B)], "abc ก") and not pw.covers([(0x0E01, 0x0E5B)], "abc")


def test_fonts_count_only_when_the_page_uses_their_range(pw: ModuleType) -> None:
    css = """/* @font-face { src: url(commented.woff2) } */
    @font-face { font-family: S; src: url("thai.woff2") format("woff2"); unicode-range: U+0E01-0E5B; }
    @font-face { font-family: S; src: url(latin.woff2); unicode-range: U+0000-00FF; }
    @font-face { font-family: S; src: url(all.woff2); }
    @import url("more.css");
    .x { background: url(data:image/png;base64,AAA) } .y { background: url('bg.svg') }"""
    assert pw.css_references(css, "hello") == [("css", "more.css"), ("font", "latin.woff2"), ("font", "all.woff2"),
                                               ("image", "bg.svg")]
    assert ("font", "thai.woff2") in pw.css_references(css, "สวัสดี")


def test_measure_follows_references_and_skips_photos(pw: ModuleType, tmp_path: Path) -> None:
    site = tmp_path
    (site / "a").mkdir()
    (site / "assets").mkdir()
    (site / "a" / "index.html").write_text(
        '<html><head><link rel="stylesheet" href="../assets/s.css"><link rel="icon" href="../assets/i.svg">'
        '<link rel="stylesheet" href="https://fonts.example/css"><script src="../assets/app.js"></script>'
        '<link rel="canonical" href="https://site/a/"></head>'
        '<body><p>ไทย</p><img src="../assets/photo.jpg"><img src="../assets/logo.svg"></body></html>',
        encoding="utf-8")
    (site / "assets" / "s.css").write_text("@font-face{src:url(f.woff2);unicode-range:U+0E01-0E5B}", encoding="utf-8")
    for name in ("i.svg", "app.js", "photo.jpg", "logo.svg", "f.woff2"):
        (site / "assets" / name).write_bytes(b"x" * 1000)
    weight = pw.measure_page(site, "a/")
    assert sorted(r.url for r in weight.resources) == ["a/index.html", "assets/app.js", "assets/f.woff2",
                                                       "assets/i.svg", "assets/logo.svg", "assets/s.css"]
    assert weight.external == ["https://fonts.example/css"]
    assert weight.gzip == sum(len(gzip.compress((site / r.url).read_bytes(), 9, mtime=0)) for r in weight.resources)


def test_material_load_time_fetches(pw: ModuleType, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(
        '<link rel="alternate" href="en/" hreflang="en"><link rel="alternate" href="./" hreflang="th">'
        '<form name="search"></form><script id="__config" type="application/json">'
        '{"base": ".", "search": "assets/w.js"}</script>', encoding="utf-8")
    weight = pw.measure_page(tmp_path, "")
    assert sorted(weight.missing) == ["assets/w.js", "en/sitemap.xml", "search/search_index.json", "sitemap.xml"]
