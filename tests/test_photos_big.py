"""200 MP phone photos: JPEG is accepted and decoded at reduced size, with peak memory under a stated bound.

The 16384x12288 JPEG is built in about a second without ever holding its pixels: a small Pillow JPEG gives the
headers (standard Huffman tables, 4:2:0), its frame size is patched, and the scan is one mid-grey MCU repeated
(every DC difference 0, every block empty), which is 4 bytes per 16x16 pixels.
"""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from site_build.photos import MAX_PIXELS, MAX_REDUCED_PIXELS
from site_build.photos.decode import decode, pixel_limit
from site_build.photos.problems import PhotoError
from tests.conftest import ROOT
from tests.fixtures_photos import png_header_only

WIDTH, HEIGHT = 16384, 12288  # 201 MP, a little above the 200 MP sensors (16320x12240)
PEAK_BOUND_MB = 150  # the whole subprocess (Python + Pillow + pipeline); a full RGB decode alone is 604 MB
# One MCU (four luma blocks, one Cb, one Cr) of mid-grey with the standard tables: luma DC "00" + EOB "1010",
# chroma DC "00" + EOB "00".
_MCU = bytes([0b00101000, 0b10100010, 0b10001010, 0b00000000])


def solid_jpeg(width: int = WIDTH, height: int = HEIGHT) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (32, 32), (128, 128, 128)).save(buf, "JPEG", quality=50, subsampling=2, optimize=False)
    data = buf.getvalue()
    out = bytearray()
    i = 2
    while True:
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        segment = bytearray(data[i:i + 2 + length])
        if marker == 0xC0:
            segment[5:9] = struct.pack(">HH", height, width)
        out += segment
        i += 2 + length
        if marker == 0xDA:
            break
    mcus = (width // 16) * (height // 16)
    return b"\xff\xd8" + bytes(out) + _MCU * mcus + b"\xff\xd9"


def test_the_synthetic_photo_is_a_real_jpeg() -> None:
    small = solid_jpeg(64, 48)
    with Image.open(io.BytesIO(small)) as im:
        im.load()
        assert im.size == (64, 48) and im.getpixel((10, 10)) == pytest.approx((128, 128, 128), abs=2)


def test_limits_per_format() -> None:
    assert pixel_limit("JPEG", 10**12) == MAX_REDUCED_PIXELS >= WIDTH * HEIGHT
    assert pixel_limit("HEIF", 10**12) == MAX_REDUCED_PIXELS
    assert pixel_limit("PNG", 10**12) == MAX_PIXELS < 200_000_000  # decoded at full size: keeps its limit
    assert Image.MAX_IMAGE_PIXELS == MAX_REDUCED_PIXELS


def test_a_200_mp_png_is_still_refused_from_its_header() -> None:
    with pytest.raises(PhotoError) as caught:
        decode(png_header_only(WIDTH, HEIGHT), ".png", max_pixels=MAX_REDUCED_PIXELS, needs=lambda o: [(1600, 1200)])
    assert caught.value.failure.code == "photo-too-large"


# Peak RSS from /proc/self/status VmHWM (this process's own memory): getrusage's ru_maxrss survives exec, so
# a subprocess started by a large pytest worker would report the worker's size, not its own.
_MEASURE = textwrap.dedent("""
    import json, re, sys
    from pathlib import Path
    def hwm_kb():
        with open("/proc/self/status") as status:
            return int(re.search(r"VmHWM:\\s+(\\d+) kB", status.read()).group(1))
    from site_build.photos import DEFAULT_SETTINGS, process_photos
    src = Path(sys.argv[1])
    before = hwm_kb()
    result = process_photos([src], Path(sys.argv[2]), DEFAULT_SETTINGS, workers=1)[src]
    peak = hwm_kb()
    print(json.dumps({"before_mb": before / 1024, "peak_mb": peak / 1024, "ok": True,
                      "width": result.width, "height": result.height,
                      "renditions": len(result.renditions)}))
""")


def test_a_200_mp_jpeg_is_processed_with_bounded_memory(tmp_path: Path) -> None:
    src = tmp_path / "IMG_20261207_200MP.jpg"
    src.write_bytes(solid_jpeg())
    out = subprocess.run([sys.executable, "-c", _MEASURE, str(src), str(tmp_path / "cache")], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=True)
    figures = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"\n200 MP JPEG ({WIDTH}x{HEIGHT}): peak RSS {figures['peak_mb']:.0f} MB "
          f"(interpreter + imports before: {figures['before_mb']:.0f} MB)")
    assert figures["ok"] and (figures["width"], figures["height"]) == (WIDTH, HEIGHT)
    assert figures["renditions"] > 0
    assert figures["peak_mb"] < PEAK_BOUND_MB


def test_check_accepts_what_the_build_accepts(tmp_path: Path) -> None:
    """``check`` probes headers with the same per-format limits as the build (one verdict)."""
    from site_build.activities.check import probe_photo

    big = tmp_path / "IMG 200MP.JPG"
    big.write_bytes(solid_jpeg())
    assert probe_photo(big, "content/a/index.md", 9, big.name) is None
    png = tmp_path / "big.png"
    png.write_bytes(png_header_only(WIDTH, HEIGHT))
    problem = probe_photo(png, "content/a/index.md", 9, png.name)
    assert problem is not None and problem.code == "photo-too-large" and problem.line == 9
