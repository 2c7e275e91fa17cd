"""Import notes carry a code and parameters, so they read in the viewer's language."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

import cli
from ingest.notes import Note, render

CSV = ("工号,姓名,月份,销售额\n"
       "E1,张三,2025-07,10\n"
       "E2,李四,2025-07,20\n"
       "合计,,2025-07,30\n")


@pytest.mark.parametrize(("note", "english", "chinese"), [
    (Note("total_row", line=12), "Line 12 looks like a total row and was not imported.",
     "第 12 行看起来是合计行，未导入。"),
    (Note("repeated_lines", lines=[5, 9]),
     "Values repeating an earlier line exactly were imported once (lines 5, 9)",
     "与前面某行完全相同的数值只导入了一次（第 5、9 行）"),
    (Note("above_header", line=1, text="Q3"), "Line 1 is above the header and was skipped: Q3",
     "第 1 行在表头上方，已跳过：Q3"),
])
def test_a_note_reads_in_both_languages(note, english, chinese):
    assert note == english
    assert render(note, "en") == english
    assert render(note, "zh") == chinese


def test_a_note_survives_pickle_and_copy():
    note = Note("partial_many", first="2025-01-03", last="2025-03-30", grain="week",
                shown="2024-12-30, 2025-03-24", fate="kept")
    for again in (pickle.loads(pickle.dumps(note)), copy.deepcopy(note)):
        assert again == note
        assert again.render("zh") == note.render("zh")
    assert "周" in note.render("zh")
    assert "kept and marked partial" in note


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Line 4 looks like a total row and was not imported."),
    ("zh", "第 4 行看起来是合计行，未导入。")])
def test_the_cli_report_shows_the_total_row_note_in_its_language(capsys, tmp_path, lang,
                                                                  expected):
    path = tmp_path / "sales.csv"
    path.write_text(CSV, encoding="utf-8")
    lines = [n + 1 for n, row in enumerate(CSV.splitlines()) if row.startswith("合计")]
    assert lines == [4]  # the total row, found independently of the importer
    code = cli.main(["import", str(path), "--db", str(tmp_path / "c.duckdb"), "--json",
                     "--lang", lang])
    report = json.loads(capsys.readouterr().out)
    assert code == 0, report
    assert report["notes"] == [expected]
    cli.main(["import", str(path), "--db", str(tmp_path / "c.duckdb"), "--lang", lang])
    assert f"  {expected}" in capsys.readouterr().out.splitlines()
