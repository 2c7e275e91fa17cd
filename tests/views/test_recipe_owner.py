"""The upload page's saved recipes name who made them in words: the app's own user (no sign-in)
showed as its code, "local", in both languages."""

import subprocess
import sys

import pandas as pd
import pytest

import store
from i18n import t
from store.recipes import list_recipes
from tests.views.conftest import ROOT, make_app


@pytest.fixture
def with_recipe(tmp_path):
    """A deals file imported on the command line, which saves its recipe."""
    rows = pd.DataFrame([(f"P{i}", f"Rep {i}", f"2017-0{m}-01", 10 + i + m)
                         for i in range(4) for m in range(3, 8)],
                        columns=["id", "name", "date", "Deals won"])
    source, db = tmp_path / "deals.csv", tmp_path / "crm.duckdb"
    rows.to_csv(source, index=False)
    subprocess.run([sys.executable, "cli.py", "import", str(source), "--db", str(db)], cwd=ROOT,
                   check=True, capture_output=True)
    return db


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_recipes_say_who_made_them(monkeypatch, with_recipe, lang):
    con = store.connect(with_recipe)
    makers = list_recipes(con)["created_by"].tolist()
    con.close()
    assert makers == ["local"]  # the CLI runs as the local user
    at = make_app(monkeypatch, with_recipe, "views/upload.py", lang=lang)
    header = t("sheets.recipes.col.created_by", lang)
    table = next(d.value for d in at.dataframe if header in d.value.columns)
    assert table[header].tolist() == [t("role.local", lang)]
