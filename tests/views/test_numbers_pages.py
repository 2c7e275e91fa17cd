"""What the numbers mean, on the prep page and the HR page.

Every expected figure is recomputed from the database with SQL, not read back from the
analytics that produced the page.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal

import pytest

import store
from i18n import t
from tests.views.conftest import make_app
from tests.views.test_employee_page import numbers

PREP, HR = "views/employee.py", "views/impact.py"
LAST, FIRST4 = "2025-12-29", "2025-12-08"  # the demo's last week and the first of its last 4


def half_up(value: float, places: str = "0.1") -> str:
    return str(Decimal(str(value)).quantize(Decimal(places), rounding=ROUND_HALF_UP))


def sql(db, query: str, *params):
    con = store.connect(db)
    try:
        return con.execute(query, list(params)).fetchall()
    finally:
        con.close()


def prep_page(monkeypatch, db, employee_id: str, lang: str = "en"):
    at = make_app(monkeypatch, db, lang=lang)
    at.query_params["id"] = employee_id
    at.switch_page(PREP).run()
    assert not at.exception, at.exception
    return at


def strength_bars(at) -> dict:
    bar = next(json.loads(c.proto.spec) for c in at.get("plotly_chart")
               if c.key == "emp_strengths")["data"][0]
    return {"x": numbers(bar["x"]), "y": list(bar["y"])}


def tables(at) -> dict[str, tuple]:
    """Comparison tables by a column they alone have: (frame, {column: header})."""
    out = {}
    for frame in at.dataframe:
        labels = {c: v.get("label") for c, v in json.loads(frame.proto.columns).items()}
        for key in ("team_best", "gap_text"):
            if key in frame.value.columns:
                out[key] = (frame.value.set_index("metric"), labels)
    return out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_comparison_uses_one_window_and_says_which(monkeypatch, demo_copy, lang):
    at = prep_page(monkeypatch, demo_copy, "E010", lang)
    (team, team_head), (target, target_head) = tables(at)["team_best"], tables(at)["gap_text"]
    rows = sql(demo_copy, "SELECT metric, avg(value) FILTER (WHERE period >= ?), "
               "max(value) FILTER (WHERE period = ?), max(target) FILTER (WHERE period = ?) "
               "FROM metric_values WHERE employee_id = 'E010' GROUP BY metric",
               FIRST4, LAST, LAST)
    recent, week = (("last 4 weeks", "week of 29 Dec 2025") if lang == "en"
                    else ("近 4 周", "2025年12月29日当周"))
    headings = " ".join(m.value for m in at.markdown)
    # The team table's title names its window once (its mean columns no longer repeat it: the
    # table scrolled sideways at 1440 px) nor name a second one; the target table's column
    # names its week.
    assert recent in headings
    assert not any(ch.isdigit() for ch in team_head["value"] + team_head["team_mean"])
    assert week in target_head["latest"]
    assert ("8 Dec 2025 to 29 Dec 2025" if lang == "en" else "2025年12月8日 至 2025年12月29日") \
        in headings
    for metric, mean, latest, goal in rows:
        assert team.loc[metric, "value"] == pytest.approx(mean)
        assert target.loc[metric, "latest"] == pytest.approx(latest)
        lower = metric == "平均处理时长"
        share = goal / latest if lower else latest / goal
        # attainment of the same week as the value, rounded (not cut) to 0.1%
        assert target.loc[metric, "attainment"] == f"{half_up(share * 100)}%"


def test_gaps_read_in_words_by_direction(monkeypatch, demo_copy):
    at = prep_page(monkeypatch, demo_copy, "E010")
    target = tables(at)["gap_text"][0]
    latest = dict(sql(demo_copy, "SELECT metric, value - target FROM metric_values "
                      "WHERE employee_id = 'E010' AND period = ?", LAST))
    for metric, diff in latest.items():
        text = target.loc[metric, "gap_text"]
        amount = half_up(abs(diff))
        if metric == "平均处理时长":  # lower is better: over the target is the bad side
            assert text == f"{amount} 分钟 over the target" if diff > 0 else "under" in text
        else:
            assert text.startswith(f"short by {amount} (") if diff < 0 else "above" in text
        assert not text.startswith("-")


def test_no_strength_is_called_a_strength(monkeypatch, demo_copy):
    at = prep_page(monkeypatch, demo_copy, "E010")  # under the team on every metric
    bar = strength_bars(at)
    assert not any(t("mchart.strength") in label for label in bar["y"])
    best = max(zip(bar["x"], bar["y"], strict=True))  # the bar nearest to the team: "closest"
    assert best[0] < 0
    text = " ".join(m.value for m in at.markdown).replace("\\", "")  # Markdown escapes
    assert f"No metric above the team or at target yet; closest: {best[1]}, z {best[0]:+.1f}" \
        in text


def test_a_real_strength_is_still_named(monkeypatch, demo_copy):
    at = prep_page(monkeypatch, demo_copy, "E012", lang="zh")  # the fast, unsatisfying agent
    bar = strength_bars(at)
    strong = [x for x, y in zip(bar["x"], bar["y"], strict=True) if t("mchart.strength", "zh") in y]
    assert len(strong) == 1
    assert strong[0] > 0
    assert "高于团队" in " ".join(m.value for m in at.markdown)


def test_hr_page_says_why_n_is_smaller_than_the_people(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, HR)
    assert not at.exception
    measured = sql(demo_copy, "SELECT count(DISTINCT employee_id) FROM metric_values")[0][0]
    # the one not counted: values in only one half of the window (the split of the 26 weeks)
    halves = sql(demo_copy, "WITH w AS (SELECT DISTINCT period FROM metric_values), "
                 "cut AS (SELECT period FROM w ORDER BY period LIMIT 1 OFFSET 13) "
                 "SELECT employee_id FROM metric_values GROUP BY employee_id HAVING "
                 "min(period) >= (SELECT period FROM cut) OR "
                 "max(period) < (SELECT period FROM cut)")
    n = int({m.label: m.value for m in at.metric}[t("impact.n")])
    caption = " ".join(c.value for c in at.caption)
    assert f"n = {n} of the {measured} people with metric values in this selection" in caption
    assert t("impact.why.one_part", k=len(halves)) in caption
    assert n == measured - len(halves)


def test_hr_page_without_sessions_has_nothing_to_measure(monkeypatch, demo_copy):
    con = store.connect(demo_copy)
    [(coaching,)] = con.execute("SELECT import_id FROM imports WHERE kind = 'coaching'").fetchall()
    store.undo_import(con, coaching)  # as `cli.py undo` does: the log is gone
    assert con.execute("SELECT count(*) FROM coaching_sessions").fetchone() == (0,)
    con.close()
    at = make_app(monkeypatch, demo_copy, HR, lang="zh")
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert t("impact.reading_no_sessions", "zh") in text
    assert t("impact.reading_none", "zh") not in text
