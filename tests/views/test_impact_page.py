"""The HR impact page: empty, demo, one person; the figures match reports.impact (and the CLI)."""

import io
import json
import subprocess
import sys
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd
import pytest

import store
from analytics.compliance import MEASURES
from i18n import t
from reports.impact import exports, impact_report, summary
from store.users import add_user
from tests.views.conftest import ROOT, make_app
from tests.views.test_roles import USERS, signed_in_app
from ui.impact import FORMATS, TABLES, lazy

PAGE = "views/impact.py"


def test_empty_database_says_what_to_import(monkeypatch, empty_db):
    at = make_app(monkeypatch, empty_db, PAGE)
    assert at.title[0].value == t("impact.title")
    assert at.info[0].value == t("impact.empty")


def test_demo_page_shows_the_report_figures(monkeypatch, demo_copy):
    con = store.connect(demo_copy)
    expected = summary(impact_report(con))["correlation"]
    con.close()
    at = make_app(monkeypatch, demo_copy, PAGE)
    tiles = {m.label: m.value for m in at.metric}
    assert tiles[t("impact.pearson")] == f"{expected['pearson_r']:.2f}"
    assert tiles[t("impact.spearman")] == f"{expected['spearman_rho']:.2f}"
    assert tiles[t("impact.n")] == str(expected["n"])
    caption = " ".join(c.value for c in at.caption)
    assert f"{expected['ci_low']:.2f} to {expected['ci_high']:.2f} (n = {expected['n']})" in caption
    assert any(i.value == t("impact.cannot_prove") for i in at.info)
    assert len(at.get("plotly_chart")) == 3
    assert not at.exception


def test_changing_the_window_changes_the_numbers(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE)
    before = {m.label: m.value for m in at.metric}
    slider = at.select_slider(key="imp_period")
    start, end = slider.value
    slider.set_value((start + pd.Timedelta(days=84).to_pytimedelta(), end)).run()
    assert not at.exception
    after = {m.label: m.value for m in at.metric}
    assert after != before


def test_team_filter_warns_under_ten_people(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE)
    at.selectbox(key="imp_team").select("VIP组").run()
    assert not at.exception
    assert at.warning[0].value == t("impact.small_n", n=8)


@pytest.mark.parametrize("score", ["z", "attainment"])
def test_method_choices_run(monkeypatch, demo_copy, score):
    at = make_app(monkeypatch, demo_copy, PAGE)
    at.radio(key="imp_score").set_value(score).run()
    at.selectbox(key="imp_metric").select_index(1).run()
    assert not at.exception
    fig = json.loads(at.get("plotly_chart")[0].proto.spec)
    assert fig["layout"]["yaxis"]["title"]["text"] == t(f"impact.y_change_{score}")


def test_one_person_workspace(monkeypatch, one_person_db):
    at = make_app(monkeypatch, one_person_db, PAGE)
    assert not at.exception
    assert at.title[0].value == t("impact.title")


def test_chinese_page(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE, lang="zh")
    assert at.title[0].value == "辅导有效吗？"
    assert not at.exception


