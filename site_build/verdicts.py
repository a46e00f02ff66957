"""One verdict per rule: an *error* fails both ``check`` and the build; a *notice* passes both and both show it.

Before this table a "warning" made ``check`` say "ready to publish" while ``mkdocs build --strict`` aborted on
the same input. Now every rule's verdict is here, in one place: :class:`site_build.errors.Problem` takes its
severity from :data:`VERDICTS` whatever the code that created it passed, the build logs notices at info level
(so ``--strict`` does not turn them into failures), and CONTRIBUTING.md prints this table for staff.

A notice a person has reviewed can be acknowledged in the page's front matter, with a reason::

    acknowledge:
      - rule: personal-mobile
        reason: เบอร์โทรศัพท์ราชการของผู้ประสานงาน เจ้าของยินยอมให้เผยแพร่

The acknowledged notice is still listed (as "รับทราบแล้ว" with the reason) in ``check`` and build output, so a
reviewer sees it in the pull request. Errors cannot be acknowledged. Rules not listed are errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

Verdict = Literal["error", "notice"]

# rule (Problem.code) -> verdict, Thai description for the staff guide.
VERDICTS: Mapping[str, tuple[Verdict, str]] = {
    # --- notices: published as they are, shown in check and build, can be acknowledged ---------------
    "personal-mobile": ("notice", "หมายเลขโทรศัพท์มือถือในเนื้อหา (ยืนยันว่าเจ้าของยินยอมและเป็นหมายเลขราชการ)"),
    "unreferenced-photo": ("notice", "รูปในโฟลเดอร์ที่ไม่ได้ใช้ (ไม่ถูกเผยแพร่)"),
    "date-outside-fy": ("notice", "วันที่กิจกรรมอยู่นอกปีงบประมาณของแผน"),
    "photo-animated": ("notice", "รูปเคลื่อนไหว (GIF/WebP) ใช้เฉพาะภาพแรก"),
    "photo-format-mismatch": ("notice", "นามสกุลไฟล์รูปไม่ตรงกับชนิดจริง (เช่น PNG ชื่อ .jpg)"),
    "photo-icc-ignored": ("notice", "แปลงโปรไฟล์สีของรูปไม่ได้"),
    "date-order": ("notice", "วันที่ลงนาม/มีผลบังคับของเอกสารเรียงลำดับผิดปกติ"),
    "evidence-year": ("notice", "ยังไม่มีดัชนีหลักฐานของปีที่เอกสารอ้างถึง"),
    "manual-no-chapters": ("notice", "คู่มือยังไม่มีบท"),
    "cookie-statement": ("notice", "ตั้งค่าบริการวิเคราะห์แล้ว แต่หน้าคุกกี้ยังบอกว่าไม่ใช้คุกกี้"),
    # --- errors: the build and check both fail; listed here for the staff guide -------------------------
    "secret-password": ("error", "รหัสผ่านเขียนไว้ในเนื้อหาหรือไฟล์ข้อมูล"),
    "secret-token": ("error", "โทเค็น/คีย์สำหรับเข้าระบบ"),
    "secret-private-key": ("error", "กุญแจส่วนตัว (private key)"),
    "secret-url-password": ("error", "รหัสผ่านฝังอยู่ในลิงก์"),
    "secret-forbidden": ("error", "ข้อความต้องห้าม (รหัสผ่านที่เคยรั่วไหล)"),
    "leaked-credential": ("error", "รหัสผ่านที่เคยรั่วไหล (ตรวจด้วยค่าแฮช)"),
    "personal-thai-id": ("error", "เลขประจำตัวประชาชน 13 หลัก"),
    "text-invisible-char": ("error", "อักขระควบคุมทิศทาง/อักขระที่มองไม่เห็นในเนื้อหาหรือไฟล์ข้อมูล"),
    "plain-text-control": ("error", "อักขระควบคุมในช่องข้อความ (title, summary …)"),
    "plain-text-markup": ("error", "โค้ด HTML/Markdown ในช่องข้อความธรรมดา"),
    "template-guidance": ("error", "ข้อความแนะนำของแม่แบบยังค้างอยู่"),
    "file-kind-not-allowed": ("error", "ไฟล์ชนิดที่ไม่อนุญาตให้เผยแพร่"),
    "file-office-document": ("error", "เอกสาร Office/บันทึกข้อความที่เผยแพร่โดยตรงไม่ได้"),
    "file-not-publishable-here": ("error", "ไฟล์อยู่ในตำแหน่งที่ไม่อนุญาตให้เผยแพร่"),
    "missing-photo": ("error", "รูปที่อ้างถึงไม่มีในโฟลเดอร์"),
    "photo-too-large": ("error", "รูปใหญ่เกินขีดจำกัดจำนวนพิกเซล"),
    "unknown-item": ("error", "รหัสกิจกรรมที่ไม่มีในแผน"),
    "be-year": ("error", "ใช้ปี พ.ศ. ในช่องวันที่ (ต้องเป็น ค.ศ.)"),
    "mkdocs-nav-missing": ("error", "เมนูใน mkdocs.yml ชี้ไปยังหน้าที่ไม่มี"),
    "mkdocs-unknown-key": ("error", "คีย์ที่ MkDocs ไม่รู้จักใน mkdocs.yml"),
    "acknowledge-invalid": ("error", "การรับทราบ (acknowledge) ที่เขียนผิดหรืออ้างถึงข้อผิดพลาด"),
}


def verdict(code: str, default: Verdict = "error") -> Verdict:
    """The verdict of ``code``; rules not in the table keep ``default`` (their creator's severity)."""
    entry = VERDICTS.get(code)
    return entry[0] if entry is not None else default


def notice_rules() -> list[str]:
    return sorted(code for code, (v, _) in VERDICTS.items() if v == "notice")


def verdict_table_markdown() -> str:
    """The table CONTRIBUTING.md shows (a test keeps the guide in step with this module)."""
    rows = ["| กฎ (rule) | ผล | ความหมาย |", "| --- | --- | --- |"]
    for code, (v, th) in sorted(VERDICTS.items(), key=lambda kv: (kv[1][0] != "error", kv[0])):
        label = "ข้อผิดพลาด (error)" if v == "error" else "ข้อสังเกต (notice)"
        rows.append(f"| `{code}` | {label} | {th} |")
    return "\n".join(rows)
