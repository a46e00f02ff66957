"""Site build benchmark: time per page as write-ups grow, and what a rebuild spends on photos.

Builds synthetic sites in a temp copy of the project (mkdocs.yml, plan.yml, hooks, overrides, data and
content, with generated write-ups added beside the bundled samples). Builds run in-process (MkDocs
API, strict off so work in progress elsewhere cannot abort a run) with the write-up settings
mkdocs.yml needs (glightbox, the listing nav, the stylesheet). Photos are camera-size JPEGs (12 MP,
EXIF orientation and GPS).

(d) full build time per page at each size (median of ``--runs`` builds with a warm photo cache, so this
    is page work). Every write-up has two photos, hard links to a small pool, so the pipeline still
    stats and looks up N x 2 files without gigabytes on disk. Target: ms/page at the largest size
    <= 1.5 x ms/page at the smallest.
(b), (c) a site whose write-ups each have two *distinct* photos (variants of the pool with their own
    bytes, so each is really processed): the cold build's time inside ``process_photos``, then a
    rebuild with nothing changed (b) and a rebuild after one write-up's text changes (c); their time
    inside ``process_photos`` as a share of the cold photo time. Target < 5 %. Also reported: a
    rebuild after one photo of one write-up is replaced (one real photo to process).

    python bench/site_bench.py --quick           # (d) 50 / 200 / 500 write-ups, one run; (b)(c) 15 write-ups
    python bench/site_bench.py                   # (d) 200 / 1,000 / 5,000, median of 3; (b)(c) 50 write-ups
    python bench/site_bench.py --sizes 200 1000 --runs 3 --json bench/out/site.json
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import logging
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import site_build.activities.build as activities_build  # noqa: E402
from bench.common import samples_module, save_results  # noqa: E402
from site_build.activities.items import PlanIndex  # noqa: E402
from site_build.plan.years import load_plans  # noqa: E402
from site_build.thaidate import fiscal_year_bounds  # noqa: E402

TARGET_PER_PAGE_RATIO = 1.5
TARGET_REBUILD_SHARE = 0.05
LISTING_NAV = {"กิจกรรมที่ดำเนินการแล้ว": ["activities/index.md", "activities/measure-1.md",
                                             "activities/measure-2.md", "activities/measure-3.md"]}
STORY = ("ย่อหน้าสังเคราะห์สำหรับวัดความเร็วในการสร้างเว็บไซต์ บุคลากรของสำนักร่วมกิจกรรมตามแผนบูรณาการ "
         "แลกเปลี่ยนความคิดเห็น และสรุปบทเรียนที่นำไปใช้ในการปฏิบัติงานได้จริง\n\n") * 4


# -- inputs --------------------------------------------------------------------------------------
def camera_photos(folder: Path, count: int, size: tuple[int, int]) -> list[Path]:
    """Phone-like JPEGs at quality 92 with GPS and make/model; every other one stored sideways."""
    samples = samples_module()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"IMG_{2000 + i}.jpg"
        scene = samples.make_scene(size[0], size[1], 7000 + i, noise=12)
        samples.save_photo(scene, path, orientation=6 if i % 2 else 1, quality=92,
                           exif_extra={0x010F: "BenchPhone", 0x0110: "BenchPhone 12"})
        with Image.open(path) as im:
            exif = im.getexif()
            exif.get_ifd(0x8825).update({1: "N", 2: (13.0, 45.0, 1.5), 3: "E", 4: (100.0, 31.0, 2.25)})
            data = io.BytesIO()
            im.save(data, "JPEG", quality="keep", exif=exif.tobytes())
        path.write_bytes(data.getvalue())
        old = time.time() - 86400  # committed yesterday: (size, mtime) can be trusted
        os.utime(path, (old, old))
        paths.append(path)
    return paths


def variant(source: Path, target: Path, tag: str) -> Path:
    """Same pixels, different bytes: a JPEG comment segment after SOI, so the cache sees a new photo."""
    data = source.read_bytes()
    comment = tag.encode()
    target.write_bytes(data[:2] + b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment + data[2:])
    old = time.time() - 86400
    os.utime(target, (old, old))
    return target


def copy_project(target: Path) -> None:
    """The whole project (data files, other sections, sample write-ups) without outputs, caches and tooling."""
    skip = shutil.ignore_patterns(".git", "node_modules", "site", ".site.*", ".cache", "out", "__pycache__",
                                  ".pytest_cache", ".ruff_cache", ".benchmarks", "*.egg-info", "tests")
    shutil.copytree(ROOT, target, ignore=skip)  # the bundled sample write-ups stay: other data links to them
    (target / "node_modules").symlink_to(ROOT / "node_modules")  # Pagefind and the editor's bundle (npm)


def write_ups(project: Path, count: int, pool: list[Path], *, distinct: bool = False, fy: int = 2566,
              offset: int = 0, tag: str = "synthetic") -> list[Path]:
    """``count`` valid write-ups spread over fiscal year ``fy``, naming every item of that year's plan in turn,
    two photos each: hard links to the pool, or (``distinct``) variants of it with their own bytes. ``offset``
    numbers them after earlier batches (one pool cycle across several years)."""
    plan = load_plans(project).get(fy)
    assert plan is not None, f"no plan for FY {fy} in {project}"
    ids = list(PlanIndex(plan).items)
    channels = [c.id for c in plan.channels if not c.automatic]
    start, _ = fiscal_year_bounds(fy)
    made = []
    for k in range(count):
        n = offset + k
        day = start + dt.timedelta(days=k * 364 // max(count, 1))
        folder = project / "content" / "activities" / f"{day.isoformat()}-{tag}-{n:05d}"
        folder.mkdir()
        photos = []
        for j in range(2):
            source = pool[(2 * n + j) % len(pool)]
            if distinct:
                variant(source, folder / f"photo-{j + 1}.jpg", f"write-up {n} photo {j}")
            else:
                os.link(source, folder / f"photo-{j + 1}.jpg")
            photos.append(f"  - file: photo-{j + 1}.jpg\n    alt: ภาพสังเคราะห์ที่ {j + 1} ของบันทึก {n}\n")
        publicity = f"publicity:\n  {channels[n % len(channels)]}:\n    date: {day.isoformat()}\n" if channels else ""
        (folder / "index.md").write_text(
            f"---\ntitle: บันทึกกิจกรรมสังเคราะห์ลำดับที่ {n}\ndate: {day.isoformat()}\n"
            f'plan_items:\n  - "{ids[n % len(ids)]}"\nsummary: บันทึกสังเคราะห์สำหรับวัดความเร็ว ลำดับที่ {n}\n'
            f"photos:\n{''.join(photos)}participants: {10 + n % 50}\n{publicity}sample: true\n---\n\n{STORY}",
            encoding="utf-8")
        made.append(folder / "index.md")
    return made


# -- one build -----------------------------------------------------------------------------------
class Timer:
    """Seconds spent inside a wrapped function during one build."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def wrap(self, func: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return func(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - began
        return timed


