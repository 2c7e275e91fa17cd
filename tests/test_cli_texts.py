"""The CLI's own lines (demo, history, undo, recipes, the impact summary) follow ``--lang``:
the English as scripts have always read it, the Chinese without a word of English."""

from __future__ import annotations

import json
import re

import pytest

import cli
import store
from commands.data import HISTORY_COLUMNS
from tests.workbooks import roster_rows, sales_rows, sales_workbook

ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def english_left(text: str, data: list[str]) -> list[str]:
    """The English words of ``text`` once the user's own data (file names, codes) is taken out."""
    for value in sorted(data, key=len, reverse=True):
        text = text.replace(value, "")
    return ENGLISH_WORD.findall(text)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_demo_history_undo(capsys, tmp_path, lang):
    db = str(tmp_path / "c.duckdb")
    code, out, _ = run(capsys, "history", "--db", db, "--lang", lang)
    assert out.strip() == {"en": "no imports yet", "zh": "暂无导入记录"}[lang]
    code, demo_out, _ = run(capsys, "demo", "--db", db, "--lang", lang)
    assert code == 0
    _, raw, _ = run(capsys, "history", "--db", db, "--json")
    hist = json.loads(raw)
    assert {h["status"] for h in hist} == {"loaded"}
    expected = {"en": "{f}: loaded, {n} rows", "zh": "{f}：已导入，{n} 行"}[lang]
    assert demo_out.splitlines() == [expected.format(f=h["file_name"], n=h["rows_loaded"])
                                      for h in reversed(hist)]
    last = hist[0]["import_id"]
    code, out, _ = run(capsys, "undo", str(last), "--db", db, "--lang", lang)
    assert (code, out.strip()) == (0, {"en": f"import {last} undone", "zh": f"已撤销导入 {last}"}[lang])
    code, _, err = run(capsys, "undo", str(last), "--db", db, "--lang", lang)
    assert code == 1
    code, table, _ = run(capsys, "history", "--db", db, "--lang", lang)
    assert len(table.splitlines()) == len(hist) + 1
    con = store.connect(db)
    assert set(store.history(con).columns) == set(HISTORY_COLUMNS)
    con.close()
    assert "None" not in table
    minutes = {h["imported_at"][:16].replace("T", " ") for h in hist}
    assert all(m in table for m in minutes)
    assert ":00." not in table
    data = [str(h[c]) for h in hist for c in ("file_name", "encoding", "message") if h[c]]
    if lang == "en":
        assert err.strip() == f"import {last} is not a loaded import; nothing changed"
        assert table.split()[:len(HISTORY_COLUMNS)] == list(HISTORY_COLUMNS)
    else:
        assert english_left(demo_out + err + table, data) == []
        assert "已撤销" in table
        assert "已导入" in table
        assert {"花名册", "指标", "辅导记录", "目标"} <= set(table.split())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_recipes(capsys, tmp_path, lang):
    db, other = str(tmp_path / "c.duckdb"), str(tmp_path / "o.duckdb")
    workbook = tmp_path / "Sales.xlsx"
    workbook.write_bytes(sales_workbook(sales_rows(), roster_rows()))
    assert run(capsys, "import", str(workbook), "--db", db)[0] == 0
    exported = tmp_path / "recipes.json"
    assert run(capsys, "recipes", "export", "--out", str(exported), "--db", db)[0] == 0
    lines = [run(capsys, "recipes", "rename", "Sales", "Monthly", "--db", db, "--lang", lang)[1],
             run(capsys, "recipes", "import", str(exported), "--db", other, "--lang", lang)[1],
             run(capsys, "recipes", "delete", "Monthly", "--db", db, "--lang", lang)[1]]
    code, _, missing = run(capsys, "recipes", "import", "nowhere.json", "--db", db, "--lang", lang)
    assert code == 2
    code, _, unknown = run(capsys, "recipes", "delete", "Monthly", "--db", db, "--lang", lang)
    assert code == 1
    if lang == "en":
        assert [line.strip() for line in lines] == [
            "recipe renamed: Monthly", "recipe added: Sales", "recipe deleted: Monthly"]
        assert missing.strip() == "nowhere.json: no such file"
    else:
        assert [line.strip() for line in lines] == [
            "导入方案已改名为：Monthly", "已添加导入方案：Sales", "已删除导入方案：Monthly"]
        words = english_left("".join(lines) + missing + unknown, ["Monthly", "Sales", "nowhere.json"])
        assert words == []


