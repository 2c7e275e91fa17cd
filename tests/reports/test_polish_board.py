"""What the board shows where it has no number: key results' red periods, people without a team."""

import pandas as pd
import pytest

import store
from i18n import t
from reports.board import board_rows, board_view
from reports.board_cells import streak_text
from reports.board_export import tables


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_key_result_alert_says_its_history_is_not_kept(module_demo_con, lang):
    view = board_view(module_demo_con, with_flags=False)
    shown = tables(view, lang)["alerts"]
    streak = shown[t("board.col.streak", lang)]
    krs = view.alerts["level"].eq("key_result").to_numpy()
    assert krs.any()
    assert (~krs).any()
    assert set(streak[krs]) == {t("board.alerts.no_history", lang)}
    # the dated alerts count their periods, from the alerts' own streaks
    wanted = [t("board.alerts.streak", lang, n=int(n)) for n in view.alerts["red_streak"][~krs]]
    assert list(streak[~krs]) == wanted
    assert not set(streak) & {"now", "当前"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_person_on_the_okr_tables_reads_name_and_id(module_demo_con, lang):
    view = board_view(module_demo_con, with_flags=False)
    shown = tables(view, lang)
    who = t("board.col.employee", lang)
    people = (view.alerts.loc[view.alerts["level"].isin(["employee", "key_result"])])
    assert list(shown["alerts"].loc[people.index, who]) == [
        f"{n} ({e})" for n, e in zip(people["label"].str.replace(r" \(E\d+\)$", "", regex=True),
                                      people["group"], strict=True)]
    assert list(shown["objectives"][who]) == [
        f"{n} ({e})" for n, e in zip(view.objectives["name"], view.objectives["employee_id"],
                                      strict=True)]


def test_the_board_rows_give_nobodys_group_no_id(tmp_path):
    con = store.connect(tmp_path / "t.duckdb")
    rows = pd.DataFrame({"工号": ["E1", "E1", "E2", "E2"], "团队": ["A", "A", "", ""],
                         "日期": ["2025/7/7", "2025/7/14"] * 2, "指标": "客户满意度",
                         "实际值": [50, 60, 90, 95], "目标值": 100})
    assert store.import_bytes(con, rows.to_csv(index=False).encode(), "m.csv").status == "loaded"
    out = board_rows(con)
    teams = rows["团队"].replace("", None).drop_duplicates()
    assert out["group"].isna().sum() == teams.isna().sum() == 1
    assert set(out["group"].dropna()) == set(teams.dropna())
    assert out.loc[out["group"].isna(), "label"].tolist() == [t("people.no_team", "en")]
    assert not out.astype(str).isin(["—"]).any().any()
    con.close()


def test_a_cell_without_a_target_counts_no_red_periods(tmp_path):
    """The CLI's red_streak said 0 where a metric has no target: empty there, a count elsewhere."""
    con = store.connect(tmp_path / "t.duckdb")
    rows = pd.DataFrame({"工号": ["E1", "E1", "E2", "E2"], "团队": "A",
                         "日期": ["2025/7/7", "2025/7/14"] * 2,
                         "指标": ["客户满意度", "客户满意度", "通话量", "通话量"],
                         "实际值": [50, 60, 90, 95], "目标值": [100, 100, None, None]})
    assert store.import_bytes(con, rows.to_csv(index=False).encode(), "m.csv").status == "loaded"
    out = board_rows(con).set_index("metric")
    con.close()
    targeted = rows.groupby("指标")["目标值"].count().gt(0)
    assert out["red_streak"].isna().to_dict() == (~targeted).to_dict()
    # both weeks under 80% of the target: two red periods in a row
    assert out.loc["客户满意度", "red_streak"] == (rows["实际值"] / rows["目标值"] < 0.8).sum()


@pytest.mark.parametrize(("status", "streak", "lang", "key"), [
    ("grey", 0, "en", "board.no_target"), ("grey", 0, "zh", "board.no_target"),
    ("red", 3, "zh", None), ("green", 0, "en", None)])
def test_the_drill_downs_streak_says_no_target_in_words(status, streak, lang, key):
    words = t("board.no_target", lang)
    shown = streak_text(status, streak, no_target=words)
    assert shown == (t(key, lang) if key else str(streak))
