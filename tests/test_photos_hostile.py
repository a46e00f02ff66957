"""Hostile and odd input: each refusal is a located Problem in Thai and English naming file and fix."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PIL import Image

from site_build.errors import Problem, ProblemsFound, Severity, format_problems
from site_build.photos import PhotoSettings, decode, process_photos
from site_build.photos.decode import decode as decode_bytes
from site_build.photos.problems import PhotoError
from tests.fixtures_photos import (
    GREEN,
    RED,
    SVG,
    animated_gif,
    heic_bytes,
    jpeg_bytes,
    jpeg_claiming,
    noisy,
    png_bytes,
    png_header_only,
    quadrants,
    stored_for,
    truncated_jpeg,
    write,
)

SMALL = PhotoSettings(widths=(32, 64), cover_size=(40, 30), share_size=(57, 30))


def refused(tmp_path: Path, name: str, data: bytes, settings: PhotoSettings = SMALL) -> Problem:
    src = write(tmp_path / "content" / "news" / name, data)
    with pytest.raises(ProblemsFound) as caught:
        process_photos([src], tmp_path / "cache", settings, workers=1, display_root=tmp_path)
    errors = caught.value.errors
    assert len(errors) == 1
    problem = errors[0]
    assert problem.file == f"content/news/{name}"  # relative to display_root, POSIX
    assert problem.message_th and problem.message_en and problem.fix_th
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in problem.message_th + problem.fix_th)  # Thai text
    return problem


def test_truncated_jpeg(tmp_path: Path) -> None:
    p = refused(tmp_path, "cut.jpg", truncated_jpeg())
    assert p.code == "photo-truncated" and "ไม่สมบูรณ์" in p.message_th and "truncated" in p.message_en


def test_zero_byte_file(tmp_path: Path) -> None:
    p = refused(tmp_path, "empty.jpg", b"")
    assert p.code == "photo-empty" and "0 ไบต์" in p.message_th


def test_text_named_jpg(tmp_path: Path) -> None:
    p = refused(tmp_path, "note.jpg", "นี่คือข้อความ ไม่ใช่รูป\n".encode())
    assert p.code == "photo-not-image" and ".jpg" in p.message_th and "text" in p.message_th


def test_tiff_named_jpg_is_refused_by_content(tmp_path: Path) -> None:
    import io

    buf = io.BytesIO()
    quadrants((16, 16)).save(buf, "TIFF")
    p = refused(tmp_path, "scan.jpg", buf.getvalue())
    assert p.code == "photo-not-image" and "TIFF" in p.message_th


def test_png_named_jpg_is_accepted_with_a_warning(tmp_path: Path) -> None:
    src = write(tmp_path / "shot.jpg", png_bytes(quadrants((64, 48))))
    photo = process_photos([src], tmp_path / "cache", SMALL, workers=1, display_root=tmp_path)[src]
    assert [w.code for w in photo.warnings] == ["photo-format-mismatch"]
    warning = photo.warnings[0]
    assert warning.severity is Severity.WARNING and warning.file == "shot.jpg" and ".png" in warning.fix_th
    assert photo.jpeg and Image.open(photo.jpeg[0].path).format == "JPEG"
    # the warning is derived per name, so it survives a cached rebuild and does not follow the bytes
    again = process_photos([src], tmp_path / "cache", SMALL, workers=1)[src]
    assert [w.code for w in again.warnings] == ["photo-format-mismatch"]
    right = write(tmp_path / "shot.png", src.read_bytes())
    assert not process_photos([right], tmp_path / "cache", SMALL, workers=1)[right].warnings


def test_uppercase_phone_suffix_is_fine(tmp_path: Path) -> None:
    src = write(tmp_path / "IMG_0001.JPG", jpeg_bytes(quadrants((64, 48))))
    assert not process_photos([src], tmp_path / "cache", SMALL, workers=1)[src].warnings


def test_decompression_bomb_refused_from_the_header_quickly(tmp_path: Path) -> None:
    data = png_header_only(30_000, 30_000)  # 900 MP claimed in a few hundred bytes
    assert len(data) < 1000
    start = time.perf_counter()
    p = refused(tmp_path, "bomb.png", data)
    assert time.perf_counter() - start < 1.0
    assert p.code == "photo-too-large" and "900" in p.message_th and "ล้านพิกเซล" in p.message_th


def test_between_limit_and_twice_the_limit_is_refused_too(tmp_path: Path) -> None:
    """Pillow only warns between 1x and 2x MAX_IMAGE_PIXELS: the warning must refuse, not pass."""
    p = refused(tmp_path, "big.png", png_header_only(12_000, 11_000), PhotoSettings(max_pixels=10**12))
    assert p.code == "photo-too-large"


def test_project_limit_checked_before_decoding(tmp_path: Path) -> None:
    p = refused(tmp_path, "a.jpg", jpeg_bytes(quadrants((64, 48))), PhotoSettings(max_pixels=1000))
    assert p.code == "photo-too-large" and "64×48" in p.message_th


def test_a_48_mp_phone_photo_passes_the_limit_and_decodes_small() -> None:
    """8000x6000 (48 MP) passes the header check, and draft() decodes it at 1/4 scale for 1600 px."""
    data = jpeg_claiming(8000, 6000)
    decoded = decode_bytes(data, ".jpg", max_pixels=PhotoSettings().max_pixels, needs=lambda o: [(1600, 1200)])
    assert (decoded.width, decoded.height) == (8000, 6000)
    assert decoded.image.size == (2000, 1500)
    with pytest.raises(PhotoError) as caught:
        decode_bytes(data, ".jpg", max_pixels=40_000_000, needs=lambda o: [(1600, 1200)])
    assert caught.value.failure.code == "photo-too-large"


def test_animated_gif_uses_first_frame_with_a_warning(tmp_path: Path) -> None:
    src = write(tmp_path / "anim.gif", animated_gif())
    photo = process_photos([src], tmp_path / "cache", SMALL, workers=1)[src]
    assert [w.code for w in photo.warnings] == ["photo-animated"]
    assert "3" in photo.warnings[0].message_th
    r, g, b = Image.open(photo.jpeg[0].path).convert("RGB").getpixel((10, 10))
    assert r > 200 and g < 60 and b < 60  # the first frame is red


@pytest.mark.parametrize("name", ["logo.svg", "logo.jpg"])
def test_svg_refused_with_export_advice(tmp_path: Path, name: str) -> None:
    p = refused(tmp_path, name, SVG)
    assert p.code == "photo-svg" and "JPEG" in p.fix_th and "PNG" in p.fix_th


def test_unsupported_suffix(tmp_path: Path) -> None:
    p = refused(tmp_path, "scan.bmp", b"BM....")
    assert p.code == "photo-unsupported-type" and ".jpg" in p.fix_th


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ProblemsFound) as caught:
        process_photos([tmp_path / "gone.jpg"], tmp_path / "cache", SMALL, workers=1, display_root=tmp_path)
    assert caught.value.errors[0].code == "photo-unreadable" and caught.value.errors[0].file == "gone.jpg"


def test_heic_from_an_iphone_is_decoded_upright(tmp_path: Path) -> None:
    upright = quadrants((64, 48))
    src = write(tmp_path / "IMG_0042.HEIC", heic_bytes(stored_for(upright, 6), orientation=6))
    photo = process_photos([src], tmp_path / "cache", SMALL, workers=1)[src]
    assert (photo.width, photo.height) == (64, 48) and not photo.warnings
    out = Image.open(photo.jpeg[-1].path).convert("RGB")
    assert all(abs(a - b) < 50 for a, b in zip(out.getpixel((4, 4)), RED, strict=True))
    assert all(abs(a - b) < 50 for a, b in zip(out.getpixel((60, 4)), GREEN, strict=True))


def test_corrupt_heic_is_refused_with_iphone_advice(tmp_path: Path) -> None:
    data = heic_bytes(noisy((64, 48)))
    p = refused(tmp_path, "IMG_0043.heic", data[: len(data) // 3])
    assert p.code == "photo-heic"
    assert "Most Compatible" in p.fix_th and "Settings" in p.fix_th and "JPEG" in p.fix_th


def test_heic_without_pillow_heif_is_refused_with_iphone_advice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(decode, "OPEN_FORMATS", ("JPEG", "PNG", "WEBP", "GIF"))
    monkeypatch.setattr(decode, "HEIF_AVAILABLE", False)
    p = refused(tmp_path, "IMG_0044.heic", heic_bytes(quadrants((64, 48))))
    assert p.code == "photo-heic" and "pillow-heif" in p.message_en and "Most Compatible" in p.fix_th


def test_every_bad_file_is_listed_once_and_good_ones_are_cached(tmp_path: Path) -> None:
    good = [write(tmp_path / f"ok{i}.jpg", jpeg_bytes(quadrants((64 + i, 48)))) for i in range(2)]
    bad = [
        write(tmp_path / "empty.jpg", b""),
        write(tmp_path / "cut.jpg", truncated_jpeg()),
        write(tmp_path / "note.jpg", b"hello"),
    ]
    with pytest.raises(ProblemsFound) as caught:
        process_photos(good + bad, tmp_path / "cache", SMALL, workers=1, display_root=tmp_path)
    assert sorted(p.file for p in caught.value.errors) == ["cut.jpg", "empty.jpg", "note.jpg"]
    text = format_problems(caught.value.problems)
    assert "วิธีแก้" in text and "English" in text
    assert len(list((tmp_path / "cache").glob("*/manifest.json"))) == 2  # good work is kept


def test_colour_modes_end_to_end(tmp_path: Path) -> None:
    cmyk = write(tmp_path / "cmyk.jpg", jpeg_bytes(Image.new("CMYK", (64, 48), (0, 255, 255, 0))))
    grey16 = write(tmp_path / "g16.png", png_bytes(Image.new("I;16", (64, 48), 40000)))
    rgba = write(tmp_path / "a.png", png_bytes(Image.new("RGBA", (64, 48), (255, 0, 0, 0))))
    result = process_photos([cmyk, grey16, rgba], tmp_path / "cache", SMALL, workers=1)
    expected = {cmyk: (255, 0, 0), grey16: (156, 156, 156), rgba: (255, 255, 255)}
    for src, want in expected.items():
        for r in result[src].files:
            im = Image.open(r.path)
            assert im.mode == "RGB" and "icc_profile" not in im.info
            got = im.getpixel((im.width // 2, im.height // 2))
            assert all(abs(a - b) < 12 for a, b in zip(got, want, strict=True)), (src.name, r.rel, got)
