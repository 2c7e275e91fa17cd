"""The line under the person's name on the prep page names only what the roster holds."""

import re

import pandas as pd
import pytest

import store
from i18n import t
from i18n.dates import day
from tests.views.conftest import db_from_rows
from tests.views.test_employee_page import charts, open_prep


@pytest.fixture
def call_log(tmp_path):
    """Scores of two people with neither team, role nor hire date (a call log's agents)."""
    path = tmp_path / "calls.duckdb"
    weeks = pd.date_range("2021-01-04", periods=6, freq="W-MON")
    rows = pd.DataFrame([(a, w.strftime("%Y-%m-%d"), 80.0 + i + j) for i, a in enumerate(("Becky", "Dan"))
                         for j, w in enumerate(weeks)], columns=["Agent", "Date", "Answered %"])
    return db_from_rows(path, rows, "c.csv")


def _facts(at, as_of: str) -> str:
    return next(c.value for c in at.caption if c.value.endswith(as_of))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_person_without_role_or_hire_date_shows_no_dashes(monkeypatch, call_log, lang):
    at = open_prep(monkeypatch, call_log, lang=lang)
    as_of = t("emp.fact.as_of", lang, as_of=day(pd.Timestamp("2021-02-08")))
    assert _facts(at, as_of) == f"{t('people.no_team', lang)} · {as_of}"


def test_the_demo_person_shows_every_fact(monkeypatch, demo_copy):
    con = store.connect(demo_copy)
    team, role, hired = con.execute(
        "SELECT team, role, hire_date FROM employees WHERE employee_id = 'E017'").fetchone()
    con.close()
    at = open_prep(monkeypatch, demo_copy, "E017")
    as_of = t("emp.fact.as_of", "en", as_of=day(pd.Timestamp("2025-12-29")))
    assert _facts(at, as_of) == " · ".join(
        [team, role, t("emp.fact.hired", "en", hire=day(pd.Timestamp(hired))), as_of])


@pytest.fixture
def one_below(tmp_path):
    """Six people without a team; F is far below everyone on one metric for eight weeks."""
    path = tmp_path / "below.duckdb"
    weeks = pd.date_range("2021-01-04", periods=8, freq="W-MON")
    rows = pd.DataFrame([(a, w.strftime("%Y-%m-%d"), (50.0 if a == "F" else 80.0) + (i + j) % 3)
                         for i, a in enumerate("ABCDEF") for j, w in enumerate(weeks)],
                        columns=["Agent", "Date", "Answered %"])
    con = store.connect(path)
    assert store.import_bytes(con, rows.to_csv(index=False).encode(), "c.csv").status == "loaded"
    ids = dict(con.execute("SELECT name, employee_id FROM employees").fetchall())
    con.close()
    return path, ids["F"]


@pytest.mark.parametrize(("lang", "team_words", "everyone"), [
    ("en", ("vs team", "the team's"), "everyone's"), ("zh", ("，团队", "处于团队"), "全体")])
def test_the_headline_of_someone_without_a_team_says_everyone(monkeypatch, one_below, lang,
                                                                team_words, everyone):
    path, far_below = one_below
    at = open_prep(monkeypatch, path, far_below, lang)
    headline = at.info[0].value
    assert everyone in headline
    assert not any(w in headline for w in team_words), headline


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_header_and_the_evidence_name_no_team_alike(monkeypatch, one_below, lang):
    """The header said 未分组 where the evidence said 无团队: one term for one thing."""
    path, far_below = one_below
    at = open_prep(monkeypatch, path, far_below, lang)
    word = t("people.no_team", lang)
    facts = next(c.value for c in at.caption if c.value.startswith(word))
    evidence = " ".join(str(v) for f in at.dataframe for v in f.value.to_numpy().ravel())
    assert facts.split(" · ")[0] == word
    assert word in at.info[0].value
    assert word in evidence, evidence


TEAM_WORDS = {"en": r"(?i)\bthe team\b|\bteam's\b|\bteam (mean|best|typical|min|range)\b|\(team ",
              "zh": r"(?<!无)团队(?!：)"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_nothing_on_the_prep_of_someone_without_a_team_names_a_team(monkeypatch, one_below,
                                                                      lang):
    """The reason, strengths, problem and tracking tables, GROW and the charts' legends said
    "team" (明显低于团队, 低于团队, 团队平均) for someone compared with everyone."""
    path, far_below = one_below
    at = open_prep(monkeypatch, path, far_below, lang)
    reasons = {v for f in at.dataframe if "reason_text" in f.value for v in f.value["reason_text"]}
    assert reasons == {t("mgr.reason.below_team.everyone", lang)}
    shown = [str(v) for f in at.dataframe for v in f.value.to_numpy().ravel()]
    shown += [m.value for m in at.main.markdown] + [c.value for c in at.main.caption]
    shown += [trace.get("name", "") for spec in charts(at).values() for trace in spec["data"]]
    assert [s for s in shown if re.search(TEAM_WORDS[lang], s)] == []
