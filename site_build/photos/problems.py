"""Why a photo was refused or warned about, in Thai for staff and English beside it.

Workers raise :class:`PhotoError` (plain strings, so it pickles across processes); the pipeline turns
it into a located :class:`site_build.errors.Problem` naming the file as staff see it.
"""

from __future__ import annotations

from dataclasses import dataclass

from site_build.errors import Problem, Severity

ALLOWED_SUFFIXES_TEXT = ".jpg .jpeg .png .webp .heic .heif .gif"

IPHONE_JPEG_FIX = (
    "บน iPhone ให้ตั้งค่าให้ถ่ายเป็น JPEG: ไปที่ การตั้งค่า (Settings) > กล้อง (Camera) > รูปแบบ (Formats) > "
    "เลือก 'เข้ากันได้มากที่สุด' (Most Compatible) แล้วถ่ายใหม่ หรือส่งรูปเดิมออกมาเป็น JPEG: "
    "การตั้งค่า > รูปภาพ (Photos) > ถ่ายโอนไปยัง Mac หรือ PC > อัตโนมัติ (Automatic) "
    "หรือแชร์รูปทางอีเมล/แอปไฟล์เป็น JPEG แล้วใช้ไฟล์ .jpg นั้นแทน"
)


@dataclass(frozen=True)
class PhotoFailure:
    """A problem without a place yet: the worker knows what went wrong, the pipeline knows the name."""

    code: str
    message_th: str
    message_en: str
    fix_th: str
    severity: Severity = Severity.ERROR

    def to_json(self) -> dict[str, str]:
        return {
            "code": self.code,
            "message_th": self.message_th,
            "message_en": self.message_en,
            "fix_th": self.fix_th,
            "severity": self.severity.value,
        }

    @classmethod
    def from_json(cls, data: dict[str, str]) -> PhotoFailure:
        return cls(data["code"], data["message_th"], data["message_en"], data["fix_th"], Severity(data["severity"]))

    def at(self, display: str) -> Problem:
        return Problem(
            file=display,
            message_th=self.message_th,
            message_en=self.message_en,
            fix_th=self.fix_th,
            severity=self.severity,
            code=self.code,
        )


class PhotoError(Exception):
    """Raised inside the pipeline for a photo it refuses; carries a :class:`PhotoFailure`."""

    def __init__(self, failure: PhotoFailure) -> None:
        self.failure = failure
        super().__init__(f"{failure.code}: {failure.message_en}")

    def __reduce__(self):  # keep it picklable even though __init__ takes a non-str argument
        return (PhotoError, (self.failure,))


def empty_file() -> PhotoFailure:
    return PhotoFailure(
        "photo-empty",
        "ไฟล์รูปว่างเปล่า (ขนาด 0 ไบต์)",
        "The photo file is empty (0 bytes).",
        "คัดลอกหรืออัปโหลดรูปต้นฉบับจากมือถือหรือกล้องใหม่อีกครั้ง ไฟล์อาจเสียระหว่างการคัดลอก",
    )


def unreadable(detail: str) -> PhotoFailure:
    return PhotoFailure(
        "photo-unreadable",
        "เปิดไฟล์รูปไม่ได้",
        f"Cannot read the photo file: {detail}",
        "ตรวจว่าไฟล์ยังอยู่ที่เดิม ชื่อถูกต้อง และมีสิทธิ์อ่านไฟล์",
    )


def not_an_image(kind: str, suffix: str) -> PhotoFailure:
    kind_th = {"text": "ข้อความ (text)"}.get(kind, kind)
    what_th = f"เนื้อไฟล์เป็น{kind_th}" if kind else "เนื้อไฟล์ไม่ใช่รูปภาพที่รู้จัก"
    return PhotoFailure(
        "photo-not-image",
        f"ไฟล์นี้ไม่ใช่รูปภาพ แม้ชื่อจะลงท้ายด้วย {suffix} ({what_th})",
        f"The file is not a readable image although it is named {suffix} "
        f"({'content looks like ' + kind if kind else 'unknown content'}).",
        "เปิดรูปด้วยโปรแกรมดูรูปแล้วบันทึกเป็น JPEG ใหม่ หรือส่งรูปจากมือถือมาเป็นไฟล์ .jpg อีกครั้ง",
    )


def truncated(detail: str) -> PhotoFailure:
    return PhotoFailure(
        "photo-truncated",
        "ไฟล์รูปไม่สมบูรณ์หรือเสีย (ข้อมูลขาดหายหรืออ่านไม่ได้บางส่วน)",
        f"The image is truncated or corrupt: {detail}",
        "คัดลอกหรืออัปโหลดรูปต้นฉบับใหม่อีกครั้ง (การอัปโหลดอาจถูกตัดกลางทาง) หรือเปิดแล้วบันทึกเป็น JPEG ใหม่",
    )


