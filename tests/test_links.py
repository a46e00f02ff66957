"""Broken links are reported with file and line; code, anchors and external links are left alone."""

from __future__ import annotations

from site_build.links import broken_links, link_targets, resolve

KNOWN = {"index.md", "policies/no-gift/2566/index.md", "policies/no-gift/2566/no-gift-2566.pdf",
         "plan/2566/project-1.md", "activities/2023-04-05-x/index.md", "activities/2023-04-05-x/photo.jpg"}

PAGE = """---
title: ทดสอบ
---
# หัวข้อ

ดู [นโยบาย](../../policies/no-gift/2566/index.md) และ [ต้นฉบับ](/policies/no-gift/2566/no-gift-2566.pdf)
ลิงก์เสีย [โครงการ](../../plan/2566/project-99.md) และ [ภายนอก](https://example.org/x.md)
![รูป](photo.jpg) ![รูปหาย](missing.jpg "ชื่อ")

```markdown
[ในโค้ด](nowhere.md)
```

`[inline](nowhere.md)` [ส่วนหัว](#หัวข้อ) [โฟลเดอร์](../../plan/2566/project-1)
[ref]: ../nowhere/ref.md
"""


def test_targets_skip_code_external_and_anchors() -> None:
    targets = [t for _, t in link_targets(PAGE)]
    assert "nowhere.md" not in targets
    assert "https://example.org/x.md" not in targets
    assert "#หัวข้อ" not in targets
    assert "../nowhere/ref.md" in targets


def test_broken_links_name_their_lines() -> None:
    problems = broken_links("activities/2023-04-05-x/index.md", "content/activities/2023-04-05-x/index.md",
                            PAGE, KNOWN)
    found = {(p.line, p.message_en.split("'")[1]) for p in problems}
    assert found == {(7, "../../plan/2566/project-99.md"), (8, "missing.jpg"), (15, "../nowhere/ref.md")}
    assert all(p.file == "content/activities/2023-04-05-x/index.md" and p.code == "broken-link" for p in problems)


def test_resolution_rules() -> None:
    assert resolve("a/b/index.md", "../c.md#x") == "a/c.md"
    assert resolve("a/b/index.md", "/plan/2566/index.md") == "plan/2566/index.md"
    assert resolve("a/index.md", "%E0%B8%81.md") == "a/ก.md"


def test_link_outside_the_site_is_broken() -> None:
    [p] = broken_links("index.md", "content/index.md", "[x](../../etc/passwd)", KNOWN | {"../../etc/passwd"})
    assert p.line == 1
