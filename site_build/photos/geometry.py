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


# --- where a crop keeps the picture ------------------------------------------------------------
# A focus is (x, y) in percent of the upright photo, with CSS ``object-position`` semantics, which are
# also Pillow's ``ImageOps.fit(centering=...)``: the point at x % across and y % down stays in view, at
# the same relative place in the crop (0 0 keeps the top-left corner, 50 50 is a centre crop).
Focus = tuple[float, float]
CENTRE: Focus = (50.0, 50.0)
# Portrait phone photos of people have heads in the upper part: a centre crop to 4:3 removes about a
# fifth of a 3:4 photo from the top, often foreheads. By default only a tenth of what has to go is taken
# from the top (4 % of a 3:4 photo's height, 6 % of a 9:16 one), the rest from the bottom.
PORTRAIT_FOCUS: Focus = (50.0, 10.0)
NAMED_FOCUS: dict[str, Focus] = {"top": (50.0, 0.0), "center": CENTRE, "bottom": (50.0, 100.0)}


def effective_focus(width: int, height: int, focus: Focus | None) -> Focus:
    """The staff's focus when set, else the portrait default for upright photos taller than wide."""
    if focus is not None:
        return focus
    return PORTRAIT_FOCUS if height > width else CENTRE


def centering(focus: Focus) -> tuple[float, float]:
    """``ImageOps.fit``'s ``centering`` for a focus in percent."""
    return (focus[0] / 100, focus[1] / 100)


FOCUS_STEP = 5  # CSS crops use classes in 5 % steps (pages may carry no style attributes: safety.html)


def object_position(focus: Focus) -> str | None:
    """The CSS ``object-position`` that crops like the files do; ``None`` for the browser's default (centre)."""
    if focus == CENTRE:
        return None
    return f"{focus[0]:g}% {focus[1]:g}%"


def focus_classes(focus: Focus) -> str | None:
    """``lc-fx-50 lc-fy-10``: classes that set the gallery's CSS crop (activities.css) to ``focus``, rounded to
    :data:`FOCUS_STEP`; ``None`` for a centre crop, the browser's default."""
    if focus == CENTRE:
        return None
    x, y = (int(FOCUS_STEP * round(v / FOCUS_STEP)) for v in focus)
    return f"lc-fx-{x} lc-fy-{y}"
