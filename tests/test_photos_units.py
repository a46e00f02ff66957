"""Pure parts of the photo pipeline: sizes, settings fingerprint, colour conversion, sniffing."""

from __future__ import annotations

import pickle

import pytest
from PIL import Image

from site_build.photos import MAX_PIXELS, MAX_REDUCED_PIXELS, SUPPORTED_SUFFIXES, PhotoSettings
from site_build.photos.decode import sniff_kind, to_srgb
from site_build.photos.geometry import crop_size, decode_target, layout, oriented_size, widths_for
from site_build.photos.problems import PhotoError, PhotoFailure, too_large
from tests.fixtures_photos import RED, swapped_primaries_profile


def test_widths_never_upscale() -> None:
    assert widths_for(4032, (480, 960, 1600)) == (480, 960, 1600)
    assert widths_for(1200, (480, 960, 1600)) == (480, 960)
    assert widths_for(960, (1600, 480, 960)) == (480, 960)
    assert widths_for(300, (480, 960, 1600)) == (300,)  # narrower than the smallest: its own width


def test_orientation_swaps_axes_only_for_quarter_turns() -> None:
    assert oriented_size((4032, 3024), 6) == (3024, 4032)
    assert oriented_size((4032, 3024), 8) == (3024, 4032)
    assert oriented_size((4032, 3024), 3) == (4032, 3024)
    assert oriented_size((4032, 3024), None) == (4032, 3024)


def test_crop_size_fills_target_or_shrinks_to_the_aspect_ratio() -> None:
    assert crop_size(4032, 3024, (1200, 630)) == (1200, 630)
    assert crop_size(4032, 3024, (640, 480)) == (640, 480)
    assert crop_size(300, 200, (640, 480)) == (267, 200)  # 4:3 at its own size
    w, h = crop_size(300, 200, (1200, 630))
    assert (w, h) == (300, 158) and abs(w / h - 1200 / 630) < 0.02
    w, h = crop_size(500, 2000, (1200, 630))  # tall and narrow: width-limited
    assert w == 500 and h == 262


def test_decode_target_is_in_stored_axes() -> None:
    """draft() works on stored pixels; a portrait phone photo is stored landscape with orientation 6."""
    needs = [(1600, 2133), (640, 480), (1200, 630)]
    assert decode_target((3024, 4032), 6, needs) == (2133, 1600)
    assert decode_target((3024, 4032), 1, needs) == (1600, 2133)
    assert decode_target((300, 200), None, [(480, 360)]) == (300, 200)  # capped at the source


def test_layout_lists_every_output() -> None:
    sizes, cover, share = layout(4032, 3024, (480, 960, 1600), (640, 480), (1200, 630))
    assert sizes == ((480, 360), (960, 720), (1600, 1200))
    assert cover == (640, 480) and share == (1200, 630)


def test_settings_fingerprint_tracks_outputs_only() -> None:
    base = PhotoSettings()
    assert base.widths == (480, 960, 1600) and base.jpeg_quality == 80 and base.webp_quality == 75
    assert PhotoSettings(widths=(1600, 480, 960)).fingerprint() == base.fingerprint()  # order-free
    assert PhotoSettings(widths=(480, 960)).fingerprint() != base.fingerprint()
    assert PhotoSettings(jpeg_quality=70).fingerprint() != base.fingerprint()
    assert PhotoSettings(webp_quality=70).fingerprint() != base.fingerprint()
    assert PhotoSettings(max_pixels=10).fingerprint() == base.fingerprint()  # a limit changes no bytes
    assert len(base.fingerprint()) == 16
    assert pickle.loads(pickle.dumps(base)).fingerprint() == base.fingerprint()
    with pytest.raises(ValueError):
        PhotoSettings(widths=())
    with pytest.raises(ValueError):
        PhotoSettings(jpeg_quality=0)


def test_limit_accepts_48_mp_phone_photos() -> None:
    assert 8000 * 6000 <= MAX_PIXELS < 200_000_000  # formats decoded at full size
    assert Image.MAX_IMAGE_PIXELS == MAX_REDUCED_PIXELS  # Pillow's guard at the largest per-format limit


def test_suffixes() -> None:
    assert {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".gif"} == SUPPORTED_SUFFIXES
    assert ".svg" not in SUPPORTED_SUFFIXES


@pytest.mark.parametrize(
    ("mode", "value", "expected"),
    [
        ("CMYK", (0, 255, 255, 0), (255, 0, 0)),
        ("I;16", 40000, (156, 156, 156)),  # scaled to 8 bits, not clipped to white
        ("I", 40000, (156, 156, 156)),
        ("L", 77, (77, 77, 77)),
        ("1", 1, (255, 255, 255)),
        ("RGBA", (255, 0, 0, 0), (255, 255, 255)),  # fully transparent -> white
        ("RGBA", (255, 0, 0, 128), (255, 127, 127)),  # half transparent red on white
        ("LA", (0, 0), (255, 255, 255)),
        ("LA", (0, 255), (0, 0, 0)),
    ],
)
def test_to_srgb_modes(mode: str, value: object, expected: tuple[int, int, int]) -> None:
    out, notes = to_srgb(Image.new(mode, (4, 4), value))  # type: ignore[arg-type]
    assert out.mode == "RGB" and not notes
    assert all(abs(a - b) <= 1 for a, b in zip(out.getpixel((1, 1)), expected, strict=True))


def test_to_srgb_palette_transparency_becomes_white() -> None:
    im = Image.new("P", (4, 4), 0)
    im.putpalette([255, 0, 0, 0, 0, 255] + [0] * 762)
    im.putpixel((0, 0), 1)
    im.info["transparency"] = 0
    out, _ = to_srgb(im)
    assert out.getpixel((1, 1)) == (255, 255, 255)
    assert out.getpixel((0, 0)) == (0, 0, 255)


def test_to_srgb_converts_embedded_profile_and_drops_it() -> None:
    im = Image.new("RGB", (4, 4), RED)
    im.info["icc_profile"] = swapped_primaries_profile()  # says "sRGB" inside, but red is green
    out, notes = to_srgb(im)
    r, g, b = out.getpixel((0, 0))
    assert g > 240 and r < 20 and b < 20
    assert "icc_profile" not in out.info and not notes


def test_to_srgb_broken_profile_is_a_warning_not_a_failure() -> None:
    im = Image.new("RGB", (4, 4), RED)
    im.info["icc_profile"] = b"not a profile"
    out, notes = to_srgb(im)
    assert out.getpixel((0, 0)) == RED
    assert [n.code for n in notes] == ["photo-icc-ignored"]


def test_sniff_kind_names_common_impostors() -> None:
    assert sniff_kind(b"<?xml version='1.0'?><svg xmlns='x'>") == "SVG"
    assert sniff_kind(b"%PDF-1.7 ...") == "PDF"
    assert sniff_kind(b"\x00\x00\x00\x18ftypheic\x00") == "HEIC/HEIF"
    assert sniff_kind(b"hello, this is a note") == "text"
    assert sniff_kind(bytes([0xFF, 0x00, 0x9C, 0xC3])) == ""


def test_photo_error_pickles_with_its_failure() -> None:
    err = PhotoError(too_large(9, 9, 10))
    back = pickle.loads(pickle.dumps(err))
    assert isinstance(back.failure, PhotoFailure) and back.failure.code == "photo-too-large"
    assert PhotoFailure.from_json(err.failure.to_json()) == err.failure
