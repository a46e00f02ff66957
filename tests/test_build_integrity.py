"""Builds are reproducible and atomic: same sources → same bytes; a failed build never harms the old site."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from site_build.build import build_site
from tests.conftest import ROOT, build_into

pytestmark = pytest.mark.slow


def digests(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_are_byte_identical(built_site: Path, tmp_path: Path) -> None:
    again = build_into(tmp_path / "again")
    first, second = digests(built_site), digests(again)
    assert sorted(first) == sorted(second)
    changed = [name for name in first if first[name] != second[name]]
    assert changed == []
    # so the daily rebuild of unchanged sources publishes nothing: the manifests agree and publish says so
    from site_build.publish.manifest import read_manifest
    from site_build.publish.releases import publish
    from site_build.publish.targets import LocalTarget

    assert read_manifest(built_site) == read_manifest(again) is not None
    live = publish(built_site, LocalTarget(tmp_path / "www"))
    assert publish(again, LocalTarget(tmp_path / "www")).action == "unchanged"
    assert [p.name for p in (tmp_path / "www" / "releases").iterdir()] == [live.release]


def _good_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the good site", encoding="utf-8")
    return site


def test_failed_post_build_step_leaves_the_old_site(tmp_path: Path) -> None:
    site = _good_site(tmp_path)

    def broken_step(fresh: Path, root: Path) -> None:
        assert (fresh / "index.html").is_file()  # the new build was complete up to here
        raise RuntimeError("search indexer crashed")

    with pytest.raises(RuntimeError, match="indexer"):
        build_site(ROOT, site_dir=site, steps=[broken_step])
    assert (site / "index.html").read_text(encoding="utf-8") == "the good site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]  # no half-built folder left behind


def test_invalid_plan_fails_with_location_and_keeps_the_old_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    site = _good_site(tmp_path)
    broken = tmp_path / "plan.yml"
    broken.write_text((ROOT / "plans" / "2566.yml").read_text(encoding="utf-8").replace("fiscal_year: 2566",
                                                                                "fiscal_year: 2566\nfiscal_year: 2567"),
                      encoding="utf-8")
    monkeypatch.setenv("LC_PLAN", str(broken))
    with pytest.raises(Abort):
        build_site(ROOT, site_dir=site, steps=[])
    assert "plan.yml:11:1" in caplog.text and "'fiscal_year' ซ้ำ" in caplog.text
    assert (site / "index.html").read_text(encoding="utf-8") == "the good site"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.yml", "site"]


def test_successful_build_replaces_the_old_site(tmp_path: Path) -> None:
    site = _good_site(tmp_path)
    build_site(ROOT, site_dir=site, steps=[])
    assert "the good site" not in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "plan/2566/index.html").is_file()