def test_impact_summary_in_both_languages(capsys, demo_db):
    _, raw, _ = run(capsys, "impact", "--db", str(demo_db), "--format", "json")
    report = json.loads(raw)
    code, en, _ = run(capsys, "impact", "--db", str(demo_db))
    assert code == 0
    code, zh, _ = run(capsys, "impact", "--db", str(demo_db), "--lang", "zh")
    assert code == 0
    assert ENGLISH_WORD.findall(zh) == []
    # the same lines, the same numbers: only the words differ
    assert len(zh.splitlines()) == len(en.splitlines())
    assert re.findall(r"-?\d+(?:\.\d+)?", zh) == re.findall(r"-?\d+(?:\.\d+)?", en)
    window = report["window"]
    assert zh.splitlines()[0] == f"时间窗口 {window['from']} 至 {window['to']}"
    assert f"{report['reading']}" in en.splitlines()[3]
    plans = report["plan_attainment"]
    assert len(report["compliance"]) + bool(plans and plans["due"]) == sum(line.endswith(")") and "/" in line
                                            for line in zh.splitlines()[5:])


@pytest.mark.parametrize(("args", "en", "zh"), [
    (("--from", "soon"), "impact: 'soon' is not a date (use YYYY-MM-DD, or today)",
     "impact: 'soon' 不是日期（请写成 YYYY-MM-DD，或 today 表示今天）"),
    (("--from", "2025-12-01", "--to", "2025-08-01"),
     "impact: start 2025-12-01 is after end 2025-08-01",
     "impact: 开始日期 2025-12-01 晚于结束日期 2025-08-01"),
])
def test_impact_refusals_in_both_languages(capsys, demo_db, args, en, zh):
    for lang, expected in (("en", en), ("zh", zh)):
        code, _, err = run(capsys, "impact", "--db", str(demo_db), *args, "--lang", lang)
        assert (code, err.strip()) == (2, expected)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_import_names_each_sheets_kind_in_the_readers_language(capsys, tmp_path, lang):
    workbook = tmp_path / "Sales.xlsx"
    workbook.write_bytes(sales_workbook(sales_rows(), roster_rows()))
    code, out, _ = run(capsys, "import", str(workbook), "--db", str(tmp_path / "c.duckdb"),
                       "--lang", lang)
    assert code == 0
    sheets = {line.split(":")[0].split("：")[0].strip(): line for line in out.splitlines()
              if line.strip().startswith(("sheet ", "工作表 "))}
    names = ("Actuals", "Target", "People", "Calendar", "Empty")
    assert len(sheets) == len(names)
    if lang == "en":  # the codes --sheet NAME=KIND takes
        assert sheets["sheet Actuals"].strip() == "sheet Actuals: metrics (long)"
        assert sheets["sheet Calendar"].strip() == "sheet Calendar: skip"
        assert sheets["sheet People"].strip() == "sheet People: roster"
    else:
        assert sheets["工作表 Actuals"].strip() == "工作表 Actuals：指标（每人每期一行）"
        assert sheets["工作表 Calendar"].strip() == "工作表 Calendar：跳过"
        assert sheets["工作表 People"].strip() == "工作表 People：花名册"
        title = "Sales by month (generated for a test)"  # the workbook's own title cell
        assert english_left(out, [*names, title, "Sales.xlsx", "Sales"]) == []
