"""Build the site atomically: into a fresh folder, run post-build steps, then swap it into place.

A failed build never leaves a half-written or emptied site where a good one was: the old site stays
until the new one is complete, and the swap is two renames on the same filesystem.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

PostBuildStep = Callable[[Path, Path], None]
"""``step(site_dir, project_root)``: runs on the fresh build before it replaces the old site."""


def default_source_date_epoch(root: Path) -> str | None:
    """The last commit's time, so two builds of the same commit are byte-identical."""
    try:
        out = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True,
                             check=False, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    value = out.stdout.strip()
    return value if out.returncode == 0 and value.isdigit() else None


def post_build_steps(*, preview: bool = False) -> list[PostBuildStep]:
    """Steps after MkDocs: the Thai search index (Pagefind), the Apache rules, (for a preview) links that work
    from disk, the origin check of every output file, then the manifest of every file's SHA-256 (last, so it
    lists the finished, checked site; publishing verifies uploads against it)."""
    from site_build.publish.manifest import write_manifest
    from site_build.publish.webconfig import write_htaccess
    from site_build.safety.origins import check_origins
    from site_build.search.indexer import index_site

    if preview:
        from site_build.ci.preview import make_browsable_from_disk

        return [index_site, write_htaccess, make_browsable_from_disk, check_origins, write_manifest]
    return [index_site, write_htaccess, check_origins, write_manifest]


def build_site(root: Path, *, site_dir: Path | None = None, config_file: Path | None = None,
               strict: bool = True, steps: list[PostBuildStep] | None = None, preview: bool = False) -> Path:
    """Build ``root``'s site into ``site_dir`` (default ``root/site``) and return it. ``preview``: a copy
    for opening from disk (links end in ``index.html``; see CONTRIBUTING.md), never for publishing."""
    from site_build.errors import raise_if_errors
    from site_build.mkdocs_glue import check_mkdocs_yml, run_mkdocs_build

    root = root.resolve()
    target = (site_dir or root / "site").resolve()
    config = (config_file or root / "mkdocs.yml").resolve()
    if "SOURCE_DATE_EPOCH" not in os.environ:
        epoch = default_source_date_epoch(root)
        if epoch:
            os.environ["SOURCE_DATE_EPOCH"] = epoch
    if config.is_file():  # MkDocs would refuse an unknown key without naming its line
        raise_if_errors(check_mkdocs_yml(config, None))
    target.parent.mkdir(parents=True, exist_ok=True)
    fresh = target.parent / f".{target.name}.building-{os.getpid()}"
    old = target.parent / f".{target.name}.old-{os.getpid()}"
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        run_mkdocs_build(config, fresh, strict=strict)
        for step in post_build_steps(preview=preview) if steps is None else steps:
            step(fresh, root)
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    if target.exists():
        target.rename(old)
    fresh.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target
