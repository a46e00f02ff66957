"""``python -m site_build edit``'s core: decap-server in git mode on a clone, started, answering, stopped."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from site_build.cli import parser
from site_build.editor.local import editing_session, free_port, ping, start_decap_server, stop
from site_build.errors import ProblemsFound
from tests.conftest import ROOT

needs_server = pytest.mark.skipif(not (ROOT / "node_modules" / ".bin" / "decap-server").exists(),
                                  reason="npm ci has not been run (decap-server missing)")


def _repo(path: Path) -> Path:
    path.mkdir()
    for args in (["init", "-q", "-b", "main"], ["config", "user.email", "t@example.org"], ["config", "user.name", "T"]):
        subprocess.run(["git", "-C", str(path), *args], check=True)
    (path / "README.md").write_text("x\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(path), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(path), "commit", "-q", "-m", "start"], check=True)
    return path


@needs_server
def test_decap_server_offers_the_editorial_workflow_and_stops(tmp_path: Path) -> None:
    server = start_decap_server(ROOT, _repo(tmp_path / "repo"), port=free_port(), quiet=True)
    try:
        info = ping(server.api)
        assert info is not None and info["type"] == "local_git"
        assert "editorial_workflow" in info["publish_modes"]
    finally:
        stop(server)
    assert server.process.poll() is not None and ping(server.api, timeout=0.5) is None


def test_session_refuses_a_clone_with_uncommitted_changes(tmp_path: Path) -> None:
    repo = _repo(tmp_path / "repo")
    (repo / "draft.md").write_text("unsaved\n", encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught, editing_session(repo):
        pass
    assert caught.value.problems[0].code == "dirty-clone" and "draft.md" in caught.value.problems[0].message_th


@needs_server
def test_session_sets_the_local_backend_only_while_it_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    repo = _repo(tmp_path / "repo")
    (repo / "node_modules").symlink_to(ROOT / "node_modules")
    (repo / ".git" / "info" / "exclude").write_text("node_modules\n", encoding="utf-8")
    monkeypatch.delenv("EDITOR_LOCAL_BACKEND", raising=False)
    with editing_session(repo, port=free_port()) as server:
        assert os.environ["EDITOR_LOCAL_BACKEND"] == server.origin and os.environ["EDITOR_BRANCH"] == "main"
    assert "EDITOR_LOCAL_BACKEND" not in os.environ and server.process.poll() is not None


def test_cli_has_the_edit_command() -> None:
    args = parser().parse_args(["edit", "--editor-port", "9001"])
    assert args.command == "edit" and args.editor_port == 9001 and args.dev_addr == "127.0.0.1:8000"
