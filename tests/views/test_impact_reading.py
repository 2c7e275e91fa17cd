"""The HR page reads top-down: a plain sentence with the figure that matters
and its honesty, then the chart, then the statistics; changed method settings are marked and
can be reset."""

import pytest

import store
from i18n import t
from reports.impact import impact_report
from reports.impact_lead import lead
from tests.views.conftest import make_app
from ui.text import md

PAGE = "views/impact.py"


def elements(node):
    """Every element of the page in the order it is shown."""
    for child in getattr(node, "children", {}).values():
        yield child
        yield from elements(child)


def position(at, match) -> int:
    return next(i for i, e in enumerate(elements(at.main)) if match(e))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sentence_then_chart_then_statistics(monkeypatch, demo_copy, lang):
    con = store.connect(demo_copy)
    sentence = lead(impact_report(con), "z", lang)
    con.close()
    at = make_app(monkeypatch, demo_copy, PAGE, lang=lang)
    said = position(at, lambda e: e.type == "markdown" and sentence in e.value)
    chart = position(at, lambda e: e.type == "plotly_chart")
    stats = position(at, lambda e: e.type == "metric" and e.label == t("impact.pearson", lang))
    assert said < chart < stats
    n = next(m.value for m in at.metric if m.label == t("impact.n", lang))
    assert f"n = {n}" in sentence  # the sentence rests on the page's n
    causation = "coaching caused it" if lang == "en" else "不能证明是辅导带来的"
    assert causation in sentence  # and what it cannot prove


def test_changed_method_settings_are_marked_and_reset(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE)
    assert not at.warning
    assert [e.label for e in at.expander] == [t("impact.method")]
    at.slider(key="imp_split").set_value(0.6).run()
    at.radio(key="imp_score").set_value("attainment").run()
    assert not at.exception
    label = at.expander[0].label
    assert label == f"{t('impact.method')} · {t('impact.method_changed', n=2)}"
    note = at.warning[0].value
    assert md(t("impact.method_diff", name=t("impact.split"), value="60%", default="50%")) in note
    assert t("impact.score_attainment") in note
    at.button(key="imp_reset").click().run()
    assert not at.exception
    assert at.slider(key="imp_split").value == 0.5
    assert at.radio(key="imp_score").value == "z"
    assert at.expander[0].label == t("impact.method")
    assert not at.warning
