"""The instructions the ``new`` template writes for staff, in one place: the scaffold writes them and the check
finds them if they are left in, with or without their ✏ marker (staff sometimes delete the marker only)."""

from __future__ import annotations

import itertools
import re

PLACEHOLDER = "\u270f"  # ✏ marks template text that staff must replace

SUMMARY = "สรุปกิจกรรมสั้น ๆ ในหนึ่งหรือสองประโยค"
BODY = (
    "เล่าเรื่องราวของกิจกรรมที่นี่: วัตถุประสงค์ ใครเข้าร่วม ทำอะไรบ้าง และได้ผลอย่างไร",
    "เขียนเป็นย่อหน้าธรรมดาได้เลย เว้นบรรทัดว่างระหว่างย่อหน้า ใช้ **ตัวหนา** หรือรายการแบบ - ได้",
    "รูปภาพทั้งหมดใน photos จะแสดงเป็นแกลเลอรีท้ายหน้าโดยอัตโนมัติ",
)
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.replace(PLACEHOLDER, "").replace("*", "")).strip()


# A guidance sentence is recognised by any distinctive piece of it (staff may edit half a sentence): every run of
# two words, and every single long word, of at least 20 characters.
def _pieces() -> tuple[str, ...]:
    found: list[str] = []
    for sentence in (SUMMARY, *BODY):
        words = [w for w in _norm(sentence).replace(":", " ").split(" ") if w]
        found += [w for w in words if len(w) >= 20]
        found += [f"{a} {b}" for a, b in itertools.pairwise(words) if len(a) + len(b) >= 20]
    return tuple(dict.fromkeys(found))


_PIECES = _pieces()


def guidance_in(text: str) -> bool:
    """``text`` still holds (part of) a template instruction."""
    normalised = _norm(text)
    return any(piece in normalised for piece in _PIECES)
