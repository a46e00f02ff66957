"""Responsive renditions, crops, encoder settings and the draft()/orientation interplay."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from PIL import Image, JpegImagePlugin

from site_build.photos import PhotoSettings, process_photos
from tests.fixtures_photos import jpeg_bytes, png_bytes, quadrants, stored_for, write

SMALL = PhotoSettings(widths=(40, 80, 160), cover_size=(40, 30), share_size=(57, 30))


def test_default_renditions_for_a_camera_sized_photo(tmp_path: Path) -> None:
    src = write(tmp_path / "a.jpg", jpeg_bytes(quadrants((1800, 1350))))
    photo = process_photos([src], tmp_path / "cache", workers=1)[src]
    assert [(r.width, r.height, r.mime) for r in photo.renditions] == [
        (480, 360, "image/webp"),
        (480, 360, "image/jpeg"),
        (960, 720, "image/webp"),
        (960, 720, "image/jpeg"),
        (1600, 1200, "image/webp"),
        (1600, 1200, "image/jpeg"),
    ]
    assert [(r.width, r.height, r.mime) for r in photo.cover] == [(640, 480, "image/webp"), (640, 480, "image/jpeg")]
    assert (photo.share.width, photo.share.height, photo.share.mime) == (1200, 630, "image/jpeg")
    for r in photo.files:  # recorded sizes are the real ones
        im = Image.open(r.path)
        assert im.size == (r.width, r.height)
        assert r.size == r.path.stat().st_size
        assert {"JPEG": "image/jpeg", "WEBP": "image/webp"}[im.format] == r.mime
    jpeg = Image.open(photo.jpeg[0].path)
    assert jpeg.info.get("progressive") or jpeg.info.get("progression")


def test_names_are_content_addressed_and_relative(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = write(tmp_path / "x.jpg", jpeg_bytes(quadrants((200, 150))))
    monkeypatch.chdir(tmp_path)
    cache = Path("cache")  # relative, as a caller may pass it
    photo = process_photos([src], cache, SMALL, workers=1)[src]
    folder = photo.key[:16]
    assert len(photo.key) == 64
    names = sorted(r.rel for r in photo.files)
    assert names == sorted(
        [f"{folder}/{n}" for n in ("40.webp", "40.jpg", "80.webp", "80.jpg", "160.webp", "160.jpg")]
        + [f"{folder}/cover.webp", f"{folder}/cover.jpg", f"{folder}/share.jpg"]
    )
    for r in photo.files:
        assert r.path.is_absolute() and r.path == (cache / r.rel).absolute()
        assert "\\" not in r.rel
    manifest = json.loads((cache / folder / "manifest.json").read_text())
    assert (manifest["width"], manifest["height"]) == (200, 150)
    assert {f["name"]: f["size"] for f in manifest["files"]} == {r.path.name: r.size for r in photo.files}


def test_narrow_photo_is_never_upscaled(tmp_path: Path) -> None:
    src = write(tmp_path / "n.png", png_bytes(quadrants((100, 60))))
    photo = process_photos([src], tmp_path / "cache", SMALL, workers=1)[src]
    assert sorted({r.width for r in photo.renditions}) == [40, 80]
    tiny = write(tmp_path / "t.png", png_bytes(quadrants((30, 20))))
    photo = process_photos([tiny], tmp_path / "cache", SMALL, workers=1)[tiny]
    assert {(r.width, r.height) for r in photo.renditions} == {(30, 20)}  # its own width only


def test_small_photo_crops_at_its_own_size(tmp_path: Path) -> None:
    src = write(tmp_path / "s.jpg", jpeg_bytes(quadrants((300, 200))))
    photo = process_photos([src], tmp_path / "cache", workers=1)[src]
    assert (photo.cover[1].width, photo.cover[1].height) == (267, 200)  # 4:3, not blown up to 640x480
    assert (photo.share.width, photo.share.height) == (300, 158)  # 1.91:1, not blown up to 1200x630
    assert [r.width for r in photo.jpeg] == [300]


def test_crops_are_centred(tmp_path: Path) -> None:
    im = Image.new("RGB", (400, 100), (0, 0, 255))
    im.paste((255, 0, 0), (150, 0, 250, 100))  # a red band in the middle
    src = write(tmp_path / "wide.png", png_bytes(im))
    photo = process_photos([src], tmp_path / "cache", SMALL, workers=1)[src]
    cover = Image.open(photo.cover[1].path).convert("RGB")
    r, _, b = cover.getpixel((cover.width // 2, cover.height // 2))
    assert r > 200 and b < 60


def test_draft_request_is_swapped_for_rotated_photos(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """draft() sees stored pixels: orientation 6 must ask for (height, width) of the upright need."""
    calls: list[tuple[int, int]] = []
    original = JpegImagePlugin.JpegImageFile.draft

    def spy(self, mode, size):  # type: ignore[no-untyped-def]
        calls.append(size)
        result = original(self, mode, size)
        calls.append(self.size)
        return result

    monkeypatch.setattr(JpegImagePlugin.JpegImageFile, "draft", spy)
    upright = quadrants((960, 640))
    src = write(tmp_path / "rot.jpg", jpeg_bytes(stored_for(upright, 6), exif=_orientation(6)))
    settings = PhotoSettings(widths=(100,), cover_size=(40, 30), share_size=(57, 30))
    photo = process_photos([src], tmp_path / "cache", settings, workers=1)[src]
    requested, decoded = calls
    assert requested == (67, 100)  # upright need (100, 67) in stored axes
    assert decoded == (80, 120)  # 1/8 scale of the stored 640x960
    assert (photo.width, photo.height) == (960, 640)
    assert [(r.width, r.height) for r in photo.jpeg] == [(100, 67)]
    out = Image.open(photo.jpeg[0].path).convert("RGB")
    assert out.getpixel((5, 5))[0] > 200 and out.getpixel((5, 5))[1] < 60  # red top-left: upright


def _orientation(value: int) -> Image.Exif:
    exif = Image.Exif()
    exif[0x0112] = value
    return exif


@pytest.mark.parametrize("orientation", [2, 3, 4, 5, 6, 7, 8])
def test_every_orientation_comes_out_upright(tmp_path: Path, orientation: int) -> None:
    upright = quadrants((80, 60))
    src = write(tmp_path / "o.png", png_bytes(stored_for(upright, orientation), exif=_orientation(orientation)))
    photo = process_photos([src], tmp_path / "cache", SMALL, workers=1)[src]
    out = Image.open(photo.jpeg[-1].path).convert("RGB")
    assert out.size == (80, 60)
    expected = {(5, 5): (255, 0, 0), (74, 5): (0, 255, 0), (5, 54): (0, 0, 255), (74, 54): (255, 255, 0)}
    for xy, want in expected.items():
        assert all(abs(a - b) < 40 for a, b in zip(out.getpixel(xy), want, strict=True)), (xy, out.getpixel(xy))


def test_quality_settings_reach_the_encoder(tmp_path: Path) -> None:
    src = write(tmp_path / "q.png", png_bytes(quadrants((160, 120))))
    low = process_photos([src], tmp_path / "c1", PhotoSettings(widths=(160,), jpeg_quality=20), workers=1)[src]
    high = process_photos([src], tmp_path / "c2", PhotoSettings(widths=(160,), jpeg_quality=95), workers=1)[src]
    assert low.key != high.key
    assert low.jpeg[0].size < high.jpeg[0].size
    q = Image.open(io.BytesIO(high.jpeg[0].path.read_bytes()))
    assert q.format == "JPEG"


def test_multi_picture_jpeg_from_a_phone_is_a_plain_jpeg(tmp_path: Path) -> None:
    """Phones add MPF frames (depth/gain maps); Pillow calls those files MPO. Use the main picture."""
    buf = io.BytesIO()
    quadrants((160, 120)).save(buf, "MPO", save_all=True, append_images=[Image.new("RGB", (80, 60), "black")])
    src = write(tmp_path / "IMG_2001.JPG", buf.getvalue())
    assert Image.open(src).format == "MPO"
    photo = process_photos([src], tmp_path / "cache", SMALL, workers=1)[src]
    assert not photo.warnings and (photo.width, photo.height) == (160, 120)
    out = Image.open(photo.jpeg[-1].path).convert("RGB")
    assert out.getpixel((5, 5))[0] > 200 and out.getpixel((150, 5))[1] > 200
