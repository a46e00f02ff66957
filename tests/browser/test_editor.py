"""The browser editor end to end: Decap CMS at /admin/ in Chromium, ``decap-server`` (git mode) on a clone.

The session build's ``/admin/`` is served under the production per-path headers (the editor's relaxed policy
on ``/admin/`` only); its ``config.yml`` is generated for the local backend, as ``python -m site_build edit``
does. A staff member's path: new write-up, two photos (one a rotated phone JPEG with GPS), alt texts, one
publicity record, save → a ``cms/activities/...`` branch whose bundle passes ``check`` and builds into the
site as evidence; then an existing write-up is edited. Screenshots go to docs/images/editor/ for the guide.
"""

from __future__ import annotations

import functools
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler
from pathlib import Path
from typing import Any

import pytest
import yaml
from browser_support import DESKTOP, ROOT, Guard, open_context, serving

from site_build.editor.config import config_yaml
from site_build.editor.local import DecapServer, free_port, start_decap_server, stop
from site_build.editor.plans import editor_plans
from site_build.editor.settings import EditorSettings
from site_build.security_headers import headers_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SHOTS = ROOT / "docs" / "images" / "editor"
SLUG = "honesty-talk"
DAY = "2023-02-15"
FOLDER = f"content/activities/{DAY}-{SLUG}"
BRANCH = f"cms/activities/{DAY}-{SLUG}/index"  # Decap names it after the entry's path
EXISTING = "2023-06-10-volunteer-day"
CHANNEL_NAME = next(c.name for c in editor_plans(ROOT)[0].channels if c.id == "facebook-ethics")


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small git repository holding the project's working files (no history, no node_modules)."""
    repo = tmp_path_factory.mktemp("editor") / "repo"
    ignore = shutil.ignore_patterns("node_modules", ".git", "site", ".cache", "__pycache__", "*.egg-info", "bench",
                                    ".pytest_cache", ".ruff_cache", "tests", "docs")
    shutil.copytree(ROOT, repo, ignore=ignore)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.email", "editor-test@example.org")
    git(repo, "config", "user.name", "Editor Test")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "start")
    (repo / "node_modules").symlink_to(ROOT / "node_modules")  # the build's Pagefind and Decap bundle
    (repo / ".git" / "info" / "exclude").write_text("node_modules\n", encoding="utf-8")
    return repo


@pytest.fixture(scope="module")
def decap(clone: Path) -> Iterator[DecapServer]:
    server = start_decap_server(ROOT, clone, port=free_port(), quiet=True)
    try:
        yield server
    finally:
        stop(server)


