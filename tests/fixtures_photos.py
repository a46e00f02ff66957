"""Tiny photo fixtures made in memory: phone-like metadata, odd colour modes and hostile files."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageCms

ORIENTATION = 0x0112
MAKE, MODEL = 0x010F, 0x0110
EXIF_IFD, GPS_IFD = 0x8769, 0x8825
BODY_SERIAL = 0xA431
SERIAL = "SN-SECRET-998877"
CAMERA = "LeakyPhone X9"
COMMENT = b"secret-comment-42"
XMP_SECRET = "xmp-secret-creator"
IPTC_SECRET = b"iptc-secret-caption"

RED, GREEN, BLUE, YELLOW = (255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0)

# Stored-pixel transform that makes EXIF orientation N display the upright image (inverse of N).
_STORE = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_90,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_270,
}


def quadrants(size: tuple[int, int] = (64, 48)) -> Image.Image:
    """Upright test card: red top-left, green top-right, blue bottom-left, yellow bottom-right."""
    w, h = size
    im = Image.new("RGB", size)
    im.paste(RED, (0, 0, w // 2, h // 2))
    im.paste(GREEN, (w // 2, 0, w, h // 2))
    im.paste(BLUE, (0, h // 2, w // 2, h))
    im.paste(YELLOW, (w // 2, h // 2, w, h))
    return im


def stored_for(upright: Image.Image, orientation: int) -> Image.Image:
    """The pixels a camera stores so that a viewer applying ``orientation`` shows ``upright``."""
    return upright.transpose(_STORE[orientation]) if orientation in _STORE else upright


def phone_exif(orientation: int | None = 6) -> Image.Exif:
    """EXIF like a phone writes: orientation, make/model, body serial, GPS position."""
    exif = Image.Exif()
    if orientation:
        exif[ORIENTATION] = orientation
    exif[MAKE] = CAMERA
    exif[MODEL] = CAMERA
    exif.get_ifd(EXIF_IFD)[BODY_SERIAL] = SERIAL
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (13.0, 45.0, 30.25)
    gps[3] = "E"
    gps[4] = (100.0, 31.0, 7.5)
    return exif


def xmp_packet() -> bytes:
    return (
        '<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">'
        f"<dc:creator>{XMP_SECRET}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>"
        '<?xpacket end="w"?>'
    ).encode()


def _iptc_app13() -> bytes:
    record = b"\x1c\x02\x78" + struct.pack(">H", len(IPTC_SECRET)) + IPTC_SECRET  # 2:120 caption
    resource = b"8BIM" + struct.pack(">H", 0x0404) + b"\x00\x00" + struct.pack(">I", len(record)) + record
    body = b"Photoshop 3.0\x00" + resource
    return b"\xff\xed" + struct.pack(">H", len(body) + 2) + body


def jpeg_bytes(
    im: Image.Image,
    *,
    exif: Image.Exif | None = None,
    xmp: bool = False,
    comment: bytes | None = None,
    iptc: bool = False,
    icc: bytes | None = None,
    quality: int = 92,
) -> bytes:
    buf = io.BytesIO()
    kwargs: dict[str, object] = {"quality": quality}
    if exif is not None:
        kwargs["exif"] = exif.tobytes()
    if xmp:
        kwargs["xmp"] = xmp_packet()
    if comment:
        kwargs["comment"] = comment
    if icc:
        kwargs["icc_profile"] = icc
    im.save(buf, "JPEG", **kwargs)
    data = buf.getvalue()
    if iptc:
        data = data[:2] + _iptc_app13() + data[2:]
    return data


def phone_jpeg(size: tuple[int, int] = (64, 48), orientation: int = 6) -> bytes:
    """Everything a phone leaks: GPS, serial, make/model, XMP, IPTC, a comment; stored sideways."""
    return jpeg_bytes(
        stored_for(quadrants(size), orientation),
        exif=phone_exif(orientation),
        xmp=True,
        comment=COMMENT,
        iptc=True,
    )


def png_bytes(im: Image.Image, **kwargs: object) -> bytes:
    buf = io.BytesIO()
    im.save(buf, "PNG", **kwargs)
    return buf.getvalue()


def write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def swapped_primaries_profile() -> bytes:
    """sRGB with its red and green primaries swapped: RGB (255, 0, 0) in it means sRGB green."""
    data = bytearray(ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    count = struct.unpack(">I", data[128:132])[0]
    tags = {}
    for i in range(count):
        sig, offset, size = struct.unpack(">4sII", data[132 + 12 * i : 144 + 12 * i])
        tags[sig] = (offset, size)
    (ro, rs), (go, gs) = tags[b"rXYZ"], tags[b"gXYZ"]
    red, green = bytes(data[ro : ro + rs]), bytes(data[go : go + gs])
    data[ro : ro + rs], data[go : go + gs] = green, red
    data[84:100] = bytes(16)  # profile ID (MD5) no longer matches: zero means "not computed"
    return bytes(data)


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def png_header_only(width: int, height: int) -> bytes:
    """A few hundred bytes claiming ``width`` x ``height``: a decompression bomb's header."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 64)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", ihdr) + _png_chunk(b"IDAT", idat) + _png_chunk(b"IEND", b"")


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small JPEG whose SOF header is patched to claim ``width`` x ``height``."""
    data = bytearray(jpeg_bytes(quadrants((16, 16))))
    i = 2
    while i < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2 : i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            data[i + 5 : i + 9] = struct.pack(">HH", height, width)
            return bytes(data)
        i += 2 + length
    raise AssertionError("no SOF marker")


def noisy(size: tuple[int, int], seed: int = 1) -> Image.Image:
    """Incompressible content, so a truncated file is missing real image data."""
    import random

    rng = random.Random(seed)
    return Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))


def truncated_jpeg() -> bytes:
    data = jpeg_bytes(noisy((300, 200)))
    return data[: len(data) // 2]


def animated_gif() -> bytes:
    frames = [Image.new("RGB", (64, 48), colour) for colour in (RED, GREEN, BLUE)]
    buf = io.BytesIO()
    frames[0].save(buf, "GIF", save_all=True, append_images=frames[1:], duration=100, loop=0)
    return buf.getvalue()


def heic_bytes(im: Image.Image, orientation: int | None = None) -> bytes:
    import pillow_heif

    pillow_heif.register_heif_opener()
    buf = io.BytesIO()
    kwargs: dict[str, object] = {"quality": 90}
    if orientation:
        exif = Image.Exif()
        exif[ORIENTATION] = orientation
        kwargs["exif"] = exif.tobytes()
    im.save(buf, "HEIF", **kwargs)
    return buf.getvalue()


SVG = b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>\n'
