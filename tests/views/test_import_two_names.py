"""On the Import page a file naming people by first + last name only shows the name made of the
two as a column of its own, and imports under it (every field choice has words, en and zh)."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.views.conftest import make_app
from tests.views.test_import_sheets_page import click, query, upload

ROWS = pd.DataFrame({"First Name": ["Ann", "Bob", "ann "], "Last Name": ["Lee", "Ray", "LEE"],
                     "Month": ["2025-07", "2025-07", "2025-08"], "Calls": [40, 35, 41]})


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_first_and_last_name_make_the_person(monkeypatch, empty_db, lang):
    raw = ROWS.to_csv(index=False).encode("utf-8-sig")
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py", lang=lang), "c.csv", raw)
    made = "Name (First Name + Last Name)"
    box = next(s for s in at.selectbox if s.key and s.key.endswith(f":{made}"))
    assert box.value == "name"
    click(at, "go:")
    assert not at.exception
    got = query(empty_db, "SELECT e.name, strftime(v.period, '%Y-%m') AS m, v.value "
                          "FROM metric_values v JOIN employees e USING (employee_id)")
    want = {("Ann Lee", "2025-07", 40.0), ("Bob Ray", "2025-07", 35.0),
            ("Ann Lee", "2025-08", 41.0)}  # "ann  LEE" is Ann Lee: one person
    assert set(got.itertuples(index=False, name=None)) == want
