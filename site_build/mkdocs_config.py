"""mkdocs.yml problems named with ``mkdocs.yml:LINE``: nav entries that point at no page, keys MkDocs does not know.

MkDocs reports both without a line ("A reference to 'x.md' is included in the 'nav' configuration, which is not
found in the documentation files"; "Unrecognised configuration name: foo"). The file is only *composed* here
(YAML nodes with their marks), never constructed, so ``!ENV`` and ``!!python/name:`` tags need no special loader.
The nav may be short (generated per-year sections are added by hooks): whatever entries it holds are checked
against the pages that exist, sources and generated pages alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import PurePosixPath

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from site_build.errors import Problem
from site_build.names import closest

DISPLAY = "mkdocs.yml"


class _Composer(yaml.SafeLoader):
    """Composition only: tags are kept on nodes and never resolved to Python objects."""


def compose(text: str) -> Node | None:
    try:
        return yaml.compose(text, Loader=_Composer)
    except yaml.YAMLError:
        return None  # MkDocs reports unreadable YAML itself, with its own line


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def top_level_keys(root: Node | None) -> Iterator[tuple[str, int]]:
    if isinstance(root, MappingNode):
        for key, _ in root.value:
            if isinstance(key, ScalarNode):
                yield key.value, _line(key)


def nav_targets(root: Node | None) -> Iterator[tuple[str, int]]:
    """Every page path in ``nav`` (``index.md``, ``Title: page.md``), with its line; URLs are skipped."""
    if not isinstance(root, MappingNode):
        return
    for key, value in root.value:
        if isinstance(key, ScalarNode) and key.value == "nav":
            yield from _walk(value)


def _walk(node: Node) -> Iterator[tuple[str, int]]:
    if isinstance(node, ScalarNode):
        target = node.value.strip()
        if target and "://" not in target and not target.startswith(("/", "#", "mailto:")):
            yield target, _line(node)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _walk(item)
    elif isinstance(node, MappingNode):
        for _, value in node.value:
            yield from _walk(value)


def check_mkdocs_config(text: str, *, known_keys: Iterable[str], pages: Iterable[str],
                        display: str = DISPLAY) -> list[Problem]:
    """Unknown top-level keys and nav entries whose page does not exist, each at its line."""
    root = compose(text)
    known = set(known_keys)
    page_set = {PurePosixPath(p).as_posix() for p in pages}
    problems: list[Problem] = []
    for key, line in top_level_keys(root):
        if key not in known:
            near = closest(key, known, cutoff=0.7)
            problems.append(Problem(
                file=display, line=line, column=1, code="mkdocs-unknown-key",
                message_th=f"MkDocs ไม่รู้จักคีย์ '{key}' ใน {display}",
                message_en=f"unknown MkDocs configuration key '{key}'" + (f"; did you mean '{near}'?" if near else ""),
                fix_th=(f"แก้เป็น {near}: " if near else "ลบคีย์นี้ออก หรือย้ายไปไว้ใต้ extra: ") + "(ผู้พัฒนา)"))
    for target, line in nav_targets(root):
        if target.split("#", 1)[0] in page_set:
            continue
        near = closest(target, page_set, cutoff=0.7)
        problems.append(Problem(
            file=display, line=line, code="mkdocs-nav-missing",
            message_th=f"เมนู (nav) ชี้ไปยังหน้า '{target}' ซึ่งไม่มีอยู่",
            message_en=f"nav entry '{target}' is not a page of the site"
                       + (f"; did you mean '{near}'?" if near else ""),
            fix_th=(f"แก้เป็น {near} " if near else "") + "หรือสร้างไฟล์ content/" + target
                   + " หรือลบบรรทัดนี้ออกจาก nav"))
    return problems
