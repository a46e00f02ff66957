"""What an auditor reads in the real build: no in-force claim without dates, evidence dates that say which date
they are (never a commit date passed off as one), and source paths that exist or say they are generated."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from pathlib import Path

from site_build.documents.evidence_index import (
    GENERATED,
    EvidenceItem,
    ResolvedItem,
    ResolvedTarget,
    Scheme,
)
from tests.conftest import ROOT, read_page

UNKNOWN = "ยังไม่ระบุวันที่ลงนาม/วันที่มีผลใช้บังคับ"
UNDATED = ["policies/no-gift/2566/", "policies/anti-bribery/2566/", "declarations/integrity/2566/"]


def text_of(html: str) -> str:
    html = re.sub(r"<script.*?</script>", "", html, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def csv_rows(site: Path, uri: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / uri).read_bytes().decode("utf-8-sig"))))


# -- point 14: a document whose dates are unknown does not claim to be in force ------------------------------

def test_undated_document_pages_show_what_is_known(built_site: Path) -> None:
    for url in UNDATED:
        html = read_page(built_site, url)
        assert "lc-doc-status--in_force" not in html, url
        assert f'lc-doc-status--dates_unknown">{UNKNOWN}' in html, url
        assert "หน้านี้จึงไม่แสดงว่าใช้บังคับแล้ว" in text_of(html)
    dated = read_page(built_site, "orders/strong-working-group/2566/")
    assert 'lc-doc-status--in_force">ใช้บังคับ' in dated and UNKNOWN not in dated


def test_register_html_csv_json_do_not_claim_in_force_without_dates(built_site: Path) -> None:
    register = read_page(built_site, "register/")
    assert register.count("lc-doc-status--dates_unknown") == 7 and register.count("lc-doc-status--in_force") == 1
    rows = csv_rows(built_site, "register/documents.csv")
    for row in rows:
        if not row["effective_on"]:
            assert row["status"] == "dates_unknown" and row["status_th"] == UNKNOWN, row["id"]
            assert row["declared_status"] == "in_force"
        else:
            assert row["status"] == "in_force" and row["status_th"] == "ใช้บังคับ"
    data = json.loads((built_site / "register/documents.json").read_text("utf-8"))
    statuses = {d["id"]: d["status"] for d in data["documents"]}
    assert statuses["policy/no-gift/2566"] == "dates_unknown"
    assert statuses["order/strong-working-group/2566"] == "in_force"
    kinds = read_page(built_site, "policies/")
    assert "ฉบับปัจจุบัน" in kinds and f"({UNKNOWN})" in text_of(kinds)
    series = text_of(read_page(built_site, "policies/no-gift/"))
    assert "ฉบับล่าสุด:" in series and "ฉบับที่ใช้บังคับ:" not in series


def test_evidence_index_says_the_document_dates_are_unknown(built_site: Path) -> None:
    page = text_of(read_page(built_site, "evidence/2566/"))
    o31 = page[page.index("O31 "):page.index("O32 ")]
    assert UNKNOWN in o31 and "ใช้บังคับ " not in o31.replace("มีผลใช้บังคับ", "")
    target = next(t for s in json.loads((built_site / "evidence/2566/evidence.json").read_text("utf-8"))["schemes"]
                  for i in s["items"] if i["code"] == "O31" for t in i["targets"])
    assert target["status_note"] == UNKNOWN and target["date"] is None


# -- point 15: the evidence date is when the evidence happened, and says which date it is ---------------------

def test_evidence_dates_are_event_or_signing_dates_never_commit_dates(built_site: Path) -> None:
    rows = {r["code"]: r for r in csv_rows(built_site, "evidence/2566/evidence.csv")}
    assert (rows["O7"]["date"], rows["O7"]["date_kind"]) == ("2023-03-15", "event")  # the write-up's day
    assert rows["O7"]["date_kind_th"] == "วันที่จัดกิจกรรม"
    assert (rows["O32"]["date"], rows["O32"]["date_kind"]) == ("2023-03-14", "event")
    assert (rows["O40"]["date"], rows["O40"]["date_kind"]) == ("2022-10-20", "signed")  # the order's signing
    assert rows["O31"]["date"] == "" and rows["W1"]["date"] == ""  # unknown stays unknown
    fy_2566 = (dt.date(2022, 10, 1), dt.date(2023, 9, 30))
    for row in rows.values():
        if row["date"]:
            assert row["date_kind"] in {"event", "signed", "effective", "given"}, row["code"]
            day = dt.date.fromisoformat(row["date"])
            assert fy_2566[0] - dt.timedelta(days=366) <= day <= fy_2566[1], row  # no commit date of 2569
    # the git date is there too, in its own, labelled column
    assert rows["W1"]["last_changed"] and "last_changed" in csv_rows(built_site, "evidence/2566/evidence.csv")[0]


def test_evidence_page_labels_each_date(built_site: Path) -> None:
    page = text_of(read_page(built_site, "evidence/2566/"))
    assert "วันที่ของหลักฐาน" in page and "หน้าเว็บปรับปรุงล่าสุด" in page
    assert "วันที่ของหลักฐาน คือวันที่หลักฐานเกิดขึ้น" in page
    assert "generated = หน้าที่ระบบสร้างอัตโนมัติ" in page
    o7 = page[page.index("O7 "):page.index("O8 ")]
    assert "๑๕ มีนาคม ๒๕๖๖ วันที่จัดกิจกรรม" in o7
    w1 = page[page.index("W1 "):page.index("W2 ")]
    # a page without an evidence date shows its last change only under that label, and "–" as evidence date
    assert re.search(r"หน้าเว็บปรับปรุงล่าสุด \S+ \S+ \S+ – ", w1), w1


def test_resolved_item_date_says_which_date() -> None:
    scheme = Scheme(id="s", title="t", items=[EvidenceItem(code="A1", title="x")])
    target = ResolvedTarget(path="a.md", label="a", url="a/", sample=False, date=dt.date(2023, 3, 1),
                            date_kind="signed", last_changed=dt.date(2026, 11, 26), sources=("content/a.md",))
    item = ResolvedItem(scheme, scheme.items[0], [target])
    assert item.dated == (dt.date(2023, 3, 1), "signed") and item.last_changed == dt.date(2026, 11, 26)
    given = ResolvedItem(scheme, EvidenceItem(code="A2", title="y", date=dt.date(2023, 1, 2)), [target])
    assert given.dated == (dt.date(2023, 1, 2), "given")
    undated = ResolvedTarget(path="b.md", label="b", url="b/", sample=False, date=None,
                             last_changed=dt.date(2026, 11, 26))
    assert ResolvedItem(scheme, scheme.items[0], [undated]).dated == (None, None)


# -- point 16: every path exists in the repository, or says the page is generated ----------------------------

def test_every_evidence_path_exists_or_is_marked_generated(built_site: Path) -> None:
    rows = csv_rows(built_site, "evidence/2566/evidence.csv")
    data = json.loads((built_site / "evidence/2566/evidence.json").read_text("utf-8"))
    csv_paths = [p for r in rows for p in r["paths"].split(" ; ") if p]
    json_paths = [p for s in data["schemes"] for i in s["items"] for p in i["paths"]]
    target_paths = [(p, t["generated"]) for s in data["schemes"] for i in s["items"] for t in i["targets"]
                    for p in t["paths"]]
    assert csv_paths and json_paths and target_paths
    for path in [*csv_paths, *json_paths]:
        assert path == GENERATED or (ROOT / path).is_file(), path
    for path, generated in target_paths:
        assert (path == GENERATED) == generated and (generated or (ROOT / path).is_file()), path
    assert "plans/2566.yml" in csv_paths  # FY 2566's plan pages are made from its (archived) plan file: name it
    assert GENERATED in csv_paths  # e.g. the register and the activity listing
    assert not any(p.startswith(("plan/", "register/", "activities/index.md")) for p in csv_paths)
    assert data["labels_th"][GENERATED] == "สร้างอัตโนมัติ"
