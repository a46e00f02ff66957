"""``process_photos``: the cache check in the calling process, the rendering on every core.

An unchanged photo costs one ``stat`` and one manifest read: its digest comes from the
(path, size, mtime_ns) memo and its files are already in the content-addressed cache. Only misses go
to the worker pool. Every refusal is collected and raised once, naming each bad file.
"""

from __future__ import annotations

import multiprocessing
import os
import stat
import sys
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from site_build.errors import Problem, ProblemsFound, relpath
from site_build.photos import problems
from site_build.photos.cache import Manifest, StatMemo, cache_key, hash_file, load_manifest
from site_build.photos.model import ProcessedPhoto, Rendition
from site_build.photos.problems import PhotoFailure
from site_build.photos.render import Job, Outcome, render_job
from site_build.photos.settings import DEFAULT_SETTINGS, SUPPORTED_SUFFIXES, PhotoSettings

Worker = Callable[[Job], Outcome]

SUFFIX_FORMATS = _SUFFIX_FORMATS = {
    ".jpg": {"JPEG", "MPO"},
    ".jpeg": {"JPEG", "MPO"},
    ".png": {"PNG"},
    ".webp": {"WEBP"},
    ".heic": {"HEIF"},
    ".heif": {"HEIF"},
    ".gif": {"GIF"},
}


def _mp_context() -> multiprocessing.context.BaseContext:
    """How workers start.

    ``fork`` on Linux when this process has one thread (``mkdocs build``, the CLI, tests): workers
    start in milliseconds with Pillow already imported, and the caller's ``__main__`` is not re-run.
    With other threads alive (``mkdocs serve``), forking could copy a lock held by another thread, so
    ``forkserver`` is used instead: Pillow is imported once in the server, and the workers fork from
    that clean, single-threaded process.
    """
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["site_build.photos.render"])
        return ctx
    return multiprocessing.get_context("spawn")


def _collect(futures: dict[Future[Outcome], Job]) -> tuple[list[Outcome], list[Job]]:
    done: list[Outcome] = []
    broken: list[Job] = []
    for future, job in futures.items():
        try:
            done.append(future.result())
        except BrokenProcessPool:
            broken.append(job)
        except Exception as exc:  # e.g. a result that failed to pickle: still name the file
            done.append(Outcome(job.path, failure=problems.internal_error(f"{type(exc).__name__}: {exc}")))
    return done, broken


def run_jobs(jobs: Sequence[Job], workers: int, worker: Worker = render_job) -> list[Outcome]:
    """Run ``worker`` over ``jobs``; in-process for one worker, else on a process pool.

    When a worker process dies (out of memory, a crashing decoder), every unfinished job is retried
    alone in a fresh one-process pool, so the file that kills it is named and the others still finish.
    """
    if workers <= 1 or len(jobs) <= 1:
        return [worker(job) for job in jobs]
    ctx = _mp_context()
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=ctx) as pool:
        outcomes, broken = _collect({pool.submit(worker, job): job for job in jobs})
    for job in broken:
        with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as pool:
            retried, still_broken = _collect({pool.submit(worker, job): job})
        outcomes.extend(retried)
        if still_broken:
            outcomes.append(Outcome(job.path, failure=problems.worker_died("the process exited without a result")))
    return outcomes


def _warnings(source: Path, manifest: Manifest, display: str) -> tuple[Problem, ...]:
    found: list[PhotoFailure] = []
    suffix = source.suffix.lower()
    if manifest.format not in _SUFFIX_FORMATS.get(suffix, {manifest.format}):
        found.append(problems.format_mismatch(manifest.format, source.suffix))
    found.extend(PhotoFailure.from_json(n) for n in manifest.notes)
    return tuple(f.at(display) for f in found)


