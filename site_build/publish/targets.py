"""Where releases live: a local folder, or ``user@host:path`` reached with rsync over SSH.

Both have the same layout (see DEPLOY.md)::

    DEST/releases/<release-id>/     one complete built site per publication
    DEST/releases/.incoming-<id>/   an upload in progress (never served)
    DEST/current -> releases/<id>   the web server's document root

Every operation is one small step so :mod:`site_build.publish.releases` can order them safely: upload,
verify, rename, then switch ``current`` with ``rename(2)`` of a new symlink over the old one.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from site_build.publish.manifest import hash_tree

RELEASES = "releases"
CURRENT = "current"


class TargetError(Exception):
    """A step on the target failed; ``detail`` is the tool's own message (English)."""

    def __init__(self, step: str, detail: str) -> None:
        self.step, self.detail = step, detail
        super().__init__(f"{step}: {detail}")


class Target(Protocol):
    def describe(self) -> str: ...
    def live_release(self) -> str | None: ...
    def read_release_file(self, release: str, name: str) -> bytes | None: ...
    def releases(self) -> list[str]: ...
    def upload(self, site: Path, incoming: str, *, like: str | None) -> None: ...
    def hashes(self, release: str) -> dict[str, str]: ...
    def rename(self, old: str, new: str) -> None: ...
    def switch(self, release: str) -> None: ...
    def remove(self, release: str) -> None: ...
    def mark(self, release: str, name: str) -> None: ...


def _release_of(link: str) -> str | None:
    parts = link.rstrip("/").split("/")
    return parts[-1] if len(parts) == 2 and parts[0] == RELEASES else None


@dataclass
class LocalTarget:
    """A folder on this machine (the web server reads ``base/current``)."""

    base: Path

    def describe(self) -> str:
        return str(self.base)

    def live_release(self) -> str | None:
        link = self.base / CURRENT
        if not link.is_symlink():
            if link.exists():
                raise TargetError("current", f"{link} is not a symlink (move the old site away first)")
            return None
        return _release_of(os.readlink(link))

    def read_release_file(self, release: str, name: str) -> bytes | None:
        path = self.base / RELEASES / release / name
        return path.read_bytes() if path.is_file() else None

    def releases(self) -> list[str]:
        folder = self.base / RELEASES
        return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []

    def upload(self, site: Path, incoming: str, *, like: str | None) -> None:
        (self.base / RELEASES).mkdir(parents=True, exist_ok=True)
        try:
            shutil.copytree(site, self.base / RELEASES / incoming, symlinks=False)
        except OSError as exc:
            raise TargetError("upload", str(exc)) from exc

    def hashes(self, release: str) -> dict[str, str]:
        return hash_tree(self.base / RELEASES / release)

    def rename(self, old: str, new: str) -> None:
        os.rename(self.base / RELEASES / old, self.base / RELEASES / new)

    def switch(self, release: str) -> None:
        """New symlink beside ``current``, then ``os.replace`` (rename(2)) over it: atomic for readers."""
        if not (self.base / RELEASES / release).is_dir():
            raise TargetError("switch", f"no release {release}")
        self.live_release()  # refuses to replace a real folder
        tmp = self.base / f".current-{uuid.uuid4().hex}"
        os.symlink(f"{RELEASES}/{release}", tmp)
        try:
            os.replace(tmp, self.base / CURRENT)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise TargetError("switch", str(exc)) from exc

    def remove(self, release: str) -> None:
        shutil.rmtree(self.base / RELEASES / release, ignore_errors=True)

    def mark(self, release: str, name: str) -> None:
        (self.base / RELEASES / release / name).write_text("", encoding="utf-8")


_REMOTE = re.compile(r"^(?P<host>[^/:\s]+@[^/:\s]+|[^/:\s]+):(?P<path>.+)$")


def parse_dest(dest: str) -> LocalTarget | SshTarget:
    """``user@host:/srv/site`` → SSH (a Windows-style ``C:\\...`` or a plain path → local folder)."""
    m = _REMOTE.match(dest)
    if m and len(m["host"]) > 1:
        return SshTarget(host=m["host"], path=m["path"])
    return LocalTarget(Path(dest).expanduser().resolve())


