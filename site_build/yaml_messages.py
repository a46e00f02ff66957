"""PyYAML's parser messages, explained in Thai for staff (the English original stays in the English detail).

"mapping values are not allowed in this context" tells staff nothing; "a ': ' in the middle of a value makes YAML
read a second key: put the whole value in quotes" does. Matched by substring, most specific first.
"""

from __future__ import annotations

QUOTE_FIX = 'ใส่ค่าทั้งหมดไว้ในเครื่องหมายคำพูด เช่น title: "ข้อความ: ที่มีโคลอน"'

_EXPLAINED: tuple[tuple[str, str, str], ...] = (
    ("mapping values are not allowed",
     "มีเครื่องหมาย ‘: ’ (โคลอนตามด้วยเว้นวรรค) อยู่ในค่า YAML จึงอ่านเป็นคีย์ซ้อนกัน", QUOTE_FIX),
    ("could not find expected ':'",
     "ไม่พบเครื่องหมาย : หลังชื่อคีย์ บรรทัดนี้อาจเป็นข้อความที่ขึ้นบรรทัดใหม่โดยย่อหน้าไม่ตรง",
     "เขียนค่าให้อยู่บรรทัดเดียวกับคีย์ หรือใส่ค่าในเครื่องหมายคำพูด หรือตรวจการย่อหน้า"),
    ("found unexpected end of stream",
     "ไฟล์จบก่อนปิดเครื่องหมายคำพูดหรือวงเล็บที่เปิดไว้", "ปิดเครื่องหมายคำพูด \" หรือวงเล็บ [ ] { } ให้ครบคู่"),
    ("found unknown escape character",
     "ในเครื่องหมายคำพูดคู่ \" \" มีเครื่องหมาย \\ ตามด้วยอักขระที่ YAML ไม่รู้จัก",
     "ใช้เครื่องหมายคำพูดเดี่ยว ' ' แทน หรือเขียน \\\\ แทน \\"),
    ("expected ',' or ']'", "วงเล็บเหลี่ยม [ ] ของรายการไม่ครบคู่ หรือขาดเครื่องหมายจุลภาค ,",
     "ปิดวงเล็บ ] ให้ครบ หรือใส่ค่าที่มี , หรือ : ในเครื่องหมายคำพูด"),
    ("expected ',' or '}'", "วงเล็บปีกกา { } ไม่ครบคู่ หรือขาดเครื่องหมายจุลภาค ,",
     "ปิดวงเล็บ } ให้ครบ หรือใส่ค่าที่มี , หรือ : ในเครื่องหมายคำพูด"),
    ("did not find expected '-' indicator", "รายการที่ขึ้นต้นด้วย - ย่อหน้าไม่ตรงกัน",
     "ให้ทุกรายการ - ในกลุ่มเดียวกันย่อหน้าเท่ากัน (ใช้เว้นวรรค)"),
    ("did not find expected key", "การย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า หรือมีรายการ - ปนกับคีย์ในระดับเดียวกัน",
     "ตรวจว่าคีย์ในระดับเดียวกันย่อหน้าเท่ากัน และค่าที่ขึ้นต้นด้วย - อยู่ใต้คีย์ที่เป็นรายการ"),
    ("expected <block end>", "การย่อหน้าไม่ตรงกับบรรทัดก่อนหน้า",
     "ให้คีย์ในระดับเดียวกันย่อหน้าเท่ากัน (ใช้เว้นวรรค ไม่ใช้แท็บ)"),
    ("found character '\\t'", "มีอักขระแท็บ (Tab) ในตำแหน่งที่ YAML ไม่รับ", "ใช้เว้นวรรค (space) แทนแท็บ"),
    ("cannot start any token", "ค่านี้ขึ้นต้นด้วยอักขระที่ YAML สงวนไว้ (เช่น @ ` % |)", QUOTE_FIX),
    ("found duplicate anchor", "มี anchor (&) ซ้ำกัน", "ลบ & และ * ออก แล้วเขียนค่าตรง ๆ"),
    ("expected alphabetic or numeric character", "ใช้ * หรือ & ขึ้นต้นค่า ซึ่ง YAML อ่านเป็นการอ้างอิง", QUOTE_FIX),
    ("expected a comment or a line break", "มีข้อความต่อท้ายค่าที่อยู่ในเครื่องหมายคำพูดหรือวงเล็บแล้ว",
     "ย้ายข้อความที่ตามหลังเข้าไปไว้ในเครื่องหมายคำพูด หรือลบออก"),
    ("found unexpected ':'", "มีเครื่องหมาย : ในตำแหน่งที่ YAML ไม่คาดไว้", QUOTE_FIX),
    ("expected the node content", "ไม่มีค่าหลังเครื่องหมายที่ YAML ใช้ (เช่น - หรือ ? หรือ !)", QUOTE_FIX),
    ("document separator", "มีบรรทัด --- หรือ ... กลางข้อมูล ซึ่ง YAML อ่านเป็นการเริ่มเอกสารใหม่",
     "ลบบรรทัดนั้นออก หรือใส่ข้อความนั้นในเครื่องหมายคำพูด"),
    ("but found another document", "มีบรรทัด --- กลางข้อมูล ซึ่ง YAML อ่านเป็นการเริ่มเอกสารใหม่",
     "ลบบรรทัด --- ที่เกินออก (ส่วนหัวเปิดและปิดด้วย --- เพียงคู่เดียว)"),
)
_GENERIC = ("รูปแบบ YAML ไม่ถูกต้องในบรรทัดนี้หรือบรรทัดก่อนหน้า",
            "ตรวจเครื่องหมาย : การย่อหน้า (เว้นวรรคเท่ากัน) และเครื่องหมายคำพูดในบรรทัดนี้หรือบรรทัดก่อนหน้า")


def explain(problem: str, context: str = "") -> tuple[str, str]:
    """Thai message and fix for a PyYAML parser message (``problem`` and ``context`` as PyYAML gives them)."""
    text = f"{problem} {context}"
    for needle, th, fix in _EXPLAINED:
        if needle in text:
            return th, fix
    return _GENERIC
