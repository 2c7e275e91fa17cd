"""``cli.py import`` on workbooks: no questions when clear, exit 2 naming the flag otherwise,
``--json`` on every path, recipes used by themselves and managed with ``cli.py recipes``."""

from __future__ import annotations

import json

import duckdb
import pytest

import cli
from ingest.model import IngestError
from tests.workbooks import roster_rows, sales_rows, sales_workbook


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def db(tmp_path) -> str:
    return str(tmp_path / "c.duckdb")


@pytest.fixture
def workbook(tmp_path):
    path = tmp_path / "Sales.xlsx"
    path.write_bytes(sales_workbook(sales_rows(), roster_rows()))
    return path


def test_a_clear_workbook_imports_without_questions(capsys, db, workbook):
    code, out, _ = run(capsys, "import", str(workbook), "--db", db, "--json")
    report = json.loads(out)
    assert code == 0
    assert report["kind"] == "roster+metrics"
    assert [(s["sheet"], s["kind"]) for s in report["sheets"]] == [
        ("Actuals", "metrics"), ("Target", "targets"), ("People", "roster"),
        ("Calendar", "skip"), ("Empty", "skip")]
    assert report["recipe"] == "Sales"
    with duckdb.connect(db, read_only=True) as con:
        n = con.execute("SELECT count(*) FROM metric_values WHERE target IS NOT NULL").fetchone()
    assert n[0] == len(sales_rows())


CSV_NO_PERSON = "who,period,score\nann,2024-01-01,3\n"
CSV_NO_PERIOD = "工号,score\nE1,3\n"


@pytest.mark.parametrize(("text", "args", "flag"), [
    (CSV_NO_PERSON, [], "--id-column"),
    (CSV_NO_PERSON, ["--recipe", "nope"], "nope"),
    (CSV_NO_PERSON, ["--id-column", "whom"], "whom"),
    (CSV_NO_PERSON, ["--sheet", "oops"], "oops"),
])
def test_what_the_file_cannot_settle_exits_2_naming_the_flag(capsys, db, tmp_path, text, args,
                                                             flag):
    path = tmp_path / "scores.csv"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "import", str(path), "--db", db, "--json", *args)
    assert code == 2
    assert err == ""
    assert flag in json.loads(out)["errors"][0]["message"]
    code, out, _ = run(capsys, "import", str(path), "--db", db, *args)
    assert code == 2
    assert flag in out


def test_the_answering_flag_imports(capsys, db, tmp_path):
    path = tmp_path / "scores.csv"
    path.write_text(CSV_NO_PERSON, encoding="utf-8")
    code, out, _ = run(capsys, "import", str(path), "--db", db, "--json", "--id-column", "who")
    assert code == 0, out
    assert json.loads(out)["stored"]["metric_values"]["rows"] == 1


def test_no_such_file_honours_json(capsys, db, tmp_path):
    code, out, _ = run(capsys, "import", str(tmp_path / "gone.csv"), "--db", db, "--json")
    assert code == 2
    assert json.loads(out)["error"].endswith("no such file")


def test_database_in_use_honours_json(capsys, tmp_path, workbook, monkeypatch):
    import store

    def busy(_path):
        raise store.DatabaseBusy("The database x is in use by another Coachboard process.")

    monkeypatch.setattr(store, "connect", busy)
    code, out, err = run(capsys, "import", str(workbook), "--json")
    assert code == 2
    assert err == ""
    assert "in use" in json.loads(out)["error"]


def test_a_refused_or_unknown_user_honours_json(capsys, db, workbook):
    code, out, err = run(capsys, "import", str(workbook), "--db", db, "--json",
                         "--as", "nobody@example.com")
    assert code == 2
    assert err == ""
    assert "nobody@example.com" in json.loads(out)["error"]


def test_the_report_lists_the_first_thousand_bad_lines_and_counts_the_rest(capsys, db, tmp_path):
    bad = 1_500
    # every other line bad, in two cells: the columns still read as numbers (metrics)
    lines = ["工号,日期,客户满意度,回款"] + [
        f"E{i},2025-07-07,{'x,y' if i % 2 else '80,1'}" for i in range(2 * bad)]
    path = tmp_path / "bad.csv"
    path.write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = run(capsys, "import", str(path), "--db", db, "--json")
    report = json.loads(out)
    assert code == 1
    assert report["rows_rejected"] == bad
    assert len(report["errors"]) == 2 * 1_000  # both bad cells of the first 1,000 bad lines
    assert report["lines_not_listed"] == bad - 1_000
    assert report["errors"][-1]["line"] == 2_001  # bad lines 3, 5, … 2001 listed, in order


def test_recipes_list_show_rename_export_import_delete(capsys, db, workbook, tmp_path):
    assert run(capsys, "import", str(workbook), "--db", db)[0] == 0
    code, out, _ = run(capsys, "recipes", "list", "--format", "json", "--db", db)
    assert [r["name"] for r in json.loads(out)] == ["Sales"]
    code, out, _ = run(capsys, "recipes", "show", "Sales", "--db", db)
    shown = json.loads(out)
    assert [s["kind"] for s in shown["plan"]["sheets"]][:3] == ["metrics", "targets", "roster"]
    assert run(capsys, "recipes", "rename", "Sales", "Monthly sales", "--db", db)[0] == 0
    exported = tmp_path / "recipes.json"
    assert run(capsys, "recipes", "export", "--out", str(exported), "--db", db)[0] == 0
    other = str(tmp_path / "other.duckdb")
    code, out, _ = run(capsys, "recipes", "import", str(exported), "--db", other)
    assert out.strip() == "recipe added: Monthly sales"
    # the other installation imports the next file with it, by itself
    code, out, _ = run(capsys, "import", str(workbook), "--db", other, "--json")
    assert json.loads(out)["recipe"] == "Monthly sales"
    assert run(capsys, "recipes", "delete", "Monthly sales", "--db", db)[0] == 0
    code, _, err = run(capsys, "recipes", "delete", "Monthly sales", "--db", db)
    assert code == 1
    assert "no recipe called" in err
    code, _, err = run(capsys, "recipes", "import", str(workbook), "--db", db)
    assert code == 1
    assert "not a Coachboard recipes file" in err
    with duckdb.connect(db, read_only=True) as con:
        details = [d for (d,) in con.execute(
            "SELECT detail FROM audit_log WHERE action = 'recipe' ORDER BY logged_at"
        ).fetchall()]
    assert details == ["saved", "renamed", "deleted"]


def test_usage_codes_are_real_message_codes():
    from commands.importing import USAGE_CODES
    from i18n.texts import TEXTS

    assert {f"ingest.{code}" for code in USAGE_CODES} <= set(TEXTS)
    assert IngestError("ask_grain", sheet="Calls").message("zh").count("--grain") == 1
