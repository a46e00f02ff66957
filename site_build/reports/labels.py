"""Thai words for states, shared by pages and CSV files so a state reads the same everywhere."""

from __future__ import annotations

from site_build.reports.periods import RowState
from site_build.reports.publicity import CellState, Level

ROW_STATE_TH: dict[RowState, str] = {
    "done": "ดำเนินการแล้วตามกำหนด",
    "done-late": "ดำเนินการแล้ว (หลังกำหนด)",
    "overdue": "เลยกำหนด ยังไม่มีหลักฐาน",
    "due": "ยังไม่ถึงกำหนด",
    "not-done": "ไม่ได้ดำเนินการภายในปีงบประมาณ",
}
ROW_STATE_ICON: dict[RowState, str] = {"done": "✅", "done-late": "☑️", "overdue": "⚠️", "due": "⏳", "not-done": "✖️"}

CELL_STATE_TH: dict[CellState, str] = {
    "done": "เผยแพร่แล้ว",
    "missing": "ยังไม่มี",
    "not-required": "ไม่กำหนด",
    "extra": "เผยแพร่แล้ว (ไม่บังคับ)",
}
LEVEL_TH: dict[Level, str] = {"full": "ได้คะแนนเต็ม", "partial": "ได้คะแนนบางส่วน", "none": "ยังไม่ได้คะแนน"}
TARGET_STATE_TH = {"met": "บรรลุ", "missed": "ไม่บรรลุ", "open": "ยังไม่บรรลุ"}
CONFIRM_TH = "ต้องยืนยันโดยสำนัก"
SAMPLE_TH = "ตัวอย่าง"
