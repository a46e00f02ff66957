"""The editor's form and the write-up schema agree: every accepted field is in the form, and what the form
accepts the schema (and the real loader) accepts too. Also the per-path headers and the /admin/ files."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from site_build.activities.items import PlanIndex
from site_build.activities.load import load_writeup
from site_build.activities.model import FrontMatter
from site_build.editor.config import (
    NOT_IN_FORM,
    config_yaml,
    date_pattern,
    editor_config,
    item_options,
    manual_channels,
    photo_pattern,
)
from site_build.editor.plans import editor_plans
from site_build.editor.settings import EditorSettings
from site_build.photos.settings import SUPPORTED_SUFFIXES
from site_build.security_headers import CONTENT_SECURITY_POLICY, headers_file, headers_for, path_headers
from tests.conftest import ROOT

PLANS = editor_plans(ROOT)
PLAN = PLANS[0]


def form(settings: EditorSettings | None = None) -> dict[str, Any]:
    return editor_config(PLANS, settings or EditorSettings())["collections"][0]


def fields_by_name() -> dict[str, dict[str, Any]]:
    return {f["name"]: f for f in form()["fields"]}


def accepts(field: dict[str, Any], value: str) -> bool:
    """What Decap does: a required field must not be empty; a pattern must match (JS and Python agree here)."""
    if value == "":
        return not field.get("required", True)
    pattern = field.get("pattern")
    return not pattern or re.search(pattern[0], value) is not None


def schema_props() -> dict[str, Any]:
    return FrontMatter.model_json_schema()["properties"]


def test_every_schema_field_is_in_the_form_and_nothing_else() -> None:
    fields = fields_by_name()
    in_form = set(fields) - {"body"}
    assert in_form | set(NOT_IN_FORM) == set(schema_props())
    assert not in_form & set(NOT_IN_FORM)
    photo = {f["name"] for f in fields["photos"]["fields"]}
    assert photo == set(FrontMatter.model_json_schema()["$defs"]["PhotoRef"]["properties"])
    record = set(FrontMatter.model_json_schema()["$defs"]["PublicityRecord"]["properties"])
    for channel in fields["publicity"]["fields"]:
        assert {f["name"] for f in channel["fields"]} == record


def test_schema_required_fields_are_required_in_the_form() -> None:
    schema = FrontMatter.model_json_schema()
    fields = fields_by_name()
    for name in schema["required"]:
        assert fields[name].get("required", True), name
    photo = {f["name"]: f for f in fields["photos"]["fields"]}
    for name in schema["$defs"]["PhotoRef"]["required"]:
        assert photo[name].get("required", True), name
    assert fields["plan_items"]["min"] >= 1 and fields["body"].get("required", True)


def test_choices_come_from_the_plans() -> None:
    fields = fields_by_name()
    options = fields["plan_items"]["options"]
    assert len(PLANS) >= 2  # the bundled site: FY 2566 archived, the FY 2567 draft current
    for plan in PLANS:
        labelled = [o["value"] for o in options if o["label"].startswith(f"พ.ศ. {plan.fiscal_year} · ")]
        assert set(labelled) == set(PlanIndex(plan).items)
    assert len(options) == sum(len(PlanIndex(plan).items) for plan in PLANS)
    channels = {c.id for plan in PLANS for c in plan.channels if not c.automatic}
    assert {c["name"] for c in fields["publicity"]["fields"]} == channels


def test_a_new_item_or_channel_in_the_plan_changes_the_form() -> None:
    data = PLAN.model_dump()
    data["channels"].append({"id": "new-channel", "name": "ช่องทางใหม่", "kind": "public", "platform": "other"})
    data["measures"][0]["projects"][0]["activities"].append({"id": "1.99", "title": "กิจกรรมใหม่"})
    changed = type(PLAN).model_validate(data)
    assert any(o["value"] == "1.99" for o in item_options([changed]))
    assert "new-channel" in [c.id for c in manual_channels([changed])]


def test_item_ids_repeat_across_years_with_the_year_in_the_label() -> None:
    older = PLAN.model_copy(update={"fiscal_year": PLAN.fiscal_year - 1})
    options = item_options([PLAN, older])
    same = [o for o in options if o["value"] == "1.6.1"]
    assert [o["label"][:9] for o in same] == [f"พ.ศ. {PLAN.fiscal_year}", f"พ.ศ. {PLAN.fiscal_year - 1}"]
    pattern = date_pattern([PLAN, older])
    first, last = PLAN.fiscal_year - 544 - 1, PLAN.fiscal_year - 543  # Gregorian years of the two FYs' ends
    assert re.match(pattern, f"{first}-10-01") and re.match(pattern, f"{last}-09-30")
    assert not re.match(pattern, f"{last}-10-01") and not re.match(pattern, f"{first}-09-30")


FIRST_FY, LAST_FY = min(p.fiscal_year for p in PLANS), max(p.fiscal_year for p in PLANS)


@pytest.mark.parametrize(("value", "ok"), [
    ("2023-03-20", True), (f"{FIRST_FY - 544}-10-01", True), (f"{LAST_FY - 543}-09-30", True),
    (f"{LAST_FY - 543}-10-01", False), (f"{FIRST_FY - 544}-09-30", False), ("2566-03-20", False),
    ("20-03-2023", False),
])
def test_date_rule_keeps_to_the_plan_year_and_refuses_buddhist_era(value: str, ok: bool) -> None:
    field = fields_by_name()["date"]
    assert accepts(field, value) is ok
    assert "543" in field["pattern"][1] and "พ.ศ." in field["hint"]


CANDIDATES = {
    "title": ["งานเสวนา", " ", "<b>x</b>", "a &amp; b", "ก" * 300, "ก" * 301, "x\ny"],
    "summary": ["สรุป", "  ", "<script>", "ก" * 300, "ก" * 301],
    "slug": ["moral-day", "Moral-Day", "a--b", "-a", "a1-b2", "ก", "a b"],
    "cover": ["IMG_1.JPG", "a/b.jpg", "x.tiff", "p.heic", "x.HeIc"],
}


@pytest.mark.parametrize("name", sorted(CANDIDATES))
def test_what_the_form_accepts_the_schema_accepts(name: str, tmp_path: Path) -> None:
    field = fields_by_name()[name]
    for value in CANDIDATES[name]:
        if accepts(field, value):
            assert _writeup_problems(tmp_path, {name: value}, name) == [], (name, value)


def test_photo_rule_is_the_pipelines_types() -> None:
    pattern = photo_pattern()
    for suffix in SUPPORTED_SUFFIXES:
        assert re.match(pattern, "IMG_0001" + suffix) and re.match(pattern, "IMG_0001" + suffix.upper())
    for bad in ("x.tif", "x.bmp", "x.dng", "x", "../x.jpg", "a/x.jpg"):
        assert not re.match(pattern, bad), bad
    photos = fields_by_name()["photos"]["fields"]
    assert photos[0]["media_library"]["config"]["max_file_size"] > 0 and "heic" in fields_by_name()["photos"]["hint"]


def test_publicity_rules_match_the_schema(tmp_path: Path) -> None:
    record = {f["name"]: f for f in fields_by_name()["publicity"]["fields"][0]["fields"]}
    assert not accepts(record["url"], "http://x.org") and not accepts(record["url"], "https://a b")
    assert accepts(record["url"], "https://www.facebook.com/x")
    channel = fields_by_name()["publicity"]["fields"][0]["name"]
    good = {"publicity": {channel: {"url": "https://www.facebook.com/x", "date": "2023-03-21"}}}
    assert _writeup_problems(tmp_path, good, "publicity") == []


def _writeup_problems(tmp_path: Path, override: dict[str, Any], tag: str) -> list[str]:
    """Write a bundle as the form saves it (YAML front matter, fields in form order) and load it for real."""
    meta: dict[str, Any] = {"title": "เสวนา", "slug": "talk", "date": "2023-03-20", "plan_items": ["1.6.1"],
                            "summary": "สรุปกิจกรรม", "photos": [{"file": "a.jpg", "alt": "ภาพ"}],
                            "participants": 3, "staff_percent": 12.5, "sample": False}
    meta.update(override)
    if "cover" in override:
        meta["photos"] = [{"file": override["cover"], "alt": "ภาพ"}]
    folder = tmp_path / f"{tag}-{abs(hash(str(override)))}" / f"2023-03-20-{meta['slug']}"
    folder.mkdir(parents=True)
    for photo in meta["photos"]:
        if "/" not in photo["file"]:
            (folder / photo["file"]).write_bytes(b"x")
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\nเรื่องราว\n"
    (folder / "index.md").write_text(text, encoding="utf-8")
    _, problems = load_writeup(folder, PlanIndex(PLAN), display_root=tmp_path)
    return [f"{p.code}: {p.message_en}" for p in problems if p.is_error]


def test_form_output_from_the_browser_test_loads_cleanly(tmp_path: Path) -> None:
    """A front matter exactly as Decap wrote it in the browser test (preSave dropped the empty values)."""
    folder = tmp_path / "2023-02-15-honesty-talk"
    folder.mkdir()
    (folder / "img_0001.jpg").write_bytes(b"x")
    (folder / "index.md").write_text(
        "---\ntitle: เสวนา\nslug: honesty-talk\ndate: 2023-02-15\nplan_items:\n  - 1.6.1\nsummary: สรุป\n"
        "photos:\n  - file: img_0001.jpg\n    alt: วิทยากร\nparticipants: 42\npublicity:\n  facebook-ethics:\n"
        "    url: https://www.facebook.com/example/posts/1\nsample: false\n---\nเรื่อง\n", encoding="utf-8")
    writeup, problems = load_writeup(folder, PlanIndex(PLAN), display_root=tmp_path)
    assert writeup is not None and [p for p in problems if p.is_error] == []
    assert writeup.meta.date == dt.date(2023, 2, 15)


def test_slug_must_match_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "2023-03-20-talk"
    folder.mkdir()
    (folder / "index.md").write_text("---\ntitle: เรื่อง\nslug: other\ndate: 2023-03-20\nplan_items: ['1.6.1']\n"
                                     "summary: สรุป\n---\nเนื้อหา\n", encoding="utf-8")
    _, problems = load_writeup(folder, PlanIndex(PLAN), display_root=tmp_path)
    assert [p.code for p in problems if p.is_error] == ["folder-slug"]


def test_config_shape_and_local_backend_only_when_asked() -> None:
    config = editor_config(PLANS, EditorSettings(repo="office/site", auth_url="https://auth.example.org"))
    assert config["locale"] == "th" and config["publish_mode"] == "editorial_workflow"
    assert config["backend"] == {**config["backend"], "name": "github", "repo": "office/site",
                                 "base_url": "https://auth.example.org"}
    assert "local_backend" not in config
    assert all(re.search("[ก-๙]", m) for k, m in config["backend"]["commit_messages"].items() if k != "openAuthoring")
    collection = config["collections"][0]
    assert (collection["folder"], collection["path"], collection["media_folder"]) == (
        "content/activities", "{{slug}}/index", "")
    assert collection["slug"] == "{{fields.date}}-{{fields.slug}}"
    local = editor_config(PLANS, EditorSettings(local_backend="http://127.0.0.1:8081"))
    assert local["local_backend"] == {"url": "http://127.0.0.1:8081/api/v1"}
    assert "do not edit" in config_yaml(PLANS, EditorSettings())


def test_settings_from_env_have_no_secrets_and_read_the_repo_url() -> None:
    s = EditorSettings.from_env({}, repo_url="https://github.com/office/learning-center.git")
    assert s.repo == "office/learning-center" and s.branch == "main" and s.local_backend is None
    s = EditorSettings.from_env({"EDITOR_REPO": "a/b", "EDITOR_AUTH_URL": "https://auth.x", "EDITOR_BRANCH": "dev"})
    assert (s.repo, s.auth_url, s.branch) == ("a/b", "https://auth.x", "dev")


def test_admin_relaxation_is_confined_to_admin() -> None:
    assert headers_for("/")["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert headers_for("/activities/")["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    admin = headers_for("/admin/config.yml")["Content-Security-Policy"]
    assert "'unsafe-eval'" in admin and "https://api.github.com" in admin and "127.0.0.1" not in admin
    assert "http://127.0.0.1:9" in headers_for("/admin/", "http://127.0.0.1:9")["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in admin and "object-src 'none'" in admin
    assert [prefix for prefix, _ in path_headers()] == ["/admin/", "/"]
    text = headers_file()
    assert text.index("/*") < text.index("/admin/*") and "! Content-Security-Policy" in text


def test_docs_show_the_admin_headers() -> None:
    from site_build.security_headers import admin_headers, apache_snippet, nginx_snippet

    doc = (ROOT / "docs" / "security-headers.md").read_text(encoding="utf-8")
    assert nginx_snippet(admin_headers()).strip() in doc
    assert apache_snippet(admin_headers()).strip() in doc


WIDGET_TYPES = {"string": "string", "text": "string", "markdown": "string", "image": "string", "datetime": "string",
                "boolean": "boolean", "list": "array", "object": "object"}


def _schema_type(prop: dict[str, Any]) -> set[str]:
    """The JSON types a property accepts (``anyOf`` with null for optional values)."""
    options = prop.get("anyOf", [prop])
    return {o.get("type", "object") for o in options if o.get("type") != "null"}


def test_widget_types_and_bounds_match_the_schema() -> None:
    props = schema_props()
    for name, field in fields_by_name().items():
        if name == "body":
            continue
        types = _schema_type(props[name])
        widget = field["widget"]
        if widget == "number":
            assert types == ({"integer"} if field["value_type"] == "int" else {"number"}), name
            bound = props[name].get("anyOf", [props[name]])[0]
            assert field["min"] >= bound.get("minimum", float("-inf")), name
            assert field.get("max", float("inf")) <= bound.get("maximum", float("inf")), name
        elif widget == "select":
            assert field["multiple"] and types == {"array"}, name
        else:
            assert WIDGET_TYPES[widget] in types, (name, widget, types)