def _photo(source: Path, manifest: Manifest, cache_dir: Path, display: str) -> ProcessedPhoto:
    items = manifest.renditions(cache_dir)
    widths = tuple(sorted((r for kind, r in items if kind == "width"), key=lambda r: (r.width, r.mime != "image/webp")))
    covers = {r.mime: r for kind, r in items if kind == "cover"}
    share: Rendition = next(r for kind, r in items if kind == "share")
    return ProcessedPhoto(
        source=source,
        key=manifest.key,
        width=manifest.width,
        height=manifest.height,
        renditions=widths,
        cover=(covers["image/webp"], covers["image/jpeg"]),
        share=share,
        warnings=_warnings(source, manifest, display),
        focus=manifest.focus,
    )


def _precheck(source: Path) -> PhotoFailure | os.stat_result:
    suffix = source.suffix.lower()
    if suffix == ".svg":
        return problems.svg_refused()
    if suffix not in SUPPORTED_SUFFIXES:
        return problems.unsupported_suffix(source.suffix)
    try:
        st = source.stat()
    except OSError as exc:
        return problems.unreadable(f"{type(exc).__name__}: {exc.strerror or exc}")
    if not stat.S_ISREG(st.st_mode):
        return problems.unreadable("not a regular file")
    return st


def process_photos(
    sources: Sequence[Path],
    cache_dir: Path,
    settings: PhotoSettings = DEFAULT_SETTINGS,
    *,
    workers: int | None = None,
    display_root: Path | None = None,
    focus: Mapping[Path, tuple[float, float]] | None = None,
) -> dict[Path, ProcessedPhoto]:
    """Make (or find in the cache) every rendition of every source photo.

    Returns one :class:`ProcessedPhoto` per source, keyed by the path as given. Raises
    :class:`~site_build.errors.ProblemsFound` listing every refused file (paths shown relative to
    ``display_root``) after the good ones have been cached. ``focus`` maps a source to the crop focus
    staff set for it (percent, see :mod:`site_build.photos.geometry`); it is part of the cache key.
    """
    focus = focus or {}
    given = [Path(s) for s in sources]  # a generator must not be consumed twice
    cache_dir = Path(cache_dir).absolute()  # Rendition.path is absolute, whatever the caller passed
    cache_dir.mkdir(parents=True, exist_ok=True)
    memo = StatMemo(cache_dir)
    fingerprint = settings.fingerprint()
    found: list[Problem] = []
    results: dict[Path, ProcessedPhoto] = {}
    waiting: dict[str, list[Path]] = {}  # cache key -> sources with those bytes and focus, rendered once

    def display(source: Path) -> str:
        return relpath(source, display_root)

    for source in dict.fromkeys(given):
        checked = _precheck(source)
        if isinstance(checked, PhotoFailure):
            found.append(checked.at(display(source)))
            continue
        digest = memo.lookup(source, checked)
        if digest is None:
            try:
                digest = hash_file(source)
            except OSError as exc:
                found.append(problems.unreadable(f"{type(exc).__name__}: {exc.strerror or exc}").at(display(source)))
                continue
            memo.remember(source, checked, digest)
        key = cache_key(digest, fingerprint, focus.get(source))
        manifest = load_manifest(cache_dir, key)
        if manifest is not None:
            results[source] = _photo(source, manifest, cache_dir, display(source))
        else:
            waiting.setdefault(key, []).append(source)

    jobs = [Job(str(group[0]), str(cache_dir), settings, focus.get(group[0])) for group in waiting.values()]
    by_path = {str(group[0]): group for group in waiting.values()}
    for outcome in run_jobs(jobs, workers if workers is not None else (os.cpu_count() or 1)):
        group = by_path[outcome.path]
        if outcome.failure is not None:
            found.extend(outcome.failure.at(display(s)) for s in group)
            continue
        assert outcome.manifest is not None
        manifest = Manifest.from_json(outcome.manifest)
        for source in group:
            results[source] = _photo(source, manifest, cache_dir, display(source))

    memo.save()
    if any(p.is_error for p in found):
        raise ProblemsFound(found + [w for photo in results.values() for w in photo.warnings])
    return {source: results[source] for source in given if source in results}
