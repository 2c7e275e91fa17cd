"""The metric catalog page: guessed directions shown, a correction saved and used."""

import store
from i18n import t
from tests.views.conftest import make_app


def test_empty_catalog(monkeypatch, empty_db):
    at = make_app(monkeypatch, empty_db, page="views/catalog.py")
    assert at.info[0].value == t("catalog.empty")


def test_guessed_directions_and_saving_a_correction(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy, page="views/catalog.py")
    shown = at.dataframe(key="catalog_editor").value.set_index("metric")
    assert shown.loc["周工单量", "direction"] == "higher"
    con = store.connect(demo_copy)
    cat = store.catalog(con).set_index("metric")
    assert cat.loc["平均处理时长", "direction"] == "lower"
    assert cat.loc["客户满意度", "category"] == "quality"
    edited = cat.reset_index().assign(default_target=[9.0, 80.0, 76.0, 125.0])
    assert store.save_catalog(con, edited) == 4
    assert store.catalog(con)["edited"].all()
    con.close()