@pytest.fixture(scope="module")
def admin_url(built_site: Path, clone: Path, decap: DecapServer) -> Iterator[str]:
    """The built site over HTTP with the per-path production headers; /admin/config.yml for the local backend."""
    config = config_yaml(editor_plans(clone), EditorSettings(branch="main", local_backend=decap.origin)).encode()

    class Handler(SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            for name, value in headers_for(self.path.split("?")[0], decap.origin).items():
                if name != "Strict-Transport-Security":
                    self.send_header(name, value)
            super().end_headers()

        def do_GET(self) -> None:
            if self.path.split("?")[0] == "/admin/config.yml":
                self.send_response(200)
                self.send_header("Content-Type", "text/yaml; charset=utf-8")
                self.send_header("Content-Length", str(len(config)))
                self.end_headers()
                self.wfile.write(config)
                return
            super().do_GET()

        def log_message(self, format: str, *args: Any) -> None:
            return None

    with serving(functools.partial(Handler, directory=str(built_site)), "admin-site") as url:
        yield url + "admin/"


@pytest.fixture
def guard() -> Guard:
    return Guard()


@pytest.fixture
def tab(browser: Any, guard: Guard) -> Iterator[Any]:
    context, page = open_context(browser, guard, DESKTOP)
    context.set_default_timeout(30_000)
    try:
        yield page
    finally:
        context.close()
    guard.check()


def phone_photo(path: Path) -> Path:
    """A rotated phone JPEG: EXIF orientation 6 and a GPS position, as a phone writes it."""
    sys.path.insert(0, str(ROOT))
    from tests.fixtures_photos import phone_exif, quadrants, stored_for

    buffer = io.BytesIO()
    stored_for(quadrants((320, 240)), 6).save(buffer, "JPEG", exif=phone_exif(6), quality=85)
    path.write_bytes(buffer.getvalue())
    return path


def plain_photo(path: Path) -> Path:
    from PIL import Image

    Image.new("RGB", (320, 240), (40, 120, 200)).save(path, "PNG")
    return path


def shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    for frame in page.frames:  # the preview pane is an iframe: wait for its Sarabun faces too
        frame.evaluate("document.fonts.ready.then(() => true)")
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def sign_in(page: Any, admin_url: str) -> None:
    page.goto(admin_url)
    page.get_by_role("button", name="เข้าสู่ระบบ").click()
    page.get_by_text("บันทึกกิจกรรมตามแผนบูรณาการ").wait_for()


def add_photo(page: Any, index: int, photo: Path, alt: str) -> None:
    page.get_by_role("button", name="เพิ่ม รูป").click()
    page.locator("button", has_text="เลือกรูปภาพ").last.click()
    page.locator("input[type=file]").last.set_input_files(str(photo))
    page.get_by_role("button", name="เลือกข้อมูลที่ถูกเลือก").click()
    page.locator("[id^='alt-field-']").nth(index).fill(alt)


def expand(page: Any, label: str) -> None:
    """Open a collapsed group of fields (an object widget) by its label."""
    header = page.locator("div[class*='ExpandButtonContainer']", has_text=label).first
    header.scroll_into_view_if_needed()
    header.locator("[data-testid=expand-button]").click()


def save_and_wait(page: Any) -> None:
    page.get_by_role("button", name="บันทึก").first.click()
    page.get_by_text("เนื้อหาถูกบันทึก").first.wait_for(timeout=60_000)
    # a new entry's form is mounted again at its own address once saved: wait for it to settle
    page.wait_for_function("location.hash.includes('/entries/')")
    page.get_by_role("button", name="สถานะ: ร่าง").wait_for()


def test_staff_create_a_write_up_with_photos_from_the_browser(tab: Any, guard: Guard, admin_url: str, clone: Path,
                                                              tmp_path: Path) -> None:
    page = tab
    sign_in(page, admin_url)
    shot(page, "01-collection")
    page.get_by_role("link", name="บันทึกกิจกรรม").last.click()
    page.locator("#title-field-1, [id^='title-field-']").first.fill("เสวนาความซื่อสัตย์ในการทำงาน")
    page.locator("[id^='slug-field-']").first.fill(SLUG)
    page.locator("[id^='date-field-']").first.fill(DAY)
    combo = page.locator("[id^='plan_items-field-']").first
    combo.fill("1.6.1")
    page.keyboard.press("Enter")
    page.locator("[id^='summary-field-']").first.fill("บุคลากรร่วมเสวนาเรื่องความซื่อสัตย์ในการทำงาน")
    add_photo(page, 0, phone_photo(tmp_path / "IMG_0001.jpg"), "วิทยากรบรรยายหน้าห้องประชุม")
    add_photo(page, 1, plain_photo(tmp_path / "board.png"), "ป้ายกิจกรรมเสวนาหน้าห้องประชุม")
    page.locator("[id^='participants-field-']").first.fill("42")
    expand(page, "การเผยแพร่ประชาสัมพันธ์")
    expand(page, CHANNEL_NAME)
    page.locator("[id^='url-field-']").first.fill("https://www.facebook.com/example/posts/1")
    body = page.locator("[contenteditable=true]").first
    body.click()
    page.keyboard.type("บุคลากรของสำนักร่วมเสวนาแลกเปลี่ยนประสบการณ์")
    page.locator("[id^='title-field-']").first.scroll_into_view_if_needed()
    shot(page, "02-form")
    # The Buddhist-Era mistake is explained in the form, before anything is saved:
    date = page.locator("[id^='date-field-']").first
    date.fill("2566-02-15")
    page.get_by_role("button", name="บันทึก").first.click()
    page.get_by_text("ปี 25xx คือ พ.ศ.: ลบ 543").first.wait_for()
    date.scroll_into_view_if_needed()
    shot(page, "03-date-check")
    page.wait_for_timeout(300)
    assert guard.errors == ["undefined"]  # Decap rejects the refused save's promise without a reason
    guard.errors.clear()
    date.fill(DAY)
    page.get_by_text("คุณไม่ได้ใส่ข้อมูล").first.wait_for(state="hidden", timeout=20_000)  # the toast goes
    save_and_wait(page)
    page.locator("[id^='title-field-']").first.scroll_into_view_if_needed()
    shot(page, "04-saved")
    page.get_by_role("button", name="สถานะ: ร่าง").click()
    page.get_by_role("menuitem", name="อยู่ระหว่างการตรวจสอบ").click()
    page.get_by_role("button", name="สถานะ: อยู่ระหว่างการตรวจสอบ").wait_for()

    assert BRANCH in git(clone, "branch", "--list", "cms/*")
    assert git(clone, "config", f"branch.{BRANCH}.description").strip() == "decap-cms/pending_review"
    assert "บันทึกกิจกรรมใหม่" in git(clone, "log", "-1", "--format=%s", BRANCH)  # the pull request's Thai title
    files = git(clone, "ls-tree", "-r", "--name-only", BRANCH, FOLDER + "/").split()
    assert sorted(Path(f).name for f in files) == ["board.png", "img_0001.jpg", "index.md"]  # Decap lower-cases names
    text = git(clone, "show", f"{BRANCH}:{FOLDER}/index.md")
    meta = yaml.safe_load(text.split("---")[1])
    assert meta["plan_items"] == ["1.6.1"] and meta["slug"] == SLUG and str(meta["date"]) == DAY
    assert [p["alt"] for p in meta["photos"]] == ["วิทยากรบรรยายหน้าห้องประชุม", "ป้ายกิจกรรมเสวนาหน้าห้องประชุม"]
    assert list(meta["publicity"]) and all(r for r in meta["publicity"].values())

    # The pull request merged (in a second clone: decap-server checks branches out in its own while it works):
    # check passes, the build lists the write-up and shows it as evidence of 1.6.1.
    merged = tmp_path / "merged"
    subprocess.run(["git", "clone", "-q", str(clone), str(merged)], check=True)
    git(merged, "merge", "-q", "--ff-only", f"origin/{BRANCH}")
    (merged / "node_modules").symlink_to(ROOT / "node_modules")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SITE_AS_OF": "2023-06-30"}
    check = subprocess.run([sys.executable, "-m", "site_build", "--root", str(merged), "check"], env=env,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr
    assert FOLDER not in check.stderr, check.stderr  # not even a warning about the new bundle
    site = tmp_path / "site"
    build = subprocess.run([sys.executable, "-m", "site_build", "--root", str(merged), "build", "--site-dir",
                            str(site)], env=env, capture_output=True, text=True, check=False)
    assert build.returncode == 0, build.stderr
    assert f"{DAY}-{SLUG}/" in (site / "activities" / "index.html").read_text(encoding="utf-8")
    project = (site / "plan" / "2566" / "project-1" / "index.html").read_text(encoding="utf-8")
    assert "เสวนาความซื่อสัตย์ในการทำงาน" in project


def test_staff_edit_an_existing_write_up(tab: Any, admin_url: str, clone: Path) -> None:
    page = tab
    sign_in(page, admin_url)
    page.get_by_text("กิจกรรมจิตอาสาเพื่อสังคม").first.click()
    summary = page.locator("[id^='summary-field-']").first
    summary.fill("สรุปที่แก้ไขจากตัวแก้ไขในเบราว์เซอร์")
    shot(page, "05-edit")
    save_and_wait(page)
    branch = f"cms/activities/{EXISTING}/index"
    assert branch in git(clone, "branch", "--list", "cms/*")
    text = git(clone, "show", f"{branch}:content/activities/{EXISTING}/index.md")
    meta = yaml.safe_load(text.split("---")[1])
    assert meta["summary"] == "สรุปที่แก้ไขจากตัวแก้ไขในเบราว์เซอร์"
    original = yaml.safe_load(git(clone, "show", f"main:content/activities/{EXISTING}/index.md").split("---")[1])
    assert {k: v for k, v in meta.items() if k != "summary"} == {k: v for k, v in original.items()
                                                                  if k != "summary"}
