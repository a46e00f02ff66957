"""Read staff-written text files: UTF-8 only (a BOM and CRLF are fine), with a located error otherwise."""

from __future__ import annotations

from pathlib import Path

from site_build.errors import Problem, ProblemsFound


def decode_text(raw: bytes, display_name: str) -> str:
    """Decode UTF-8 (BOM stripped, CRLF/CR → LF); name the first bad byte's line and column otherwise."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ProblemsFound([Problem(
            file=display_name, line=line, column=column,
            message_th=f"ไฟล์ไม่ได้บันทึกเป็น UTF-8 (พบไบต์ 0x{raw[exc.start]:02X} ที่ตำแหน่งนี้; "
                       "อาจบันทึกจากโปรแกรมเก่าเป็น TIS-620/Windows-874)",
            message_en=f"file is not UTF-8: byte 0x{raw[exc.start]:02X} at offset {exc.start}",
            fix_th="เปิดไฟล์ในโปรแกรมแก้ไขข้อความแล้วบันทึกใหม่เป็น UTF-8",
            code="not-utf8")]) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(path: Path, *, display_name: str | None = None) -> str:
    return decode_text(path.read_bytes(), display_name or path.as_posix())
