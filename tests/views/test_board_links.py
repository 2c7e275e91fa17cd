"""The board's drill-down links to each person fit their column at 1440 px: four a row cut a
CRM rep's "Open Marty Freudenburg (P-050b21)"."""

import json

import numpy as np
import pandas as pd
import pytest

from i18n import t
from tests.views.conftest import db_from_rows, make_app

PAGE_PX = 944  # the main column at 1440 px with the sidebar open (tests/views/test_prep_plan_tables)
NAMES = ["Marty Freudenburg", "Rosie Papadopoulos", "Jonathan Berthelot", "Daniell Hammack",
         "Versie Hillebrand", "Anna Snelling"]


def label_px(text: str) -> float:
    """A page link's text at 14 px: Latin about 7.5 px a character, Chinese 14."""
    return sum(14 if "\u2e80" <= ch <= "\u9fff" else 7.5 for ch in text.replace("\\", ""))


@pytest.fixture
def reps(tmp_path):
    months = pd.date_range("2017-03-01", periods=6, freq="MS")
    rng = np.random.default_rng(3)
    rows = pd.DataFrame([(f"P-{i:06x}", n, m.strftime("%Y-%m-%d"), rng.integers(5, 30))
                         for i, n in enumerate(NAMES, start=0x50b21) for m in months],
                        columns=["id", "name", "date", "Deals won"])
    return db_from_rows(tmp_path / "crm.duckdb", rows, "deals.csv")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_person_links_fit_their_column(monkeypatch, reps, lang):
    at = make_app(monkeypatch, reps, "views/board.py", lang=lang)
    links = list(at.get("page_link"))
    people = [link for link in links if any(n in link.proto.label for n in NAMES)]
    assert len(people) == len(NAMES)
    assert all(t("board.drill.open", lang, name="")[:2].strip() in p.proto.label for p in people)
    holders = [c for c in at.columns
               if any(getattr(ch, "type", "") == "page_link" for ch in c.children.values())]
    width = PAGE_PX / len(holders) - 16 - 28  # the gap and the icon
    assert all(label_px(p.proto.label) <= width for p in people), [p.proto.label for p in people]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_drill_cells_without_a_target_are_dashes_not_blanks(monkeypatch, reps, lang):
    at = make_app(monkeypatch, reps, "views/board.py", lang=lang)
    drill = next(d.value for d in at.dataframe
                 if t("board.col.previous", lang) in d.value.columns)
    assert len(drill) == len(NAMES)
    for column in ("board.col.target", "board.col.previous"):
        assert drill[t(column, lang)].tolist() == ["–"] * len(NAMES)
    # never red without a target: "no target" in words, not 0 red periods
    assert drill[t("board.col.streak", lang)].tolist() == [t("board.no_target", lang)] * len(NAMES)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_proposed_metric_name_reads_in_the_readers_language(monkeypatch, reps, lang):
    """"Deals won" is Coachboard's name for a pipeline's won deals: 赢单商机数 in Chinese; the
    stored name stays the key the grid's click and the drill-down use."""
    at = make_app(monkeypatch, reps, "views/board.py", lang=lang)
    shown = t("metric.proposed.won", lang, noun=t("metric.proposed.deals", lang))
    box = at.selectbox(key="board_drill_metric")
    assert (box.options, box.value) == ([shown], "Deals won")
    assert json.loads(at.dataframe[0].proto.columns) == {"Deals won": {"label": shown}}
    assert any(shown in m.value for m in at.markdown)
