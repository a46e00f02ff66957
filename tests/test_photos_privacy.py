"""Nothing identifying leaves the pipeline: no EXIF (GPS, serial, orientation), XMP, IPTC, ICC or comment."""

from __future__ import annotations

import io
import struct
from pathlib import Path

import pytest
from PIL import Image

from site_build.photos import PhotoSettings, ProcessedPhoto, process_photos
from tests.fixtures_photos import (
    BLUE,
    CAMERA,
    COMMENT,
    GREEN,
    IPTC_SECRET,
    RED,
    SERIAL,
    XMP_SECRET,
    YELLOW,
    phone_jpeg,
    write,
)

SMALL = PhotoSettings(widths=(40, 80), cover_size=(40, 30), share_size=(57, 30))


def webp_chunks(data: bytes) -> list[bytes]:
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    chunks, i = [], 12
    while i + 8 <= len(data):
        kind, size = data[i : i + 4], struct.unpack("<I", data[i + 4 : i + 8])[0]
        chunks.append(kind)
        i += 8 + size + (size & 1)
    return chunks


def assert_clean(data: bytes, mime: str) -> None:
    im = Image.open(io.BytesIO(data))
    assert not im.getexif(), "EXIF survived"
    for key in ("exif", "xmp", "XML:com.adobe.xmp", "icc_profile", "comment", "photoshop", "iptc"):
        assert key not in im.info, f"{key} survived"
    for needle in (b"Exif", b"http://ns.adobe.com/xap", b"Photoshop 3.0", b"8BIM"):
        assert needle not in data
    for secret in (SERIAL.encode(), CAMERA.encode(), COMMENT, XMP_SECRET.encode(), IPTC_SECRET):
        assert secret not in data
    assert struct.pack(">H", 0x8825) not in data and struct.pack("<H", 0x8825) not in data  # GPS IFD pointer
    if mime == "image/webp":
        assert set(webp_chunks(data)) <= {b"VP8 ", b"VP8L", b"ALPH"}, webp_chunks(data)
    else:
        assert im.format == "JPEG"
        assert b"\xff\xe1" not in data[: data.index(b"\xff\xda")]  # no APP1 (EXIF/XMP) segment at all
        assert b"\xff\xfe" not in data[: data.index(b"\xff\xda")]  # no COM segment


def test_fixture_really_carries_the_secrets() -> None:
    """The test below can fail: the input has everything it checks the output for."""
    data = phone_jpeg()
    im = Image.open(io.BytesIO(data))
    assert im.getexif()[0x0112] == 6 and im.getexif().get_ifd(0x8825)
    assert im.getexif().get_ifd(0x8769)[0xA431] == SERIAL
    assert "xmp" in im.info and im.info["comment"] == COMMENT and "photoshop" in im.info
    for needle in (b"Exif", b"http://ns.adobe.com/xap", b"Photoshop 3.0", SERIAL.encode()):
        assert needle in data


def _check_upright(photo: ProcessedPhoto) -> None:
    """The 64x48 card, stored sideways (48x64) with orientation 6, comes out 64x48, red top-left."""
    assert (photo.width, photo.height) == (64, 48)
    for r in photo.renditions:
        im = Image.open(r.path).convert("RGB")
        assert im.width > im.height
        corners = [im.getpixel(p) for p in ((2, 2), (im.width - 3, 2), (2, im.height - 3))]
        for got, want in zip(corners, (RED, GREEN, BLUE), strict=True):
            assert all(abs(a - b) < 40 for a, b in zip(got, want, strict=True)), (r.rel, got, want)
        got = im.getpixel((im.width - 3, im.height - 3))
        assert all(abs(a - b) < 40 for a, b in zip(got, YELLOW, strict=True))


@pytest.mark.parametrize("settings", [PhotoSettings(), SMALL], ids=["default", "small"])
def test_outputs_carry_no_metadata(tmp_path: Path, settings: PhotoSettings) -> None:
    src = write(tmp_path / "phone.jpg", phone_jpeg((64, 48), orientation=6))
    photo = process_photos([src], tmp_path / "cache", settings, workers=1)[src]
    assert len(photo.files) >= 5
    for r in photo.files:
        assert_clean(r.path.read_bytes(), r.mime)
    _check_upright(photo)


def test_big_phone_photo_decoded_with_draft_is_clean_and_upright(tmp_path: Path) -> None:
    src = write(tmp_path / "big.jpg", phone_jpeg((640, 480), orientation=8))
    photo = process_photos([src], tmp_path / "cache", SMALL, workers=1)[src]
    assert (photo.width, photo.height) == (640, 480)
    assert [(r.width, r.height) for r in photo.jpeg] == [(40, 30), (80, 60)]
    for r in photo.files:
        assert_clean(r.path.read_bytes(), r.mime)
    # orientation 8 stores the card rotated the other way: red must still be top-left
    im = Image.open(photo.jpeg[-1].path).convert("RGB")
    assert all(abs(a - b) < 40 for a, b in zip(im.getpixel((3, 3)), RED, strict=True))
