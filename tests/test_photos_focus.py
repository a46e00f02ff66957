"""Crops that keep faces: portrait photos keep their upper part, and staff can move the focus per photo.

Synthetic portraits carry a bright band in their top rows (where heads are); the 4:3 cover crop must keep
it. A centre crop (what the pipeline did before) is checked to lose it, so the tests can fail.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image, ImageOps

from site_build.activities.render import WriteUpView
from site_build.photos import PhotoSettings, process_photos
from site_build.photos.cache import cache_key
from site_build.photos.geometry import PORTRAIT_FOCUS, effective_focus, focus_classes, object_position
from site_build.photos.render import render_bytes
from tests.test_activities_frontmatter import only, problems_for
from tests.test_activities_support import VALID_FRONT, make_project, write_bundle

SETTINGS = PhotoSettings(widths=(120, 240), cover_size=(160, 120), share_size=(240, 126))
BRIGHT, DARK = 250, 40


def banded(size: tuple[int, int], *, top: int = 0, bottom: int = 0, right: int = 0) -> bytes:
    """A dark JPEG with bright bands ``top``/``bottom`` rows high and ``right`` columns wide."""
    w, h = size
    im = Image.new("L", size, DARK)
    if top:
        im.paste(BRIGHT, (0, 0, w, top))
    if bottom:
        im.paste(BRIGHT, (0, h - bottom, w, h))
    if right:
        im.paste(BRIGHT, (w - right, 0, w, h))
    buf = io.BytesIO()
    im.convert("RGB").save(buf, "JPEG", quality=95)
    return buf.getvalue()


def cover_of(tmp_path: Path, data: bytes, focus: tuple[float, float] | None = None) -> Image.Image:
    manifest = render_bytes(data, ".jpg", tmp_path, SETTINGS, focus)
    name = next(f["name"] for f in manifest.files if f["kind"] == "cover" and f["mime"] == "image/jpeg")
    folder = next(p for p in tmp_path.iterdir() if p.is_dir() and (p / name).exists() and
                  manifest.key.startswith(p.name))
    return Image.open(folder / name).convert("L")


def row_mean(im: Image.Image, y: int) -> float:
    row = [im.getpixel((x, y)) for x in range(im.width)]
    return sum(row) / len(row)  # type: ignore[arg-type]


def col_mean(im: Image.Image, x: int) -> float:
    col = [im.getpixel((x, y)) for y in range(im.height)]
    return sum(col) / len(col)  # type: ignore[arg-type]


def test_portrait_cover_keeps_the_top_band_a_centre_crop_loses(tmp_path: Path) -> None:
    data = banded((300, 400), top=40)  # 3:4 portrait, band (heads) in the top 10 %
    centre = ImageOps.fit(Image.open(io.BytesIO(data)).convert("L"), (160, 120))
    assert row_mean(centre, 1) < 100, "the fixture must be one a centre crop ruins"
    cover = cover_of(tmp_path, data)
    assert cover.size == (160, 120)
    assert row_mean(cover, 1) > 200 and row_mean(cover, 8) > 200, "the top of a portrait photo must survive"
    assert row_mean(cover, cover.height - 2) < 100


def test_tall_phone_portrait_also_keeps_its_top(tmp_path: Path) -> None:
    cover = cover_of(tmp_path, banded((225, 400), top=40))  # 9:16, band in the top 10 %
    assert row_mean(cover, 1) > 200 and row_mean(cover, 5) > 200


def test_landscape_default_is_still_a_centre_crop() -> None:
    assert effective_focus(400, 300, None) == (50.0, 50.0)
    assert effective_focus(300, 400, None) == PORTRAIT_FOCUS
    assert object_position((50.0, 50.0)) is None
    assert object_position((50.0, 10.0)) == "50% 10%"
    assert focus_classes((50.0, 50.0)) is None
    assert focus_classes((50.0, 10.0)) == "lc-fx-50 lc-fy-10" and focus_classes((33.0, 98.0)) == "lc-fx-35 lc-fy-100"


def test_focus_bottom_keeps_the_bottom(tmp_path: Path) -> None:
    cover = cover_of(tmp_path, banded((300, 400), top=16, bottom=16), (50.0, 100.0))
    assert row_mean(cover, cover.height - 2) > 200
    assert row_mean(cover, 1) < 100


def test_focus_percent_moves_a_landscape_crop_sideways(tmp_path: Path) -> None:
    data = banded((400, 200), right=16)  # 2:1, a bright strip at the right edge
    assert col_mean(cover_of(tmp_path / "a", data), 158) < 100
    assert col_mean(cover_of(tmp_path / "b", data, (100.0, 50.0)), 158) > 200


def test_focus_is_part_of_the_cache_key(tmp_path: Path) -> None:
    src = tmp_path / "p.jpg"
    src.write_bytes(banded((300, 400), top=16, bottom=16))
    fp = SETTINGS.fingerprint()
    keys = {cache_key("0" * 64, fp), cache_key("0" * 64, fp, (50.0, 0.0)), cache_key("0" * 64, fp, (50.0, 100.0))}
    assert len(keys) == 3
    cache = tmp_path / "cache"
    default = process_photos([src], cache, SETTINGS, workers=1)[src]
    moved = process_photos([src], cache, SETTINGS, workers=1, focus={src: (50.0, 100.0)})[src]
    assert default.key != moved.key and default.focus == PORTRAIT_FOCUS and moved.focus == (50.0, 100.0)
    assert row_mean(Image.open(moved.cover[1].path).convert("L"), 118) > 200
    again = process_photos([src], cache, SETTINGS, workers=1, focus={src: (50.0, 100.0)})[src]
    assert again.key == moved.key  # the cache answers; nothing is re-rendered


@pytest.mark.parametrize(("value", "expected"), [
    ("top", (50.0, 0.0)), ("center", (50.0, 50.0)), ("bottom", (50.0, 100.0)), ("บน", (50.0, 0.0)),
    ("[30, 20]", (30.0, 20.0)),
])
def test_focus_front_matter_is_read(tmp_path: Path, value: str, expected: tuple[float, float]) -> None:
    from site_build.activities.load import load_activities

    root, plan = make_project(tmp_path)
    write_bundle(root, "2023-03-15-declaration", VALID_FRONT + f"    focus: {value}\n", photos=("a.jpg",))
    writeups, problems = load_activities(root / "content", plan, display_root=root)
    assert problems == []
    assert writeups[0].meta.photos[0].focus == expected


@pytest.mark.parametrize(("value", "words"), [
    ("middle", ("middle", "focus: top")), ("[50, 120]", ("0 ถึง 100",)), ("[50]", ("ไม่ถูกรูปแบบ",)),
    ("[a, b]", ("ไม่ถูกรูปแบบ",)),
])
def test_bad_focus_is_explained_in_thai_at_its_line(tmp_path: Path, value: str, words: tuple[str, ...]) -> None:
    p = only(problems_for(tmp_path, VALID_FRONT + f"    focus: {value}\n"), "value_error")
    assert p.file.endswith("index.md") and p.line == 10 and p.path == "photos[0].focus"
    for word in words:
        assert word in p.message_th


def test_gallery_css_crop_uses_the_same_focus(tmp_path: Path) -> None:
    src = tmp_path / "p.jpg"
    src.write_bytes(banded((300, 400), top=40))
    photo = process_photos([src], tmp_path / "cache", SETTINGS, workers=1)[src]
    from site_build.activities.model import PhotoRef

    html = WriteUpView.gallery_picture(photo, PhotoRef(file="p.jpg", alt="ภาพ"), "../")
    assert 'class="lc-fx-50 lc-fy-10"' in html
    landscape = tmp_path / "l.jpg"
    landscape.write_bytes(banded((400, 300)))
    flat = process_photos([landscape], tmp_path / "cache", SETTINGS, workers=1)[landscape]
    assert "lc-fx-" not in WriteUpView.gallery_picture(flat, PhotoRef(file="l.jpg", alt="ภาพ"), "../")


def test_built_gallery_positions_portrait_photos(built_site: Path) -> None:
    html = (built_site / "activities" / "2023-01-26-dhamma-talk" / "index.html").read_text("utf-8")
    portrait = [chunk for chunk in html.split("<img")[1:] if 'height="640"' in chunk]
    assert portrait, "the bundled portrait sample (sample-04.jpg, 900x1200) must be in the gallery"
    assert all('class="lc-fx-50 lc-fy-10"' in chunk for chunk in portrait)
    css = (built_site / "assets" / "css" / "activities.css").read_text("utf-8")
    assert ".lc-fy-10{--lc-fy:10%}" in css and "object-position: var(--lc-fx, 50%) var(--lc-fy, 50%)" in css
