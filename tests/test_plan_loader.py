"""Each kind of plan.yml error is reported with its exact line and column, all in one run."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_build.errors import Problem, ProblemsFound
from site_build.plan.load import load_plan
from site_build.plan.score import score_summary
from site_build.status import Evidence, Status, StatusBook

FIXTURE = Path(__file__).parent / "fixtures" / "mini_plan.yml"
VALID = FIXTURE.read_text(encoding="utf-8")


def problems_for(tmp_path: Path, text: str | bytes) -> list[Problem]:
    path = tmp_path / "plan.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    with pytest.raises(ProblemsFound) as caught:
        load_plan(path, display_name="plan.yml")
    return caught.value.problems


def line_of(text: str, needle: str, nth: int = 1) -> int:
    start = -1
    for _ in range(nth):
        start = text.index(needle, start + 1)
    return text.count("\n", 0, start) + 1


def test_valid_fixture_loads() -> None:
    plan = load_plan(FIXTURE)
    assert [p.number for _, p in plan.projects()] == [1, 2]
    assert plan.measures[0].projects[0].activities[1].parts[0].id == "1.2.1"


def test_duplicate_key(tmp_path: Path) -> None:
    text = VALID.replace("title: แผนทดสอบ\n", "title: แผนทดสอบ\ntitle: ซ้ำ\n")
    [p] = problems_for(tmp_path, text)
    assert (p.code, p.line, p.column, p.path) == ("duplicate-key", 4, 1, "title")
    assert "ซ้ำ" in p.message_th


def test_unknown_key_suggests_nearest(tmp_path: Path) -> None:
    text = VALID.replace("            title: กิจกรรมแรก\n", "            title: กิจกรรมแรก\n            deadlnes: []\n")
    [p] = problems_for(tmp_path, text)
    assert p.code == "unknown-key"
    assert (p.line, p.column) == (line_of(text, "deadlnes"), 13)
    assert p.path == "measures[0].projects[0].activities[0].deadlnes"
    assert "'deadlines'" in p.fix_th


def test_duplicate_ids_and_dangling_references_all_in_one_run(tmp_path: Path) -> None:
    text = (VALID.replace('- id: "1.2"\n', '- id: "1.1"\n')
                 .replace("lead: [cb2]", "lead: [cb3]")
                 .replace("publicity: [website, strong-line]", "publicity: [website, facebook]"))
    found = {p.code: p for p in problems_for(tmp_path, text)}
    assert set(found) >= {"duplicate-id", "unknown-unit", "unknown-channel"}
    assert found["unknown-unit"].line == line_of(text, "lead: [cb3]")
    assert found["unknown-unit"].path == "measures[0].projects[0].activities[0].responsible.lead[0]"
    assert found["unknown-channel"].path.endswith("publicity[1]")
    assert found["duplicate-id"].line == line_of(text, 'id: "1.1"', 3)  # after the guideline and the first


def test_deadline_outside_fiscal_year(tmp_path: Path) -> None:
    text = VALID.replace("- date: 2023-06-20", "- date: 2023-10-01")
    [p] = problems_for(tmp_path, text)
    assert p.code == "date-outside-fy"
    line = line_of(text, "2023-10-01")
    assert (p.line, p.column) == (line, text.splitlines()[line - 1].index("2023-10-01") + 1)
    assert "2022-10-01" in p.fix_th and "2023-09-30" in p.fix_th


def test_buddhist_year_in_a_date_is_outside_the_fiscal_year(tmp_path: Path) -> None:
    text = VALID.replace("- date: 2023-03-20", "- date: 2566-03-20")
    [p] = problems_for(tmp_path, text)
    assert p.code == "date-outside-fy"


def test_wrong_type_and_missing_field(tmp_path: Path) -> None:
    text = VALID.replace("fiscal_year: 2566", "fiscal_year: สองห้าหกหก").replace("publicity_rule: เผยแพร่ทุกช่องทาง\n", "")
    found = {p.path: p for p in problems_for(tmp_path, text)}
    assert found["fiscal_year"].line == 2 and found["fiscal_year"].column == 14
    assert "publicity_rule" in found
    assert found["publicity_rule"].line == 1


@pytest.mark.parametrize(("old", "new", "code"), [
    ("automatic: true}", "automatic: yes}", "yaml11-bool"),
    ("label: ร้อยละ ๙๕", "label: 0812345678", "leading-zero"),
    ("- date: 2023-03-20", "- date: 2023-02-30", "bad-date"),
])
def test_values_yaml_would_silently_change(tmp_path: Path, old: str, new: str, code: str) -> None:
    text = VALID.replace(old, new)
    problems = problems_for(tmp_path, text)
    assert code in {p.code for p in problems}
    p = next(p for p in problems if p.code == code)
    assert p.line == line_of(text, new.split(": ")[-1].rstrip("}"))


@pytest.mark.parametrize(("old", "new", "needle"), [
    ("title: แผนทดสอบ", "title: &t แผนทดสอบ", "anchor"),
    ("title: แผนทดสอบ", "title: !!python/object:os.system แผนทดสอบ", "แท็ก"),
    ("  working_group: คณะทำงานทดสอบ", "\tworking_group: คณะทำงานทดสอบ", "แท็บ"),
])
def test_yaml_features_refused(tmp_path: Path, old: str, new: str, needle: str) -> None:
    [p] = problems_for(tmp_path, VALID.replace(old, new))
    assert needle in p.message_th or needle in p.message_en
    assert p.line == line_of(VALID, old.strip())


def test_not_utf8_names_first_bad_byte(tmp_path: Path) -> None:
    raw = VALID.replace("title: แผนทดสอบ", "title: TIS").encode("utf-8").replace(b"TIS", "ทดสอบ".encode("cp874"))
    [p] = problems_for(tmp_path, raw)
    assert p.code == "not-utf8"
    assert (p.line, p.column) == (3, 8)


def test_bom_and_crlf_just_work(tmp_path: Path) -> None:
    path = tmp_path / "plan.yml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.replace("\n", "\r\n").encode("utf-8"))
    assert load_plan(path).fiscal_year == 2566


def test_score_sum_against_declared() -> None:
    summary = score_summary(load_plan(FIXTURE))
    assert summary.plan_sum == 10
    assert summary.difference == 10 - 270
    assert summary.participation == 30


def test_status_from_evidence_and_as_of() -> None:
    import datetime as dt

    plan = load_plan(FIXTURE)
    project1 = plan.measures[0].projects[0]
    first, second = project1.activities
    evidence = [Evidence(dt.date(2023, 3, 1), "บันทึก", "activities/x/", item_ids=("1.1",))]
    book = StatusBook.build(plan, dt.date(2023, 6, 21), evidence)
    assert book.status(first) is Status.DONE
    assert book.status(second.parts[0]) is Status.OVERDUE  # 2023-06-20 passed
    assert book.status(project1) is Status.OVERDUE
    early = StatusBook.build(plan, dt.date(2023, 6, 20), evidence)
    assert early.status(second) is Status.DUE  # due on the day itself, not yet overdue
    parent = StatusBook.build(plan, dt.date(2023, 9, 1), [
        Evidence(dt.date(2023, 3, 1), "บันทึก", "activities/y/", item_ids=("1",))])
    assert parent.status(project1) is Status.DONE  # evidence for a project covers its parts


@pytest.mark.parametrize("libyaml", [True, False], ids=["libyaml", "pure-python"])
def test_both_yaml_backends_refuse_and_locate_the_same(monkeypatch: pytest.MonkeyPatch, libyaml: bool) -> None:
    import yaml

    from site_build.yamlsrc import YamlError, load_yaml

    if libyaml and not yaml.__with_libyaml__:
        pytest.skip("PyYAML was built without libyaml on this machine")
    monkeypatch.setattr(yaml, "__with_libyaml__", libyaml)
    for text, kind, where in [("a: 1\nb: &x 2\n", "anchor", (2, 4)), ("a: &x 1\nb: *x\n", "anchor", (1, 4)),
                              ("a: !!python/name:os.system x\n", "tag", (1, 4)), ("a: [1\nb: 2\n", "YAML", None)]:
        with pytest.raises(YamlError) as caught:
            load_yaml(text, "f.yml")
        [p] = caught.value.problems
        assert kind in p.message_en
        if where:
            assert (p.line, p.column) == where
    loaded = load_yaml("a: 'no'\nb: 0812\nc: |\n  x\n", "f.yml")
    assert loaded.data == {"a": "no", "b": "0812", "c": "x\n"}
    assert [p.code for p in loaded.problems] == ["leading-zero"]
