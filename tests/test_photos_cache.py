"""The content-hash cache: nothing is decoded twice, nothing is re-hashed when unchanged, no half files."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from site_build.errors import ProblemsFound
from site_build.photos import PhotoSettings, pipeline, process_photos, render
from site_build.photos import cache as cache_mod
from tests.fixtures_photos import jpeg_bytes, quadrants, write

SMALL = PhotoSettings(widths=(32, 64), cover_size=(40, 30), share_size=(57, 30))
OLD = time.time() - 3600  # an mtime old enough to be trusted by the (size, mtime) memo


def make(path: Path, size: tuple[int, int] = (96, 72), colour_seed: int = 0) -> Path:
    im = quadrants(size)
    im.paste((colour_seed * 37 % 256, 128, colour_seed * 91 % 256), (8, 8, 24, 24))  # distinct bytes per seed
    write(path, jpeg_bytes(im))
    os.utime(path, (OLD, OLD))
    return path


class Counter:
    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
        self.calls = 0
        original: Callable[..., Any] = getattr(module, name)

        def counting(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, counting)


@pytest.fixture
def decodes(monkeypatch: pytest.MonkeyPatch) -> Counter:
    return Counter(monkeypatch, render, "decode")


@pytest.fixture
def hashes(monkeypatch: pytest.MonkeyPatch) -> Counter:
    return Counter(monkeypatch, pipeline, "hash_file")


def test_unchanged_photo_is_never_processed_twice(tmp_path: Path, decodes: Counter, hashes: Counter) -> None:
    sources = [make(tmp_path / f"p{i}.jpg", colour_seed=i) for i in range(3)]
    cache = tmp_path / ".cache" / "photos"
    first = process_photos(sources, cache, SMALL, workers=1)
    assert decodes.calls == 3 and hashes.calls == 3
    second = process_photos(sources, cache, SMALL, workers=1)
    assert decodes.calls == 3, "a rebuild decoded an unchanged photo"
    assert hashes.calls == 3, "a rebuild re-hashed an unchanged photo"
    assert first == second
    index = json.loads((cache / "index.json").read_text())
    assert len(index["entries"]) == 3


def test_identical_bytes_under_two_names_are_rendered_once(tmp_path: Path, decodes: Counter) -> None:
    a = make(tmp_path / "a.jpg")
    b = tmp_path / "copy" / "b.JPG"
    b.parent.mkdir()
    b.write_bytes(a.read_bytes())
    result = process_photos([a, b], tmp_path / "cache", SMALL, workers=1)
    assert decodes.calls == 1
    assert result[a].key == result[b].key and result[b].source == b


def test_changed_content_is_reprocessed(tmp_path: Path, decodes: Counter) -> None:
    src = make(tmp_path / "p.jpg", colour_seed=1)
    cache = tmp_path / "cache"
    key1 = process_photos([src], cache, SMALL, workers=1)[src].key
    make(src, colour_seed=200)  # same size in bytes is possible; mtime is set to OLD again
    os.utime(src, (OLD + 5, OLD + 5))
    key2 = process_photos([src], cache, SMALL, workers=1)[src].key
    assert key1 != key2 and decodes.calls == 2


def test_same_size_same_mtime_is_trusted_but_new_mtime_rehashes(tmp_path: Path, hashes: Counter) -> None:
    src = make(tmp_path / "p.jpg")
    cache = tmp_path / "cache"
    process_photos([src], cache, SMALL, workers=1)
    os.utime(src, (OLD + 10, OLD + 10))  # touched, content unchanged
    process_photos([src], cache, SMALL, workers=1)
    assert hashes.calls == 2
    process_photos([src], cache, SMALL, workers=1)
    assert hashes.calls == 2


def test_freshly_modified_file_is_not_trusted_by_stat(tmp_path: Path, hashes: Counter, decodes: Counter) -> None:
    """A file changed within the timestamp granularity could change again unseen: hash it every time."""
    src = write(tmp_path / "fresh.jpg", jpeg_bytes(quadrants((96, 72))))
    cache = tmp_path / "cache"
    process_photos([src], cache, SMALL, workers=1)
    process_photos([src], cache, SMALL, workers=1)
    assert hashes.calls == 2 and decodes.calls == 1  # re-hashed, but still not re-decoded


def test_settings_change_renders_again(tmp_path: Path, decodes: Counter) -> None:
    src = make(tmp_path / "p.jpg")
    cache = tmp_path / "cache"
    a = process_photos([src], cache, SMALL, workers=1)[src]
    b = process_photos([src], cache, PhotoSettings(widths=(32, 64), webp_quality=50, cover_size=(40, 30)), workers=1)[
        src
    ]
    assert a.key != b.key and decodes.calls == 2


def test_missing_rendition_is_redone(tmp_path: Path, decodes: Counter) -> None:
    src = make(tmp_path / "p.jpg")
    cache = tmp_path / "cache"
    photo = process_photos([src], cache, SMALL, workers=1)[src]
    photo.cover[0].path.unlink()
    again = process_photos([src], cache, SMALL, workers=1)[src]
    assert decodes.calls == 2 and again.cover[0].path.exists()


def test_crash_mid_render_leaves_no_half_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = make(tmp_path / "p.jpg")
    cache = tmp_path / "cache"
    real_replace = os.replace
    calls = {"n": 0}

    def crashing_replace(a: Any, b: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk vanished")
        real_replace(a, b)

    monkeypatch.setattr(cache_mod.os, "replace", crashing_replace)
    with pytest.raises(ProblemsFound) as caught:
        process_photos([src], cache, SMALL, workers=1)
    assert [p.code for p in caught.value.problems] == ["photo-internal"]
    assert "disk vanished" in caught.value.problems[0].message_en
    folders = [p for p in cache.iterdir() if p.is_dir()]
    assert len(folders) == 1
    names = sorted(p.name for p in folders[0].iterdir())
    assert names == ["64.jpg", "64.webp"]  # two complete files, no temp file, no manifest
    monkeypatch.setattr(cache_mod.os, "replace", real_replace)
    photo = process_photos([src], cache, SMALL, workers=1)[src]
    assert (cache / photo.key[:16] / "manifest.json").exists()
    assert not [p for p in (cache / photo.key[:16]).iterdir() if p.name.endswith(".tmp")]


def test_atomic_write_keeps_old_content_on_failure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "f.bin"
    cache_mod.atomic_write(target, b"old")

    def boom(a: Any, b: Any) -> None:
        raise OSError("crash")

    monkeypatch.setattr(cache_mod.os, "replace", boom)
    with pytest.raises(OSError):
        cache_mod.atomic_write(target, b"new-and-longer")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["f.bin"]


def test_corrupt_index_and_manifest_are_ignored(tmp_path: Path, decodes: Counter) -> None:
    src = make(tmp_path / "p.jpg")
    cache = tmp_path / "cache"
    photo = process_photos([src], cache, SMALL, workers=1)[src]
    (cache / "index.json").write_text("{not json")
    (cache / photo.key[:16] / "manifest.json").write_text("[]")
    again = process_photos([src], cache, SMALL, workers=1)[src]
    assert again == photo and decodes.calls == 2
    assert json.loads((cache / "index.json").read_text())["entries"]


def test_index_forgets_deleted_sources(tmp_path: Path) -> None:
    a, b = make(tmp_path / "a.jpg", colour_seed=1), make(tmp_path / "b.jpg", colour_seed=2)
    cache = tmp_path / "cache"
    process_photos([a, b], cache, SMALL, workers=1)
    b.unlink()
    process_photos([a], cache, SMALL, workers=1)
    entries = json.loads((cache / "index.json").read_text())["entries"]
    assert list(entries) == [str(a.resolve())]
