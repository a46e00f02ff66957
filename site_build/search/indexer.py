"""The post-build search step: index the fresh build's articles with Pagefind into ``<site>/pagefind/``.

Runs on the fresh folder before it replaces the published site, so a failed index fails the build and
the old site stays. Pagefind reads index-only copies of the pages (see :mod:`site_build.search.pages`)
from a temporary folder; the published HTML is not rewritten.
"""

from __future__ import annotations

import os
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from site_build.errors import Problem, ProblemsFound
from site_build.search.pagefind import pagefind_binary, remove_unused, run_pagefind
from site_build.search.pages import EXCLUDED_CLASSES, index_copy
from site_build.textfile import read_text

BUNDLE_DIR = "pagefind"
NOT_PAGES = frozenset({"404.html"})
PARALLEL_FROM = 300


def _copy_page(job: tuple[Path, Path, str]) -> bool:
    page, out, url_path = job
    copy = index_copy(read_text(page), url_path)
    if copy is None:
        return False
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(copy, encoding="utf-8")
    return True


def write_index_copies(site_dir: Path, target: Path, *, workers: int | None = None) -> int:
    """Write the searchable pages of ``site_dir`` into ``target`` (same paths); return how many.

    Large sites (``PARALLEL_FROM`` pages or more) are parsed on every core: about 4 ms a page otherwise.
    """
    jobs = []
    for page in sorted(site_dir.rglob("*.html")):
        rel = page.relative_to(site_dir)
        if rel.as_posix() not in NOT_PAGES and rel.parts[0] != BUNDLE_DIR:
            jobs.append((page, target / rel, rel.as_posix().removesuffix("index.html")))
    workers = workers or os.cpu_count() or 1
    if workers < 2 or len(jobs) < PARALLEL_FROM:
        return sum(map(_copy_page, jobs))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(_copy_page, jobs, chunksize=32))


def index_site(site_dir: Path, root: Path) -> None:
    """Build the Thai-aware search index of ``site_dir`` (a post-build step; see site_build.build)."""
    binary = pagefind_binary(root)
    with tempfile.TemporaryDirectory(prefix="lc-search-") as tmp:
        source = Path(tmp)
        if write_index_copies(site_dir, source) == 0:
            raise ProblemsFound([Problem(
                file="mkdocs.yml",
                message_th="ไม่พบหน้าที่ค้นหาได้ในเว็บไซต์ที่สร้าง (ไม่มี <article class=\"md-content__inner\">)",
                message_en="no searchable page in the build: no Material article element was found",
                fix_th="ตรวจว่า theme ยังเป็น material และไม่ได้แก้ไฟล์ overrides จนส่วนเนื้อหาหายไป",
                code="search-no-pages",
            )])
        output = site_dir / BUNDLE_DIR
        run_pagefind(binary, source, output, exclude_selectors=[f".{name}" for name in EXCLUDED_CLASSES])
    remove_unused(output)
