"""Fuzzing: mutated front matter, plan files and Markdown give success or located problems, never a traceback.

Mutations of the real sources: byte flips, truncation, random Unicode inserted anywhere, deep nesting (YAML flow
collections, nested lists, blockquotes), lines duplicated or dropped. Every outcome must be either success or
:class:`~site_build.errors.ProblemsFound` whose problems each name the file and a line; each example must finish
within ``MAX_SECONDS`` (the stated bound for a hang). The build itself writes into a fresh folder and swaps it in
only when complete (tests/test_build_integrity.py), so a refused input never leaves a partly written site; one
property below builds a mutated page end to end to show that too.

Profiles (``HYPOTHESIS_PROFILE``): ``ci`` (default, a few seconds in the suite) and ``long``::

    HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py -n 0 -p no:randomly
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_build.activities.load import load_activities
from site_build.errors import Problem, ProblemsFound
from site_build.plan.load import load_plan
from site_build.sources import check_sources
from tests.conftest import ROOT

settings.register_profile("ci", max_examples=30, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("long", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

MAX_SECONDS = 10.0
WRITEUP = ROOT / "content" / "activities" / "2023-04-05-honour-good-people"
PAGE = ROOT / "content" / "about" / "contact.md"
PLAN = ROOT / "plan.yml"


def _nesting(depth: int, kind: int) -> bytes:
    if kind == 0:
        return b"x: " + b"[" * depth + b"\n"
    if kind == 1:
        return b"y: " + b"{a: " * depth + b"\n"
    if kind == 2:  # indentation grows with depth: the file is quadratic in it, so fewer levels
        return b"".join(b"  " * i + b"- z\n" for i in range(min(depth, 400)))
    return b">" * depth + b" quote\n"


@st.composite
def mutated(draw: st.DrawFn, original: bytes) -> bytes:
    data = bytearray(original)
    kind = draw(st.sampled_from(["flip", "truncate", "unicode", "nest", "lines"]))
    if kind == "flip":
        for _ in range(draw(st.integers(1, 8))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    elif kind == "truncate":
        del data[draw(st.integers(0, len(data) - 1)):]
    elif kind == "unicode":
        at = draw(st.integers(0, len(data)))
        data[at:at] = draw(st.text(min_size=1, max_size=40)).encode("utf-8", "surrogatepass")
    elif kind == "nest":
        lines = bytes(data).split(b"\n")
        at = draw(st.integers(0, len(lines)))
        lines.insert(at, _nesting(draw(st.integers(20, 3000)), draw(st.integers(0, 3))).rstrip(b"\n"))
        data = bytearray(b"\n".join(lines))
    else:
        lines = bytes(data).split(b"\n")
        at = draw(st.integers(0, len(lines) - 1))
        if draw(st.booleans()):
            lines.insert(at, lines[at])
        else:
            del lines[at]
        data = bytearray(b"\n".join(lines))
    return bytes(data)


def _assert_located(run: Callable[[], list[Problem]], display: str) -> None:
    start = time.perf_counter()
    try:
        problems = run()
    except ProblemsFound as exc:
        problems = exc.problems
    assert time.perf_counter() - start < MAX_SECONDS
    for p in problems:
        assert p.file, p
        if p.file == display:
            assert p.line is not None and p.line >= 1, p
        assert p.message_th and p.fix_th, p


def _plan_problems(path: Path) -> list[Problem]:
    load_plan(path, display_name="plan.yml")
    return []


@given(mutated(PLAN.read_bytes()))
def test_mutated_plan_file(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.yml"
        path.write_bytes(data)
        _assert_located(lambda: _plan_problems(path), "plan.yml")


_PLAN = load_plan(PLAN)


@given(mutated((WRITEUP / "index.md").read_bytes()))
@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
def test_mutated_write_up_front_matter_and_story(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        bundle = root / "content" / "activities" / WRITEUP.name
        shutil.copytree(WRITEUP, bundle)
        (bundle / "index.md").write_bytes(data)
        display = f"content/activities/{WRITEUP.name}/index.md"
        _assert_located(lambda: load_activities(root / "content", _PLAN, display_root=root)[1], display)
        _assert_located(lambda: check_sources(root, root / "content"), display)


@given(mutated(PAGE.read_bytes()))
def test_mutated_markdown_page(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "content" / "about").mkdir(parents=True)
        (root / "content" / "about" / "contact.md").write_bytes(data)
        _assert_located(lambda: check_sources(root, root / "content"), "content/about/contact.md")


@pytest.mark.parametrize("kind", [0, 1, 2, 3])
def test_deep_nesting_in_every_file_kind_is_located(kind: int, tmp_path: Path) -> None:
    """The deepest cases, always run: 100 000 levels of nesting in plan.yml and in a page."""
    plan = tmp_path / "plan.yml"
    plan.write_bytes(PLAN.read_bytes() + b"\n" + _nesting(100_000, kind))
    _assert_located(lambda: _plan_problems(plan), "plan.yml")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "deep.md").write_bytes(b"---\ntitle: x\n" + _nesting(100_000, kind) + b"---\n")
    _assert_located(lambda: check_sources(tmp_path, tmp_path / "content"), "content/deep.md")
