"""``python -m site_build edit``: the site preview and ``decap-server`` (git mode) together, on a local clone.

``decap-server`` (npm, pinned in package-lock.json) answers the editor's ``local_backend`` calls by
working on the clone itself: the editorial workflow makes a ``cms/activities/<date>-<slug>`` branch per
write-up and commits to it. It checks branches out and runs ``git add .`` while saving, so the session
refuses to start when the clone has uncommitted changes (they would end up in the editor's commit).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from site_build.errors import Problem, ProblemsFound

DEFAULT_PORT = 8081


@dataclass(frozen=True)
class DecapServer:
    process: subprocess.Popen[bytes]
    origin: str  # http://127.0.0.1:8081

    @property
    def api(self) -> str:
        return self.origin + "/api/v1"


def _refuse(th: str, en: str, fix: str, code: str, file: str = "decap-server") -> ProblemsFound:
    return ProblemsFound([Problem(file=file, message_th=th, message_en=en, fix_th=fix, code=code)])


def decap_server_binary(root: Path) -> Path:
    binary = root / "node_modules" / ".bin" / "decap-server"
    if not binary.exists():
        raise _refuse("ไม่พบโปรแกรม decap-server ใน node_modules", "decap-server is not installed",
                      "สั่ง npm ci ในโฟลเดอร์โครงการก่อน", "no-decap-server", "package.json")
    return binary


def current_branch(repo: Path) -> str:
    out = subprocess.run(["git", "-C", str(repo), "branch", "--show-current"], capture_output=True, text=True,
                         check=False)
    branch = out.stdout.strip()
    if out.returncode != 0 or not branch:
        raise _refuse(f"โฟลเดอร์ {repo} ไม่ใช่ git clone ที่อยู่บนสาขา (branch) ใด",
                      f"{repo} is not a git clone on a branch", "ใช้ git clone ของที่เก็บเว็บไซต์ แล้ว git checkout main",
                      "not-a-clone", str(repo))
    return branch


def uncommitted(repo: Path) -> list[str]:
    out = subprocess.run(["git", "-C", str(repo), "status", "--porcelain"], capture_output=True, text=True,
                         check=False)
    return [line for line in out.stdout.splitlines() if line.strip()]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def ping(api: str, timeout: float = 2.0) -> dict[str, object] | None:
    """The server's answer to ``{"action": "info"}`` (None while it is not up)."""
    request = urllib.request.Request(api, data=json.dumps({"action": "info"}).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.loads(response.read())
    except (urllib.error.URLError, OSError, ValueError):
        return None


def start_decap_server(root: Path, repo: Path, *, port: int = DEFAULT_PORT, wait: float = 30.0,
                       env: Mapping[str, str] | None = None, quiet: bool = False) -> DecapServer:
    """Start ``decap-server`` in git mode on ``repo`` (bound to 127.0.0.1) and wait until it answers."""
    binary = decap_server_binary(root)
    child_env = {**(env if env is not None else os.environ), "MODE": "git", "GIT_REPO_DIRECTORY": str(repo),
                 "PORT": str(port), "BIND_HOST": "127.0.0.1", "LOG_LEVEL": "warn"}
    output = subprocess.DEVNULL if quiet else None
    process = subprocess.Popen([str(binary)], cwd=str(root), env=child_env, stdout=output, stderr=output)
    server = DecapServer(process, f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise _refuse(f"decap-server หยุดทำงานทันที (รหัส {process.returncode}) พอร์ต {port} อาจถูกใช้อยู่",
                          f"decap-server exited with {process.returncode}; is port {port} in use?",
                          "ปิดโปรแกรมที่ใช้พอร์ตนั้น หรือใช้ --editor-port หมายเลขอื่น", "decap-server-exit")
        if ping(server.api, timeout=1.0) is not None:
            return server
        time.sleep(0.2)
    stop(server)
    raise _refuse("decap-server ไม่ตอบภายในเวลาที่กำหนด", "decap-server did not answer in time",
                  "ลองใหม่อีกครั้ง", "decap-server-timeout")


def stop(server: DecapServer) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        try:
            server.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait(timeout=10)


@contextlib.contextmanager
def editing_session(root: Path, *, port: int = DEFAULT_PORT, allow_dirty: bool = False) -> Iterator[DecapServer]:
    """``decap-server`` on the clone at ``root`` for the duration of the block, with the settings the build
    reads (``EDITOR_LOCAL_BACKEND``, ``EDITOR_BRANCH``) set so ``/admin/`` uses it; stopped on exit (Ctrl-C too)."""
    branch = current_branch(root)
    dirty = uncommitted(root)
    if dirty and not allow_dirty:
        raise _refuse("มีไฟล์ที่ยังไม่ได้ commit ในโฟลเดอร์โครงการ ตัวแก้ไขจะรวมไฟล์เหล่านั้นเข้าไปในบันทึกด้วย: "
                      + ", ".join(d[3:] for d in dirty[:5]),
                      "the clone has uncommitted changes; the editor's commits would take them along",
                      "commit หรือ git stash การแก้ไขก่อน แล้วสั่งใหม่ (หรือใช้ --allow-dirty ถ้าตั้งใจ)",
                      "dirty-clone", str(root))
    server = start_decap_server(root, root, port=port)
    saved = {k: os.environ.get(k) for k in ("EDITOR_LOCAL_BACKEND", "EDITOR_BRANCH")}
    os.environ["EDITOR_LOCAL_BACKEND"] = server.origin
    os.environ["EDITOR_BRANCH"] = branch
    try:
        yield server
    finally:
        stop(server)
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
