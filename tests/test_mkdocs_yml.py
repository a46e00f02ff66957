"""mkdocs.yml problems are named with mkdocs.yml:LINE, by check and by the build alike."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from site_build.checkall import check_all
from site_build.mkdocs_config import check_mkdocs_config
from tests.project_copy import build_quick, copy_project


def _edit(root: Path, old: str, new: str) -> int:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    config.write_text(text, encoding="utf-8")
    marker = new.strip().splitlines()[-1]
    return text.split("\n").index(marker if marker in text.split("\n") else new.rstrip("\n")) + 1


def test_pure_checker_names_lines() -> None:
    text = "site_name: x\nsite_nmae: y\nnav:\n  - หน้าแรก: index.md\n  - กลุ่ม:\n      - about/missing.md\n"
    found = check_mkdocs_config(text, known_keys={"site_name", "nav"}, pages={"index.md", "about/index.md"})
    assert [(p.code, p.line) for p in found] == [("mkdocs-unknown-key", 2), ("mkdocs-nav-missing", 6)]
    assert "site_name" in found[0].fix_th


def test_check_names_the_line_of_a_missing_nav_target_and_an_unknown_key(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    nav_line = _edit(root, "      - about/privacy.md\n", "      - about/privasy.md\n")
    key_line = _edit(root, "use_directory_urls: true\n", "use_directory_urls: true\nsite_nmae: x\n")
    nav_line += 1  # the key was inserted above it
    found = [(p.file, p.line, p.code) for p in check_all(root) if p.file == "mkdocs.yml"]
    assert found == [("mkdocs.yml", key_line, "mkdocs-unknown-key"), ("mkdocs.yml", nav_line, "mkdocs-nav-missing")]


def test_generated_pages_in_the_nav_are_not_missing(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "p")
    assert [p for p in check_all(root) if p.file == "mkdocs.yml"] == []


@pytest.mark.slow
def test_the_build_names_mkdocs_yml_and_the_line(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    root = copy_project(tmp_path / "p")
    line = _edit(root, "      - about/privacy.md\n", "      - about/privasy.md\n")
    with pytest.raises(Exception):  # noqa: B017 - MkDocs wraps the plugin error
        build_quick(root, tmp_path / "site")
    assert f"mkdocs.yml:{line}:" in caplog.text or f"mkdocs.yml:{line}" in caplog.text
    caplog.clear()
    _edit(root, "      - about/privasy.md\n", "      - about/privacy.md\n")
    key = _edit(root, "use_directory_urls: true\n", "use_directory_urls: true\nsite_nmae: x\n")
    from site_build.errors import ProblemsFound

    with pytest.raises(ProblemsFound) as caught:
        build_quick(root, tmp_path / "site")
    assert [(p.file, p.line) for p in caught.value.problems] == [("mkdocs.yml", key)]
    assert not (tmp_path / "site").exists()
    assert logging.getLogger("mkdocs") is not None
