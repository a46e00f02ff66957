"""Refuse known leaked credentials in any form, without keeping them in the repository.

``data/leaked-credentials.yml`` lists SHA-256 digests of normalised secrets (lower case, ASCII letters
and digits only). A line of content is normalised the same way and every window of the secret's length
is hashed, so the secret written in two words, letter by letter with dashes, or in capitals is
caught. Inputs are small (sources, not the built site), so hashing windows is cheap.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from site_build.errors import Problem
from site_build.textfile import read_text
from site_build.yamlsrc import load_yaml

_NOT_ALNUM = re.compile(r"[^a-z0-9]")


@dataclass(frozen=True)
class LeakedSecret:
    sha256: str
    length: int


def load_leaked(path: Path) -> list[LeakedSecret]:
    if not path.is_file():
        return []
    loaded = load_yaml(read_text(path), path.name)
    return [LeakedSecret(sha256=str(e["sha256"]).lower(), length=int(e["length"])) for e in loaded.data or []]


def normalise(text: str) -> str:
    return _NOT_ALNUM.sub("", text.lower())


def find_leaks(text: str, secrets: Iterable[LeakedSecret]) -> list[int]:
    """1-based line numbers where a known secret appears in any spacing or case."""
    wanted = {(s.length, s.sha256) for s in secrets}
    lengths = sorted({length for length, _ in wanted})
    hits: list[int] = []
    lines = text.splitlines()
    for number, line in enumerate(lines, start=1):
        # A secret split across a line break still counts: join with the next line's start.
        own = normalise(line)
        joined = own + normalise((lines[number] if number < len(lines) else "")[:64])
        if _contains(joined, len(own), lengths, wanted):
            hits.append(number)
    return hits


def _contains(norm: str, starts_before: int, lengths: list[int], wanted: set[tuple[int, str]]) -> bool:
    """Whether a secret starts in the first ``starts_before`` characters of ``norm``."""
    for length in lengths:
        for start in range(min(starts_before, len(norm) - length + 1)):
            digest = hashlib.sha256(norm[start:start + length].encode()).hexdigest()
            if (length, digest) in wanted:
                return True
    return False


def leak_problems(text: str, file: str, secrets: Iterable[LeakedSecret], *, line_offset: int = 0) -> list[Problem]:
    return [Problem(
        file=file, line=line + line_offset, column=1,
        message_th="พบรหัสผ่านที่เคยรั่วไหลในเอกสารต้นทาง ห้ามเผยแพร่ในทุกรูปแบบ",
        message_en="a known leaked credential appears here (in some spacing or case)",
        fix_th="ลบรหัสผ่านออก แล้วเขียนว่า \"บัญชีดูแลโดยสำนักงาน\" แทน หากจำเป็นต้องกล่าวถึง",
        code="leaked-credential") for line in find_leaks(text, secrets)]
