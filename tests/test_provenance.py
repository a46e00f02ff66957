"""Build provenance: build-info.json in every site, described in Thai on the about page, reproducible."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from pathlib import Path

import pytest

from site_build.provenance import FILE_NAME, MARKER, BuildInfo, collect, describe_th, replace_marker
from tests.conftest import AS_OF, ROOT, read_page


def test_collect_reads_commit_and_tools(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1688083200")
    info = collect(ROOT, dt.date(2023, 6, 30))
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    assert info.commit == head
    assert (info.built_at, info.built_at_source, info.as_of) == ("2023-06-30T00:00:00Z", "SOURCE_DATE_EPOCH",
                                                                 "2023-06-30")
    assert {"python", "mkdocs", "mkdocs-material"} <= set(info.tools)
    assert collect(ROOT, dt.date(2023, 6, 30)).to_json() == info.to_json()  # same inputs, same bytes


def test_outside_git_the_commit_is_unknown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_SHA", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    info = collect(tmp_path, dt.date(2023, 6, 30))
    assert info.commit is None and info.built_at_source == "clock"
    assert "ไม่ทราบ" in describe_th(info)


def test_thai_description() -> None:
    info = BuildInfo(commit="0123456789abcdef" * 2 + "01234567", commit_uncommitted_changes=False,
                     built_at="2023-06-30T00:00:00Z", built_at_source="SOURCE_DATE_EPOCH", as_of="2023-07-01",
                     tools={"mkdocs": "1.6.1"})
    text = replace_marker(f"# about\n\n{MARKER}\n", info, repo_url="https://github.com/office/site/")
    assert MARKER not in text
    assert "[`0123456789ab`](https://github.com/office/site/commit/0123456789abcdef" in text
    assert "๓๐ มิถุนายน ๒๕๖๖ เวลา ๐๗:๐๐ น." in text  # Bangkok time
    assert "ณ วันที่ ๑ กรกฎาคม ๒๕๖๖" in text and "mkdocs 1.6.1" in text
    assert "30 มิถุนายน 2566" in describe_th(info, digit_style="arabic")


@pytest.mark.slow
def test_every_site_carries_build_info(built_site: Path) -> None:
    data = json.loads((built_site / FILE_NAME).read_text(encoding="utf-8"))
    assert data["as_of"] == AS_OF and data["built_at"] == "2023-06-30T00:00:00Z"
    assert len(data["commit"]) == 40 and "mkdocs-material" in data["tools"]
    about = read_page(built_site, "about/")
    assert "รุ่นของเว็บไซต์นี้" in about and data["commit"][:12] in about
    assert 'href="../build-info.json"' in about
