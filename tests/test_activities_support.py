"""Shared fixtures for the write-up tests: a tiny plan and bundles written into a temp folder.

Kept in a ``test_`` module so it is owned by the write-up tests; its own tests prove the tiny plan is
valid, so a failing write-up test never hides a broken fixture.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from PIL import Image

from site_build.context import BuildContext, Site
from site_build.plan.load import load_plan
from site_build.plan.model import Plan

PLAN_YAML = """\
schema_version: 1
fiscal_year: 2566
title: แผนทดสอบ
organization:
  bureau: {th: สำนักกรรมาธิการ ๒}
  secretariat: {th: สำนักงานเลขาธิการวุฒิสภา}
  director: {name: ผู้อำนวยการทดสอบ, position: ผู้อำนวยการ}
  working_group: คณะทำงานทดสอบ
start: 2022-10-01
end: 2023-09-30
milestones: []
units:
  - {id: cb2, name: สำนักกรรมาธิการ ๒}
channels:
  - {id: website, name: เว็บไซต์, kind: public, platform: website, automatic: true}
  - {id: facebook-ethics, name: เฟซบุ๊ก คุณธรรม, kind: public, platform: facebook}
  - {id: strong-line, name: ไลน์ชมรม STRONG, kind: public, platform: line}
  - {id: e-office, name: สารบรรณอิเล็กทรอนิกส์, kind: internal, platform: e-office}
measures:
  - number: 1
    title: มาตรการหนึ่ง
    guidelines: [{id: "1.1", title: แนวทาง}]
    projects:
      - number: 1
        title: โครงการหนึ่ง
        activities:
          - id: "1.1"
            title: ประกาศเจตนารมณ์
            deadlines: [{date: 2023-03-20}]
            publicity: [website, facebook-ethics, strong-line, e-office]
          - id: "1.6"
            title: ยกย่องเชิดชู
            publicity: [website, strong-line]
            parts:
              - id: "1.6.1"
                title: คัดเลือกข้าราชการดีเด่น
                deadlines: [{date: 2023-04-07}]
              - id: "1.6.2"
                title: คัดเลือกสำนักดีเด่น
                deadlines: [{date: 2023-07-30}]
  - number: 2
    title: มาตรการสอง
    guidelines: [{id: "2.1", title: แนวทาง}]
    projects:
      - number: 11
        title: โครงการสิบเอ็ด
        activities:
          - {id: "11.2", title: มิติทางศาสนา, deadlines: [{date: 2023-03-20}]}
  - number: 3
    title: มาตรการสาม
    guidelines: [{id: "3.1", title: แนวทาง}]
    projects:
      - number: 16
        title: ตระหนักรู้ภัยทุจริต
        deadlines: [{date: 2023-06-20}]
        score:
          - {id: book, label: องค์ความรู้, full: 20, full_when: หนังสือ, partial: 5, partial_when: รายงาน}
      - number: 18
        title: แผนบริหารความเสี่ยง
        deadlines: [{date: 2023-03-20}]
scoring: {total: 300, plan: 270, participation: []}
publicity_rule: เผยแพร่ทุกช่องทาง
"""


def make_project(tmp: Path) -> tuple[Path, Plan]:
    """A project folder with plan.yml and an empty content/activities/; returns (root, plan)."""
    (tmp / "content" / "activities").mkdir(parents=True, exist_ok=True)
    (tmp / "plan.yml").write_text(PLAN_YAML, encoding="utf-8")
    return tmp, load_plan(tmp / "plan.yml")


def jpeg(path: Path, size: tuple[int, int] = (64, 48), colour: tuple[int, int, int] = (200, 120, 40)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "JPEG", quality=80)
    return path


def write_bundle(root: Path, folder: str, front: str, body: str = "เรื่องราวของกิจกรรม\n",
                 photos: tuple[str, ...] = ()) -> Path:
    """``content/activities/<folder>/index.md`` with ``front`` (dedented YAML) and tiny JPEG photos."""
    bundle = root / "content" / "activities" / folder
    bundle.mkdir(parents=True, exist_ok=True)
    (bundle / "index.md").write_text("---\n" + textwrap.dedent(front).strip("\n") + "\n---\n" + body,
                                     encoding="utf-8")
    for name in photos:
        jpeg(bundle / name)
    return bundle / "index.md"


VALID_FRONT = """\
title: ประกาศเจตนารมณ์
date: 2023-03-15
plan_items:
  - "1.1"
summary: สรุปสั้น
photos:
  - file: a.jpg
    alt: ภาพบรรยากาศ
"""


def context(root: Path, plan: Plan, as_of: dt.date = dt.date(2023, 6, 30)) -> BuildContext:
    return BuildContext(site=Site(root=root, content_dir=root / "content", site_url="https://example.org/"),
                        plan=plan, as_of=as_of)


def test_tiny_plan_is_valid(tmp_path: Path) -> None:
    _, plan = make_project(tmp_path)
    assert [m.number for m in plan.measures] == [1, 2, 3]
    assert {c.id for c in plan.channels} >= {"website", "strong-line"}
