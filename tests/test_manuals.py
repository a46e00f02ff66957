"""Knowledge manuals: the whole-manual print view, built from the chapters in order, and the manuals as built."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_build import manuals
from site_build.errors import ProblemsFound

CONTENT = Path(__file__).resolve().parent.parent / "content"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make_manual(root: Path, slug: str = "m", chapters: dict[str, str] | None = None) -> Path:
    folder = root / "knowledge" / slug
    write(folder / "index.md", "---\ntitle: คู่มือทดสอบ\ndescription: คำอธิบาย\n---\n\n# คู่มือทดสอบ\n\nภาพรวม\n\n"
          f"{manuals.SKIP_START}\n\n- [บทหนึ่ง](01-a.md)\n\n[พิมพ์](print.md)\n\n{manuals.SKIP_END}\n\n## ไฟล์ประกอบ\n")
    for name, text in (chapters if chapters is not None else {
        "02-b.md": "---\ntitle: บทที่สอง\nsample: true\n---\n\n# หัวเรื่องบทที่สอง\n\n## ส่วนย่อย\n\nข้อความ ข\n",
        "01-a.md": "# บทที่หนึ่ง { #custom }\n\nข้อความ ก\n\n```md\n# ไม่ใช่หัวข้อ\n```\n\n### ลึก\n",
        "10-c.md": "ไม่มีหัวเรื่อง\n",
    }).items():
        write(folder / name, text)
    return folder


# -- unit -------------------------------------------------------------------------------------------------

def test_chapters_are_read_in_file_name_order_with_titles(tmp_path: Path) -> None:
    make_manual(tmp_path)
    (found,), warnings = manuals.discover_manuals(tmp_path)
    assert not warnings
    assert found.slug == "m" and found.title == "คู่มือทดสอบ"
    assert [c.uri for c in found.chapters] == ["knowledge/m/01-a.md", "knowledge/m/02-b.md", "knowledge/m/10-c.md"]
    # front-matter title wins; else the first heading (attribute list dropped); else the file name
    assert [c.title for c in found.chapters] == ["บทที่หนึ่ง", "บทที่สอง", "10-c"]
    assert found.sample and found.print_uri == "knowledge/m/print.md"


def test_print_page_holds_overview_contents_and_every_chapter_in_order(tmp_path: Path) -> None:
    make_manual(tmp_path)
    (found,), _ = manuals.discover_manuals(tmp_path)
    page = manuals.print_page(found)
    front, body = page.split("\n---\n", 1)
    assert "lc_print_view: true" in front and "sample: true" in front
    assert 'hide: ["navigation", "toc", "footer"]' in front
    positions = [body.index(s) for s in ("# คู่มือทดสอบ", "ภาพรวม", "## ไฟล์ประกอบ", "1. [บทที่หนึ่ง](#chapter-1)",
                                         "## บทที่หนึ่ง { #chapter-1 .lc-chapter }", "ข้อความ ก",
                                         "## บทที่สอง { #chapter-2 .lc-chapter }", "### ส่วนย่อย", "ข้อความ ข",
                                         "## 10\\-c { #chapter-3 .lc-chapter }", "ไม่มีหัวเรื่อง")]
    assert positions == sorted(positions)
    assert "print:skip" not in body and "[พิมพ์](print.md)" not in body  # skipped region gone
    assert "# หัวเรื่องบทที่สอง" not in body  # the chapter's own H1 is replaced by the chapter heading
    assert "```md\n# ไม่ใช่หัวข้อ\n```" in body  # fenced code is left alone
    assert "#### ลึก" in body  # headings inside chapters move one level down


def test_chapter_titles_are_markdown_escaped(tmp_path: Path) -> None:
    make_manual(tmp_path, chapters={"01-x.md": "---\ntitle: \"<b>*ตัวหนา*</b> [ลิงก์](http://x)\"\n---\n\nข้อความ\n"})
    (found,), _ = manuals.discover_manuals(tmp_path)
    page = manuals.print_page(found)
    assert "<b>" not in page and "[ลิงก์](http://x)" not in page


def test_demote_headings_caps_at_six_and_skips_fences() -> None:
    text = "# a\n###### f\n~~~\n# code\n~~~\n#no-space\n## b ##"
    assert manuals.demote_headings(text) == "## a\n###### f\n~~~\n# code\n~~~\n#no-space\n### b ##"


def test_print_pdf_name_is_reserved(tmp_path: Path) -> None:
    folder = make_manual(tmp_path)
    write(folder / "print.md", "# ไม่ควรมี\n")
    with pytest.raises(ProblemsFound) as caught:
        manuals.discover_manuals(tmp_path, display_root="content")
    (problem,) = caught.value.errors
    assert problem.file == "content/knowledge/m/print.md" and problem.code == "manual-print-reserved"


def test_a_manual_without_chapters_is_a_warning(tmp_path: Path) -> None:
    make_manual(tmp_path, chapters={})
    found, warnings = manuals.discover_manuals(tmp_path)
    assert len(found) == 1 and [w.code for w in warnings] == ["manual-no-chapters"]
    assert "ภาพรวม" in manuals.print_page(found[0])


def test_broken_front_matter_names_the_file_and_line(tmp_path: Path) -> None:
    make_manual(tmp_path, chapters={"01-a.md": "---\ntitle: ก\ntitle: ข\n---\n\nข้อความ\n"})
    with pytest.raises(ProblemsFound) as caught:
        manuals.discover_manuals(tmp_path, display_root="content")
    problem = caught.value.problems[0]
    assert problem.file == "content/knowledge/m/01-a.md" and problem.line == 3


def test_unclosed_front_matter_is_an_error(tmp_path: Path) -> None:
    make_manual(tmp_path, chapters={"01-a.md": "---\ntitle: ก\n\nข้อความ\n"})
    with pytest.raises(ProblemsFound):
        manuals.discover_manuals(tmp_path)


def test_annotate_links_prints_absolute_addresses() -> None:
    html = ('<a href="../x/">ก</a> <a class="headerlink" href="#h">¶</a> <a href="#chapter-1">บท</a> '
            '<a href="https://other.example/a?b=1&amp;c=2">ข</a> <a href="slides.pdf" title="t">ค</a>')
    out = manuals.annotate_links(html, "https://example.org/knowledge/m/print/")
    assert '<a href="../x/" data-print-url="https://example.org/knowledge/m/x/">' in out
    assert '<a class="headerlink" href="#h">' in out and '<a href="#chapter-1">' in out
    assert 'data-print-url="https://other.example/a?b=1&amp;c=2"' in out
    assert '<a href="slides.pdf" title="t" data-print-url="https://example.org/knowledge/m/print/slides.pdf">' in out


# -- the bundled manuals ----------------------------------------------------------------------------------

def bundled() -> list[manuals.Manual]:
    found, warnings = manuals.discover_manuals(CONTENT)
    assert not warnings
    return found


def test_the_plan_manuals_are_all_there() -> None:
    titles = {m.title for m in bundled()}
    assert {"คู่มือกระบวนการขับเคลื่อนองค์กรคุณธรรมต้นแบบ", "คู่มือองค์กร STRONG จิตพอเพียงต้านทุจริต",
            "กระบวนการสร้างเสริมคนดี", "กระบวนการพัฒนาหน่วยงานคุณธรรม",
            "กระบวนการสร้างองค์กรคุณธรรมต้นแบบ"} <= titles
    assert any("ถอดบทเรียน" in t for t in titles)
    for manual in bundled():
        assert 2 <= len(manual.chapters) <= 4, manual.slug


def test_sample_pages_say_so_visibly() -> None:
    """``sample: true`` in front matter goes with a visible ตัวอย่าง banner on the same page."""
    for manual in bundled():
        for part in (manual.overview, *manual.chapters):
            if part.sample:
                assert re.search(r'class="lc-sample"[^>]*>\s*\*\*ตัวอย่าง\*\*', part.body), part.uri


def test_attachments_never_invent_video_addresses() -> None:
    for manual in bundled():
        body = manual.overview.body
        assert "(slides.pdf)" in body and (CONTENT / manual.folder / "slides.pdf").is_file(), manual.slug
        assert "คลิปวิดีโอ" in body
        assert not re.search(r"https?://", body), f"{manual.slug}: an address nobody supplied"


def chapter_positions(html: str, titles: list[str]) -> list[int]:
    return [html.index(f'id="chapter-{n}">{t}') for n, t in enumerate(titles, 1)]


@pytest.mark.slow
def test_built_print_pages_hold_every_chapter_in_order(built_site: Path) -> None:
    for manual in bundled():
        page = built_site / manual.folder / "print" / "index.html"
        html = page.read_text(encoding="utf-8")
        titles = [c.title for c in manual.chapters]
        assert chapter_positions(html, titles) == sorted(chapter_positions(html, titles)), manual.slug
        assert html.count('class="lc-chapter"') == len(titles)
        for chapter in manual.chapters:  # the last words of each chapter are on the page: no chapter cut short
            runs = [run.strip() for line in chapter.body.splitlines() if not re.match(r"\s*[#<`]", line)
                    for run in re.findall(r"[\u0e00-\u0e7f][\u0e00-\u0e7f ]{7,}", line)]
            assert runs and runs[-1] in html, (manual.slug, chapter.uri)
        assert re.search(r'<link rel="stylesheet" href="[./]*assets/css/print\.css" media="print">', html)
        assert "data-print-url=" in html


@pytest.mark.slow
def test_every_page_links_the_print_stylesheet(built_site: Path) -> None:
    for url in ("index.html", "plan/2566/index.html", "knowledge/index.html"):
        assert 'assets/css/print.css" media="print">' in (built_site / url).read_text(encoding="utf-8"), url


def test_print_stylesheet_makes_clean_a4_pages() -> None:
    css = (CONTENT / "assets/css/print.css").read_text(encoding="utf-8")
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", css)
    assert "Sarabun" in css
    for hidden in (".md-header", ".md-sidebar", ".md-footer", ".md-tabs", ".md-search"):
        assert re.search(re.escape(hidden) + r"[^{]*\{[^}]*display:\s*none", css), hidden
    assert re.search(r"\.lc-chapter\s*\{[^}]*break-before:\s*page", css)
    assert re.search(r"table[^{]*\{[^}]*break-inside:\s*avoid", css)
    assert "attr(data-print-url)" in css


@pytest.mark.slow
def test_manual_pages_have_their_own_navigation(built_site: Path) -> None:
    """A chapter page's sidebar lists the other chapters of the same manual (nav entries in mkdocs.yml)."""
    for manual in bundled():
        for chapter in manual.chapters:
            html = (built_site / chapter.uri.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
            nav = html[html.index('class="md-nav md-nav--primary'):html.index('class="md-content"')]
            assert '<a href="../" class="md-nav__link' in nav, chapter.uri  # the manual's overview
            for other in manual.chapters:
                slug = other.uri.rsplit("/", 1)[-1].removesuffix(".md")
                href = "./" if other is chapter else f"../{slug}/"
                assert f'<a href="{href}" class="md-nav__link' in nav, (chapter.uri, slug)


@pytest.mark.slow
def test_built_sample_pages_show_the_banner(built_site: Path) -> None:
    for manual in bundled():
        for part in (manual.overview, *manual.chapters):
            if part.sample:
                url = part.uri.removesuffix("index.md").removesuffix(".md")
                html = (built_site / url / "index.html").read_text(encoding="utf-8")
                assert re.search(r'class="lc-sample"[^>]*>\s*<p><strong>ตัวอย่าง</strong>', html), url
