"""The content-addressed photo cache: keys, atomic writes, manifests and the stat memo.

Layout under ``cache_dir`` (outside the docs folder, so ``mkdocs serve`` never sees it change)::

    index.json                 {path: [size, mtime_ns, sha256]}: skip re-hashing unchanged files
    <key16>/manifest.json      written last: a folder without it is incomplete and is redone
    <key16>/<w>.webp|jpg, cover.webp|jpg, share.jpg

Every file is written to a temporary name in the same folder and moved into place with
``os.replace``, so a crash or a concurrent build never leaves a half-written file under a real name.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from site_build.photos.model import Rendition

INDEX_NAME = "index.json"
MANIFEST_NAME = "manifest.json"
INDEX_VERSION = 1
MANIFEST_VERSION = 1
# A file modified this recently may change again within the filesystem's timestamp granularity with
# the same size ("racily clean" in git's words): hash it, but do not trust (size, mtime) for it yet.
RACY_SECONDS = 2.0
_CHUNK = 1 << 20


def hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def cache_key(source_sha256: str, fingerprint: str, focus: tuple[float, float] | None = None) -> str:
    """The full key: the source's bytes, the settings and the staff's crop focus (when set), nothing else
    (not the name, not the mtime): moving a photo's focus renders its crops again."""
    tail = "" if focus is None else f":focus={focus[0]:g},{focus[1]:g}"
    return hashlib.sha256(f"{source_sha256}:{fingerprint}{tail}".encode()).hexdigest()


def key_dir_name(key: str) -> str:
    return key[:16]


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so readers see the old file, or the whole new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def atomic_write_json(path: Path, payload: Any) -> None:
    text = json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True)
    atomic_write(path, text.encode("utf-8"))


# --- manifests ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Manifest:
    """What one key folder holds; the JSON form is the cache's only source of truth."""

    key: str
    width: int
    height: int
    format: str
    files: tuple[dict[str, Any], ...]  # {"name", "kind" (width|cover|share), "width", "height", "mime", "size"}
    notes: tuple[dict[str, str], ...] = ()
    focus: tuple[float, float] = (50.0, 50.0)  # where the cover and share crops were taken (percent)

    def to_json(self) -> dict[str, Any]:
        return {
            "version": MANIFEST_VERSION,
            "key": self.key,
            "width": self.width,
            "height": self.height,
            "format": self.format,
            "files": list(self.files),
            "notes": list(self.notes),
            "focus": list(self.focus),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Manifest:
        return cls(
            key=str(data["key"]),
            width=int(data["width"]),
            height=int(data["height"]),
            format=str(data["format"]),
            files=tuple(data["files"]),
            notes=tuple(data.get("notes", ())),
            focus=_focus(data.get("focus")),
        )

    def renditions(self, cache_dir: Path) -> list[tuple[str, Rendition]]:
        folder = key_dir_name(self.key)
        out = []
        for f in self.files:
            rel = f"{folder}/{f['name']}"
            rendition = Rendition(
                path=cache_dir / folder / f["name"],
                rel=rel,
                width=int(f["width"]),
                height=int(f["height"]),
                mime=str(f["mime"]),
                size=int(f["size"]),
            )
            out.append((str(f["kind"]), rendition))
        return out


def _focus(value: Any) -> tuple[float, float]:
    if isinstance(value, list) and len(value) == 2:
        return (float(value[0]), float(value[1]))
    return (50.0, 50.0)


def load_manifest(cache_dir: Path, key: str) -> Manifest | None:
    """The manifest for ``key`` if every file it lists is present with the right size, else None."""
    folder = cache_dir / key_dir_name(key)
    try:
        data = json.loads((folder / MANIFEST_NAME).read_text("utf-8"))
        if data.get("version") != MANIFEST_VERSION or data.get("key") != key:
            return None
        manifest = Manifest.from_json(data)
        for f in manifest.files:
            if (folder / f["name"]).stat().st_size != int(f["size"]):
                return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return manifest


def write_manifest(cache_dir: Path, manifest: Manifest) -> None:
    atomic_write_json(cache_dir / key_dir_name(manifest.key) / MANIFEST_NAME, manifest.to_json())


# --- the (path, size, mtime_ns) -> sha256 memo -------------------------------------------------------


class StatMemo:
    """Remembers each source's digest by its stat, so an unchanged photo is not even read on rebuild."""

    def __init__(self, cache_dir: Path) -> None:
        self.path = cache_dir / INDEX_NAME
        self.entries: dict[str, list[Any]] = {}
        self.dirty = False
        try:
            data = json.loads(self.path.read_text("utf-8"))
            if data.get("version") == INDEX_VERSION and isinstance(data.get("entries"), dict):
                self.entries = data["entries"]
        except (OSError, ValueError, AttributeError):
            self.entries = {}

    @staticmethod
    def _name(path: Path) -> str:
        return str(path.resolve())

    def lookup(self, path: Path, st: os.stat_result) -> str | None:
        entry = self.entries.get(self._name(path))
        if (
            isinstance(entry, list)
            and len(entry) == 3
            and entry[0] == st.st_size
            and entry[1] == st.st_mtime_ns
            and isinstance(entry[2], str)
        ):
            return entry[2]
        return None

    def remember(self, path: Path, st: os.stat_result, digest: str) -> None:
        name = self._name(path)
        if time.time_ns() - st.st_mtime_ns < RACY_SECONDS * 1e9:
            if name in self.entries:  # forget a stale entry; trust this stat only once it is old enough
                del self.entries[name]
                self.dirty = True
            return
        entry = [st.st_size, st.st_mtime_ns, digest]
        if self.entries.get(name) != entry:
            self.entries[name] = entry
            self.dirty = True

    def save(self) -> None:
        """Write if anything changed, dropping entries for files that no longer exist."""
        gone = [name for name in self.entries if not os.path.exists(name)]
        for name in gone:
            del self.entries[name]
        if self.dirty or gone:
            atomic_write_json(self.path, {"version": INDEX_VERSION, "entries": self.entries})
            self.dirty = False
