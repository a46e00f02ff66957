"""The build manifest: every file of a built site with its SHA-256, written at build time.

It is the contract between the build and the web server: an uploaded release is verified against it
before it goes live, and two builds whose manifests list the same files and hashes are the same site
(the daily rebuild then publishes nothing). It holds no volatile field (no time, no machine name):
timestamps inside the site follow ``SOURCE_DATE_EPOCH``, so equal inputs give an equal manifest.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

MANIFEST_NAME = "build-manifest.json"
FORMAT = 1


@dataclass(frozen=True)
class Manifest:
    """``files``: site-relative POSIX path → SHA-256 hex digest (the manifest itself is not listed)."""

    files: Mapping[str, str]

    def to_json(self) -> str:
        body = {"format": FORMAT, "algorithm": "sha256", "files": dict(sorted(self.files.items()))}
        return json.dumps(body, ensure_ascii=False, indent=0, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str | bytes) -> Manifest:
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("files"), dict):
            raise ValueError(f"not a build manifest (format {FORMAT})")
        return cls(files={str(k): str(v) for k, v in data["files"].items()})

    def digest(self) -> str:
        """One hash for the whole site: equal digests, equal sites."""
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()

    def same_site(self, other: Manifest | None) -> bool:
        return other is not None and dict(self.files) == dict(other.files)

    def differences(self, found: Mapping[str, str]) -> list[str]:
        """What ``found`` (path → hash of an uploaded copy) gets wrong, one line per file; empty when it matches."""
        out = [f"missing: {p}" for p in sorted(set(self.files) - set(found))]
        out += [f"changed: {p}" for p in sorted(set(self.files) & set(found)) if self.files[p] != found[p]]
        out += [f"unexpected: {p}" for p in sorted(set(found) - set(self.files))]
        return out


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def hash_tree(folder: Path, *, skip: frozenset[str] = frozenset()) -> dict[str, str]:
    """Every regular file under ``folder`` (symlinks are not followed) → SHA-256."""
    out: dict[str, str] = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            rel = path.relative_to(folder).as_posix()
            if rel not in skip:
                out[rel] = sha256_file(path)
    return out


def compute(site: Path) -> Manifest:
    return Manifest(files=hash_tree(site, skip=frozenset({MANIFEST_NAME})))


def write_manifest(site: Path, root: Path | None = None) -> None:
    """Post-build step (``step(site_dir, project_root)``): the last step, so it sees the finished site."""
    (site / MANIFEST_NAME).write_text(compute(site).to_json(), encoding="utf-8")


def read_manifest(site: Path) -> Manifest | None:
    path = site / MANIFEST_NAME
    return Manifest.from_json(path.read_bytes()) if path.is_file() else None
