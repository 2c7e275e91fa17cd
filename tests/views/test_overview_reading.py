"""The overview reads at 1440 px and on a phone: evidence, focus and model
wrap in their columns and show in full under the table for a clicked cell; on a phone the
attention list comes before the KPI tiles."""

import json

import pytest

import store
from i18n import t
from reports.overview import overview
from tests.views.conftest import make_app
from ui.text import md


def flag_table(at):
    return next(d for d in at.dataframe if d.key == "ov_flags")


@pytest.mark.parametrize(("lang", "column"), [("en", "evidence"), ("zh", "focus")])
def test_a_clicked_cell_shows_the_person_s_flags_in_full(monkeypatch, demo_copy, lang, column):
    at = make_app(monkeypatch, demo_copy, lang=lang)
    frame = flag_table(at)
    table = frame.value
    row = int(table.index[table["employee_id"] == "E010"][0])
    at.session_state["ov_flags"] = {"selection": {"rows": [], "columns": [],
                                                  "cells": [[row, column]]}}
    at.run()
    assert not at.exception
    assert at.title[0].value == t("overview.title", lang)  # stays on the overview
    shown = " ".join(m.value for m in at.markdown)
    con = store.connect(demo_copy)
    flags = overview(con, lang=lang).flags
    con.close()
    mine = flags[flags["employee_id"] == "E010"]
    assert len(mine) > 1
    for flag in mine.itertuples():  # every flag of E010, its evidence whole
        assert f"**{md(flag.reason_text)}**: {md(flag.evidence)}" in shown
    top = mine.iloc[0]
    assert t("team.details", lang, focus=md(top["focus"]), model=md(top["model"]),
             why=md(top["model_reason"]), style=md(top["style"])) in shown


def test_rows_are_tall_enough_to_wrap_and_columns_fit(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy)
    proto = flag_table(at).proto
    assert proto.row_height > 64  # the grid wraps text only in rows over 4rem
    widths = [c.get("width") for c in json.loads(proto.columns).values() if "width" in c]
    assert sum(widths) + 32 <= 944  # the main column at 1440 px with the sidebar open (measured)


def test_on_a_phone_the_attention_list_comes_first(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy)
    css = " ".join(h.proto.body for h in at.get("html"))
    assert "@media (max-width: 640px)" in css
    assert ".st-key-ov_list" in css
    assert "order: -1" in css
