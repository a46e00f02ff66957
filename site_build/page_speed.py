"""First paint without waiting, and no layout shift: the page-level rewrites that make that so.

Lighthouse (mobile, simulated throttling) found three things between a page and its first paint that a
stock Material page does not have (issue 13, point 19):

- five extra stylesheets in ``<head>`` plus the search box's own, in ``<body>``: each a render-blocking
  request. They become one file (:func:`bundle_stylesheets`, written by :func:`stylesheet_bundle`), in the
  order the pages listed them, so the cascade is unchanged;
- GLightbox's script and styles, which mkdocs-glightbox puts in the ``<head>`` of every page, synchronous:
  kept (and deferred) only on pages that have a lightbox link (:func:`trim_lightbox`);
- Material's bootstrap script, a file here (strict CSP), loaded synchronously in ``<head>``: moved to the
  end of ``<body>`` by the templates (``partials/javascripts/base.html``), right before Material's bundle.

Pure string functions over the rendered page; the MkDocs hook (hooks/speed.py) only calls them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

BUNDLE = "assets/css/lc-bundle.css"
SEARCH_CSS = "assets/css/search.css"
LIGHTBOX_LINK = "class=\"glightbox"

_LINK = re.compile(r'<link rel="stylesheet" href="(?P<prefix>(?:\.\./|\./)*)(?P<path>assets/css/[\w.-]+\.css)">\s*')
_LIGHTBOX_HEAD = re.compile(
    r'<link href="[^"]*assets/stylesheets/glightbox\.min\.css" rel="stylesheet">'
    r'|<script src="[^"]*assets/javascripts/glightbox\.min\.js"></script>'
    r'|<style[^>]*>(?:(?!</style>).)*\.gslide-title(?:(?!</style>).)*</style>', re.S)
_LIGHTBOX_INIT = re.compile(r'<script id="init-glightbox"[^>]*>.*?</script>', re.S)


def bundle_stylesheets(html: str, members: Sequence[str], bundle: str = BUNDLE) -> str:
    """Replace the page's links to ``members`` with one link to ``bundle``, where the first of them was.

    Only plain ``<link rel="stylesheet" href="…">`` tags (no ``media``) are merged: ``print.css`` with
    ``media="print"`` does not block rendering and stays as it is.
    """
    wanted = set(members)
    placed = False

    def replace(match: re.Match[str]) -> str:
        nonlocal placed
        if match.group("path") not in wanted:
            return match.group(0)
        if placed:
            return ""
        placed = True
        return f'<link rel="stylesheet" href="{match.group("prefix")}{bundle}">\n'

    return _LINK.sub(replace, html)


def stylesheet_bundle(parts: Iterable[tuple[str, str]]) -> str:
    """The bundle's text: each member's CSS under a comment naming it (all members live in ``assets/css/``,
    so their relative ``url()``s stay valid). ``@charset`` lines are dropped (only allowed first)."""
    out = ["/* Generated at build time (site_build/page_speed.py): the site's stylesheets in one request. */"]
    for name, css in parts:
        body = re.sub(r'^\s*@charset\s+"[^"]*";\s*', "", css)
        out.append(f"/* ---- {name} ---- */\n{body.rstrip()}\n")
    return "\n".join(out)


def uses_lightbox(html: str) -> bool:
    body = html.find("<body")
    return LIGHTBOX_LINK in html[body if body != -1 else 0:]


def trim_lightbox(html: str) -> str:
    """No GLightbox code on pages without a lightbox link; where there is one, its scripts are deferred
    (the init script after the library, both after Material's bundle, whose ``document$`` it uses)."""
    if not uses_lightbox(html):
        return _LIGHTBOX_INIT.sub("", _LIGHTBOX_HEAD.sub("", html))
    html = html.replace('glightbox.min.js"></script>', 'glightbox.min.js" defer></script>', 1)
    return html.replace('<script id="init-glightbox"', '<script id="init-glightbox" defer', 1)


_TABLE = re.compile(r"<table>(?P<body>.*?)</table>", re.S)
_TH = re.compile(r"<th\b[^>]*>(?P<text>.*?)</th>", re.S)
_ROW = re.compile(r"<tr>(?P<cells>.*?)</tr>", re.S)
_TD = re.compile(r"<td(?P<attrs>(?:\s[^>]*)?)>")
_TAGS = re.compile(r"<[^>]+>")


def label_table_cells(html: str) -> str:
    """Give each body cell of a table with a header row ``data-label="<its column's header>"``.

    On a phone the site's wide tables become one card per row (assets/css/site.css), and each value is shown
    under its column's name, which CSS reads from this attribute.
    """
    import html as html_lib

    def table(match: re.Match[str]) -> str:
        body = match.group("body")
        head_end = body.find("</thead>")
        if head_end == -1:
            return match.group(0)
        labels = [html_lib.escape(" ".join(html_lib.unescape(_TAGS.sub("", m.group("text"))).split()), quote=True)
                  for m in _TH.finditer(body[:head_end])]

        def row(rm: re.Match[str]) -> str:
            counter = iter(range(10_000))

            def cell(cm: re.Match[str]) -> str:
                n = next(counter)
                if n >= len(labels) or "data-label" in cm.group("attrs"):
                    return cm.group(0)
                return f'<td data-label="{labels[n]}"{cm.group("attrs")}>'

            return "<tr>" + _TD.sub(cell, rm.group("cells")) + "</tr>"

        return "<table>" + body[:head_end] + _ROW.sub(row, body[head_end:]) + "</table>"

    return _TABLE.sub(table, html)
