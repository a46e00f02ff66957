"""Shared fixtures: one real build of the bundled site per test session, read by many tests.

Under pytest-xdist the workers share one build through a lock file in pytest's shared temp root.
The build uses a fixed "as of" date and SOURCE_DATE_EPOCH so the output is reproducible.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AS_OF = "2023-06-30"
EPOCH = "1688083200"  # 2023-06-30T00:00:00Z


@pytest.fixture(scope="session")
def project_root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The bundled site built once (SITE_AS_OF=2023-06-30), shared by every test that only reads it."""
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # one build per run
    site = shared / "built-site"
    done = shared / "built-site.ok"
    with (shared / "built-site.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(site, ignore_errors=True)
            build_into(site)
            done.write_text("ok")
        fcntl.flock(lock, fcntl.LOCK_UN)
    yield site


def build_into(site: Path, *, root: Path = ROOT, as_of: str = AS_OF, steps: list | None = None) -> Path:
    """Build a project into ``site`` with a fixed date and timestamps (also used by the reproducibility test);
    ``steps=[]`` skips the post-build steps (search index, origins, manifest) where a test needs only pages."""
    from site_build.build import build_site

    saved = {k: os.environ.get(k) for k in ("SITE_AS_OF", "SOURCE_DATE_EPOCH")}
    os.environ["SITE_AS_OF"] = as_of
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    try:
        return build_site(root, site_dir=site, steps=steps)
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def read_page(site: Path, url: str) -> str:
    """HTML of a page by its site URL (``plan/2566/measure-1/``)."""
    path = site / url
    if url.endswith("/") or not url:
        path = path / "index.html"
    return path.read_text(encoding="utf-8")
