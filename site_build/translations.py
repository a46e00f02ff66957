"""Which pages translate which: the language alternates of each page, as absolute URLs.

An English page (``content/en/…``, front matter ``lang: en``) names the Thai page it summarises with
``translation: policies/no-gift/2566/`` (a site path); the two language homes are each other's
translation. Every page of such a pair lists both (``hreflang`` ``th`` and ``en``) in its ``<head>`` and
the header's language switch goes to the other one. Search engines and Lighthouse need absolute URLs in
``hreflang`` links, hence ``site_url`` here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

HOME = {"th": "", "en": "en/"}


@dataclass(frozen=True)
class Alternate:
    lang: str
    path: str  # site path, "" for the home page
    url: str  # absolute


def pairs(english_pages: Iterable[tuple[str, Mapping[str, object]]]) -> dict[str, dict[str, str]]:
    """``{site path: {lang: site path}}`` from (English page's site path, its front matter)."""
    out: dict[str, dict[str, str]] = {HOME["th"]: dict(HOME), HOME["en"]: dict(HOME)}
    for path, meta in english_pages:
        target = meta.get("translation")
        if isinstance(target, str) and target.strip():
            thai = target.strip().lstrip("/")
            out[path] = {"th": thai, "en": path}
            out.setdefault(thai, {"th": thai, "en": path})
    return out


def alternates(path: str, table: Mapping[str, Mapping[str, str]], site_url: str) -> list[Alternate]:
    """The page's language versions (itself included), or ``[]`` when it has no translation."""
    langs = table.get(path)
    if not langs:
        return []
    base = site_url if site_url.endswith("/") else site_url + "/"
    return [Alternate(lang, target, urljoin(base, target)) for lang, target in sorted(langs.items(),
                                                                                    key=lambda kv: kv[0] != "th")]
