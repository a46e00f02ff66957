"""Write-up pages and listings as pure functions: order, paging, statuses for a fixed "as of" date."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from site_build.activities.build import is_original_photo, prepare
from site_build.activities.items import PlanIndex
from site_build.activities.listing import generate_listing_pages
from site_build.activities.load import evidence_of, load_activities
from site_build.activities.urls import page_url, photo_prefix, to_root
from site_build.context import resolve_as_of
from site_build.status import Status
from tests.test_activities_support import VALID_FRONT, context, make_project, write_bundle


def front(day: dt.date, items: tuple[str, ...] = ("1.1",), *, extra: str = "", title: str = "") -> str:
    lines = [f"title: {title or 'กิจกรรม ' + day.isoformat()}", f"date: {day.isoformat()}", "plan_items:"]
    lines += [f'  - "{i}"' for i in items]
    lines += ["summary: สรุป"]
    return "\n".join(lines) + "\n" + extra


def many(root: Path, count: int) -> None:
    start = dt.date(2022, 10, 3)
    for k in range(count):
        day = start + dt.timedelta(days=7 * k)
        items = ("1.1",) if k % 3 else ("11.2",)
        write_bundle(root, f"{day.isoformat()}-event-{k}", front(day, items))


def cards(markdown: str) -> list[str]:
    return re.findall(r'<time datetime="([0-9-]+)">', markdown)


def test_listing_is_newest_first_and_paged(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    many(root, 30)
    writeups, problems = load_activities(root / "content", plan, display_root=root)
    assert not problems
    pages = {g.uri: g.content for g in generate_listing_pages(context(root, plan), writeups, {}, per_page=24)}
    first, second = cards(pages["activities/index.md"]), cards(pages["activities/page/2.md"])
    assert len(first) == 24 and len(second) == 6
    everything = first + second
    assert everything == sorted(everything, reverse=True) and len(set(everything)) == 30
    assert "[เก่ากว่า →](/activities/page/2.md)" in pages["activities/index.md"]
    assert "[← ใหม่กว่า](/activities/index.md)" in pages["activities/page/2.md"]
    assert "activities/page/3.md" not in pages


def test_measure_listings_hold_only_their_measure(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    many(root, 30)
    writeups, _ = load_activities(root / "content", plan, display_root=root)
    pages = {g.uri: g.content for g in generate_listing_pages(context(root, plan), writeups, {}, per_page=24)}
    assert len(cards(pages["activities/measure-2.md"])) == 10  # k % 3 == 0 → 11.2 (measure 2)
    assert "activities/measure-2/page/2.md" not in pages
    assert len(cards(pages["activities/measure-1.md"])) == 20
    assert "ยังไม่มีบันทึกกิจกรรม" in pages["activities/measure-3.md"]
    assert '<strong aria-current="page">มาตรการที่ ๒ (๑๐)</strong>' in pages["activities/measure-2.md"]
    assert 'title: "กิจกรรมที่ดำเนินการแล้ว: มาตรการที่ ๒"' in pages["activities/measure-2.md"]


def test_listing_page_size_does_not_grow_with_write_ups(tmp_path: Path) -> None:
    root, plan = make_project(tmp_path)
    many(root, 100)
    writeups, _ = load_activities(root / "content", plan, display_root=root)
    ctx = context(root, plan)
    small = {g.uri: len(g.content) for g in generate_listing_pages(ctx, writeups[:30], {})}
    large = {g.uri: len(g.content) for g in generate_listing_pages(ctx, writeups, {})}
    assert max(large.values()) < 1.2 * max(small.values())


def test_urls_are_relative_to_the_page() -> None:
    assert page_url("activities/index.md") == "activities/"
    assert page_url("activities/page/2.md") == "activities/page/2/"
    assert page_url("activities/page/2.md", directory_urls=False) == "activities/page/2.html"
    assert to_root("activities/page/2/") == "../../../"
    assert photo_prefix("activities/2023-03-15-x/") == "../../assets/photos/"


@pytest.mark.parametrize(("as_of", "expected"), [
    ("2023-04-01", {"1.1": Status.OVERDUE, "1.6.1": Status.DONE, "1.6.2": Status.DUE, "1.6": Status.DUE}),
    ("2023-08-01", {"1.1": Status.OVERDUE, "1.6.1": Status.DONE, "1.6.2": Status.OVERDUE, "1.6": Status.OVERDUE}),
])
def test_statuses_follow_evidence_and_as_of(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, as_of: str,
                                            expected: dict[str, Status]) -> None:
    monkeypatch.setenv("SITE_AS_OF", as_of)
    root, plan = make_project(tmp_path)
    write_bundle(root, "2023-03-30-honour", front(dt.date(2023, 3, 30), ("1.6.1",)))
    writeups, _ = load_activities(root / "content", plan, display_root=root)
    ctx = context(root, plan, resolve_as_of())
    ctx.add_evidence(evidence_of(writeups))
    nodes = {item_id: ref.node for item_id, ref in PlanIndex(plan).items.items()}
    book = ctx.status()
    assert {i: book.status(nodes[i]) for i in expected} == expected
    assert [e.url for e in book.evidence_for(nodes["1.6.1"])] == ["activities/2023-03-30-honour/"]


@pytest.fixture
def prepared(tmp_path: Path):  # type: ignore[no-untyped-def]
    root, plan = make_project(tmp_path / "project")
    extra = ("publicity:\n  facebook-ethics:\n    url: https://example.org/post?a=1&b=2\n    date: 2023-03-16\n"
             "  e-office:\n    note: หนังสือที่ ๑๒๓\nsample: true\nparticipants: 1234\nstaff_percent: 85.5\n"
             "cover: b.jpg\n")
    photos = ("photos:\n  - file: a.jpg\n    alt: ภาพแรก\n"
              "  - file: b.jpg\n    alt: ภาพสอง\n    caption: คำอธิบาย \"ภาพ\"\n")
    write_bundle(root, "2023-03-15-declaration", front(dt.date(2023, 3, 15), ("1.1", "1.6.1"), extra=photos + extra),
                 body="เรื่องราว\n\n![](a.jpg)\n", photos=("a.jpg", "b.jpg"))
    write_bundle(root, "2023-03-17-religion", front(dt.date(2023, 3, 17), ("11.2",)))
    ctx = context(root, plan, dt.date(2023, 4, 10))
    build = prepare(ctx, workers=1, cache_dir=tmp_path / "cache")
    return ctx, build


def test_prepare_registers_evidence_and_ships_only_renditions(prepared) -> None:  # type: ignore[no-untyped-def]
    ctx, build = prepared
    assert {e.url for e in ctx.evidence} == {"activities/2023-03-15-declaration/", "activities/2023-03-17-religion/"}
    assert ctx.extras["activities"] is build
    shipped = dict(build.rendition_files())
    assert shipped and all(uri.startswith("assets/photos/") for uri in shipped)
    assert all(path.is_file() and "cache" in path.parts for path in shipped.values())
    assert is_original_photo("activities/2023-03-15-declaration/a.jpg")
    assert is_original_photo("activities/2023-03-15-declaration/sub/IMG_1.HEIC")
    assert not is_original_photo("assets/photos/abc/480.jpg")
    assert not is_original_photo("activities/2023-03-15-declaration/report.pdf")
    meta = build.page_meta("activities/2023-03-15-declaration/index.md")
    assert meta["description"] == "สรุป" and str(meta["share_image"]).endswith("/share.jpg")
    width, height = int(meta["share_image_width"]), int(meta["share_image_height"])
    assert meta["share_image_alt"] == "ภาพสอง" and abs(width / height - 1200 / 630) < 0.1  # tiny photo: not upscaled


def test_write_up_page_has_banner_items_gallery_and_publicity(prepared) -> None:  # type: ignore[no-untyped-def]
    _, build = prepared
    md = build.page_markdown("activities/2023-03-15-declaration/index.md")
    assert md is not None
    assert md.startswith('!!! warning "ตัวอย่าง"')
    assert "[๑.๖.๑ คัดเลือกข้าราชการดีเด่น](/plan/2566/project-1.md#item-1-6-1)" in md
    assert "ผู้เข้าร่วม</dt><dd>๑,๒๓๔ คน" in md and "ร้อยละ ๘๕.๕" in md
    assert "สถานะ ณ ๑๐ เมษายน ๒๕๖๖" in md and "lc-status--done" in md
    gallery = md.split("## ภาพกิจกรรม", 1)[1].split("## การเผยแพร่", 1)[0]
    assert gallery.count('class="glightbox lc-photo"') == 2 and gallery.count("<picture>") == 2
    assert 'href="../../assets/photos/' in gallery and 'data-description="คำอธิบาย &quot;ภาพ&quot;"' in gallery
    story = md.split("## เรื่องราวของกิจกรรม", 1)[1].split("## ภาพกิจกรรม", 1)[0]
    assert "![](a.jpg)" not in story and 'alt="ภาพแรก"' in story
    publicity = md.split("## การเผยแพร่ประชาสัมพันธ์", 1)[1]
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in publicity.splitlines()
            if line.startswith("| ") and "---" not in line}
    assert rows["เว็บไซต์"].startswith("✅ เผยแพร่บนเว็บไซต์นี้แล้ว")
    assert 'href="https://example.org/post?a=1&amp;b=2"' in rows["เฟซบุ๊ก คุณธรรม"]
    assert rows["ไลน์ชมรม STRONG"] == "ยังไม่มีข้อมูล"
    assert "หนังสือที่ ๑๒๓" in rows["สารบรรณอิเล็กทรอนิกส์"]


def test_non_sample_page_has_no_banner_and_other_pages_are_untouched(prepared) -> None:  # type: ignore[no-untyped-def]
    _, build = prepared
    md = build.page_markdown("activities/2023-03-17-religion/index.md")
    assert md is not None and "ตัวอย่าง" not in md and "## ภาพกิจกรรม" not in md
    assert build.page_markdown("index.md") is None


def test_listing_cards_use_cover_crops(prepared) -> None:  # type: ignore[no-untyped-def]
    _, build = prepared
    pages = {g.uri: g.content for g in build.generated_files()}
    listing = pages["activities/index.md"]
    assert listing.count('<article class="lc-card">') == 2
    assert "../assets/photos/" in listing and "/cover.webp" in listing
    assert 'href="../activities/2023-03-15-declaration/"' in listing
    assert '<span class="lc-badge lc-badge--sample">ตัวอย่าง</span>' in listing
    assert "assets/css/activities.css" in pages


def test_prepare_raises_every_error_at_once(tmp_path: Path) -> None:
    from site_build.errors import ProblemsFound

    root, plan = make_project(tmp_path)
    write_bundle(root, "2023-03-15-a", VALID_FRONT.replace('"1.1"', '"9.9"'), photos=("a.jpg",))
    write_bundle(root, "2023-03-16-b", VALID_FRONT.replace("2023-03-15", "2023-03-16"), photos=())
    with pytest.raises(ProblemsFound) as caught:
        prepare(context(root, plan), workers=1, cache_dir=tmp_path / "cache")
    assert {p.code for p in caught.value.errors} == {"unknown-item", "missing-photo"}