@contextlib.contextmanager
def timing(name: str) -> Iterator[Timer]:
    timer = Timer()
    original = getattr(activities_build, name)
    setattr(activities_build, name, timer.wrap(original))
    try:
        yield timer
    finally:
        setattr(activities_build, name, original)


def build(project: Path, site: Path) -> dict[str, float]:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.utils.yaml import yaml_load

    with open(project / "mkdocs.yml", encoding="utf-8") as fh:
        raw = yaml_load(fh)
    nav = list(raw.get("nav") or [])
    if not any(isinstance(n, dict) and LISTING_NAV.keys() & n.keys() for n in nav):
        nav.append(LISTING_NAV)
    extra_css = [c for c in raw.get("extra_css") or [] if c != activities_build.CSS_URI] + [activities_build.CSS_URI]
    plugins = [p for p in raw.get("plugins") or []
               if p != "glightbox" and not (isinstance(p, dict) and "glightbox" in p)]
    config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=False, nav=nav,
                         extra_css=extra_css, watch=[], plugins=[*plugins, {"glightbox": {"manual": True}}])
    with timing("process_photos") as photos, timing("load_activities") as loading:
        began = time.perf_counter()
        config.plugins.on_startup(command="build", dirty=False)
        try:
            mkdocs_build(config)
        finally:
            config.plugins.on_shutdown()
        total = time.perf_counter() - began
    pages = sum(1 for _ in site.rglob("index.html"))
    return {"seconds": total, "photo_seconds": photos.seconds, "load_seconds": loading.seconds, "pages": pages,
            "per_page_ms": 1000 * total / max(pages, 1)}


