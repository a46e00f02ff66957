"""Multi-year benchmark (issue 10 point 9): ten fiscal years of 28 projects and 200 write-ups each (2,000
write-ups) against one fiscal year at the same page count; ms/page of each, median of ``--runs`` warm
builds measured in the same run. Target: multi-year ms/page <= 1.25 x single-year ms/page.

The ten years are made the way the office makes them: the bundled FY 2566 plan, then ``plan new-year``
nine times (each draft adopted, i.e. its draft mark removed, before the next). Every year gets
``--per-year`` write-ups dated inside it, naming items of that year's plan. The single-year site has the
FY 2566 plan only and enough write-ups to reach the multi-year page count.

    python bench/years_bench.py                       # 10 years x 200 write-ups, median of 3
    python bench/years_bench.py --years 10 --per-year 200 --runs 1
"""

from __future__ import annotations

import argparse
import logging
import os
import re
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import save_results  # noqa: E402
from bench.site_bench import build, camera_photos, copy_project, machine, write_ups  # noqa: E402
from site_build.plan.newyear import new_year  # noqa: E402
from site_build.plan.years import load_plans  # noqa: E402

TARGET_RATIO = 1.25


def adopt(plan_file: Path) -> None:
    """What a person does when the drafted plan is approved: remove the draft mark."""
    text = plan_file.read_text(encoding="utf-8")
    plan_file.write_text(re.sub(r"(?m)^draft(_note)?:.*\n", "", text), encoding="utf-8")


def make_years(project: Path, years: int) -> list[int]:
    """FY 2566 archived plus ``years - 1`` years drafted by ``plan new-year`` (the bundled draft replaced)."""
    shutil.rmtree(project / "plans", ignore_errors=True)
    shutil.copy2(ROOT / "plans" / "2566.yml", project / "plan.yml")
    for _ in range(years - 1):
        new_year(project)
        adopt(project / "plan.yml")
    return load_plans(project).years


def single_year(project: Path) -> None:
    shutil.rmtree(project / "plans", ignore_errors=True)
    shutil.copy2(ROOT / "plans" / "2566.yml", project / "plan.yml")


def add_write_ups(project: Path, fy: int, count: int, pool: list[Path], offset: int) -> None:
    """``count`` write-ups inside fiscal year ``fy``, naming items of that year's plan, two photos each."""
    write_ups(project, count, pool, fy=fy, offset=offset, tag="years")


def measure(project: Path, site: Path, runs: int) -> dict[str, Any]:
    first = build(project, site)  # fills the photo cache
    warm = [build(project, site) for _ in range(runs)]
    median = statistics.median
    return {"pages": warm[0]["pages"], "first_build_seconds": first["seconds"],
            "full_build_seconds": median(r["seconds"] for r in warm),
            "per_page_ms": median(r["per_page_ms"] for r in warm)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--per-year", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pool", type=int, default=4)
    parser.add_argument("--photo-size", default="1600x1200")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "out" / "years_bench.json")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.photo_size.lower().split("x"))
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ["SITE_AS_OF"] = "2026-12-07"  # FY 2566-2569 closed (final), 2570 open, later years ahead
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1688083200")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory(prefix="years-bench-") as tmp:
        work = Path(tmp)
        pool = camera_photos(work / "pool", args.pool, (width, height))
        multi = work / "multi"
        copy_project(multi)
        years = make_years(multi, args.years)
        for i, fy in enumerate(years):
            add_write_ups(multi, fy, args.per_year, pool, i * args.per_year)
        print(f"multi-year: {len(years)} years ({years[0]}–{years[-1]}), {len(years) * args.per_year} write-ups",
              flush=True)
        multi_result = measure(multi, work / "site-multi", args.runs)
        print(f"  {multi_result['pages']} pages, {multi_result['full_build_seconds']:.1f} s, "
              f"{multi_result['per_page_ms']:.1f} ms/page", flush=True)
        # pages the later years add (plan, progress, reports, evidence), counted in the built site
        year_pages = sum(1 for fy in years[1:] for section in ("plan", "progress", "reports", "evidence")
                         for _ in (work / "site-multi" / section / str(fy)).rglob("index.html"))
        shutil.rmtree(work / "site-multi", ignore_errors=True)
        single = work / "single"
        copy_project(single)
        single_year(single)
        # the same page count: every write-up, plus one write-up for each page the later years add
        # (a write-up adds its page and 1/24 of a listing page)
        extra = len(years) * args.per_year + year_pages * 24 // 25
        add_write_ups(single, years[0], extra, pool, 0)
        print(f"single year: {extra} write-ups", flush=True)
        single_result = measure(single, work / "site-single", args.runs)
        print(f"  {single_result['pages']} pages, {single_result['full_build_seconds']:.1f} s, "
              f"{single_result['per_page_ms']:.1f} ms/page", flush=True)
    ratio = multi_result["per_page_ms"] / single_result["per_page_ms"]
    print(f"ms/page, {len(years)} years / one year at about the same page count: {ratio:.2f}x "
          f"(target <= {TARGET_RATIO}x: {'ok' if ratio <= TARGET_RATIO else 'MISSED'})")
    payload = {"machine": machine(), "runs": args.runs, "years": years, "per_year": args.per_year,
               "multi_year": multi_result, "single_year": {**single_result, "write_ups": extra},
               "ratio": ratio, "target": TARGET_RATIO, "ok": ratio <= TARGET_RATIO}
    save_results(args.json, payload)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
