"""Generate deterministic sample "activity photos" (abstract scenes, no people) with Pillow only.

Sample write-ups need photos, but real photos of real people must not be invented. These are
landscapes of shapes and gradients with a "SAMPLE" label, seeded so every run writes the same bytes.
Some carry an EXIF Orientation tag (pixels stored sideways, like a phone held upright) so the site's
pipeline is exercised on them too.

    python scripts/make_sample_photos.py OUT_DIR [OUT_DIR ...] --count 3 --size 1600x1200
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

ORIENTATION_TAG = 0x0112
# Stored-pixel transform that makes a viewer applying EXIF orientation N show the upright scene.
_STORE_FOR_ORIENTATION = {
    3: Image.Transpose.ROTATE_180,
    6: Image.Transpose.ROTATE_90,
    8: Image.Transpose.ROTATE_270,
}
# Every third photo is "held upright" (6), one in seven upside down (3): phones do both.
_ORIENTATION_CYCLE = (1, 1, 6, 1, 8, 6, 3)


def _palette(rng: random.Random) -> list[tuple[int, int, int]]:
    base = rng.random()
    out = []
    for i in range(6):
        hue = (base + i * 0.13) % 1.0
        r, g, b = (int(255 * (0.5 + 0.5 * math.cos(2 * math.pi * (hue + k / 3)))) for k in range(3))
        out.append((r, g, b))
    return out


def make_scene(width: int, height: int, seed: int, *, noise: float = 6.0, label: str = "SAMPLE") -> Image.Image:
    """An upright RGB landscape: sky gradient, sun, hills, blocks and a label; fixed by ``seed``."""
    rng = random.Random(seed)
    colours = _palette(rng)
    top, bottom = colours[0], colours[1]
    # Vertical sky gradient from a 1-pixel-wide strip, resized (fast at any size).
    strip = Image.new("RGB", (1, 256))
    strip.putdata([tuple(int(top[c] + (bottom[c] - top[c]) * y / 255) for c in range(3)) for y in range(256)])
    im = strip.resize((width, height), Image.Resampling.BILINEAR)
    draw = ImageDraw.Draw(im)
    unit = min(width, height)
    sx, sy, sr = rng.uniform(0.15, 0.85) * width, rng.uniform(0.1, 0.35) * height, rng.uniform(0.05, 0.1) * unit
    draw.ellipse((sx - sr, sy - sr, sx + sr, sy + sr), fill=(255, 236, 170))
    for layer in range(3):  # hills, back to front, darker in front
        base_y = height * (0.55 + 0.12 * layer)
        points = [(0, height)]
        steps = 12
        for i in range(steps + 1):
            points.append((width * i / steps, base_y - rng.uniform(0, 0.18) * height))
        points.append((width, height))
        shade = colours[2 + layer]
        draw.polygon(points, fill=tuple(int(v * (0.8 - 0.2 * layer)) for v in shade))
    for _ in range(rng.randint(4, 9)):  # blocks: a small "building" skyline
        bw = rng.uniform(0.04, 0.1) * width
        bh = rng.uniform(0.1, 0.3) * height
        bx = rng.uniform(0, width - bw)
        by = height * 0.92 - bh
        draw.rectangle(
            (bx, by, bx + bw, height * 0.92), fill=colours[rng.randrange(len(colours))], outline=(30, 30, 30)
        )
    font = ImageFont.load_default(size=max(12, unit // 14))
    draw.text((unit * 0.04, unit * 0.04), label, fill=(255, 255, 255), font=font, stroke_width=2, stroke_fill=(0, 0, 0))
    im = im.filter(ImageFilter.GaussianBlur(radius=max(0.6, unit / 1500)))
    if noise > 0:  # sensor-like grain, so JPEG sizes behave like real photos
        im = _add_grain(im, rng, noise)
    return im


_TILE = 509  # a prime-sized tile of seeded noise, repeated: no visible period, fast at 48 MP


def add_grain(im: Image.Image, seed: int, amplitude: float = 12.0) -> Image.Image:
    """Seeded grain on an existing scene: cheap distinct photos from one scene (benchmarks)."""
    return _add_grain(im, random.Random(seed), amplitude)


def _add_grain(im: Image.Image, rng: random.Random, amplitude: float) -> Image.Image:
    """Add seeded zero-mean grain of +-``amplitude`` levels (Pillow's effect_noise is not seedable)."""
    channels = []
    for _ in range(3):
        tile = Image.frombytes("L", (_TILE, _TILE), rng.randbytes(_TILE * _TILE))
        tile = tile.point(lambda v: 128 + (v - 128) * amplitude / 128)
        plane = Image.new("L", im.size)
        for y in range(0, im.height, _TILE):
            for x in range(0, im.width, _TILE):
                plane.paste(tile, (x, y))
        channels.append(plane)
    return ImageChops.add(im, Image.merge("RGB", channels), offset=-128)


def save_photo(
    upright: Image.Image,
    path: Path,
    *,
    orientation: int = 1,
    quality: int = 82,
    exif_extra: dict[int, object] | None = None,
    gps: dict[int, object] | None = None,
) -> None:
    """Save as JPEG; with ``orientation`` != 1 the pixels are stored sideways and the tag set.

    ``gps`` (GPS IFD tags) is for benchmarks and tests that need a phone-like leak to strip; the
    site's sample photos never get one.
    """
    stored = (
        upright.transpose(_STORE_FOR_ORIENTATION[orientation]) if orientation in _STORE_FOR_ORIENTATION else upright
    )
    exif = Image.Exif()
    if orientation != 1:
        exif[ORIENTATION_TAG] = orientation
    for tag, value in (exif_extra or {}).items():
        exif[tag] = value
    if gps:
        exif.get_ifd(0x8825).update(gps)
    path.parent.mkdir(parents=True, exist_ok=True)
    stored.save(path, "JPEG", quality=quality, optimize=True, exif=exif.tobytes() if len(exif) else b"")


def generate(out_dir: Path, count: int, size: tuple[int, int], *, seed: int = 2566, quality: int = 82) -> list[Path]:
    """Write ``count`` photos named ``sample-NN.jpg`` into ``out_dir``; same arguments, same bytes."""
    written = []
    for i in range(count):
        path = out_dir / f"sample-{i + 1:02d}.jpg"
        scene = make_scene(size[0], size[1], seed * 1000 + i)
        save_photo(scene, path, orientation=_ORIENTATION_CYCLE[i % len(_ORIENTATION_CYCLE)], quality=quality)
        written.append(path)
    return written


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(v) for v in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"size must look like 1600x1200, got {text!r}") from None
    if w < 16 or h < 16:
        raise argparse.ArgumentTypeError("size must be at least 16x16")
    return w, h


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dirs", nargs="+", type=Path, metavar="OUT_DIR")
    parser.add_argument("--count", type=int, default=3)
    parser.add_argument("--size", type=_size, default=(1600, 1200), help="WIDTHxHEIGHT of the upright photo")
    parser.add_argument("--seed", type=int, default=2566)
    parser.add_argument("--quality", type=int, default=82)
    args = parser.parse_args(argv)
    for n, out_dir in enumerate(args.out_dirs):
        for path in generate(out_dir, args.count, args.size, seed=args.seed + n, quality=args.quality):
            print(f"{path}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
