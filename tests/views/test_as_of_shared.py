"""One as-of choice across pages: a period picked on the overview is the follow-up page's date,
and today picked on the follow-up page stays picked after a visit to the overview."""

import pandas as pd
import pytest

import store
from i18n import t
from i18n.dates import day
from reports.as_of import today
from tests.views.conftest import make_app

OVERVIEW, DUE = "views/overview.py", "views/coaching_due.py"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_period_chosen_on_the_overview_is_the_follow_up_date(monkeypatch, demo_copy, lang):
    con = store.connect(demo_copy)
    weeks = sorted(pd.to_datetime([r[0] for r in con.execute(
        "SELECT DISTINCT period FROM metric_values").fetchall()]), reverse=True)
    con.close()
    older = f"{weeks[3]:%Y-%m-%d}"
    at = make_app(monkeypatch, demo_copy, OVERVIEW, lang)
    at.selectbox(key="ov_as_of").set_value(older).run()
    at.switch_page(DUE).run()
    radio = at.radio(key="fu_as_of")
    assert radio.value == "data"
    assert t("cl.as_of_period", lang, date=day(weeks[3])) in radio.options
    assert f"{older}" in " ".join(m.value for m in at.markdown)  # the due list's own date
    # and back on the overview the same period is shown
    at.switch_page(OVERVIEW).run()
    assert at.selectbox(key="ov_as_of").value == older
    assert not at.exception


def test_today_chosen_on_the_follow_up_page_is_kept_across_pages(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, DUE)
    assert at.radio(key="fu_as_of").value == "data"
    at.radio(key="fu_as_of").set_value("today").run()
    at.switch_page(OVERVIEW).run()
    newest = at.selectbox(key="ov_as_of").options[0]
    assert at.selectbox(key="ov_as_of").value == newest  # today is no period: the newest shown
    at.switch_page(DUE).run()
    assert at.radio(key="fu_as_of").value == "today"
    assert f"{today():%Y-%m-%d}" in " ".join(m.value for m in at.markdown)
    assert not at.exception
