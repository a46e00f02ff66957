"""The worker pool: all cores, and a failing or dying worker names its file instead of hanging."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from site_build.errors import ProblemsFound
from site_build.photos import PhotoSettings, process_photos, render
from site_build.photos.pipeline import run_jobs
from site_build.photos.render import Job, Outcome, render_job
from tests.fixtures_photos import jpeg_bytes, quadrants, truncated_jpeg, write

SMALL = PhotoSettings(widths=(32, 64), cover_size=(40, 30), share_size=(57, 30))


class Unpicklable(Exception):
    def __init__(self) -> None:
        super().__init__("cannot travel")
        self.callback = lambda: None  # lambdas do not pickle


def die_on_poison(job: Job) -> Outcome:
    """Runs in a worker process: kills it outright for one file, as the OOM killer would."""
    if "poison" in job.path:
        os._exit(1)
    return render_job(job)


def raise_unpicklable(job: Job) -> Outcome:
    if "bad" in job.path:
        raise Unpicklable
    return render_job(job)


def photos(tmp_path: Path, n: int) -> list[Path]:
    return [write(tmp_path / f"p{i}.jpg", jpeg_bytes(quadrants((64 + i, 48)))) for i in range(n)]


def test_pool_results_match_serial_results(tmp_path: Path) -> None:
    sources = photos(tmp_path, 4)
    pooled = process_photos(sources, tmp_path / "c1", SMALL, workers=2)
    serial = process_photos(sources, tmp_path / "c2", SMALL, workers=1)
    assert list(pooled) == sources
    for src in sources:
        assert pooled[src].key == serial[src].key
        assert [r.rel for r in pooled[src].files] == [r.rel for r in serial[src].files]
        assert [r.path.read_bytes() for r in pooled[src].files] == [r.path.read_bytes() for r in serial[src].files]


def test_bad_file_in_a_pool_fails_the_batch_naming_it(tmp_path: Path) -> None:
    sources = [*photos(tmp_path, 3), write(tmp_path / "cut.jpg", truncated_jpeg())]
    with pytest.raises(ProblemsFound) as caught:
        process_photos(sources, tmp_path / "cache", SMALL, workers=2, display_root=tmp_path)
    assert [(p.file, p.code) for p in caught.value.errors] == [("cut.jpg", "photo-truncated")]


def test_dead_worker_names_the_file_and_the_others_finish(tmp_path: Path) -> None:
    sources = photos(tmp_path, 3)
    poison = write(tmp_path / "poison.jpg", jpeg_bytes(quadrants((50, 40))))
    jobs = [Job(str(p), str(tmp_path / "cache"), SMALL) for p in [*sources, poison]]
    outcomes = {Path(o.path): o for o in run_jobs(jobs, workers=2, worker=die_on_poison)}
    assert set(outcomes) == {*sources, poison}
    assert outcomes[poison].failure is not None and outcomes[poison].failure.code == "photo-worker-died"
    assert all(outcomes[s].manifest is not None for s in sources)


def test_unpicklable_worker_exception_still_names_the_file(tmp_path: Path) -> None:
    good = photos(tmp_path, 2)
    bad = write(tmp_path / "bad.jpg", jpeg_bytes(quadrants((50, 40))))
    jobs = [Job(str(p), str(tmp_path / "cache"), SMALL) for p in [*good, bad]]
    outcomes = {Path(o.path): o for o in run_jobs(jobs, workers=2, worker=raise_unpicklable)}
    assert outcomes[bad].failure is not None and outcomes[bad].failure.code == "photo-internal"
    assert all(outcomes[s].manifest is not None for s in good)


def test_render_job_turns_any_exception_into_a_picklable_value(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = photos(tmp_path, 1)[0]

    def broken(*args: object, **kwargs: object) -> None:
        raise Unpicklable

    monkeypatch.setattr(render, "render_bytes", broken)
    outcome = render_job(Job(str(src), str(tmp_path / "cache"), SMALL))
    assert outcome.failure is not None and "Unpicklable" in outcome.failure.message_en
    assert pickle.loads(pickle.dumps(outcome)) == outcome


def test_default_workers_is_every_core(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[int] = []
    from site_build.photos import pipeline

    def fake_run_jobs(jobs: list[Job], workers: int) -> list[Outcome]:
        seen.append(workers)
        return [render_job(j) for j in jobs]

    monkeypatch.setattr(pipeline, "run_jobs", fake_run_jobs)
    process_photos(photos(tmp_path, 2), tmp_path / "cache", SMALL)
    assert seen == [os.cpu_count()]


def test_start_method_avoids_fork_when_threads_are_running(monkeypatch: pytest.MonkeyPatch) -> None:
    from site_build.photos import pipeline

    monkeypatch.setattr(pipeline.threading, "active_count", lambda: 3)  # e.g. mkdocs serve
    assert pipeline._mp_context().get_start_method() in ("forkserver", "spawn")
    monkeypatch.setattr(pipeline.threading, "active_count", lambda: 1)
    expected = "fork" if pipeline.sys.platform.startswith("linux") else pipeline._mp_context().get_start_method()
    assert pipeline._mp_context().get_start_method() == expected


def test_pool_under_forkserver_names_a_dead_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The mkdocs-serve path: workers from the fork server, test worker found by module name."""
    from site_build.photos import pipeline

    monkeypatch.setattr(pipeline.threading, "active_count", lambda: 3)
    sources = photos(tmp_path, 2)
    poison = write(tmp_path / "poison.jpg", jpeg_bytes(quadrants((50, 40))))
    jobs = [Job(str(p), str(tmp_path / "cache"), SMALL) for p in [*sources, poison]]
    outcomes = {Path(o.path): o for o in run_jobs(jobs, workers=2, worker=die_on_poison)}
    assert outcomes[poison].failure is not None and outcomes[poison].failure.code == "photo-worker-died"
    assert all(outcomes[s].manifest is not None for s in sources)
