"""Helpers the benchmark scripts share."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent


def samples_module() -> ModuleType:
    """scripts/make_sample_photos.py as a module (scripts/ is not a package): the photo scene generator."""
    spec = importlib.util.spec_from_file_location("make_sample_photos", ROOT / "scripts" / "make_sample_photos.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
