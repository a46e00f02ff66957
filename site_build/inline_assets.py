"""Move inline ``<script>`` and ``<style>`` blocks that plugins inject into files, for a strict CSP.

Some plugins (mkdocs-glightbox) add inline code to every page; under ``script-src 'self'`` the browser
refuses it. Each block becomes a content-addressed file (same code → same file, cached once by the
browser) referenced by a relative URL. JSON data blocks (``type="application/json"``) are not code and
stay inline.
"""

from __future__ import annotations

import hashlib
import re

_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_STYLE = re.compile(r"<style(?P<attrs>[^>]*)>(?P<body>.*?)</style>", re.S | re.I)
_HAS_SRC = re.compile(r"\bsrc\s*=", re.I)
_DATA_TYPE = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.I)
DIRECTORY = "assets/inline"


def externalize(html: str, prefix: str) -> tuple[str, dict[str, str]]:
    """Return the page with inline code replaced by file references, and ``{site path: content}``.

    ``prefix`` is the relative URL from the page to the site root (``""``, ``"../"`` …).
    """
    files: dict[str, str] = {}

    def name(body: str, suffix: str) -> str:
        path = f"{DIRECTORY}/{hashlib.sha256(body.encode()).hexdigest()[:16]}.{suffix}"
        files[path] = body
        return prefix + path

    def script(match: re.Match[str]) -> str:
        attrs, body = match.group("attrs"), match.group("body")
        if _HAS_SRC.search(attrs) or _DATA_TYPE.search(attrs) or not body.strip():
            return match.group(0)
        return f'<script{attrs} src="{name(body, "js")}"></script>'

    def style(match: re.Match[str]) -> str:
        body = match.group("body")
        if not body.strip():
            return match.group(0)
        return f'<link rel="stylesheet" href="{name(body, "css")}">'

    return _STYLE.sub(style, _SCRIPT.sub(script, html)), files