def test_page_figures_match_the_cli(monkeypatch, demo_copy):
    out = subprocess.run([sys.executable, str(ROOT / "cli.py"), "impact", "--db", str(demo_copy),
                          "--format", "json"], capture_output=True, text=True, cwd=ROOT,
                         timeout=120, check=True)
    cli = json.loads(out.stdout)
    at = make_app(monkeypatch, demo_copy, PAGE)
    tiles = {m.label: m.value for m in at.metric}
    c = cli["correlation"]
    assert tiles[t("impact.pearson")] == f"{c['pearson_r']:.2f}"
    assert tiles[t("impact.n")] == str(c["n"])
    assert tiles[t("impact.p")] == f"{c['p_value']:.3f}"
    for tile, measure in (("impact.coverage_all", "coverage"),
                          ("impact.coverage_core", "core_coverage")):
        rate = Decimal(str(cli["compliance"][measure]["rate"] * 100))
        assert tiles[t(tile)] == f"{rate.quantize(Decimal('0.1'), ROUND_HALF_UP)}%"
    e = cli["event_study"]
    text = " ".join(m.value for m in at.markdown)
    assert t("impact.event_change", change=f"{e['change']:.2f}", low=f"{e['change_low']:.2f}",
             high=f"{e['change_high']:.2f}", n=e["n_employees"], events=e["n_events"]) in text


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_tables_have_readable_headers_numbers_and_codes(monkeypatch, demo_copy, lang):
    at = make_app(monkeypatch, demo_copy, PAGE, lang=lang)
    order = ["correlations", "people", "event_study", "compliance"]  # as on the page
    tables = dict(zip(order, at.dataframe, strict=True))
    for name, frame in tables.items():
        spec, config = TABLES[name], json.loads(frame.proto.columns)
        assert frame.proto.placeholder == ""  # missing values show as blank cells
        for column, text_key, kind in spec:
            if column in frame.value.columns:
                assert config[column]["label"] == t(text_key, lang), (name, column)
                assert config[column]["label"] != column or column in ("GROW", "BEST")
                assert config[column]["type_config"].get("format") == (
                    {"date": "YYYY-MM-DD"} | FORMATS).get(kind), (name, column)
    corr = tables["correlations"].value
    assert corr.iloc[0][["group_by", "group"]].tolist() == [t("impact.everyone", lang)] * 2
    assert set(corr["group_by"]) == {t(k, lang) for k in (
        "impact.everyone", "impact.team", "impact.col.role", "impact.manager")}
    events = tables["event_study"].value
    assert list(events.columns[:2]) == ["by", "group"]
    assert {t("impact.col.formal", lang), t("impact.col.informal", lang)} <= set(events["group"])
    rates = tables["compliance"].value
    assert (rates["eligible"] > 0).all()
    assert set(rates["measure"]) <= {t(f"impact.m.{m}", lang) for m in MEASURES}
    everyone = rates[rates["manager_id"] == t("impact.all_managers", lang)]
    coverage = everyone.loc[everyone["measure"] == t("impact.m.coverage", lang), "rate"]
    # the 24 agents measured in the window; the 3 leads have no metrics
    assert coverage.round(1).tolist() == [100.0]
    people = tables["people"].value
    assert str(people["hire_date"].dtype).startswith("datetime64")
    assert people.loc[people["employee_id"] == "E008", "change"].isna().all()  # a blank cell


def test_downloads_keep_raw_names_and_are_formula_safe():
    frame = pd.DataFrame({"manager_id": ["all", "=cmd()"], "measure": ["coverage", "+1"],
                          "rate": [0.5, 1.0]})
    csv, xlsx = exports(frame)
    text = csv.decode("utf-8-sig").splitlines()
    assert text[0] == "manager_id,measure,rate"
    assert text[1] == "all,coverage,0.5"
    assert text[2] == "'=cmd(),'+1,1.0"
    assert xlsx.startswith(b"PK")


def test_downloads_are_built_only_when_clicked():
    frame = pd.DataFrame({"manager_id": ["all", "=cmd()"], "rate": [0.5, 1.0]})
    csv, xlsx = exports(frame)
    build_csv, build_xlsx = lazy(frame, "csv"), lazy(frame, "xlsx")
    assert callable(build_csv)  # st.download_button calls it on the click, not on every rerun
    assert build_csv() == csv
    pd.testing.assert_frame_equal(pd.read_excel(io.BytesIO(build_xlsx()), engine="openpyxl"),
                                  pd.read_excel(io.BytesIO(xlsx), engine="openpyxl"))


def test_cached_report_is_kept_apart_per_viewer(monkeypatch, tmp_path, demo_db):
    """HR first fills the cache; a leader of one team, same data and choices, still sees only
    that team (everyone with a manager is 27 people in the demo; M01's team is 8)."""
    db = tmp_path / "roles.duckdb"
    db.write_bytes(demo_db.read_bytes())
    con = store.connect(db)
    add_user(con, USERS["hr"][0], role="hr")
    add_user(con, "lead-m01@example.com", role="leadership", employee_id="M01")
    con.close()
    seen = {}
    for email in (USERS["hr"][0], "lead-m01@example.com", USERS["hr"][0]):
        at = signed_in_app(monkeypatch, db, email)
        at.switch_page(PAGE).run()
        assert not at.exception
        seen.setdefault(email, set()).add(len(at.dataframe[1].value))  # the people table
    assert seen == {USERS["hr"][0]: {27}, "lead-m01@example.com": {8}}
