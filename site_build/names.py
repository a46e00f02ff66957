"""Names as people type them: photo file names from phones, channel and plan names, matched forgivingly.

Phones name photos ``IMG 0001.JPG``, ``IMG_20230315_101112.jpg`` or ``ภาพกิจกรรม ๑.jpeg`` (macOS stores Thai names
decomposed, NFD). Markdown editors write a name with a space as ``IMG%200001.JPG`` or ``<IMG 0001.JPG>``. All of these
mean the same file; :func:`link_target` turns a written reference into the file name, and :func:`same_name` /
:func:`closest` find what a person meant when the spelling differs only by separators, case or word order
(``IMG_0042.jpg`` vs ``IMG 0042.JPG``, ``line-strong`` vs ``strong-line``).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import unquote

_SEPARATORS = re.compile(r"[\s_\-.+·]+")
_PERCENT = re.compile(r"%[0-9A-Fa-f]{2}")


def nfc(name: str) -> str:
    return unicodedata.normalize("NFC", name)


def link_target(raw: str) -> str:
    """The file a Markdown image target names: ``<…>`` removed, ``%20`` decoded, ``./`` dropped, NFC."""
    target = raw.strip()
    if target.startswith("<") and target.endswith(">"):
        target = target[1:-1].strip()
    if _PERCENT.search(target):
        target = unquote(target)
    return nfc(target.removeprefix("./"))


def fold(name: str) -> str:
    """Separators, case, digit script and word order do not matter: ``IMG_0042.jpg`` ~ ``img 0042 JPG``."""
    text = nfc(name).casefold().translate(str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789"))
    words = [w for w in _SEPARATORS.split(text) if w]
    return " ".join(sorted(words))


def same_name(a: str, b: str) -> bool:
    return fold(a) == fold(b)


def closest(name: str, candidates: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The candidate a person most likely meant: equal after :func:`fold`, else the nearest folded spelling."""
    options = list(dict.fromkeys(candidates))
    folded = fold(name)
    exact = [c for c in options if fold(c) == folded]
    if exact:
        return exact[0]
    by_fold = {fold(c): c for c in options}
    near = difflib.get_close_matches(folded, list(by_fold), n=1, cutoff=cutoff)
    if near:
        return by_fold[near[0]]
    raw = difflib.get_close_matches(nfc(name), options, n=1, cutoff=cutoff)
    return raw[0] if raw else None


def markdown_target(name: str) -> str:
    """How to write ``name`` as a Markdown image target that every editor and MkDocs read the same way."""
    return f"<{name}>" if any(c.isspace() for c in name) or "(" in name or ")" in name else name
