"""A real nginx (Debian's) on a free port with the shipped server block, for the deployment tests.

nginx runs in the foreground (``daemon off``) with every path under a temporary prefix, so the tests need
no root and leave nothing behind; it is stopped (by its own process id) when the ``with`` block ends.
Without nginx the tests skip with the reason, except in CI (``LC_REQUIRE_NGINX=1``, set by .ci/run).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_build.publish.webconfig import nginx_server


def nginx_binary() -> str:
    found = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
    if found is None:
        reason = "nginx not found (apt-get install nginx)"
        if os.environ.get("LC_REQUIRE_NGINX") == "1":
            pytest.fail(f"{reason} (LC_REQUIRE_NGINX=1)", pytrace=False)
        pytest.skip(reason)
    return found


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main_config(prefix: Path, server_block: str) -> str:
    temp = "\n".join(f"    {kind}_temp_path {prefix}/tmp/{kind};" for kind in
                     ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    user = "user root;\n" if os.geteuid() == 0 else ""  # as root, workers would drop to nobody (no access to tmp)
    return (f"{user}daemon off;\nworker_processes 1;\npid {prefix}/nginx.pid;\nerror_log {prefix}/error.log warn;\n"
            "events { worker_connections 512; }\n"
            f"http {{\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
            f"    access_log off;\n{temp}\n{server_block}}}\n")


@contextlib.contextmanager
def running_nginx(root: Path, prefix: Path) -> Iterator[str]:
    """Serve ``root`` (e.g. ``DEST/current``) with the shipped server block; yields ``http://127.0.0.1:PORT``."""
    binary = nginx_binary()
    (prefix / "tmp").mkdir(parents=True, exist_ok=True)
    port = free_port()
    block = nginx_server(root=str(root), listen=f"127.0.0.1:{port}", server_name="localhost")
    conf = prefix / "nginx.conf"
    conf.write_text(main_config(prefix, block), encoding="utf-8")
    test = subprocess.run([binary, "-t", "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)],
                          capture_output=True, text=True, check=False)
    assert test.returncode == 0, f"nginx -t rejected the shipped config:\n{test.stderr}"
    proc = subprocess.Popen([binary, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 15
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"nginx did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
