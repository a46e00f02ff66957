"""Helpers the benchmark scripts share."""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def samples_module() -> ModuleType:
    """scripts/make_sample_photos.py as a module (scripts/ is not a package): the photo scene generator."""
    spec = importlib.util.spec_from_file_location("make_sample_photos", ROOT / "scripts" / "make_sample_photos.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def save_results(path: Path, payload: dict[str, Any]) -> None:
    """Write a benchmark's figures as JSON, stamped with the time of the run."""
    stamped = {**payload, "when": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(stamped, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"written {path}")
