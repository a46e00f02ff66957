"""The office's details for the footer (``data/agency.yml``): name, parent agency, address, telephone,
e-mail and copyright, each either supplied by the office or shown as a placeholder marked as a sample.

Nothing official is invented: a field the office has not supplied (``supplied: false``) keeps no value
the site could pass off as fact; the footer says "ยังไม่ได้รับข้อมูล" (not yet supplied) and "ตัวอย่าง".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from site_build.errors import Problem, ProblemsFound
from site_build.yamlsrc import load_yaml

FILE = "data/agency.yml"
CONTACTS = ("address", "telephone", "email")


@dataclass(frozen=True)
class Field:
    key: str
    value: str | None  # None: not supplied
    supplied: bool


@dataclass(frozen=True)
class Agency:
    name: dict[str, str]
    parent: dict[str, str]
    contacts: tuple[Field, ...]
    copyright: dict[str, str]
    copyright_supplied: bool

    @property
    def has_samples(self) -> bool:
        return not self.copyright_supplied or any(not f.supplied for f in self.contacts)


def _problem(message_th: str, message_en: str, fix: str, line: int | None = None) -> ProblemsFound:
    return ProblemsFound([Problem(file=FILE, line=line or 1, message_th=message_th, message_en=message_en,
                                  fix_th=fix)])


def load_agency(root: Path) -> Agency:
    """Read and check ``data/agency.yml``; a field marked supplied must have a value."""
    loaded = load_yaml((root / FILE).read_text(encoding="utf-8"), FILE)
    if any(p.is_error for p in loaded.problems):
        raise ProblemsFound(loaded.problems)
    data = loaded.data if isinstance(loaded.data, dict) else {}

    def line(*path: str) -> int | None:
        found = loaded.key_positions.get(path) or loaded.positions.get(path)
        return found[0] if found else None

    def names(key: str) -> dict[str, str]:
        value = data.get(key)
        if not (isinstance(value, dict) and isinstance(value.get("th"), str)):
            raise _problem(f"ต้องระบุ {key}: th: …", f"{key} needs a Thai name (th)", f"{key}:\n  th: ชื่อหน่วยงาน",
                           line(key))
        return {"th": value["th"], "en": str(value.get("en") or value["th"])}

    contacts = []
    for key in CONTACTS:
        entry = data.get(key) or {}
        supplied = bool(entry.get("supplied")) if isinstance(entry, dict) else False
        value = entry.get("value") if isinstance(entry, dict) else None
        if supplied and not (isinstance(value, str) and value.strip()):
            raise _problem(f"{key}: supplied: true แต่ไม่มี value", f"{key} is marked supplied but has no value",
                           f"ใส่ value หรือเปลี่ยนเป็น supplied: false ({key})", line(key, "supplied") or line(key))
        contacts.append(Field(key, str(value).strip() if supplied else None, supplied))
    rights = data.get("copyright") or {}
    return Agency(names("name"), names("parent"), tuple(contacts),
                  {"th": str(rights.get("th") or ""), "en": str(rights.get("en") or rights.get("th") or "")},
                  bool(rights.get("supplied")))
