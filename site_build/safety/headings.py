"""Readable, stable anchors for Thai headings: ``## ประกาศเจตนารมณ์`` → ``#ประกาศเจตนารมณ์``.

Python-Markdown's default slugify keeps ASCII only, so a pure-Thai heading gets ``_1``, ``_2`` …, and
the anchor changes whenever a heading is added above it. ``pymdownx.slugs.slugify`` keeps Thai letters
but drops the combining vowels and tone marks (Unicode category Mn, not matched by ``\\w``): it turns
"ประกาศเจตนารมณ์" into "ประกาศเจตนารมณ" and "แผนปฏิบัติการ" into "แผนปฏบตการ". This one keeps marks.

Use it as toc's ``slugify`` (``toc: slugify: !!python/name:site_build.safety.headings.slugify``).
"""

from __future__ import annotations

import re
import unicodedata

_TAGS = re.compile(r"</?[^>]*>")
_DIGIT_DOT = re.compile(r"(?<=\d)[.](?=\d)")
_SPACES = re.compile(r"[\s/\\|]+")
_AM_BEFORE_TONE = re.compile("\u0e33([\u0e48-\u0e4b])")  # "นำ้" typed for "น้ำ": same look, other order


def _keep(ch: str) -> bool:
    return ch.isalnum() or ch in "_-" or unicodedata.category(ch) in ("Mn", "Mc")


def slugify(value: str, separator: str) -> str:
    """Lower-case, keep letters/digits/marks of any script, spaces → ``separator``, drop the rest.

    ``ข้อ ๑.๑`` keeps its numbering apart (``ข้อ-๑-๑``) instead of fusing it into ``๑๑``.
    Zero-width spaces that Thai editors insert are dropped and a tone mark typed after SARA AM is put
    back before it, so invisible differences in typing do not change the anchor. ``/`` separates words.
    """
    text = unicodedata.normalize("NFC", _TAGS.sub("", value)).strip().lower()
    text = _AM_BEFORE_TONE.sub("\\1\u0e33", _DIGIT_DOT.sub(" ", text))
    words = ("".join(ch for ch in word if _keep(ch)) for word in _SPACES.split(text))
    slug = separator.join(w for w in words if w)
    if separator:
        slug = re.sub(f"(?:{re.escape(separator)}){{2,}}", separator, slug).strip(separator)
    return slug
