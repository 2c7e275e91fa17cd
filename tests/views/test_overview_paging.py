"""The overview's attention list is cut to the most urgent rows (the whole list at
5,000 people was 1.5 MB sent on every rerun), says how many of how many, shows more on a click,
and finds anyone by name or ID. On a generated company of 300 agents (tests/company.py)."""

from __future__ import annotations

import duckdb
import pytest

from i18n import t
from tests.company import build
from tests.views.conftest import make_app
from ui.overview_attention import FLAGS_SHOWN

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROSTER = {}  # the company's roster, read before any page opens the file


@pytest.fixture(scope="module")
def company(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("company") / "company.duckdb")
    con = duckdb.connect(str(path), read_only=True)
    ROSTER["frame"] = con.execute("SELECT employee_id, name FROM employees").df()
    con.close()
    return path

def flag_table(at):
    return next(d for d in at.dataframe if d.key == "ov_flags").value

def flagged_tile(at) -> int:
    return int(next(m for m in at.metric if m.label == t("team.flagged", lang=at.session_state[
        "lang"])).value)

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_most_urgent_first_then_more(monkeypatch, company, lang):
    at = make_app(monkeypatch, company, lang=lang)
    total = flagged_tile(at)
    assert total > 2 * FLAGS_SHOWN  # else this company does not test the cut
    first = flag_table(at)
    assert len(first) == FLAGS_SHOWN
    assert list(first["priority"]) == sorted(first["priority"], reverse=True)
    said = t("attention.shown", lang=lang, shown=f"{FLAGS_SHOWN:,}", total=f"{total:,}")
    assert said in [c.value for c in at.caption]

    at.button(key="ov_flags_more").click().run()
    more = flag_table(at)
    assert len(more) == 2 * FLAGS_SHOWN
    # The first rows stay; the new ones are no more urgent than the last of them.
    assert list(more["employee_id"][:FLAGS_SHOWN]) == list(first["employee_id"])
    assert more["priority"].iloc[FLAGS_SHOWN:].max() <= first["priority"].min()

@pytest.mark.parametrize(("text", "column"), [("员工0", "name"), ("e01", "employee_id")])
def test_search_by_name_or_id(monkeypatch, company, text, column):
    at = make_app(monkeypatch, company)
    everyone = flagged_tile(at)
    at.text_input(key="ov_search").input(text).run()
    found = flag_table(at)
    assert len(found) > 0
    assert found[column].str.lower().str.contains(text.lower()).all()
    # Everyone flagged whose name or id matches, counted a second way: the roster's matches
    # that the page flags (the tile counts them all), at most a page of them shown.
    roster = ROSTER["frame"]
    matching = set(roster.loc[roster[column].str.lower().str.contains(text.lower()),
                              "employee_id"])
    assert set(found["employee_id"]) <= matching
    assert len(found) <= min(FLAGS_SHOWN, everyone)

@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_match_says_so(monkeypatch, company, lang):
    at = make_app(monkeypatch, company, lang=lang)
    total = flagged_tile(at)
    at.text_input(key="ov_search").input("nobody like this").run()
    assert not [d for d in at.dataframe if d.key == "ov_flags"]
    assert at.info[0].value == t("attention.no_match", lang=lang, total=f"{total:,}",
                                 text="nobody like this")
