"""Measure search recall and precision on the real content: the site's search vs Pagefind alone vs Material's.

    python tests/browser/measure_search.py [--words 100]

Builds the bundled site twice into a temporary folder (as published, and with Material's built-in search
plugin switched on), then asks each engine the same queries in headless Chromium and compares the pages
it returns with the pages whose article text contains the query (search_oracle). Queries: the test
suite's list plus words sampled from Pagefind's own Thai segmentation of the pages and two-word compounds.
Not a test: it prints a table (and takes a minute or two).
"""

from __future__ import annotations

import argparse
import functools
import itertools
import os
import random
import re
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from browser_support import CHROMIUM_ARGS, ROOT, chromium_path
from search_oracle import expected, searchable_pages
from search_ui import search
from test_search import QUERIES

from site_build.search.bundle import read_fragments

PAGEFIND_ALONE = """async (q) => {
  const pf = await import('/pagefind/pagefind.js');
  const found = await pf.search(q);
  return Promise.all(found.results.map(async (r) => (await r.data()).url));
}"""
LUNR = """async (q) => {
  if (!window.__lunr) {
    const config = JSON.parse(document.getElementById('__config').textContent);
    const index = await (await fetch('/search/search_index.json')).json();
    const worker = new Worker(new URL(config.search, location.href));
    window.__lunr = {worker, ready: new Promise((ok) => worker.addEventListener('message', (e) => {
      if (e.data.type === 1) ok();
      if (e.data.type === 3 && window.__lunr.answer) window.__lunr.answer(e.data.data);
    }))};
    worker.postMessage({type: 0, data: {...index, options: {suggest: false}}});
  }
  await window.__lunr.ready;
  // Material's defaultTransform (what its search box sends to the worker)
  const query = q.split(/"([^"]+)"/g).map((t, i) => i & 1 ? t.replace(/^\\b|^(?![^\\x00-\\x7F]|$)|\\s+/g, " +") : t)
    .join("").replace(/"|(?:^|\\s+)[*+\\-:^~]+(?=\\s+|$)/g, "").trim();
  const result = await new Promise((ok) => {
    window.__lunr.answer = ok;
    window.__lunr.worker.postMessage({type: 2, data: query});
  });
  return result.items.map((group) => '/' + group[0].location.split('#')[0]);
}"""


def build_both(workdir: Path) -> tuple[Path, Path]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from site_build.build import build_site

    os.environ.setdefault("SITE_AS_OF", "2023-06-30")
    ours = build_site(ROOT, site_dir=workdir / "site", strict=False)
    material = workdir / "material"
    build(load_config(str(ROOT / "mkdocs.yml"), plugins=["search"], site_dir=str(material), strict=False))
    return ours, material


def sample_words(site: Path, count: int) -> list[str]:
    """Pagefind's own Thai words (2+ letters) and two-word compounds from the pages, sampled."""
    words: set[str] = set()
    pairs: set[str] = set()
    for fragment in read_fragments(site / "pagefind").values():
        tokens = [t for t in re.split(r"[\u200b\s]+", fragment["content"]) if re.fullmatch(r"[ก-๏]{2,}", t)]
        words.update(tokens)
        pairs.update(a + b for a, b in itertools.pairwise(tokens) if len(a + b) <= 12)
    rng = random.Random(2566)
    return rng.sample(sorted(words), min(count, len(words))) + rng.sample(sorted(pairs), min(count, len(pairs)))


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return None

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=100, help="sampled words and compounds (each)")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        ours, material = build_both(Path(tmp))
        pages = searchable_pages(ours)
        groups = {"test list": list(QUERIES), **dict(zip(("words", "compounds"), _split(sample_words(ours, args.words),
                                                                                        args.words), strict=True))}
        servers = [serve(ours), serve(material)]
        engines: dict[str, Any] = {}
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            site_tab, alone_tab, lunr_tab = (browser.new_page() for _ in range(3))
            site_tab.goto(servers[0][1])
            alone_tab.goto(servers[0][1])
            lunr_tab.goto(servers[1][1])
            engines = {
                "site search": lambda q: [r.href for r in search(site_tab, q)],
                "Pagefind alone": lambda q: alone_tab.evaluate(PAGEFIND_ALONE, q),
                "Material (lunr)": lambda q: lunr_tab.evaluate(LUNR, q),
            }
            print(f"{'queries':<12} {'engine':<16} {'found/expected pages':>22} {'wrong pages':>12} {'exact':>8}")
            for group, queries in groups.items():
                for name, ask in engines.items():
                    want_total = found_total = wrong_total = exact = 0
                    for query in queries:
                        want = expected(pages, query)
                        got = set(ask(query))
                        want_total += len(want)
                        found_total += len(want & got)
                        wrong_total += len(got - want)
                        exact += got == want
                    print(f"{group:<12} {name:<16} {found_total:>10}/{want_total:<11} {wrong_total:>12} "
                          f"{exact:>4}/{len(queries):<3}")
            browser.close()
        for server, _ in servers:
            server.shutdown()
    return 0


def _split(items: list[str], size: int) -> tuple[list[str], list[str]]:
    return items[:size], items[size:]


if __name__ == "__main__":
    raise SystemExit(main())
