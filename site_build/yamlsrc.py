"""YAML that cannot surprise: one strict loader for plan.yml, data files and front matter.

PyYAML composes the node tree (so every value keeps its line and column); we resolve scalars
ourselves instead of trusting YAML 1.1 rules, because those turn ``no`` into ``False`` and a phone
number ``0812345678`` into an integer. Anchors, aliases, explicit tags, tabs and duplicate keys are
refused with a located problem. The result is plain Python data plus a position table keyed by the
path inside the document.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent, MappingStartEvent, ScalarEvent, SequenceStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from site_build.errors import Problem
from site_build.yaml_messages import explain

PathKey = tuple[str | int, ...]

_INT = re.compile(r"[-+]?(0|[1-9][0-9_]*)")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9_]+")
_FLOAT = re.compile(r"[-+]?([0-9][0-9_]*)?\.[0-9]+([eE][-+]?[0-9]+)?")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_THAI_DATE = re.compile(r"[0-9๐-๙]{4}-[0-9๐-๙]{2}-[0-9๐-๙]{2}")
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_YAML11_BOOLS = {"yes", "no", "on", "off", "y", "n"}


@dataclass
class Loaded:
    """Data from one YAML document, with where each key and value stood."""

    data: Any
    file: str
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    """Problems that still let the document be read (ambiguous values, duplicate keys): callers
    report them together with schema problems, so one run shows everything."""

    def where(self, path: PathKey) -> tuple[int, int] | None:
        """The 1-based (line, column) of the value at ``path``, or of its nearest ancestor."""
        probe = tuple(path)
        while True:
            if probe in self.positions:
                return self.positions[probe]
            if not probe:
                return None
            probe = probe[:-1]

    def where_key(self, path: PathKey) -> tuple[int, int] | None:
        return self.key_positions.get(tuple(path)) or self.where(path)


class YamlError(Exception):
    """The document is not YAML we accept; carries every problem found."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("; ".join(p.message_en for p in problems))


class _StrictComposer(Composer):
    """Refuses anchors, aliases and explicit tags while composing."""

    def compose_node(self, parent: Node | None, index: Any) -> Node:  # type: ignore[override]
        _refuse(self.peek_event())
        return super().compose_node(parent, index)


class _Refused(Exception):
    def __init__(self, mark: Any, kind: str, what: str) -> None:
        self.mark, self.kind, self.what = mark, kind, what


class _Loader(yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, _StrictComposer,
              yaml.resolver.BaseResolver):
    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        _StrictComposer.__init__(self)
        yaml.resolver.BaseResolver.__init__(self)


if yaml.__with_libyaml__:
    class _CLoader(yaml.cyaml.CParser, yaml.resolver.BaseResolver):  # type: ignore[misc]
        def __init__(self, stream: str) -> None:
            yaml.cyaml.CParser.__init__(self, stream)
            yaml.resolver.BaseResolver.__init__(self)


def _compose(text: str) -> Node | None:
    """The node tree, refusing anchors, aliases and tags. libyaml (C) when present: about 6x faster,
    which matters with thousands of write-ups; the pure-Python composer otherwise."""
    if not yaml.__with_libyaml__:
        loader = _Loader(text)
        try:
            return loader.get_single_node()
        finally:
            loader.dispose()
    scan = _CLoader(text)
    try:
        while scan.check_event():
            event = scan.get_event()
            _refuse(event)
    finally:
        scan.dispose()
    composer = _CLoader(text)
    try:
        return composer.get_single_node()
    finally:
        composer.dispose()


def _refuse(event: Any) -> None:
    if isinstance(event, AliasEvent):
        raise _Refused(event.start_mark, "alias", event.anchor)
    if isinstance(event, (ScalarEvent, SequenceStartEvent, MappingStartEvent)):
        if event.anchor is not None:
            raise _Refused(event.start_mark, "anchor", event.anchor)
        tag = getattr(event, "tag", None)
        if tag is not None and tag != "!":
            raise _Refused(event.start_mark, "tag", tag)


def _problem(file: str, line: int, col: int, th: str, en: str, fix: str, path: PathKey = (),
             code: str = "yaml") -> Problem:
    return Problem(file=file, line=line, column=col, message_th=th, message_en=en, fix_th=fix,
                   path=format_path(path), code=code)


