"""A throwaway copy of the real project for tests that must change sources and then check or build them."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT, build_into

PARTS = ("content", "data", "hooks", "overrides", "plan.yml", "mkdocs.yml", "plans")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for name in PARTS:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, symlinks=True)
        elif source.is_file():
            shutil.copy2(source, target / name)
    (target / "site_build").symlink_to(ROOT / "site_build")  # mkdocs.yml watches it
    (target / "node_modules").symlink_to(ROOT / "node_modules")  # the editor's bundle (npm, package-lock.json)
    return target


def build_quick(root: Path, site: Path) -> Path:
    """The strict MkDocs build of ``root`` without the search-index step (faster; same verdicts)."""
    return build_into(site, root=root, steps=[])
