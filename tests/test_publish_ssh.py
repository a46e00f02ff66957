"""The own-server path over a real SSH connection (Debian's sshd on a free port) and rsync, as the publish
workflow runs it: key from a file, host key pinned in known_hosts, ``LC_PUBLISH_SSH`` carrying the options."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_build.cli import main
from site_build.publish.releases import PublishError, publish
from site_build.publish.targets import parse_dest
from tests.publish_support import stamps, tiny_site
from tests.webserver_support import require, running_sshd


def test_publish_and_roll_back_over_ssh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    require("rsync", "rsync")
    dest = tmp_path / "srv" / "learning-center"
    with running_sshd(tmp_path / "sshd") as (login, ssh):
        monkeypatch.setenv("LC_PUBLISH_SSH", ssh)
        remote = f"{login}:{dest}"
        assert main(["publish", remote, "--site-dir", str(tiny_site(tmp_path / "1", "one"))]) == 0
        assert main(["publish", remote, "--site-dir", str(tiny_site(tmp_path / "2", "two"))]) == 0
        assert stamps((dest / "current" / "c" / "deep" / "index.html").read_text(encoding="utf-8")) == ("two", "two")
        assert main(["publish", remote, "--site-dir", str(tiny_site(tmp_path / "3", "two"))]) == 0
        assert "ไม่เผยแพร่ซ้ำ" in capsys.readouterr().out
        assert main(["publish", remote, "--rollback"]) == 0
        assert stamps((dest / "current" / "index.html").read_text(encoding="utf-8")) == ("one", "one")
        live = os.readlink(dest / "current")

        # a wrong host key: refused before anything is uploaded, in Thai, live site untouched
        (tmp_path / "sshd" / "known_hosts").write_text(
            (tmp_path / "sshd" / "known_hosts").read_text().rsplit(" ", 1)[0] + " AAAAC3NzaC1lZDI1NTE5AAAAIB"
            + "x" * 43 + "\n")
        with pytest.raises(PublishError) as caught:
            publish(tiny_site(tmp_path / "4", "four"), parse_dest(remote))
        assert "อ่านรุ่นที่เผยแพร่อยู่ไม่ได้" in caught.value.render() and "ไม่ถูกเปลี่ยนแปลง" in caught.value.render()
        assert os.readlink(dest / "current") == live
