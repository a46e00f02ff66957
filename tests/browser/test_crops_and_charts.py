"""What a visitor sees of portrait photos and of the progress chart, on a 390 px phone and a 1366 px desktop."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from browser_support import PHONE

pytestmark = pytest.mark.browser

WIDE = {"width": 1366, "height": 900}
SCREENS = [pytest.param(PHONE, id="390"), pytest.param(WIDE, id="1366")]
WRITE_UP = "activities/2023-01-26-dhamma-talk/"

# For each gallery image: which share of the photo's height the 4:3 box hides above the visible part.
HIDDEN_TOP = """() => Array.from(document.querySelectorAll('.lc-gallery img')).map((img) => {
  const box = img.getBoundingClientRect();
  const scale = Math.max(box.width / img.naturalWidth, box.height / img.naturalHeight);
  const shownHeight = img.naturalHeight * scale;
  const y = parseFloat(getComputedStyle(img).objectPosition.split(' ')[1]) / 100;
  return {portrait: img.naturalHeight > img.naturalWidth, ratio: box.width / box.height,
          hiddenTop: (shownHeight - box.height) * y / shownHeight};
})"""


@pytest.mark.parametrize("screen", SCREENS)
def test_gallery_keeps_the_top_of_portrait_photos(screen: dict[str, int], page: Any,
                                                  url: Callable[[str], str]) -> None:
    page.set_viewport_size(screen)
    page.goto(url(WRITE_UP))
    page.locator(".lc-gallery img").last.scroll_into_view_if_needed()
    page.wait_for_function("() => Array.from(document.querySelectorAll('.lc-gallery img'))"
                           ".every((i) => i.complete && i.naturalWidth > 0)")
    shown = page.evaluate(HIDDEN_TOP)
    portraits = [s for s in shown if s["portrait"]]
    assert portraits, shown
    for s in portraits:
        assert abs(s["ratio"] - 4 / 3) < 0.02, s  # the box is the 4:3 crop
        assert s["hiddenTop"] < 0.06, f"a portrait photo loses {s['hiddenTop']:.0%} of its top: {s}"
