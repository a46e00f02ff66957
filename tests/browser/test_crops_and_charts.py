"""What a visitor sees of portrait photos and of the progress chart, on a 390 px phone and a 1366 px desktop."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
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


PROGRESS = "progress/2566/"
# Every text of the chart, in the SVG's own units (getBBox), against its viewBox.
CHART_TEXT = """() => Array.from(document.querySelectorAll('svg.lc-timeline')).map((svg) => {
  const view = svg.viewBox.baseVal;
  return {view: [view.width, view.height], texts: Array.from(svg.querySelectorAll('text')).map((t) => {
    const b = t.getBBox();
    return {text: t.textContent, cls: t.getAttribute('class'), x0: b.x, x1: b.x + b.width, y0: b.y, y1: b.y + b.height};
  })};
})"""


@pytest.mark.parametrize("screen", SCREENS)
def test_progress_chart_labels_fit_and_targets_rise(screen: dict[str, int], page: Any,
                                                    url: Callable[[str], str]) -> None:
    page.set_viewport_size(screen)
    page.goto(url(PROGRESS))
    page.wait_for_load_state("load")
    charts = page.evaluate(CHART_TEXT)
    assert charts, "the progress page draws its timeline"
    for chart in charts:
        width, height = chart["view"]
        for t in chart["texts"]:
            assert t["x0"] >= 0 and t["x1"] <= width and t["y0"] >= 0 and t["y1"] <= height, f"clipped: {t}"
        labels = [t for t in chart["texts"] if t["cls"] == "lc-timeline__label"]
        assert labels
        for a, b in pairwise(labels):  # target labels never overlap each other
            assert a["x1"] <= b["x0"] or b["x1"] <= a["x0"] or a["y1"] <= b["y0"] or b["y1"] <= a["y0"], (a, b)
    percents = [int("".join(str("๐๑๒๓๔๕๖๗๘๙".index(c)) if c in "๐๑๒๓๔๕๖๗๘๙" else c for c in t["text"]
                            if c.isdigit())) for t in charts[0]["texts"] if t["cls"] == "lc-timeline__label"]
    assert percents == sorted(percents), f"targets on the chart must rise over the year: {percents}"
    box = page.locator("svg.lc-timeline").first.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= screen["width"]
