"""Pure size arithmetic: which widths, which crop box, how small a JPEG may be decoded."""

from __future__ import annotations

from collections.abc import Sequence

# EXIF orientations 5-8 swap width and height (transpose, rotate 90/270, transverse).
SWAPPING_ORIENTATIONS = frozenset({5, 6, 7, 8})


def oriented_size(size: tuple[int, int], orientation: int | None) -> tuple[int, int]:
    """The size a viewer sees once EXIF orientation is applied."""
    w, h = size
    return (h, w) if orientation in SWAPPING_ORIENTATIONS else (w, h)


def widths_for(width: int, widths: Sequence[int]) -> tuple[int, ...]:
    """The configured widths the photo can fill, or its own width when it is narrower than all of them."""
    fitting = tuple(w for w in sorted(set(widths)) if w <= width)
    return fitting or (width,)


def scaled_height(width: int, height: int, new_width: int) -> int:
    return max(1, round(height * new_width / width))


def crop_size(width: int, height: int, target: tuple[int, int]) -> tuple[int, int]:
    """Output size of a centre crop to ``target``'s aspect ratio, never larger than the source.

    A source that covers the target gets the target; a smaller one gets the largest box of the
    target's aspect ratio that fits inside it (no upscaling).
    """
    tw, th = target
    if width >= tw and height >= th:
        return (tw, th)
    scale = min(width / tw, height / th)
    return (max(1, min(width, round(tw * scale))), max(1, min(height, round(th * scale))))


def decode_target(
    oriented: tuple[int, int], orientation: int | None, needs: Sequence[tuple[int, int]]
) -> tuple[int, int]:
    """The smallest size (in the file's stored, un-rotated axes) that still serves every output.

    ``needs`` are output sizes in the viewer's axes; the answer is swapped back when the EXIF
    orientation rotates by 90 degrees, because ``draft()`` works on the stored pixels.
    """
    need_w = min(oriented[0], max(w for w, _ in needs))
    need_h = min(oriented[1], max(h for _, h in needs))
    return oriented_size((need_w, need_h), orientation)


def layout(
    width: int, height: int, widths: Sequence[int], cover: tuple[int, int], share: tuple[int, int]
) -> tuple[tuple[tuple[int, int], ...], tuple[int, int], tuple[int, int]]:
    """Every output size for an upright ``width`` x ``height`` source: (renditions, cover, share)."""
    sizes = tuple((w, scaled_height(width, height, w)) for w in widths_for(width, widths))
    return sizes, crop_size(width, height, cover), crop_size(width, height, share)
