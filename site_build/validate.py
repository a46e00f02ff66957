"""Validate loaded YAML against a pydantic model, turning every error into a located Problem.

Shared by plan.yml, data files and front matter, so every staff-facing schema error reads the same:
``file:LINE:COLUMN``, the path inside the document, a Thai message, and how to fix it (with the
nearest known key for a misspelt one).
"""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from site_build.errors import Problem
from site_build.names import closest
from site_build.yamlsrc import Loaded, PathKey, format_path

M = TypeVar("M", bound=BaseModel)

_TH_BY_TYPE = {
    "missing": ("ขาดข้อมูลที่จำเป็น '{field}'", "เพิ่มบรรทัด '{field}: ...'"),
    "string_type": ("ต้องเป็นข้อความ", "ใส่ข้อความ (ถ้ามีตัวเลขนำหน้าด้วย 0 ให้ใส่เครื่องหมายคำพูด)"),
    "string_too_short": ("ข้อความว่างเปล่า", "ใส่ข้อความ หรือลบบรรทัดนี้ออก"),
    "string_pattern_mismatch": ("รูปแบบไม่ถูกต้อง", "ดูตัวอย่างรูปแบบในคู่มือ"),
    "int_type": ("ต้องเป็นจำนวนเต็ม", "ใส่ตัวเลขจำนวนเต็ม เช่น 10"),
    "int_parsing": ("ต้องเป็นจำนวนเต็ม", "ใส่ตัวเลขจำนวนเต็ม เช่น 10"),
    "float_parsing": ("ต้องเป็นตัวเลข", "ใส่ตัวเลข เช่น 80"),
    "bool_type": ("ต้องเป็น true หรือ false", "ใช้ true หรือ false"),
    "bool_parsing": ("ต้องเป็น true หรือ false", "ใช้ true หรือ false"),
    "date_type": ("ต้องเป็นวันที่", "เขียนวันที่เป็น ปปปป-ดด-วว (ปี ค.ศ.) เช่น 2023-03-20"),
    "date_from_datetime_parsing": ("ต้องเป็นวันที่", "เขียนวันที่เป็น ปปปป-ดด-วว (ปี ค.ศ.) เช่น 2023-03-20"),
    "date_parsing": ("ต้องเป็นวันที่", "เขียนวันที่เป็น ปปปป-ดด-วว (ปี ค.ศ.) เช่น 2023-03-20"),
    "list_type": ("ต้องเป็นรายการ (ขึ้นบรรทัดด้วย - )", "เขียนแต่ละข้อในบรรทัดใหม่ที่ขึ้นต้นด้วย '- '"),
    "dict_type": ("ต้องเป็นกลุ่มข้อมูล (คีย์: ค่า)", "เขียนเป็น คีย์: ค่า ในบรรทัดย่อหน้า"),
    "model_type": ("ต้องเป็นกลุ่มข้อมูล (คีย์: ค่า)", "เขียนเป็น คีย์: ค่า ในบรรทัดย่อหน้า"),
    "literal_error": ("ค่าไม่อยู่ในตัวเลือกที่ใช้ได้", "เลือกหนึ่งค่าจาก: {expected}"),
    "enum": ("ค่าไม่อยู่ในตัวเลือกที่ใช้ได้", "เลือกหนึ่งค่าจาก: {expected}"),
    "greater_than_equal": ("ค่าน้อยเกินไป", "ใส่ค่าไม่ต่ำกว่า {ge}"),
    "less_than_equal": ("ค่ามากเกินไป", "ใส่ค่าไม่เกิน {le}"),
    "url_parsing": ("ลิงก์ไม่ถูกต้อง", "ใส่ลิงก์เต็มที่ขึ้นต้นด้วย https://"),
    "url_scheme": ("ลิงก์ต้องขึ้นต้นด้วย https://", "ใส่ลิงก์เต็มที่ขึ้นต้นด้วย https://"),
}


def validate_model(model: type[M], loaded: Loaded, *, root: PathKey = ()) -> tuple[M | None, list[Problem]]:
    """Validate ``loaded.data`` (or the part at ``root``) and return the model or located problems."""
    data: Any = loaded.data
    for part in root:
        data = data[part]
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        return None, [problem_from_error(model, loaded, err, root) for err in exc.errors()]


def problem_from_error(model: type[BaseModel], loaded: Loaded, err: Any, root: PathKey = ()) -> Problem:
    loc: PathKey = (*root, *(p for p in err["loc"] if not _is_union_tag(p)))
    kind = err["type"]
    ctx = err.get("ctx") or {}
    field = str(loc[-1]) if loc else ""
    if kind == "extra_forbidden":
        known = known_fields(model, err["loc"][:-1])
        near = closest(field, known, cutoff=0.5)  # separators, case and word order do not matter
        fix = f"หมายถึง '{near}' หรือไม่? " if near else ""
        fix += "คีย์ที่ใช้ได้: " + ", ".join(sorted(known))
        hint_en = f"; did you mean '{near}'?" if near else ""
        line, col = loaded.where_key(loc) or (None, None)
        return Problem(file=loaded.file, line=line, column=col,
                       message_th=f"ไม่รู้จักคีย์ '{field}'", message_en=f"unknown key '{field}'{hint_en}",
                       fix_th=fix, path=format_path(loc), code="unknown-key")
    th, fix = _TH_BY_TYPE.get(kind, ("ค่าไม่ถูกต้อง", "แก้ค่าตามรูปแบบในคู่มือ"))
    th = th.format(field=field)
    fix = fix.format(field=field, expected=ctx.get("expected", ""), ge=ctx.get("ge", ""), le=ctx.get("le", ""))
    if kind == "value_error":
        th = str(ctx.get("error", err["msg"]))
        fix = ""
    elif kind.endswith("_type") and err.get("input", ...) is None:  # "alt:" with nothing after it
        th = f"ช่อง '{field}' ว่างอยู่"
        fix = f"พิมพ์ค่าต่อจาก '{field}:' ในบรรทัดเดียวกัน (ถ้าช่องนี้ไม่จำเป็น ลบบรรทัดนี้ออกได้)"
    line, col = (loaded.where(loc[:-1]) if kind == "missing" else loaded.where(loc)) or (None, None)
    return Problem(file=loaded.file, line=line, column=col, message_th=th, message_en=err["msg"],
                   fix_th=fix, path=format_path(loc), code=kind)


def _is_union_tag(part: Any) -> bool:
    return isinstance(part, str) and ("[" in part or part in {"function-after", "function-before"})


def known_fields(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Field names of the sub-model reached by walking ``loc`` through the annotations."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        current = _unwrap(current)
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return []
        info = current.model_fields.get(str(part))
        if info is None:
            return []
        current = info.annotation
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _unwrap(annotation: Any) -> Any:
    """``list[X]``, ``X | None`` and ``Annotated[X, ...]`` → ``X``."""
    while True:
        origin = typing.get_origin(annotation)
        if origin is typing.Annotated or origin in (list, tuple, set):
            annotation = typing.get_args(annotation)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = next((a for a in args if isinstance(a, type) and issubclass(a, BaseModel)), args[0])
        else:
            return annotation