@dataclass
class SshTarget:
    """``host:path`` over SSH; files go with rsync. The SSH command comes from ``LC_PUBLISH_SSH``
    (default ``ssh``; CI sets e.g. ``ssh -i key -o UserKnownHostsFile=known_hosts``). The server needs
    only a POSIX shell, coreutils (sha256sum, mv -T, ln) and rsync."""

    host: str
    path: str

    def describe(self) -> str:
        return f"{self.host}:{self.path}"

    @property
    def ssh(self) -> list[str]:
        return shlex.split(os.environ.get("LC_PUBLISH_SSH", "ssh"))

    def _run(self, step: str, script: str, *, ok: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess[bytes]:
        try:
            done = subprocess.run([*self.ssh, self.host, script], capture_output=True, timeout=600, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise TargetError(step, str(exc)) from exc
        if done.returncode not in ok:
            raise TargetError(step, done.stderr.decode("utf-8", "replace").strip() or f"exit {done.returncode}")
        return done

    def _p(self, *parts: str) -> str:
        return shlex.quote("/".join([self.path.rstrip("/"), *parts]))

    def live_release(self) -> str | None:
        script = (f"if [ -L {self._p(CURRENT)} ]; then readlink {self._p(CURRENT)}; "
                  f"elif [ -e {self._p(CURRENT)} ]; then echo NOT-A-SYMLINK; exit 3; fi")
        out = self._run("current", script, ok=(0, 3))
        if out.returncode == 3:
            raise TargetError("current", f"{self.describe()}/{CURRENT} is not a symlink (move the old site away)")
        text = out.stdout.decode().strip()
        return _release_of(text) if text else None

    def read_release_file(self, release: str, name: str) -> bytes | None:
        out = self._run("read", f"cat {self._p(RELEASES, release, name)} 2>/dev/null || exit 4", ok=(0, 4))
        return out.stdout if out.returncode == 0 else None

    def releases(self) -> list[str]:
        out = self._run("list", f"mkdir -p {self._p(RELEASES)} && ls -1A {self._p(RELEASES)}")
        return sorted(line for line in out.stdout.decode().splitlines() if line)

    def upload(self, site: Path, incoming: str, *, like: str | None) -> None:
        self._run("mkdir", f"mkdir -p {self._p(RELEASES)}")
        # --checksum: compare by content, not size+mtime (two builds in one second have equal mtimes)
        cmd = ["rsync", "-a", "--checksum", "--delete", "-e", shlex.join(self.ssh)]
        if like:
            cmd.append(f"--link-dest=../{like}")  # unchanged files become hard links: fast, small
        cmd += [f"{site}/", f"{self.host}:{self.path.rstrip('/')}/{RELEASES}/{incoming}/"]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=3600, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise TargetError("upload", str(exc)) from exc
        if done.returncode != 0:
            raise TargetError("upload", done.stderr.decode("utf-8", "replace").strip())

    def hashes(self, release: str) -> dict[str, str]:
        """Hashed on the server (sha256sum -z: NUL-terminated, no escaping of odd names)."""
        out = self._run("verify", f"cd {self._p(RELEASES, release)} && find . -type f -exec sha256sum -z {{}} +")
        found: dict[str, str] = {}
        for record in out.stdout.decode("utf-8", "surrogateescape").split("\0"):
            if record:
                digest, _, name = record.partition("  ")
                found[name.removeprefix("./")] = digest
        return found

    def rename(self, old: str, new: str) -> None:
        self._run("rename", f"mv -T -- {self._p(RELEASES, old)} {self._p(RELEASES, new)}")

    def switch(self, release: str) -> None:
        tmp = f".current-{uuid.uuid4().hex}"
        self._run("switch", f"test -d {self._p(RELEASES, release)} && cd {self._p()} && "
                            f"ln -s {shlex.quote(RELEASES + '/' + release)} {tmp} && mv -T {tmp} {CURRENT}")

    def remove(self, release: str) -> None:
        self._run("remove", f"rm -rf -- {self._p(RELEASES, release)}")

    def mark(self, release: str, name: str) -> None:
        self._run("mark", f": > {self._p(RELEASES, release, name)}")
