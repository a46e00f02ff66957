"""Run every benchmark with one command and collect the JSON results in bench/out/.

    python bench/run.py            # full: photos (12 × 12 MP, 3 runs), site (200/1,000/5,000), page weight
    python bench/run.py --quick    # a few minutes: smaller sizes, one run each

Each figure is a median of several runs, compared as a ratio with a baseline measured in the same
run (see bench/README.md); BENCHMARKS.md records the latest figures and the machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    quick = ["--quick"] if args.quick else []
    runs = [
        [sys.executable, str(BENCH / "photos_bench.py"), *quick, "--json", str(OUT / "photos.json")],
        [sys.executable, str(BENCH / "site_bench.py"), *quick, "--json", str(OUT / "site.json")],
        [sys.executable, str(BENCH / "page_weight.py"), "--json", str(OUT / "page_weight.json")],
        [sys.executable, str(BENCH / "years_bench.py"), *(["--years", "3", "--per-year", "50", "--runs", "1"]
                                                          if args.quick else []), "--json", str(OUT / "years.json")],
    ]
    status = 0
    for command in runs:
        print("$", " ".join(Path(c).name if c.endswith(".py") else c for c in command[1:]), flush=True)
        status |= subprocess.run(command, check=False).returncode
    return status


if __name__ == "__main__":
    raise SystemExit(main())
