"""Workflow hygiene: actionlint and zizmor find nothing; actions pinned to commit SHAs; publishing rules hold."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
PINNED = re.compile(r"^\s*(?:-\s*)?uses:\s*([\w.-]+/[\w./-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+\s*$")


def tool(name: str) -> str:
    """The linters come with the test extras (pip install -e '.[test]'): missing means a broken install."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} is not installed: python -m pip install -e '.[test]'"
    return found


def test_actionlint_finds_nothing() -> None:
    result = subprocess.run([tool("actionlint"), "-no-color", *map(str, FILES)], cwd=ROOT, capture_output=True,
                            text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run([tool("zizmor"), "--offline", "--no-progress", str(WORKFLOWS)], cwd=ROOT,
                            capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr


def test_every_action_is_pinned_to_a_commit() -> None:
    for path in FILES:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.match(r"^\s*(-\s*)?uses:", line):
                assert PINNED.match(line), f"{path.name}:{number}: pin to a full SHA with '# vX.Y.Z': {line.strip()}"


def load(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_publish_workflow_shape() -> None:
    flow = load("publish.yml")
    assert set(flow["on"]) == {"push", "workflow_dispatch", "schedule"}
    assert flow["on"]["push"]["branches"] == ["main"]
    assert flow["on"]["schedule"] == [{"cron": "0 23 * * *"}]  # 06:00 in Bangkok (UTC+7)
    assert flow["permissions"] == {}
    jobs = flow["jobs"]
    steps = " ".join(str(s.get("run", "")) for s in jobs["build"]["steps"])
    for command in ("python3 -m site_build check", "python3 -m site_build build", "python3 -m pytest",
                    "python3 -m site_build.publish.live"):
        assert command in steps
    pages = jobs["deploy-pages"]
    assert pages["permissions"] == {"pages": "write", "id-token": "write"}
    assert pages["environment"]["name"] == "github-pages" and pages["needs"] == "build"
    server = jobs["deploy-server"]
    assert server["permissions"] == {"contents": "read"} and server["environment"]["name"] == "production"
    assert "python -m site_build publish" in " ".join(str(s.get("run", "")) for s in server["steps"])
    assert "vars.DEPLOY_TARGET" in pages["if"] and "vars.DEPLOY_TARGET" in server["if"]


def test_no_workflow_runs_pull_request_code_with_privileges() -> None:
    for path in FILES:
        flow = load(path.name)
        assert "pull_request_target" not in flow["on"], path.name
        text = path.read_text(encoding="utf-8")
        assert "persist-credentials: false" in text
        if re.search(r"\$\{\{\s*secrets\.", text):
            assert path.name == "publish.yml", f"{path.name} uses a secret"


def test_pull_request_workflow_reports_and_previews() -> None:
    text = (WORKFLOWS / "pr.yml").read_text(encoding="utf-8")
    assert "python3 -m site_build check --format github" in text
    assert "python3 -m site_build build --preview --site-dir site-preview" in text
    assert "python3 -m site_build.ci.preview --site site-preview" in text
    assert "name: site-preview" in text and "path: site-preview/" in text


@pytest.mark.parametrize("name", ["pr.yml", "publish.yml"])
def test_no_node20_actions(name: str) -> None:
    """The pinned majors are the ones on node24 (GitHub removed Node 20 on 2026-09-23)."""
    text = (WORKFLOWS / name).read_text(encoding="utf-8")
    assert not re.search(r"actions/(checkout|setup-node|cache|upload-artifact)@v4", text)
