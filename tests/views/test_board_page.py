"""The board page: empty, demo (switching rows, drilling, exports), one person, Chinese."""

import pandas as pd
import pytest

import store
from i18n import t
from tests.views.conftest import make_app
from ui.text import md

PAGE = "views/board.py"


def test_empty_database(monkeypatch, empty_db):
    at = make_app(monkeypatch, empty_db, PAGE)
    assert at.title[0].value == t("board.title")
    assert at.info[0].value == t("board.empty")


def test_demo_board_tiles_and_cells(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE)
    tiles = {m.label: m.value for m in at.metric}
    assert tiles[t("board.tile.red")] == "0"
    assert int(tiles[t("board.tile.amber")]) + int(tiles[t("board.tile.green")]) == 12
    assert tiles[t("board.tile.coverage")] == "100.0%"
    assert tiles[t("board.tile.flagged")].endswith("%")
    assert t("head.share", n=24, total=24) in [c.value for c in at.caption]
    board = at.dataframe[0].value
    assert list(board.index) == ["VIP组", "售后一组", "售后二组"]
    assert board.loc["VIP组", "平均处理时长"] == "! ▼ 94.5%"  # 8.0 / 8.4625, down from 107.4%
    assert len(at.get("download_button")) == 2


def test_drill_down_lists_the_red_employee_first(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE)
    at.selectbox(key="board_drill_team").select("VIP组").run()
    at.selectbox(key="board_drill_metric").select("首次解决率").run()
    assert not at.exception
    drill = at.dataframe[1].value
    assert drill.iloc[0][t("board.col.employee")] == "梁爽 (E021)"
    assert drill.iloc[0][t("board.col.cell")].startswith("✗")
    assert drill.iloc[0][t("board.col.streak")] == "5"


def test_employee_rows_and_rolling(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE)
    at.segmented_control(key="board_by").set_value("employee").run()
    at.selectbox(key="board_team").select("VIP组").run()
    assert not at.exception
    board = at.dataframe[0].value
    assert len(board) == 8
    assert board.loc["梁爽 (E021)", "首次解决率"].startswith("✗")
    at.toggle(key="board_rolling").set_value(True).run()
    assert not at.exception
    # the demo data is weekly: the window is said in weeks
    assert t("board.window.rolling", n=4, units="weeks") in " ".join(c.value for c in at.caption)


def test_alerts_and_okr(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE)
    frames = [d.value for d in at.dataframe]
    alerts = next(f for f in frames if t("board.col.level") in f.columns)
    assert alerts.iloc[0][t("board.col.employee")] == "梁爽 (E021)"
    assert alerts.iloc[0][t("board.col.streak")] == "5 periods"
    assert at.get("plotly_chart")


def test_one_person(monkeypatch, one_person_db):
    at = make_app(monkeypatch, one_person_db, PAGE)
    board = at.dataframe[0].value
    assert board.loc["售后一组", "客户满意度"] == "○ no target"
    assert {m.label: m.value for m in at.metric}[t("board.tile.red")] == "0"


def test_chinese(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE, lang="zh")
    assert at.title[0].value == "红黄绿看板"
    assert at.dataframe[0].value.index.name == "分组"
    assert isinstance(at.dataframe[0].value, pd.DataFrame)


def red_people_by_hand(db) -> pd.DataFrame:
    """Each agent's attainment at the last period, recomputed from the raw rows: value / target
    (target / value when lower is better), red under 80%."""
    con = store.connect(db)
    rows = con.execute("SELECT v.*, e.name, e.team, e.manager_id, c.direction, c.default_target "
                       "FROM metric_values v JOIN employees e USING (employee_id) "
                       "LEFT JOIN metric_catalog c USING (metric)").df()
    con.close()
    rows = rows[rows["period"] == rows["period"].max()]
    target = rows["target"].fillna(rows["default_target"])
    share = (target / rows["value"]).where(rows["direction"] == "lower", rows["value"] / target)
    return rows[share.round(9) < 0.8]


def test_green_cells_say_how_many_of_their_people_are_red(monkeypatch, demo_copy):
    """Issue 17, item 10: "Red cells 0" while a person had been red for five periods."""
    red = red_people_by_hand(demo_copy)
    at = make_app(monkeypatch, demo_copy, PAGE)
    tiles = {m.label: m.value for m in at.metric}
    assert tiles[t("board.tile.red_people")] == str(red["employee_id"].nunique())
    board = at.dataframe[0].value
    for (team, metric), n in red.groupby(["team", "metric"]).size().items():
        assert board.loc[team, metric].endswith(f" · {t('board.cell.red', n=n)}"), board
    assert board.loc["VIP组", "首次解决率"] == "✓ ▼ 100.1% · 1 red"  # green (1.0008, rounded), E021 red inside
    quiet = [c for c in board.columns if c not in set(red["metric"])]
    assert all("red" not in board[c].str.cat() for c in quiet)


