"""Lighthouse 12 (mobile, simulated throttling) on the site's key pages beside stock mkdocs-material.

    python bench/lighthouse.py                 # builds both sites into a temp folder, 3 runs per page
    python bench/lighthouse.py --site site/ --runs 1 --page knowledge/

Both sites are served by ``bench/gzip_server.py`` (gzip, as nginx will serve them) on 127.0.0.1, and each
page is measured ``--runs`` times in turn (page A, B, … then again), so a neighbour's burst of CPU load
spreads over all pages instead of sinking one. The table gives medians per page: performance score,
CLS, LCP, TBT, and the accessibility, best-practices and SEO scores. Targets (issue 13, point 19):
performance ≥ 97 and CLS ≤ 0.02, the other three at 100.

The baseline is a tiny stock Material site (``theme: material`` with its defaults, three Markdown pages)
built in the same run. One departure from the defaults: ``font: false``, because stock Material asks Google
Fonts for Roboto and this machine has no network; the request would fail and skew the baseline either way.

Lighthouse is the npm package pinned in package.json (``npm ci``); Chromium is Debian's
(``CHROME_PATH``, default ``/usr/bin/chromium``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from gzip_server import serve  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = {
    "home": "",
    "write-up": "activities/2023-03-14-no-gift-policy/",
    "measure": "plan/2566/measure-1/",
    "policy": "policies/no-gift/2566/",
    "knowledge": "knowledge/",
}
STOCK_PAGES = {"stock home": "", "stock page": "guide/"}


@dataclass
class Run:
    scores: dict[str, float]
    cls: float
    lcp_ms: float
    tbt_ms: float
    fcp_ms: float
    failed: list[str] = field(default_factory=list)


def lighthouse(url: str, out: Path) -> Run:
    """One Lighthouse run; returns the category scores (0-100) and the metrics that matter here."""
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
               "--throttling-method=simulate", f"--chrome-flags={CHROME_FLAGS}"]
    for attempt in (1, 2):  # Chromium occasionally fails to start under load: one retry, then say why
        done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              timeout=240, check=False)
        if done.returncode == 0:
            break
        print(f"  lighthouse failed on {url} (attempt {attempt}): {done.stderr.strip()[-400:]}", file=sys.stderr)
    else:
        raise SystemExit(f"lighthouse failed twice on {url}")
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    failed = [f"{cat}:{ref['id']}" for cat in CATEGORIES if cat != "performance"
              for ref in report["categories"][cat]["auditRefs"]
              if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1]
    return Run(
        scores={cat: round(100 * (report["categories"][cat]["score"] or 0)) for cat in CATEGORIES},
        cls=audits["cumulative-layout-shift"]["numericValue"],
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        tbt_ms=audits["total-blocking-time"]["numericValue"],
        fcp_ms=audits["first-contentful-paint"]["numericValue"],
        failed=failed,
    )


def build_site(target: Path, as_of: str, site_url: str) -> Path:
    """Build with SITE_URL = the bench server's address, as a deployment sets it to its own: Material fetches
    ``sitemap.xml`` beside every ``hreflang`` link, and a placeholder host would be a CSP error."""
    env = dict(os.environ, SITE_AS_OF=as_of, PYTHONPATH=str(ROOT), SITE_URL=site_url)
    subprocess.run([sys.executable, "-m", "site_build", "build", "--site-dir", str(target), "--as-of", as_of],
                   cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return target


def build_stock(workdir: Path) -> Path:
    """Stock Material: defaults except ``font: false`` (no network here), three short pages."""
    docs = workdir / "docs"
    (docs / "guide").mkdir(parents=True, exist_ok=True)
    para = ("Material for MkDocs with its default settings. This paragraph gives the page some text to lay "
            "out, as a real page has, so first paint and the largest contentful paint mean something. ")
    (docs / "index.md").write_text("# Welcome\n\n" + (para * 3 + "\n\n") * 3 + "## Next\n\n" + para + "\n",
                                   encoding="utf-8")
    (docs / "guide" / "index.md").write_text("# Guide\n\n" + "\n\n".join(
        f"## Step {n}\n\n{para * 2}\n\n| a | b | c |\n|---|---|---|\n| 1 | 2 | 3 |" for n in range(1, 5)) + "\n",
        encoding="utf-8")
    (docs / "about.md").write_text("# About\n\n" + para + "\n", encoding="utf-8")
    (workdir / "mkdocs.yml").write_text(
        "site_name: Stock Material\nsite_description: A stock mkdocs-material site, the baseline.\n"
        "site_url: http://127.0.0.1/\ntheme:\n  name: material\n  font: false\n", encoding="utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(workdir / "mkdocs.yml"),
                    "-d", str(workdir / "site")], check=True)
    return workdir / "site"


def median_row(label: str, runs: list[Run]) -> dict[str, object]:
    med = statistics.median
    return {
        "page": label,
        **{cat: med(r.scores[cat] for r in runs) for cat in CATEGORIES},
        "cls": round(med(r.cls for r in runs), 3),
        "lcp_ms": round(med(r.lcp_ms for r in runs)),
        "fcp_ms": round(med(r.fcp_ms for r in runs)),
        "tbt_ms": round(med(r.tbt_ms for r in runs)),
        "runs": len(runs),
        "failed": sorted({f for r in runs for f in r.failed}),
    }


def table(rows: list[dict[str, object]], paths: dict[str, str]) -> str:
    lines = ["| page | URL | performance | CLS | FCP | LCP | TBT | accessibility | best practices | SEO |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for row in rows:
        lines.append(f"| {row['page']} | /{paths[str(row['page'])]} | {row['performance']:.0f} | {row['cls']:.3f} | "
                     f"{row['fcp_ms']} ms | {row['lcp_ms']} ms | {row['tbt_ms']} ms | {row['accessibility']:.0f} | "
                     f"{row['best-practices']:.0f} | {row['seo']:.0f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build into a temp folder; "
                        "build it with SITE_URL set to where it is served or hreflang pages log CSP errors)")
    parser.add_argument("--as-of", default="2023-06-30", help="the build's as-of date (default: 2023-06-30)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warmup", type=int, default=1, help="discarded runs before measuring (default 1)")
    parser.add_argument("--page", action="append", help="only these paths (default: the five key pages)")
    parser.add_argument("--no-stock", action="store_true", help="skip the stock Material baseline")
    parser.add_argument("--json", type=Path, help="also write the medians as JSON here")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("Lighthouse is missing: run `npm ci` in the project folder", file=sys.stderr)
        return 2
    pages = {p: p for p in args.page} if args.page else dict(PAGES)
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp_name:
        tmp = Path(tmp_name)
        site = args.site or tmp / "site"
        site.mkdir(exist_ok=True)
        stock = None if args.no_stock else build_stock(tmp / "stock")
        runs: dict[str, list[Run]] = {label: [] for label in [*pages, *([] if stock is None else STOCK_PAGES)]}
        with serve(site) as site_url, serve(stock or site, security_headers=False) as stock_url:
            if not args.site:
                build_site(site, args.as_of, site_url)
            targets = [(label, site_url + path) for label, path in pages.items()]
            if stock is not None:
                targets += [(label, stock_url + path) for label, path in STOCK_PAGES.items()]
            started = time.monotonic()
            for _ in range(args.warmup):  # a cold Chromium and cold caches slow the first run of a session
                lighthouse(targets[0][1], tmp / "report.json")
            for n in range(args.runs):
                for label, url in targets:
                    runs[label].append(lighthouse(url, tmp / "report.json"))
                    print(f"run {n + 1}/{args.runs} {label}: perf {runs[label][-1].scores['performance']} "
                          f"CLS {runs[label][-1].cls:.3f}", file=sys.stderr, flush=True)
    rows = [median_row(label, r) for label, r in runs.items()]
    load = os.getloadavg()[0]
    print(f"Lighthouse 12, mobile, simulated throttling, gzip server, median of {args.runs} runs "
          f"({time.monotonic() - started:.0f} s, load average {load:.1f})\n")
    print(table(rows, {**pages, **STOCK_PAGES}))
    for row in rows:
        if row["failed"]:
            print(f"\n{row['page']}: audits below 100 % in a scored category: {', '.join(row['failed'])}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    ok = all(float(str(r["performance"])) >= 97 and float(str(r["cls"])) <= 0.02
             and all(float(str(r[c])) == 100 for c in CATEGORIES[1:]) for r in rows if r["page"] in pages)
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
