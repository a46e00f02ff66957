"""Publish a built site as a new release, switch to it atomically, keep the last N, roll back.

Order matters and is the whole point: upload into a hidden folder → verify every file against the build
manifest → rename to its release name → switch ``current`` (one rename) → only then delete old releases.
Any failure before the switch removes the upload and leaves the live site exactly as it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
from dataclasses import dataclass
from pathlib import Path

from site_build.ci.preview import is_preview
from site_build.publish.manifest import MANIFEST_NAME, Manifest, read_manifest
from site_build.publish.targets import Target, TargetError

DEFAULT_KEEP = 5
INCOMING = ".incoming-"
WITHDRAWN = ".withdrawn"  # left in a release that was rolled back from: a later --rollback skips it
UNTOUCHED = "เว็บไซต์ที่เผยแพร่อยู่ไม่ถูกเปลี่ยนแปลง (the live site is untouched)"


class PublishError(Exception):
    """Thai first, then English detail; ``live_untouched`` says whether readers still see the old release."""

    def __init__(self, message_th: str, detail: str = "", *, live_untouched: bool = True) -> None:
        self.message_th, self.detail, self.live_untouched = message_th, detail, live_untouched
        super().__init__(self.render())

    def render(self) -> str:
        lines = [f"เผยแพร่ไม่สำเร็จ: {self.message_th}"]
        if self.live_untouched:
            lines.append(UNTOUCHED)
        if self.detail:
            lines.append(f"(English: {self.detail})")
        return "\n".join(lines)


@dataclass(frozen=True)
class Outcome:
    action: str  # "published" | "unchanged" | "rolled-back"
    release: str
    previous: str | None = None
    removed: tuple[str, ...] = ()

    def message(self) -> str:
        if self.action == "unchanged":
            return f"ไม่มีอะไรเปลี่ยน เว็บไซต์ที่เผยแพร่อยู่ (รุ่น {self.release}) ตรงกับที่สร้างใหม่ จึงไม่เผยแพร่ซ้ำ " \
                   "(output equals the live release; nothing published)"
        verb = "เผยแพร่รุ่นใหม่" if self.action == "published" else "ย้อนกลับไปใช้รุ่น"
        text = f"{verb} {self.release} แล้ว (live: {self.release}; previous: {self.previous or '-'})"
        if self.removed:
            text += f"\nลบรุ่นเก่า: {', '.join(self.removed)}"
        return text


def release_name(manifest: Manifest, existing: list[str], now: dt.datetime | None = None) -> str:
    """Sortable by time, recognisable by content: ``20261207T071500Z-00-1a2b3c4d``; always sorts after every
    existing release (the counter separates publications within one second), so "previous" is well defined."""
    stamp = (now or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    latest = max(existing, default="")
    seq = 0
    while f"{stamp}-{seq:02d}" <= latest[:19]:
        if latest[:16] > stamp:  # the clock went back: continue after the latest release
            stamp = latest[:16]
        seq += 1
    return f"{stamp}-{seq:02d}-{manifest.digest()[:8]}"


def _releases(target: Target) -> list[str]:
    return [r for r in target.releases() if not r.startswith(".")]


def live_manifest(target: Target, live: str | None) -> Manifest | None:
    if live is None:
        return None
    raw = target.read_release_file(live, MANIFEST_NAME)
    try:
        return Manifest.from_json(raw) if raw else None
    except ValueError:
        return None


def publish(site: Path, target: Target, *, keep: int = DEFAULT_KEEP, force: bool = False,
            now: dt.datetime | None = None) -> Outcome:
    """Upload ``site`` as a new release and make it live, unless it equals the live release."""
    manifest = read_manifest(site)
    if manifest is None:
        raise PublishError(f"ไม่พบ {MANIFEST_NAME} ใน {site} ให้สร้างเว็บไซต์ก่อนด้วย python -m site_build build",
                           f"{site} has no {MANIFEST_NAME}: build the site first")
    if is_preview(site):
        raise PublishError(f"{site} เป็นฉบับตัวอย่าง (build --preview) ไม่ใช่สำหรับเผยแพร่ ให้สร้างใหม่ด้วย "
                           "python -m site_build build", f"{site} is a preview build; it is never published")
    try:
        live = target.live_release()
    except TargetError as exc:
        raise PublishError("อ่านรุ่นที่เผยแพร่อยู่ไม่ได้ ตรวจการเชื่อมต่อและสิทธิ์ของโฟลเดอร์ปลายทาง", str(exc)) from exc
    if not force and live is not None and manifest.same_site(live_manifest(target, live)):
        return Outcome("unchanged", live)
    incoming = ""
    try:
        name = release_name(manifest, _releases(target), now)
        incoming = INCOMING + name
        for stale in target.releases():
            if stale.startswith(INCOMING):
                target.remove(stale)
        target.upload(site, incoming, like=live)
    except TargetError as exc:
        _discard(target, incoming)
        raise PublishError("อัปโหลดไฟล์ไม่สำเร็จ (เช่น การเชื่อมต่อขาด พื้นที่ดิสก์เต็ม หรือไม่มีสิทธิ์เขียน)",
                           str(exc)) from exc
    _verify(target, incoming, manifest, site)
    try:
        target.rename(incoming, name)
        target.switch(name)
    except (TargetError, OSError) as exc:
        _discard(target, incoming)
        raise PublishError("สลับไปใช้รุ่นใหม่ไม่สำเร็จ", str(exc), live_untouched=_live_is(target, live)) from exc
    return Outcome("published", name, previous=live, removed=prune(target, keep=keep, live=name, previous=live))


def _live_is(target: Target, expected: str | None) -> bool:
    try:
        return target.live_release() == expected
    except TargetError:
        return False


def _discard(target: Target, incoming: str) -> None:
    if not incoming.startswith(INCOMING) or len(incoming) <= len(INCOMING):
        return  # only ever an upload folder
    with contextlib.suppress(TargetError):
        target.remove(incoming)


def _verify(target: Target, incoming: str, manifest: Manifest, site: Path) -> None:
    try:
        found = target.hashes(incoming)
    except TargetError as exc:
        _discard(target, incoming)
        raise PublishError("ตรวจสอบไฟล์ที่อัปโหลดไม่ได้", str(exc)) from exc
    expected_self = (site / MANIFEST_NAME).read_bytes()
    wrong = manifest.differences({k: v for k, v in found.items() if k != MANIFEST_NAME})
    if found.get(MANIFEST_NAME) != hashlib.sha256(expected_self).hexdigest():
        wrong.append(f"changed: {MANIFEST_NAME}")
    if wrong:
        _discard(target, incoming)
        shown = "; ".join(wrong[:10]) + (f"; … {len(wrong) - 10} more" if len(wrong) > 10 else "")
        raise PublishError(f"ไฟล์ที่อัปโหลดไม่ตรงกับรายการตรวจสอบ ({MANIFEST_NAME}) {len(wrong)} ไฟล์ "
                           "จึงไม่สลับไปใช้รุ่นนี้ ลองเผยแพร่ใหม่อีกครั้ง",
                           f"verification failed: {shown}")


def prune(target: Target, *, keep: int, live: str, previous: str | None) -> tuple[str, ...]:
    """Delete all but the newest ``keep`` releases, after the switch; never the live one."""
    keep = max(keep, 1)
    names = _releases(target)
    doomed = [r for r in names[:-keep] if r not in (live,)] if len(names) > keep else []
    for name in doomed:
        target.remove(name)
    return tuple(doomed)


def rollback(target: Target, *, to: str | None = None) -> Outcome:
    """Make the release before the live one (or ``to``) live again: one atomic switch."""
    try:
        live = target.live_release()
        names = _releases(target)
    except TargetError as exc:
        raise PublishError("อ่านรายการรุ่นบนปลายทางไม่ได้", str(exc)) from exc
    if to is not None:
        if to not in names:
            raise PublishError(f"ไม่พบรุ่น {to} รุ่นที่มีอยู่: {', '.join(names) or '-'}", f"no release {to}")
        choice = to
    else:
        older = [r for r in names if (live is None or r < live) and target.read_release_file(r, WITHDRAWN) is None]
        if not older:
            raise PublishError("ไม่มีรุ่นก่อนหน้าให้ย้อนกลับ", f"no release older than {live}")
        choice = older[-1]
    try:
        target.switch(choice)
    except (TargetError, OSError) as exc:
        raise PublishError("ย้อนกลับไม่สำเร็จ", str(exc), live_untouched=_live_is(target, live)) from exc
    if to is None and live is not None and live != choice:  # an undo: never roll back into it again
        with contextlib.suppress(TargetError, OSError):
            target.mark(live, WITHDRAWN)
    return Outcome("rolled-back", choice, previous=live)
