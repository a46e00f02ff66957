"""publish / rollback on a local folder and over rsync: release folders, verification, atomic switch, pruning,
and the guarantee that a failed publication leaves the live site untouched and says so in Thai."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from site_build.cli import main
from site_build.publish.manifest import MANIFEST_NAME, Manifest, compute, read_manifest
from site_build.publish.releases import PublishError, publish, rollback
from site_build.publish.targets import LocalTarget, SshTarget, TargetError, parse_dest
from tests.publish_support import stamps, tiny_site


def live_text(dest: Path, page: str = "index.html") -> str:
    return (dest / "current" / page).read_text(encoding="utf-8")


def test_manifest_lists_every_file_but_itself(tmp_path: Path) -> None:
    site = tiny_site(tmp_path / "s", "r1")
    manifest = read_manifest(site)
    assert manifest is not None
    assert sorted(manifest.files) == ["404.html", "a/index.html", "b/index.html", "c/deep/index.html", "index.html"]
    assert manifest == Manifest.from_json(manifest.to_json())
    assert manifest.same_site(compute(site))
    (site / "b" / "index.html").write_text("changed", encoding="utf-8")
    assert not manifest.same_site(compute(site))
    assert manifest.differences(compute(site).files) == ["changed: b/index.html"]


def test_publish_switches_current_and_keeps_releases(tmp_path: Path) -> None:
    dest = tmp_path / "www"
    first = publish(tiny_site(tmp_path / "s1", "one"), LocalTarget(dest))
    assert first.action == "published"
    assert os.readlink(dest / "current") == f"releases/{first.release}"
    assert stamps(live_text(dest)) == ("one", "one")
    second = publish(tiny_site(tmp_path / "s2", "two"), LocalTarget(dest))
    assert second.previous == first.release
    assert stamps(live_text(dest, "c/deep/index.html")) == ("two", "two")
    assert sorted(p.name for p in (dest / "releases").iterdir()) == sorted([first.release, second.release])
    # the uploaded release carries the build manifest, and it matches what was uploaded
    live_manifest = read_manifest(dest / "current")
    assert live_manifest is not None and live_manifest.same_site(compute(dest / "current"))


def test_same_output_publishes_nothing(tmp_path: Path) -> None:
    dest = tmp_path / "www"
    first = publish(tiny_site(tmp_path / "s1", "same"), LocalTarget(dest))
    again = publish(tiny_site(tmp_path / "s2", "same"), LocalTarget(dest))  # rebuilt elsewhere, same bytes
    assert again.action == "unchanged" and again.release == first.release
    assert "ไม่เผยแพร่ซ้ำ" in again.message()
    assert [p.name for p in (dest / "releases").iterdir()] == [first.release]
    forced = publish(tiny_site(tmp_path / "s3", "same"), LocalTarget(dest), force=True)
    assert forced.action == "published" and forced.release != first.release


def test_keeps_only_the_last_n(tmp_path: Path) -> None:
    dest = tmp_path / "www"
    outcomes = [publish(tiny_site(tmp_path / f"s{i}", f"r{i}"), LocalTarget(dest), keep=2) for i in range(4)]
    left = sorted(p.name for p in (dest / "releases").iterdir())
    assert left == sorted(o.release for o in outcomes[-2:])
    assert outcomes[2].removed == (outcomes[0].release,)
    assert stamps(live_text(dest)) == ("r3", "r3")


def test_rollback_and_roll_forward(tmp_path: Path) -> None:
    dest = tmp_path / "www"
    a = publish(tiny_site(tmp_path / "a", "A"), LocalTarget(dest))
    b = publish(tiny_site(tmp_path / "b", "B"), LocalTarget(dest))
    back = rollback(LocalTarget(dest))
    assert (back.release, back.previous) == (a.release, b.release)
    assert stamps(live_text(dest)) == ("A", "A")
    with pytest.raises(PublishError, match="ไม่มีรุ่นก่อนหน้า"):
        rollback(LocalTarget(dest))
    rollback(LocalTarget(dest), to=b.release)
    assert stamps(live_text(dest)) == ("B", "B")
    # B was withdrawn once; after a new release C, --rollback goes back past B to A
    c = publish(tiny_site(tmp_path / "c", "C"), LocalTarget(dest))
    assert rollback(LocalTarget(dest)).release == a.release
    assert (c.release > b.release > a.release) and stamps(live_text(dest)) == ("A", "A")
    with pytest.raises(PublishError, match="ไม่พบรุ่น"):
        rollback(LocalTarget(dest), to="19990101T000000Z-nothere")


class CorruptingTarget(LocalTarget):
    """An upload that arrives damaged (a disk or transfer fault): verification must catch it."""

    def upload(self, site: Path, incoming: str, *, like: str | None) -> None:
        super().upload(site, incoming, like=like)
        (self.base / "releases" / incoming / "a" / "index.html").write_text("truncated", encoding="utf-8")


def test_failed_verification_leaves_the_live_site(tmp_path: Path) -> None:
    dest = tmp_path / "www"
    good = publish(tiny_site(tmp_path / "good", "good"), LocalTarget(dest))
    with pytest.raises(PublishError) as caught:
        publish(tiny_site(tmp_path / "bad", "bad"), CorruptingTarget(dest))
    text = caught.value.render()
    assert "ไม่ตรงกับรายการตรวจสอบ" in text and "ไม่ถูกเปลี่ยนแปลง" in text and "changed: a/index.html" in text
    assert os.readlink(dest / "current") == f"releases/{good.release}"
    assert stamps(live_text(dest, "a/index.html")) == ("good", "good")
    assert [p.name for p in (dest / "releases").iterdir()] == [good.release]  # the bad upload is gone


def test_failed_upload_leaves_the_live_site(tmp_path: Path) -> None:
    dest = tmp_path / "www"
    good = publish(tiny_site(tmp_path / "good", "good"), LocalTarget(dest))
    site = tiny_site(tmp_path / "next", "next")
    (site / "b" / "index.html").unlink()  # a file the manifest lists is missing: the build is incomplete
    with pytest.raises(PublishError, match=r"missing: b/index\.html"):
        publish(site, LocalTarget(dest))
    assert stamps(live_text(dest)) == ("good", "good") and good.release in os.readlink(dest / "current")


def test_a_real_folder_at_current_is_not_replaced(tmp_path: Path) -> None:
    dest = tmp_path / "www"
    (dest / "current").mkdir(parents=True)
    (dest / "current" / "index.html").write_text("hand-made site", encoding="utf-8")
    with pytest.raises(PublishError, match="ไม่ถูกเปลี่ยนแปลง"):
        publish(tiny_site(tmp_path / "s", "s"), LocalTarget(dest))
    assert (dest / "current" / "index.html").read_text(encoding="utf-8") == "hand-made site"


def test_unbuilt_site_is_refused_in_thai(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    with pytest.raises(PublishError, match="ให้สร้างเว็บไซต์ก่อน"):
        publish(tmp_path / "site", LocalTarget(tmp_path / "www"))


def test_destinations() -> None:
    assert isinstance(parse_dest("/srv/site"), LocalTarget)
    remote = parse_dest("deploy@web.example.org:/srv/learning-center")
    assert isinstance(remote, SshTarget) and remote.host == "deploy@web.example.org"
    assert remote.path == "/srv/learning-center"


def test_cli_publish_and_rollback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dest = tmp_path / "www"
    assert main(["publish", str(dest), "--site-dir", str(tiny_site(tmp_path / "1", "one"))]) == 0
    assert main(["publish", str(dest), "--site-dir", str(tiny_site(tmp_path / "2", "two"))]) == 0
    assert "เผยแพร่รุ่นใหม่" in capsys.readouterr().out
    assert main(["publish", str(dest), "--rollback"]) == 0
    assert "ย้อนกลับไปใช้รุ่น" in capsys.readouterr().out
    assert stamps(live_text(dest)) == ("one", "one")
    assert main(["publish", str(dest), "--site-dir", str(tmp_path / "nothing")]) == 1
    assert "เว็บไซต์ที่เผยแพร่อยู่ไม่ถูกเปลี่ยนแปลง" in capsys.readouterr().err


# --- over rsync, with a stand-in for ssh that runs the remote command on this machine -----------------------

SHIM = """#!/bin/sh
# Stands in for ssh (no sshd here): skips ssh's options and the host, then runs the command as ssh's
# remote shell would. rsync speaks its real protocol through it.
while [ $# -gt 0 ]; do case "$1" in -l|-p|-i|-o) shift 2;; -*) shift;; *) break;; esac; done
shift
exec sh -c "$*"
"""


@pytest.fixture
def ssh_shim(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import shutil

    if shutil.which("rsync") is None:
        if os.environ.get("LC_REQUIRE_SERVERS") == "1":
            pytest.fail("rsync is missing (apt-get install rsync)")
        pytest.skip("rsync not installed (apt-get install rsync)")
    shim = tmp_path / "fake-ssh"
    shim.write_text(SHIM, encoding="utf-8")
    shim.chmod(shim.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("LC_PUBLISH_SSH", str(shim))
    return shim


def test_publish_over_rsync_then_rollback(tmp_path: Path, ssh_shim: Path) -> None:
    dest = tmp_path / "remote"
    target = parse_dest(f"deploy@web.example:{dest}")
    assert isinstance(target, SshTarget)
    one = publish(tiny_site(tmp_path / "1", "one"), target)
    two = publish(tiny_site(tmp_path / "2", "two", extra="changed"), target)
    assert stamps(live_text(dest, "c/deep/index.html")) == ("two", "two")
    # unchanged files of the new release are hard links into the previous one (rsync --link-dest)
    assert (dest / "releases" / two.release / MANIFEST_NAME).exists()
    assert publish(tiny_site(tmp_path / "3", "two", extra="changed"), target).action == "unchanged"
    assert rollback(target).release == one.release
    assert stamps(live_text(dest)) == ("one", "one")


def test_dropped_connection_during_upload_leaves_the_live_site(tmp_path: Path, ssh_shim: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    dest = tmp_path / "remote"
    good = publish(tiny_site(tmp_path / "1", "one"), parse_dest(f"web.example:{dest}"))
    dropping = tmp_path / "dropping-ssh"  # the connection dies as soon as rsync starts sending files
    dropping.write_text(SHIM.replace('exec sh -c "$*"',
                                     'case "$*" in *"rsync --server"*) echo "Connection reset" >&2; exit 255;; esac\n'
                                     'exec sh -c "$*"'), encoding="utf-8")
    dropping.chmod(0o755)
    monkeypatch.setenv("LC_PUBLISH_SSH", str(dropping))
    with pytest.raises(PublishError) as caught:
        publish(tiny_site(tmp_path / "2", "two"), parse_dest(f"web.example:{dest}"))
    text = caught.value.render()
    assert "อัปโหลดไฟล์ไม่สำเร็จ" in text and "ไม่ถูกเปลี่ยนแปลง" in text
    assert stamps(live_text(dest)) == ("one", "one") and good.release in os.readlink(dest / "current")
    assert sorted(p.name for p in (dest / "releases").iterdir()) == [good.release]


def test_target_errors_carry_the_tool_message(tmp_path: Path, ssh_shim: Path) -> None:
    with pytest.raises(TargetError, match="verify"):
        SshTarget(host="h", path=str(tmp_path / "none")).hashes("x")


def test_release_names_sort_in_publication_order() -> None:
    import datetime as dt

    from site_build.publish.releases import release_name

    m = Manifest(files={"a": "0" * 64})
    now = dt.datetime(2026, 12, 7, 7, 15, tzinfo=dt.UTC)
    first = release_name(m, [], now)
    second = release_name(Manifest(files={}), [first], now)  # same second, smaller digest
    third = release_name(m, [first, second], now - dt.timedelta(hours=1))  # the clock went back
    assert first.startswith("20261207T071500Z-00-") and first < second < third