def scaling(size: int, runs: int, pool: list[Path], work: Path) -> dict[str, Any]:
    """(d): build time per page with ``size`` write-ups, photo cache warm."""
    project, site = work / f"project-{size}", work / f"site-{size}"
    copy_project(project)
    write_ups(project, size, pool)
    first = build(project, site)  # fills the photo cache
    warm = [build(project, site) for _ in range(runs)]
    median = statistics.median
    result = {
        "write_ups": size,
        "pages": warm[0]["pages"],
        "first_build_seconds": first["seconds"],
        "full_build_seconds": median(r["seconds"] for r in warm),
        "per_page_ms": median(r["per_page_ms"] for r in warm),
        "photo_seconds": median(r["photo_seconds"] for r in warm),
        "load_write_ups_seconds": median(r["load_seconds"] for r in warm),
    }
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    return result


def rebuilds(count: int, runs: int, pool: list[Path], work: Path) -> dict[str, Any]:
    """(b) and (c): photo time of rebuilds against the cold photo time, every photo distinct."""
    project, site = work / "project-rebuild", work / "site-rebuild"
    copy_project(project)
    sources = write_ups(project, count, pool, distinct=True)
    cold = build(project, site)
    unchanged = [build(project, site) for _ in range(runs)]
    text_changed = []
    for run in range(runs):
        with sources[count // 2].open("a", encoding="utf-8") as fh:
            fh.write(f"\nแก้ไขครั้งที่ {run + 1}\n")
        text_changed.append(build(project, site))
    photo_changed = []
    for run in range(runs):
        variant(pool[0], sources[count // 3].parent / "photo-1.jpg", f"replaced {run}")
        photo_changed.append(build(project, site))
    median = statistics.median
    cold_photos = max(cold["photo_seconds"], 1e-9)

    def summary(rows: list[dict[str, float]]) -> dict[str, float]:
        photo = median(r["photo_seconds"] for r in rows)
        return {"seconds": median(r["seconds"] for r in rows), "photo_seconds": photo,
                "share_of_cold_photos": photo / cold_photos}

    result = {"write_ups": count, "distinct_photos": 2 * count, "pages": cold["pages"],
              "cold": {"seconds": cold["seconds"], "photo_seconds": cold["photo_seconds"]},
              "unchanged_rebuild": summary(unchanged), "one_text_changed_rebuild": summary(text_changed),
              "one_photo_replaced_rebuild": summary(photo_changed)}
    shutil.rmtree(project, ignore_errors=True)
    shutil.rmtree(site, ignore_errors=True)
    return result


def machine() -> dict[str, Any]:
    import mkdocs
    import PIL

    cpu = platform.processor() or ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(), "system": platform.platform(),
            "mkdocs": mkdocs.__version__, "pillow": PIL.__version__}


def report(scale: list[dict[str, Any]], rebuild: dict[str, Any]) -> dict[str, Any]:
    first, last = scale[0], scale[-1]
    ratio = last["per_page_ms"] / first["per_page_ms"]
    print(f"{'write-ups':>9} {'pages':>6} {'build s':>8} {'ms/page':>8} {'photo s':>8} {'load s':>7}")
    for r in scale:
        print(f"{r['write_ups']:>9} {r['pages']:>6} {r['full_build_seconds']:>8.1f} {r['per_page_ms']:>8.1f} "
              f"{r['photo_seconds']:>8.2f} {r['load_write_ups_seconds']:>7.2f}")
    cold = rebuild["cold"]
    print(f"rebuilds, {rebuild['write_ups']} write-ups with {rebuild['distinct_photos']} distinct photos: "
          f"cold build {cold['seconds']:.1f} s, of which photos {cold['photo_seconds']:.1f} s")
    rows = (("unchanged_rebuild", "(b) nothing changed"), ("one_text_changed_rebuild", "(c) one text changed"),
            ("one_photo_replaced_rebuild", "    one photo replaced"))
    for key, label in rows:
        row = rebuild[key]
        print(f"  {label:<24} build {row['seconds']:6.1f} s, photos {row['photo_seconds']:6.3f} s "
              f"= {row['share_of_cold_photos']:6.1%} of cold photo time")
    worst = max(rebuild["unchanged_rebuild"]["share_of_cold_photos"],
                rebuild["one_text_changed_rebuild"]["share_of_cold_photos"])
    verdict = {
        "per_page_ratio_largest_vs_smallest": ratio,
        "per_page_target": TARGET_PER_PAGE_RATIO,
        "per_page_ok": ratio <= TARGET_PER_PAGE_RATIO,
        "rebuild_photo_share_worst": worst,
        "rebuild_photo_target": TARGET_REBUILD_SHARE,
        "rebuild_photo_ok": worst < TARGET_REBUILD_SHARE,
    }
    print(f"(d) ms/page at {last['write_ups']} / at {first['write_ups']} write-ups: {ratio:.2f}x "
          f"(target <= {TARGET_PER_PAGE_RATIO}x: {'ok' if verdict['per_page_ok'] else 'MISSED'})")
    print(f"(b)/(c) photo time of a rebuild / cold photo time: {worst:.1%} "
          f"(target < {TARGET_REBUILD_SHARE:.0%}: {'ok' if verdict['rebuild_photo_ok'] else 'MISSED'})")
    return verdict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="50 / 200 / 500 write-ups, one run, smaller photo pool")
    parser.add_argument("--sizes", type=int, nargs="+", help="numbers of write-ups (default 200 1000 5000)")
    parser.add_argument("--runs", type=int, help="warm builds per size; the median is reported (default 3)")
    parser.add_argument("--pool", type=int, help="camera photos shared by the (d) write-ups (default 8)")
    parser.add_argument("--rebuild-write-ups", type=int,
                        help="write-ups (two distinct photos each) for (b)/(c) (default 50; --quick 15)")
    parser.add_argument("--photo-size", default="4000x3000", help="camera photo size (default 4000x3000, 12 MP)")
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "out" / "site_bench.json")
    args = parser.parse_args(argv)
    sizes = args.sizes or ([50, 200, 500] if args.quick else [200, 1000, 5000])
    runs = args.runs or (1 if args.quick else 3)
    pool_size = args.pool or (4 if args.quick else 8)
    rebuild_count = args.rebuild_write_ups or (15 if args.quick else 50)
    width, height = (int(v) for v in args.photo_size.lower().split("x"))
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.environ.setdefault("SITE_AS_OF", "2023-06-30")
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1688083200")
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    with tempfile.TemporaryDirectory(prefix="site-bench-") as tmp:
        work = Path(tmp)
        print(f"making {pool_size} camera photos ({width}x{height}) ...", flush=True)
        pool = camera_photos(work / "pool", pool_size, (width, height))
        scale = []
        for size in sizes:
            print(f"(d) building {size} write-ups ({runs} run(s) after a warm-up) ...", flush=True)
            scale.append(scaling(size, runs, pool, work))
        print(f"(b)/(c) {rebuild_count} write-ups with distinct photos ...", flush=True)
        rebuild = rebuilds(rebuild_count, runs, pool, work)
    verdict = report(scale, rebuild)
    payload = {"machine": machine(), "quick": args.quick, "runs": runs, "photo_pool": pool_size,
               "photo_size": [width, height], "scaling": scale, "rebuilds": rebuild, "verdict": verdict}
    save_results(args.json, payload)
    return 0


if __name__ == "__main__":
    sys.exit(main())
