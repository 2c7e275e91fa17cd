"""The employee page's person box above PICK_MAX people (ui/paging.py): it lists the people
needing attention first (most urgent first) and says how many of how many; a search lists only
matches by name, team or ID; a whole ID typed opens that person; a link to someone not listed
opens them. On a generated company of 300 agents (tests/company.py); the expected people come
from the stored rows and the overview computed without the page."""

from __future__ import annotations

import duckdb
import pandas as pd
import pytest

from i18n import t
from reports.overview import overview
from store.access import LOCAL
from store.scope import scoped
from tests.company import build
from tests.views.conftest import make_app
from ui.paging import PICK_MAX

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

PAGE = "views/employee.py"
STORED = {}  # read before any page opens the file (DuckDB: one configuration per file)


@pytest.fixture(scope="module")
def company(tmp_path_factory):
    path = build(tmp_path_factory.mktemp("company") / "company.duckdb")
    con = duckdb.connect(str(path), read_only=True)
    STORED["roster"] = con.execute("SELECT employee_id, name, team FROM employees").df()
    ov = overview(scoped(con, LOCAL))  # as of the newest period: the page's first choice
    with_data = set(ov.comparison["employee_id"])
    STORED["with_data"] = with_data
    STORED["urgent"] = list(dict.fromkeys(ov.flags["employee_id"]))
    # The roster as the page reads it: stored order, people with data only.
    STORED["in_roster_order"] = [i for i in con.execute(
        "SELECT employee_id FROM employees ORDER BY employee_id").df()["employee_id"]
        if i in with_data]
    con.close()
    return path


def _ids(at) -> list[str]:
    return [o.rsplit(" · ", 1)[-1] for o in at.selectbox(key="emp_pick").options]


def _hits(text: str) -> set[str]:
    roster = STORED["roster"]
    text = text.lower()
    hit = pd.Series(False, index=roster.index)
    for column in ("employee_id", "name", "team"):
        hit |= roster[column].fillna("").str.lower().str.contains(text, regex=False)
    return set(roster.loc[hit, "employee_id"]) & STORED["with_data"]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_box_lists_the_most_urgent_first(monkeypatch, company, lang):
    at = make_app(monkeypatch, company, PAGE, lang=lang)
    urgent = STORED["urgent"]
    rest = [i for i in STORED["in_roster_order"] if i not in set(urgent)]
    assert len(STORED["with_data"]) > PICK_MAX  # else this company does not test the cut
    assert urgent  # and the order: somebody is flagged
    assert _ids(at) == [*urgent, *rest][:PICK_MAX]
    assert at.header[0].value.endswith(urgent[0])  # the most urgent is opened first
    said = t("big5k.emp_listed", lang=lang, shown=f"{PICK_MAX:,}",
             total=f"{len(STORED['with_data']):,}")
    assert said in [c.value for c in at.caption]


@pytest.mark.parametrize("text", ["团队03", "e01", "员工0150"])
def test_search_lists_matches_only(monkeypatch, company, text):
    at = make_app(monkeypatch, company, PAGE)
    shown = at.selectbox(key="emp_pick").value  # kept on top whatever the search
    at.text_input(key="emp_pick_find").input(text).run()
    hits = _hits(text)
    listed = set(_ids(at)) - {shown}
    assert listed <= hits
    assert len(listed) == min(PICK_MAX, len(hits - {shown}))
    assert at.selectbox(key="emp_pick").value == shown  # a search alone opens nobody


def _not_listed(at) -> str:
    return next(i for i in reversed(STORED["in_roster_order"]) if i not in _ids(at))


@pytest.mark.parametrize("typed", [str.upper, str.lower])
def test_whole_id_opens_that_person_then_the_box_still_picks(monkeypatch, company, typed):
    at = make_app(monkeypatch, company, PAGE)
    target = _not_listed(at)
    at.text_input(key="emp_pick_find").input(f" {typed(target)} ").run()
    assert not at.exception
    assert at.selectbox(key="emp_pick").value == target
    assert at.header[0].value.endswith(target)
    assert at.query_params["id"] == target  # the address names them
    other = next(i for i in _ids(at) if i != target)
    at.selectbox(key="emp_pick").select(other).run()  # the typed ID does not undo a pick
    assert at.header[0].value.endswith(other)


def test_link_to_someone_not_listed(monkeypatch, company):
    at = make_app(monkeypatch, company, PAGE)
    target = _not_listed(at)
    at = make_app(monkeypatch, company)
    at.query_params["id"] = target
    at.switch_page(PAGE).run()
    assert at.selectbox(key="emp_pick").value == target
    assert _ids(at)[0] == target
    assert at.header[0].value.endswith(target)