def too_large(width: int | None, height: int | None, limit: int, *, pixels: int | None = None) -> PhotoFailure:
    limit_mp = limit / 1_000_000
    if width and height:
        mp = width * height / 1_000_000
        size_th = f"{width}×{height} พิกเซล ({mp:.0f} ล้านพิกเซล)"
        size_en = f"{width}x{height} pixels ({mp:.0f} MP)"
    elif pixels:
        size_th = f"{pixels / 1_000_000:.0f} ล้านพิกเซล"
        size_en = f"{pixels / 1_000_000:.0f} MP"
    else:
        size_th = size_en = "?"
    return PhotoFailure(
        "photo-too-large",
        f"รูปใหญ่เกินไป: {size_th} เกินเพดาน {limit_mp:.0f} ล้านพิกเซล",
        f"The image is too large: {size_en} exceeds the limit of {limit_mp:.0f} MP "
        "(refused from its header, before decoding, to protect the build from decompression bombs).",
        f"ย่อรูปให้ไม่เกิน {limit_mp:.0f} ล้านพิกเซลก่อน (เช่น ด้านยาวไม่เกิน 4000 พิกเซล) "
        "หรือถ่ายด้วยโหมดความละเอียดปกติของมือถือ (12 ล้านพิกเซล)",
    )


def svg_refused() -> PhotoFailure:
    return PhotoFailure(
        "photo-svg",
        "ไม่รับไฟล์ SVG เป็นรูปภาพกิจกรรม",
        "SVG files are not accepted as photos (they can carry scripts and are not photographs).",
        "ส่งออก (Export) ภาพเป็น JPEG หรือ PNG จากโปรแกรมที่สร้างภาพ แล้วใช้ไฟล์นั้นแทน",
    )


def unsupported_suffix(suffix: str) -> PhotoFailure:
    return PhotoFailure(
        "photo-unsupported-type",
        f"ไม่รองรับไฟล์รูปชนิด '{suffix or '(ไม่มีนามสกุล)'}'",
        f"Unsupported photo type '{suffix}'; accepted: {ALLOWED_SUFFIXES_TEXT}.",
        f"บันทึกหรือส่งออกรูปเป็น JPEG (.jpg) หรือใช้ไฟล์ชนิด {ALLOWED_SUFFIXES_TEXT}",
    )


def unsupported_format(fmt: str) -> PhotoFailure:
    return PhotoFailure(
        "photo-unsupported-type",
        f"ไม่รองรับรูปแบบไฟล์ {fmt}",
        f"Unsupported image format {fmt}; accepted: JPEG, PNG, WebP, HEIC/HEIF, GIF.",
        "เปิดรูปแล้วบันทึกหรือส่งออกเป็น JPEG (.jpg) แล้วใช้ไฟล์นั้นแทน",
    )


def heic_undecodable(detail: str) -> PhotoFailure:
    return PhotoFailure(
        "photo-heic",
        "อ่านไฟล์ HEIC/HEIF (รูปจาก iPhone) ไม่ได้",
        f"Cannot decode this HEIC/HEIF photo: {detail}",
        IPHONE_JPEG_FIX,
    )


def internal_error(detail: str) -> PhotoFailure:
    return PhotoFailure(
        "photo-internal",
        "เกิดข้อผิดพลาดภายในระหว่างประมวลผลรูปนี้",
        f"Internal error while processing this photo: {detail}",
        "ลองเปิดรูปแล้วบันทึกเป็น JPEG ใหม่ ถ้ายังไม่หาย ให้แจ้งผู้ดูแลระบบพร้อมข้อความนี้",
    )


def worker_died(detail: str) -> PhotoFailure:
    return PhotoFailure(
        "photo-worker-died",
        "กระบวนการย่อยที่ประมวลผลรูปนี้หยุดทำงานกะทันหัน (อาจหน่วยความจำไม่พอ)",
        f"The worker process handling this photo died: {detail}",
        "ลองสร้างเว็บใหม่อีกครั้ง ถ้ายังเกิดซ้ำ ให้ย่อรูปนี้ให้เล็กลงหรือบันทึกเป็น JPEG ใหม่ แล้วแจ้งผู้ดูแลระบบ",
    )


def format_mismatch(actual: str, suffix: str) -> PhotoFailure:
    right = {"JPEG": ".jpg", "MPO": ".jpg", "PNG": ".png", "WEBP": ".webp", "HEIF": ".heic", "GIF": ".gif"}
    return PhotoFailure(
        "photo-format-mismatch",
        f"ไฟล์นี้เป็นรูป {actual} แต่ชื่อลงท้ายด้วย {suffix} ระบบอ่านตามเนื้อไฟล์ให้แล้ว",
        f"The file is a {actual} image but is named {suffix}; it was processed by its content.",
        f"เปลี่ยนนามสกุลไฟล์ให้ตรงกับชนิดจริง ({right.get(actual, '.jpg')})",
        Severity.WARNING,
    )


def animated_first_frame(fmt: str, frames: int) -> PhotoFailure:
    return PhotoFailure(
        "photo-animated",
        f"รูปเคลื่อนไหว {fmt} ({frames} เฟรม) จะแสดงเฉพาะภาพแรกเป็นภาพนิ่ง",
        f"Animated {fmt} with {frames} frames: only the first frame is used, as a still photo.",
        "ถ้าต้องการภาพอื่น ให้บันทึกภาพนั้นเป็น JPEG แล้วใช้แทน (เว็บแสดงเฉพาะภาพนิ่ง)",
        Severity.WARNING,
    )


def icc_ignored(detail: str) -> PhotoFailure:
    return PhotoFailure(
        "photo-icc-ignored",
        "แปลงโปรไฟล์สี (ICC) ที่ฝังในรูปไม่ได้ สีบนเว็บอาจเพี้ยนเล็กน้อย",
        f"The embedded ICC colour profile could not be converted to sRGB and was ignored: {detail}",
        "เปิดรูปแล้วบันทึกเป็น JPEG แบบ sRGB ใหม่ ถ้าสีบนเว็บดูผิด",
        Severity.WARNING,
    )
