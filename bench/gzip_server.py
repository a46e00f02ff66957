"""A small static server that gzips text responses, as the office's nginx will (``gzip on``).

Lighthouse scores depend on the server: Python's ``http.server`` sends no compression, which costs 10-25
performance points, so the Lighthouse bench and the tests that look at loading serve the built site through
this instead. Compressed bodies are cached per file (keyed by size and mtime); photos, fonts and other
already-compressed files are sent as they are. The production security headers are sent too (not HSTS:
meaningless over plain HTTP on 127.0.0.1).
"""

from __future__ import annotations

import functools
import gzip
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path
from typing import Any, ClassVar

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".csv", ".ics", ".map", ".mjs")


def _security_headers() -> dict[str, str]:
    try:
        from site_build.security_headers import HEADERS
    except ImportError:  # the bench can serve any folder, e.g. the stock Material site
        return {}
    return {name: value for name, value in HEADERS.items() if name != "Strict-Transport-Security"}


class GzipHandler(SimpleHTTPRequestHandler):
    """``SimpleHTTPRequestHandler`` plus gzip for text files and the site's security headers; no request log."""

    cache: ClassVar[dict[tuple[str, int, int], bytes]] = {}
    lock = threading.Lock()
    extra_headers: ClassVar[dict[str, str]] = {}

    def end_headers(self) -> None:
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()

    def send_head(self) -> Any:
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not self.path.split("?", 1)[0].endswith("/"):
                return super().send_head()  # the redirect to the slash form
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.endswith(COMPRESSIBLE) and os.path.isfile(path)):
            return super().send_head()
        stat = os.stat(path)
        key = (path, stat.st_size, stat.st_mtime_ns)
        with self.lock:
            body = self.cache.get(key)
        if body is None:
            body = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
            with self.lock:
                self.cache[key] = body
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return BytesIO(body)

    def log_message(self, format: str, *args: Any) -> None:
        return None


@contextmanager
def running(handler: Callable[..., BaseHTTPRequestHandler], name: str = "http-server") -> Iterator[str]:
    """A real HTTP server with ``handler`` on a free port of 127.0.0.1, in a thread, stopped on exit;
    yields ``http://127.0.0.1:<port>/``. Also the browser tests' server (tests/browser/browser_support.py)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=name, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@contextmanager
def serve(directory: Path, *, security_headers: bool = True) -> Iterator[str]:
    """Serve ``directory`` on a free port of 127.0.0.1; yields ``http://127.0.0.1:<port>/``."""
    handler = type("Handler", (GzipHandler,), {"extra_headers": _security_headers() if security_headers else {}})
    with running(functools.partial(handler, directory=str(directory)), "gzip-server") as url:
        yield url

if __name__ == "__main__":
    import argparse
    import time

    parser = argparse.ArgumentParser(description="Serve a folder gzip-compressed on 127.0.0.1.")
    parser.add_argument("directory", type=Path)
    args = parser.parse_args()
    with serve(args.directory) as url:
        print(url, flush=True)
        while True:
            time.sleep(3600)
