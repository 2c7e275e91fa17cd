"""Long tables and person boxes cut to a page (ui/paging.py): the follow-up page's due table
shows the first rows, says how many of how many, shows more on a click and finds by name or
ID; a person box of more than PICK_MAX people lists the matches of a search. On a generated
company of 300 agents (tests/company.py); the expected rows come from the stored rows."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from i18n import t
from reports import as_of as policy
from reports.followup import due_list
from store.access import LOCAL
from store.scope import scoped
from tests.company import build
from tests.views.conftest import make_app
from ui import paging
from ui.paging import PICK_MAX, ROWS, matching

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


STORED = {}  # read before any page opens the file (DuckDB: one configuration per file)


@pytest.fixture(scope="module")
def company(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("company") / "company.duckdb")
    con = duckdb.connect(str(path), read_only=True)
    STORED["roster"] = con.execute("SELECT employee_id, name FROM employees").df()
    # The whole due list at the data's last day (the page's first choice), without the page.
    mine = scoped(con, LOCAL)
    as_of = pd.Timestamp(policy.as_of_date(mine, policy.DATA))
    STORED["due"] = list(due_list(mine, as_of=as_of)["employee_id"])
    con.close()
    return path


def _due_table(at) -> pd.DataFrame:
    return next(d for d in at.dataframe if d.key == "fu_due_table").value


@pytest.mark.parametrize(("frame", "text", "expected"), [
    (pd.DataFrame({"name": ["Ann Lee", "Bo", None], "employee_id": ["E1", "E2", "E13"]}),
     "e1", ["E1", "E13"]),
    (pd.DataFrame({"name": ["Ann Lee", "Bo", "ann"], "employee_id": ["E1", "E2", "E3"]}),
     " ANN ", ["E1", "E3"]),
    (pd.DataFrame({"name": ["a(b", "x"], "employee_id": ["E1", "E2"]}), "(", ["E1"]),
    (pd.DataFrame({"name": ["Ann"], "employee_id": ["E1"]}), "", ["E1"]),
])
def test_matching_finds_name_or_id_in_any_case(frame, text, expected):
    assert list(matching(frame, text)["employee_id"]) == expected


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_due_table_first_rows_then_more(monkeypatch, company, lang):
    at = make_app(monkeypatch, company, "views/coaching_due.py", lang=lang)
    first = _due_table(at)
    everyone = STORED["due"]
    assert len(everyone) > ROWS  # else this company does not test the cut
    assert list(first["employee_id"]) == everyone[:ROWS]
    said = t("paging.shown", lang=lang, shown=f"{ROWS:,}", total=f"{len(everyone):,}")
    assert said in [c.value for c in at.caption]
    at.button(key="fu_due_more").click().run()
    assert list(_due_table(at)["employee_id"]) == everyone[:2 * ROWS]


@pytest.mark.parametrize("text", ["员工01", "e02"])
def test_due_table_search_by_name_or_id(monkeypatch, company, text):
    at = make_app(monkeypatch, company, "views/coaching_due.py")
    at.text_input(key="fu_due_search").input(text).run()
    found = _due_table(at)
    roster = STORED["roster"]
    hits = roster.loc[roster["name"].str.lower().str.contains(text.lower(), regex=False)
                      | roster["employee_id"].str.lower().str.contains(text.lower()),
                      "employee_id"]
    assert len(found) > 0
    assert set(found["employee_id"]) <= set(hits)


def test_no_match_is_said(monkeypatch, company):
    at = make_app(monkeypatch, company, "views/coaching_due.py")
    at.text_input(key="fu_due_search").input("nobody like this").run()
    assert not [d for d in at.dataframe if d.key == "fu_due_table"]
    assert any("nobody like this" in i.value for i in at.info)


@pytest.mark.parametrize(("text", "lang"), [("", "en"), ("员工02", "zh"), ("E01", "en")])
def test_log_person_box_lists_matches_only(monkeypatch, company, text, lang):
    at = make_app(monkeypatch, company, "views/coaching.py", lang=lang)
    if text:
        at.text_input(key="cl_employee_find").input(text).run()
    box = next(s for s in at.selectbox if s.key == "cl_employee")
    roster = STORED["roster"]
    assert len(roster) > PICK_MAX
    wanted = roster.loc[roster["name"].str.lower().str.contains(text.lower(), regex=False)
                        | roster["employee_id"].str.lower().str.contains(text.lower())]
    assert set(box.options) <= {box.format_func(i) for i in wanted["employee_id"]}
    assert len(box.options) == min(PICK_MAX, len(wanted))
    said = t("paging.listed", lang=lang, shown=f"{len(box.options):,}", total=f"{len(roster):,}")
    assert said in [c.value for c in at.caption]


def _people_table(at) -> pd.DataFrame:
    # A table without selection has no key in AppTest: the one with people and sessions.
    return next(d.value for d in at.dataframe
                if {"employee_id", "sessions"} <= set(d.value.columns))


def test_hr_people_table_cut_then_searched(monkeypatch, company):
    at = make_app(monkeypatch, company, "views/impact.py")
    first = _people_table(at)
    assert len(first) == ROWS
    said = [c.value for c in at.caption if c.value.startswith(f"Showing the first {ROWS} of ")]
    total = int(said[0].split(" of ")[1].split(" ")[0].replace(",", ""))
    assert total > ROWS
    at.text_input(key="imp_people_table_search").input("e01").run()
    found = _people_table(at)
    roster = STORED["roster"]
    hits = set(roster.loc[roster["employee_id"].str.lower().str.contains("e01")
                          | roster["name"].str.lower().str.contains("e01"), "employee_id"])
    assert 0 < len(found) <= ROWS
    assert set(found["employee_id"]) <= hits


LABELS = {"E001": "Ann Lee · Sales · E001", "e002": "BOB · Ops · e002", "E002": "Bo · Ops · E002",
          "x9": "Σοφία · Λ · x9", "E010": "Dee · Sales · E010"}


@pytest.mark.parametrize("typed", ["e00", "ann", "sales", "e002", "ops · e", "σοφ", "x9", "zzz"])
def test_a_search_matches_a_label_or_an_id_in_any_case(typed):
    """The lower-case texts kept per labels object find what lowering each label and id finds."""
    texts = paging._lowered(LABELS, "texts")
    assert [i for i in LABELS if typed in texts[i]] == [
        i for i in LABELS if typed in LABELS[i].lower() or typed in i.lower()]
    # A whole ID typed: the first id so written, as a scan of the labels finds it.
    assert paging._lowered(LABELS, "ids").get(typed) == next(
        (i for i in LABELS if i.lower() == typed), None)


def test_other_labels_are_lowered_anew():
    first = paging._lowered(LABELS, "texts")
    other = {**LABELS, "E011": "Eve · Ops · E011"}
    assert "E011" in paging._lowered(other, "texts")
    assert paging._lowered(LABELS, "texts") == first