def format_path(path: PathKey) -> str:
    """``("measures", 0, "projects", 2, "deadline")`` → ``measures[0].projects[2].deadline``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def load_yaml(text: str, file: str, *, line_offset: int = 0) -> Loaded:
    """Parse one YAML document strictly. ``line_offset`` shifts lines (front matter inside Markdown).

    Raises :class:`YamlError` when the text cannot be read at all; softer problems are in
    ``Loaded.problems``.
    """
    problems: list[Problem] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        indent = raw[: len(raw) - len(raw.lstrip(" \t"))]
        if "\t" in indent:
            problems.append(_problem(
                file, number + line_offset, indent.index("\t") + 1,
                "มีอักขระแท็บ (Tab) ใช้ย่อหน้า", "tab character used for indentation",
                "ใช้เว้นวรรค (space) แทนแท็บ"))
    if problems:
        raise YamlError(problems)
    too_deep = _flow_too_deep(text)
    if too_deep is not None:  # libyaml is quadratic in unclosed [ / { (100 000 of them: minutes)
        raise YamlError([_problem(
            file, too_deep[0] + line_offset, too_deep[1],
            f"วงเล็บ [ ] หรือ {{ }} ซ้อนกันลึกเกิน {MAX_FLOW_DEPTH} ชั้น",
            f"flow collections nested more than {MAX_FLOW_DEPTH} levels deep",
            "ลดวงเล็บที่ซ้อนกัน หรือใส่ข้อความที่มีวงเล็บไว้ในเครื่องหมายคำพูด", code="yaml-too-deep")])
    try:
        node = _compose(text)
    except _Refused as refused:
        line, col = refused.mark.line + 1 + line_offset, refused.mark.column + 1
        messages = {
            "alias": ("ห้ามใช้การอ้างอิงซ้ำ (alias *{0}) ใน YAML", "YAML aliases are not allowed (*{0})",
                      "เขียนค่าซ้ำตรง ๆ แทนการใช้ * และ &"),
            "anchor": ("ห้ามใช้ anchor (&{0}) ใน YAML", "YAML anchors are not allowed (&{0})",
                       "ลบ &{0} ออก แล้วเขียนค่าตรง ๆ"),
            "tag": ("ห้ามใช้แท็กพิเศษ ({0}) ใน YAML", "explicit YAML tags are not allowed ({0})",
                    "ลบแท็กที่ขึ้นต้นด้วย ! ออก แล้วใส่ค่าธรรมดา"),
        }
        th, en, fix = (m.format(refused.what) for m in messages[refused.kind])
        raise YamlError([_problem(file, line, col, th, en, fix)]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 + line_offset) if mark else 1 + line_offset
        col = (mark.column + 1) if mark else 1
        th, fix = explain(str(exc.problem or ""), str(exc.context or ""))
        raise YamlError([_problem(file, line, col, th, f"invalid YAML: {exc.problem or exc.context}", fix)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not accept (control characters, U+FFFE …)
        line, col = _offset_to_line(text, exc.position)
        raise YamlError([_problem(
            file, line + line_offset, col, f"มีอักขระที่ YAML ไม่รับ (U+{exc.character:04X}) ซึ่งมองไม่เห็นหรือเป็นอักขระควบคุม"
            if isinstance(exc.character, int) else "มีอักขระที่ YAML ไม่รับ",
            f"unacceptable character in YAML: {exc.reason} {exc.character!r}",
            "ลบอักขระนี้ออก (มักติดมาจากการคัดลอก) แล้วพิมพ์ข้อความช่วงนี้ใหม่", code="yaml-character")]) from None
    except RecursionError:
        raise YamlError([_problem(
            file, 1 + line_offset, 1, "ข้อมูล YAML ซ้อนกันลึกเกินไป (วงเล็บหรือรายการซ้อนหลายพันชั้น)",
            "YAML nested too deeply to read", "ลดการซ้อนของวงเล็บ [ ] { } หรือรายการ - ให้เหลือไม่กี่ชั้น",
            code="yaml-too-deep")]) from None
    loaded = Loaded(data=None, file=file)
    if node is None:
        return loaded
    loaded.data = _convert(node, (), loaded, loaded.problems, line_offset)
    return loaded


MAX_FLOW_DEPTH = 64
_FLOW = re.compile(r"[\[\]{}\"'\n#]")


def _flow_too_deep(text: str) -> tuple[int, int] | None:
    """(line, column) where ``[``/``{`` nesting outside quotes first exceeds :data:`MAX_FLOW_DEPTH`; one pass."""
    if text.count("[") + text.count("{") <= MAX_FLOW_DEPTH:
        return None
    depth = 0
    quote = ""
    line, line_start = 1, 0
    comment = False
    for m in _FLOW.finditer(text):
        ch = m.group(0)
        if ch == "\n":
            line, line_start, comment = line + 1, m.end(), False
            if quote == "'":
                continue
            continue
        if comment:
            continue
        if quote:
            if ch == quote:
                quote = ""
            continue
        if ch in "\"'":
            quote = ch
        elif ch == "#":
            comment = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_FLOW_DEPTH:
                return line, m.start() - line_start + 1
        else:
            depth = max(0, depth - 1)
    return None


def _offset_to_line(text: str, offset: int) -> tuple[int, int]:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _mark(node: Node, line_offset: int) -> tuple[int, int]:
    return node.start_mark.line + 1 + line_offset, node.start_mark.column + 1


def _convert(node: Node, path: PathKey, loaded: Loaded, problems: list[Problem], off: int) -> Any:
    loaded.positions[path] = _mark(node, off)
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                line, col = _mark(key_node, off)
                problems.append(_problem(loaded.file, line, col, "ชื่อคีย์ต้องเป็นข้อความธรรมดา",
                                         "mapping keys must be plain scalars", "เขียนชื่อคีย์เป็นคำเดียว", path))
                continue
            key = key_node.value
            key_path = (*path, key)
            line, col = _mark(key_node, off)
            if key in result:
                first = loaded.key_positions[key_path]
                problems.append(_problem(
                    loaded.file, line, col, f"คีย์ '{key}' ซ้ำ (ครั้งแรกอยู่บรรทัด {first[0]})",
                    f"duplicate key '{key}' (first at line {first[0]})",
                    "ลบหรือรวมคีย์ที่ซ้ำให้เหลือเพียงครั้งเดียว", key_path, "duplicate-key"))
                continue
            loaded.key_positions[key_path] = (line, col)
            result[key] = _convert(value_node, key_path, loaded, problems, off)
        return result
    if isinstance(node, SequenceNode):
        return [_convert(item, (*path, i), loaded, problems, off) for i, item in enumerate(node.value)]
    assert isinstance(node, ScalarNode)
    if node.style:  # None (Python) or "" (libyaml) for plain scalars
        return node.value  # quoted or block scalar: always text
    return _resolve_plain(node, path, loaded, problems, off)


def _resolve_plain(node: ScalarNode, path: PathKey, loaded: Loaded, problems: list[Problem], off: int) -> Any:
    value: str = node.value
    line, col = _mark(node, off)
    if value in _NULLS:
        return None
    if value in _BOOLS:
        return _BOOLS[value]
    if value.lower() in _YAML11_BOOLS:
        problems.append(_problem(
            loaded.file, line, col, f"ค่า '{value}' กำกวม (YAML รุ่นเก่าอ่านเป็นจริง/เท็จ)",
            f"ambiguous value '{value}' (YAML 1.1 reads it as a boolean)",
            f"ถ้าหมายถึงข้อความ ให้ใส่เครื่องหมายคำพูด \"{value}\"; ถ้าหมายถึงจริง/เท็จ ให้ใช้ true หรือ false",
            path, "yaml11-bool"))
        return value
    if _LEADING_ZERO.fullmatch(value):
        problems.append(_problem(
            loaded.file, line, col, f"ตัวเลข '{value}' ขึ้นต้นด้วย 0 จะถูกอ่านผิด (เช่น เบอร์โทรศัพท์)",
            f"number with a leading zero '{value}' would lose its zero",
            f"ใส่เครื่องหมายคำพูด \"{value}\" เพื่อให้เป็นข้อความ", path, "leading-zero"))
        return value
    if _INT.fullmatch(value):
        return int(value.replace("_", ""))
    if _FLOAT.fullmatch(value):
        return float(value.replace("_", ""))
    # An ISO date typed with Thai digits (๒๕๖๖-๐๗-๒๐) is the same date: accepted like its Arabic form.
    date_match = _DATE.fullmatch(value.translate(_THAI_DIGITS)) if _THAI_DATE.fullmatch(value) else None
    if date_match:
        try:
            return dt.date(*(int(g) for g in date_match.groups()))
        except ValueError:
            problems.append(_problem(
                loaded.file, line, col, f"วันที่ '{value}' ไม่มีอยู่จริง", f"impossible date '{value}'",
                "ตรวจวันและเดือนอีกครั้ง (รูปแบบ ปปปป-ดด-วว ปี ค.ศ.)", path, "bad-date"))
            return value
    return value