@pytest.mark.parametrize(("by", "key", "owner", "column"), [
    ("team", "board_drill_team", "VIP组", "team"),
    ("manager", "board_drill_manager", "陈志强 (M03)", "manager_id"),
])
def test_a_cell_with_red_people_leads_to_them(monkeypatch, demo_copy, by, key, owner, column):
    red = red_people_by_hand(demo_copy)
    at = make_app(monkeypatch, demo_copy, PAGE)
    at.segmented_control(key="board_by").set_value(by).run()
    at.selectbox(key=key).select(owner).run()
    at.selectbox(key="board_drill_metric").select("首次解决率").run()
    assert not at.exception
    mine = red[(red["metric"] == "首次解决率") & (red[column] == red.loc[
        red["metric"] == "首次解决率", column].iloc[0])]
    names = ", ".join(f"{r.name} ({r.employee_id})" for r in mine.itertuples())
    assert [w.value for w in at.warning] == [t("board.drill.red", group=md(owner),
                                              metric="首次解决率", names=md(names))]
    drill = at.dataframe[1].value  # the board, then the drill-down
    assert drill.iloc[0][t("board.col.employee")] == "梁爽 (E021)"


def test_red_people_in_chinese(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, PAGE, lang="zh")
    assert at.dataframe[0].value.loc["VIP组", "首次解决率"] == "✓ ▼ 100.1% · 1 人红"
    assert "✗ 红色员工" in {m.label for m in at.metric}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_drill_shows_each_persons_target_outlook(monkeypatch, demo_copy, lang):
    from reports.forecast import forecast_rows
    from store import connect

    at = make_app(monkeypatch, demo_copy, PAGE, lang=lang)
    at.selectbox(key="board_drill_team").select("VIP组").run()
    at.selectbox(key="board_drill_metric").select("首次解决率").run()
    assert not at.exception
    drill = at.dataframe[1].value
    con = connect(demo_copy)
    rows = forecast_rows(con)
    con.close()
    mine = rows.loc[rows["metric"] == "首次解决率"].set_index("employee_id")
    for label, status, chance in zip(drill[t("board.col.employee", lang)],
                                     drill[t("forecast.col.outlook", lang)],
                                     drill[t("forecast.col.chance", lang)], strict=True):
        pid = label.rsplit("(", 1)[1].rstrip(")")
        assert status == t(f"forecast.status.{mine.loc[pid, 'status']}", lang)
        assert chance == f"{round(100 * mine.loc[pid, 'p_100'])}%"
    assert drill.iloc[0][t("forecast.col.outlook", lang)] == t("forecast.status.likely_to_miss",
                                                               lang)
    vip = mine.loc[mine.index.isin([lbl.rsplit("(", 1)[1].rstrip(")")
                                    for lbl in drill[t("board.col.employee", lang)]])]
    caption = t("forecast.board.caption", lang, grain=t("forecast.grain.month", lang),
                start="2026-01-01", **{s: int((vip["status"] == s).sum())
                                       for s in ("on_track", "at_risk", "likely_to_miss")})
    assert caption in [c.value for c in at.caption]


def test_drill_down_without_targets_shows_the_values(monkeypatch, tmp_path):
    # A call-log export has no targets: every drill-down row read Actual "None", Target "None".
    path = tmp_path / "no_target.duckdb"
    rows = pd.DataFrame([(f"E{p}", f"2025-01-{6 + 7 * w:02d}", 70.0 + p * 3 + w)
                         for p in range(4) for w in range(3)], columns=["id", "day", "answered"])
    con = store.connect(path)
    raw = "员工编号,日期,接通率\n" + rows.to_csv(header=False, index=False)
    assert store.import_bytes(con, raw.encode("utf-8"), "calls.csv").status == "loaded"
    con.close()
    at = make_app(monkeypatch, path, PAGE)
    drill = at.dataframe[1].value
    latest = rows.loc[rows["day"].eq(rows["day"].max())].set_index("id")["answered"]
    shown = drill.set_index(t("board.col.employee"))[t("board.col.actual")]
    assert sorted(shown.tolist()) == sorted(latest.tolist())  # the week's own values
    assert drill[t("board.col.target")].tolist() == ["–"] * len(latest)
