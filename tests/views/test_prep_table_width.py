"""The prep page's "Against the team" table: its title names the window, its headers do not
(the window in three headers pushed the last column out of sight at 1440 px)."""

import json

import pytest

from i18n import t
from tests.views.test_employee_page import open_prep


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_team_table_headers_leave_the_window_to_the_title(monkeypatch, demo_copy, lang):
    at = open_prep(monkeypatch, demo_copy, "E017", lang)
    table = next(d for d in at.dataframe if "team_best" in d.value.columns)
    config = json.loads(table.proto.columns)
    labels = {c: config[c]["label"] for c in ("value", "team_mean", "team_best")}
    assert labels == {c: t(f"numbers.col.short.{c if c != 'value' else 'mean'}", lang)
                      for c in labels}
    title = next(m.value for m in at.markdown
                 if m.value.startswith(f"**{t('numbers.team_title', lang, window='', range='')[:4]}"))
    window = title.split("·")[1].split("(")[0].split("（")[0].strip()
    assert window  # the title still names it
    assert not any(window in label for label in labels.values())
