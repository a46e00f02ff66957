"""Real web servers (Debian's nginx and apache2) on free ports with the shipped configuration.

Each runs in the foreground (nginx ``daemon off``, apache2 ``-X``) with every path under a temporary prefix,
and is stopped (by its own process id) when the ``with`` block ends. Without the server the tests skip with
the reason, except in CI (``LC_REQUIRE_SERVERS=1``, set by .ci/run), where a missing server is a failure.
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


def require(program: str, package: str) -> str:
    found = shutil.which(program) or (f"/usr/sbin/{program}" if Path(f"/usr/sbin/{program}").exists() else None)
    if found is None:
        reason = f"{program} not found (apt-get install {package})"
        if os.environ.get("LC_REQUIRE_SERVERS") == "1":
            pytest.fail(f"{reason} (LC_REQUIRE_SERVERS=1: a missing server is a failure)", pytrace=False)
        pytest.skip(reason)
    return found


def nginx_binary() -> str:
    return require("nginx", "nginx")


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
    with _serving([binary, "-p", str(prefix), "-e", str(prefix / "error.log"), "-c", str(conf)], port,
                  prefix / "error.log") as base:
        yield base


@contextlib.contextmanager
def _serving(command: list[str], port: int, log: Path) -> Iterator[str]:
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 15
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
            if proc.poll() is not None or time.monotonic() > deadline:
                err = proc.stderr.read().decode() if proc.stderr and proc.poll() is not None else ""
                logged = log.read_text(errors="replace") if log.exists() else ""
                raise AssertionError(f"{command[0]} did not start: {err}\n{logged}")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


APACHE_MODULES = ("mpm_event", "authz_core", "dir", "mime", "alias", "headers", "filter", "deflate",
                  "autoindex", "setenvif")


@contextlib.contextmanager
def running_apache(dest: Path, prefix: Path) -> Iterator[str]:
    """Apache 2.4 with DocumentRoot ``dest/current`` and ``AllowOverride All``: the release's own .htaccess
    does the rest (autoindex is loaded, so a missing ``Options -Indexes`` would show listings).
    ``dest`` must be readable by the ``www-data`` user when running as root."""
    binary = require("apache2", "apache2")
    prefix.mkdir(parents=True, exist_ok=True)
    port = free_port()
    modules = "\n".join(f"LoadModule {m}_module /usr/lib/apache2/modules/mod_{m}.so" for m in APACHE_MODULES)
    user = "User www-data\nGroup www-data\n" if os.geteuid() == 0 else ""
    conf = prefix / "httpd.conf"
    conf.write_text(f"""ServerRoot "{prefix}"
{modules}
{user}Listen 127.0.0.1:{port}
ServerName localhost
PidFile {prefix}/httpd.pid
ErrorLog {prefix}/error.log
LogLevel warn
TypesConfig /etc/mime.types
DocumentRoot "{dest}/current"
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory "{dest}">
    Options FollowSymLinks
    AllowOverride All
    Require all granted
</Directory>
""", encoding="utf-8")
    test = subprocess.run([binary, "-t", "-d", str(prefix), "-f", str(conf)], capture_output=True, text=True,
                          check=False)
    assert test.returncode == 0, f"apache2 -t rejected the configuration:\n{test.stderr}"
    with _serving([binary, "-X", "-d", str(prefix), "-f", str(conf)], port, prefix / "error.log") as base:
        yield base


def fetch(base: str, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """One GET without following redirects or decoding: what the server really sent."""
    import http.client
    from urllib.parse import urlsplit

    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=15)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


@contextlib.contextmanager
def running_sshd(folder: Path) -> Iterator[tuple[str, str]]:
    """Debian's OpenSSH server on a free port, accepting one fresh key for the current user.

    Yields ``(login, ssh_command)``: ``user@127.0.0.1`` and the ``LC_PUBLISH_SSH`` value that reaches it
    (key, port, and the server's host key pinned in a known_hosts file, as the publish workflow does)."""
    import getpass

    sshd = require("sshd", "openssh-server")
    keygen = require("ssh-keygen", "openssh-client")
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("host", "client"):
        subprocess.run([keygen, "-q", "-t", "ed25519", "-N", "", "-f", str(folder / name)], check=True)
    (folder / "authorized_keys").write_text((folder / "client.pub").read_text())
    port = free_port()
    host_key = (folder / "host.pub").read_text().split()
    (folder / "known_hosts").write_text(f"[127.0.0.1]:{port} {host_key[0]} {host_key[1]}\n")
    (folder / "sshd_config").write_text(f"""Port {port}
ListenAddress 127.0.0.1
HostKey {folder}/host
PidFile {folder}/sshd.pid
AuthorizedKeysFile {folder}/authorized_keys
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
UsePAM no
""")
    if os.geteuid() == 0:
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # privilege separation directory sshd requires
    command = (f"ssh -p {port} -i {folder}/client -o IdentitiesOnly=yes -o BatchMode=yes "
               f"-o StrictHostKeyChecking=yes -o UserKnownHostsFile={folder}/known_hosts")
    with _serving([sshd, "-D", "-e", "-f", str(folder / "sshd_config")], port, folder / "sshd.log"):
        yield f"{getpass.getuser()}@127.0.0.1", command
