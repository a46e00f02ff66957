"""DEPLOY.md's local path, followed as a newcomer would: build, publish into a folder served by the shipped
nginx config, change something, build and publish again, roll back. The guide must show these very commands."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from site_build.cli import main
from tests.conftest import AS_OF, EPOCH, ROOT
from tests.webserver_support import fetch, running_nginx

pytestmark = pytest.mark.slow

GUIDE_COMMANDS = ("python -m site_build build\npython -m site_build publish /srv/learning-center\n",
                  "python -m site_build publish /srv/learning-center --rollback\n")


def live_info(base: str) -> dict:
    status, _, body = fetch(base, "/build-info.json")
    assert status == 200
    return json.loads(body)


def test_guide_shows_the_commands_this_test_runs() -> None:
    guide = (ROOT / "DEPLOY.md").read_text(encoding="utf-8")
    for block in GUIDE_COMMANDS:
        assert block in guide
    assert "deploy/nginx/learning-center.conf" in guide and "/srv/learning-center/current" in guide
    assert "[DEPLOY.md](DEPLOY.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_publish_change_and_roll_back_behind_nginx(built_site: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "srv" / "learning-center"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    monkeypatch.setenv("SITE_AS_OF", AS_OF)
    # 1. build (the session's build of the bundled site) and publish
    assert main(["--root", str(ROOT), "publish", str(dest), "--site-dir", str(built_site)]) == 0
    assert "เผยแพร่รุ่นใหม่" in capsys.readouterr().out
    with running_nginx(dest / "current", tmp_path / "nginx") as base:
        first = live_info(base)
        assert first["as_of"] == AS_OF
        home = fetch(base, "/")[2]

        # 2. something changes (here the date statuses are computed for), build and publish again
        changed = tmp_path / "site-next"
        assert main(["--root", str(ROOT), "build", "--site-dir", str(changed), "--as-of", "2023-09-30"]) == 0
        assert main(["--root", str(ROOT), "publish", str(dest), "--site-dir", str(changed)]) == 0
        assert live_info(base)["as_of"] == "2023-09-30"
        assert fetch(base, "/progress/2566/")[0] == 200
        releases = sorted(p.name for p in (dest / "releases").iterdir())
        assert len(releases) == 2 and os.readlink(dest / "current") == f"releases/{releases[1]}"

        # 3. roll back: the first release is live again, byte for byte
        capsys.readouterr()
        assert main(["--root", str(ROOT), "publish", str(dest), "--rollback"]) == 0
        assert "ย้อนกลับไปใช้รุ่น" in capsys.readouterr().out
        assert live_info(base) == first
        assert fetch(base, "/")[2] == home
