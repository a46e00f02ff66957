"""Server-side SVG charts: no script, no chart CDN. Each chart sits beside a text equivalent (the
numbers in the page's tables), so bars are hidden from screen readers and the timeline carries a
title and description of its own."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence
from functools import partial

from site_build.thaidate import MONTHS_ABBR, Digits, digits

FILL = "#1f6f43"
TRACK = "#e6e8ec"
TARGET = "#8a5a00"
LINE = "#6d1a36"


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def bar(percent: float, markers: Sequence[int] = (), *, css: str = "lc-bar") -> str:
    """A one-line horizontal bar (0–100) with thin target marks; decorative, so ``aria-hidden``."""
    width = max(0.0, min(100.0, percent))
    marks = "".join(f'<line class="lc-bar__mark" x1="{m}" x2="{m}" y1="0" y2="10" stroke="{TARGET}" '
                    f'stroke-width="0.8"/>' for m in markers)
    return (f'<svg class="{css}" viewBox="0 0 100 10" preserveAspectRatio="none" width="100%" height="14" '
            f'aria-hidden="true" focusable="false"><rect class="lc-bar__track" width="100" height="10" '
            f'fill="{TRACK}"/><rect class="lc-bar__fill" width="{_num(width)}" height="10" fill="{FILL}"/>'
            f"{marks}</svg>")


def timeline(points: Sequence[tuple[dt.date, int]], total: int, *, start: dt.date, end: dt.date, as_of: dt.date,
             targets: Sequence[tuple[dt.date, int, bool]], title: str, description: str,
             digit_style: Digits = "thai", chart_id: str = "lc-timeline") -> str:
    """Cumulative share done over the fiscal year as a step line, with targets as points.

    ``targets``: (date, percent, met). Returns one ``<svg>`` element on a single line.
    """
    # left: room for the widest axis label ("100%", about 38 units at font-size 13) right-aligned 6 units
    # before the plot; with 40 its first digit was cut off at the SVG's edge
    width, height, left, right, top, bottom = 640, 230, 52, 14, 12, 30
    plot_w, plot_h = width - left - right, height - top - bottom
    span = max(1, (end - start).days)

    def x(day: dt.date) -> float:
        return left + plot_w * min(max((day - start).days, 0), span) / span

    def y(percent: float) -> float:
        return top + plot_h * (1 - percent / 100)

    d = partial(digits, style=digit_style)
    parts = [f'<svg class="lc-timeline" viewBox="0 0 {width} {height}" width="100%" role="img" '
             f'aria-labelledby="{chart_id}-t {chart_id}-d" xmlns="http://www.w3.org/2000/svg">',
             f'<title id="{chart_id}-t">{html.escape(title)}</title>',
             f'<desc id="{chart_id}-d">{html.escape(description)}</desc>']
    for p in (0, 25, 50, 75, 100):
        parts.append(f'<line class="lc-timeline__grid" x1="{left}" x2="{width - right}" y1="{_num(y(p))}" '
                     f'y2="{_num(y(p))}" stroke="{TRACK}" stroke-width="1"/>')
        parts.append(f'<text class="lc-timeline__axis" x="{left - 6}" y="{_num(y(p) + 4)}" text-anchor="end" '
                     f'font-size="13">{d(p)}%</text>')
    month = dt.date(start.year, start.month, 1)
    while month <= end:
        parts.append(f'<text class="lc-timeline__axis" x="{_num(x(month) + plot_w / 24)}" y="{height - 10}" '
                     f'text-anchor="middle" font-size="13">{MONTHS_ABBR[month.month - 1]}</text>')
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    path = [f"M{_num(x(start))},{_num(y(0))}"]
    for day, count in points:
        if day > end:
            break
        path += [f"H{_num(x(day))}", f"V{_num(y(100 * count / total if total else 0))}"]
    path.append(f"H{_num(x(min(as_of, end)))}")
    parts.append(f'<path class="lc-timeline__line" d="{" ".join(path)}" fill="none" stroke="{LINE}" '
                 f'stroke-width="2.5"/>')
    if start <= as_of <= end:
        parts.append(f'<line class="lc-timeline__today" x1="{_num(x(as_of))}" x2="{_num(x(as_of))}" y1="{top}" '
                     f'y2="{top + plot_h}" stroke="{LINE}" stroke-dasharray="4 3" stroke-width="1"/>')
    for day, percent, met in targets:
        fill = FILL if met else "#ffffff"
        parts.append(f'<circle class="lc-timeline__target" cx="{_num(x(day))}" cy="{_num(y(percent))}" r="5" '
                     f'fill="{fill}" stroke="{TARGET}" stroke-width="2"/>')
        parts.append(f'<text class="lc-timeline__label" x="{_num(x(day) - 7)}" y="{_num(y(percent) + 15)}" '
                     f'text-anchor="end" font-size="13">{d(percent)}%</text>')
    parts.append("</svg>")
    return "".join(parts)
