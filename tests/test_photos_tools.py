"""The sample-photo generator and the photo benchmark still run and say what they promise."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from PIL import Image, ImageOps

ROOT = Path(__file__).resolve().parent.parent


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # so a process pool can pickle its functions by name
    spec.loader.exec_module(module)
    return module


def test_sample_photos_are_deterministic_small_and_some_rotated(tmp_path: Path) -> None:
    script = ROOT / "scripts" / "make_sample_photos.py"
    args = [sys.executable, str(script), "--count", "3", "--size", "320x240"]
    subprocess.run([*args[:2], str(tmp_path / "a"), str(tmp_path / "b"), *args[2:]], check=True, capture_output=True)
    subprocess.run([*args[:2], str(tmp_path / "c"), *args[2:]], check=True, capture_output=True)
    a = sorted((tmp_path / "a").glob("*.jpg"))
    assert [p.name for p in a] == ["sample-01.jpg", "sample-02.jpg", "sample-03.jpg"]
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in sorted((tmp_path / "c").glob("*.jpg"))]
    assert a[0].read_bytes() != (tmp_path / "b" / "sample-01.jpg").read_bytes()  # each folder its own scenes
    orientations = []
    for p in a:
        im = Image.open(p)
        orientations.append(im.getexif().get(0x0112, 1))
        assert not im.getexif().get_ifd(0x8825)  # samples carry no GPS
        assert ImageOps.exif_transpose(im).size == (320, 240)  # upright after orientation
    assert 6 in orientations and 1 in orientations


def test_default_sample_size_stays_light(tmp_path: Path) -> None:
    samples = load(ROOT / "scripts" / "make_sample_photos.py")
    (path,) = samples.generate(tmp_path, 1, (1600, 1200))
    assert 60_000 < path.stat().st_size < 220_000


def test_bench_runs_and_reports_its_measures(tmp_path: Path) -> None:
    bench = load(ROOT / "bench" / "photos_bench.py")
    result = bench.run(count=2, runs=1, size=(800, 600), workers=1)
    assert set(result["median"]) >= {"cold_ours_s", "cold_plain_s", "cold_ratio", "rebuild_s", "rebuild_share"}
    assert result["median"]["rebuild_s"] < result["median"]["cold_ours_s"]
    assert "cold ratio" in bench.table(result)
