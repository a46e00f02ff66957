"""Installs are reproducible: the README, CI and the lock command all install from hashed locks."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT

LOCK = ROOT / "requirements" / "lock.txt"


def _readme_commands() -> list[str]:
    return (ROOT / "README.md").read_text(encoding="utf-8").split("\n")[:2]


def test_readme_commands_install_from_the_lock() -> None:
    build, test = _readme_commands()
    for command in (build, test):
        assert command.startswith("python -m pip install --require-hashes -r requirements/lock.txt && "
                                  "python -m pip install --no-deps -e . && npm ci && ")
    assert build.endswith("python -m site_build build") and test.endswith("python -m pytest")


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").split("\n")
    assert _readme_commands()[1] in ci


def test_every_locked_package_is_pinned_with_hashes() -> None:
    text = LOCK.read_text(encoding="utf-8")
    entries = re.split(r"\n(?=[a-z0-9])", text.split("\n", 2)[2])
    pins = [e for e in entries if re.match(r"[a-z0-9][a-z0-9._-]*==", e)]
    assert len(pins) >= 30
    assert all("--hash=sha256:" in e for e in pins), [e.split()[0] for e in pins if "--hash" not in e]


def test_every_declared_dependency_is_in_the_lock() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = [*project["dependencies"], *project["optional-dependencies"]["test"]]
    locked = {line.split("==")[0] for line in LOCK.read_text(encoding="utf-8").split("\n") if "==" in line}
    names = {re.split(r"[<>=!~\[; ]", d, maxsplit=1)[0].lower().replace("_", "-") for d in declared}
    assert names <= locked, names - locked


def test_the_lock_command_refreshes_both_locks_and_runs_the_readme_test_command() -> None:
    script = (ROOT / "scripts" / "lock-deps").read_text(encoding="utf-8")
    assert "uv pip compile pyproject.toml --extra test --generate-hashes" in script
    assert "npm install --package-lock-only" in script and "sed -n 2p README.md" in script


def test_the_audit_workflow_is_scheduled_and_pins_actions_to_commits() -> None:
    workflow = (ROOT / ".github" / "workflows" / "audit.yml").read_text(encoding="utf-8")
    assert "schedule:" in workflow and "pip_audit" in workflow and "npm audit" in workflow
    uses = re.findall(r"uses:\s*(\S+)", workflow)
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", u) for u in uses), uses
