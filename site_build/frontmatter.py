"""Split any Markdown page into front matter and body, keeping file line numbers (write-ups, documents, all pages).

The front matter sits between a first line ``---`` and the next line ``---`` (or ``...``), as MkDocs
reads it. It is parsed with the project's strict YAML loader with ``line_offset`` so every problem
names the line in ``index.md`` itself, not in the YAML snippet.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_build.errors import Problem, ProblemsFound
from site_build.yamlsrc import Loaded, YamlError, load_yaml

_FENCE = "---"


@dataclass(frozen=True)
class Split:
    yaml_text: str
    body: str
    body_line: int  # file line number of the body's first line


def split_front_matter(text: str, file: str) -> Split:
    """Return the parts, or raise :class:`ProblemsFound` for a missing or unclosed block."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != _FENCE:
        raise ProblemsFound([Problem(
            file=file, line=1, column=1,
            message_th="ไฟล์ต้องขึ้นต้นด้วยส่วนหัว (front matter) ระหว่างบรรทัด --- สองบรรทัด",
            message_en="the file must start with front matter between two '---' lines",
            fix_th="ใส่ --- เป็นบรรทัดแรก ตามด้วย title:, date: ... แล้วปิดด้วย --- (ใช้คำสั่ง "
                   "python -m site_build new เพื่อสร้างแม่แบบ)", code="no-front-matter")])
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (_FENCE, "..."):
            return Split(yaml_text="\n".join(lines[1:index]) + "\n",
                         body="\n".join(lines[index + 1:]), body_line=index + 2)
    raise ProblemsFound([Problem(
        file=file, line=1, column=1,
        message_th="ส่วนหัว (front matter) ที่เปิดด้วย --- ในบรรทัดที่ 1 ไม่มีบรรทัด --- ปิดท้าย",
        message_en="front matter opened with '---' on line 1 is never closed",
        fix_th="เพิ่มบรรทัด --- หลังข้อมูลส่วนหัวบรรทัดสุดท้าย (ก่อนเนื้อเรื่อง)", code="unclosed-front-matter")])


def parse_front_matter(text: str, file: str) -> tuple[Loaded, Split]:
    """Strict YAML of the front matter; raises :class:`ProblemsFound` when it cannot be read as a mapping."""
    split = split_front_matter(text, file)
    try:
        loaded = load_yaml(split.yaml_text, file, line_offset=1)
    except YamlError as exc:
        raise ProblemsFound(exc.problems) from None
    if not isinstance(loaded.data, dict):
        line = (loaded.where(()) or (2, 1))[0]
        raise ProblemsFound([Problem(
            file=file, line=line, column=1,
            message_th="ส่วนหัว (front matter) ต้องเป็นกลุ่มข้อมูลแบบ คีย์: ค่า (เช่น title: ...)",
            message_en="front matter must be a mapping of keys to values",
            fix_th="เขียนแต่ละบรรทัดเป็น ชื่อ: ค่า เช่น title: ชื่อกิจกรรม", code="front-matter-not-mapping")])
    return loaded, split
