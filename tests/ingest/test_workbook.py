"""Workbooks: every sheet read and recognised, targets paired, helpers skipped, bombs refused."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest
from openpyxl import Workbook

from ingest import limits
from ingest.model import IngestError
from ingest.propose import Hints, propose, questions, signature
from ingest.read import read_sheets
from ingest.run import run_plan
from tests.workbooks import METRICS, roster_rows, sales_rows, sales_workbook, save

RAW = sales_workbook(sales_rows(), roster_rows(), chart=True)


@pytest.mark.parametrize(("sheet", "kind", "note"), [
    ("Actuals", "metrics", None),
    ("Target", "targets", "targets_sheet"),
    ("People", "roster", None),
    ("Calendar", "skip", "helper_sheet"),
    ("Empty", "skip", "empty_sheet"),
    ("Chart", "skip", "chart_sheet"),
])
def test_each_sheet_is_recognised(sheet, kind, note):
    plan, tables = propose(RAW, "sales.xlsx")
    by_name = {s.sheet: s for s in plan.sheets}
    assert [s.sheet for s in plan.sheets] == [
        "Actuals", "Target", "People", "Calendar", "Empty", "Chart"]
    assert (by_name[sheet].kind, by_name[sheet].note) == (kind, note)
    assert questions(plan) == []
    if kind == "targets":
        assert by_name[sheet].targets_for == "Actuals"
    if kind != "skip":  # a preview of every sheet read
        assert tables[sheet].sheet == sheet
        assert len(tables[sheet].frame) > 0


def test_the_title_row_above_the_header_is_noted_not_read():
    book = read_sheets(RAW, "sales.xlsx")
    actuals = book.tables["Actuals"]
    assert list(actuals.frame.columns) == ["工号", "月份", *METRICS]
    assert actuals.header_line == 2
    assert any("Sales by month" in n for n in actuals.notes)


@pytest.mark.parametrize(("actuals", "targets", "paired"), [
    ("Actuals", "Target", True),
    ("实际", "目标", True),
    ("完成情况", "计划", True),
    ("Sales", "Budget 2024", True),
    ("Sales", "Sales plan", True),
    ("Sales", "Returns", False),  # same shape, but nothing says targets: two metrics sheets
])
def test_targets_are_paired_by_name_and_shape(actuals, targets, paired):
    raw = sales_workbook(sales_rows(), actuals=actuals, targets=targets, helpers=False)
    plan, _ = propose(raw, "x.xlsx")
    second = plan.sheets[1]
    assert second.kind == ("targets" if paired else "metrics")
    assert second.targets_for == (actuals if paired else None)


def test_targets_merge_into_their_actuals_value_by_value():
    rows = sales_rows(people=4, months=2)
    raw = sales_workbook(rows, helpers=False)
    plan, _ = propose(raw, "x.xlsx")
    (parsed,) = run_plan(raw, "x.xlsx", plan)
    got = parsed.tables["metric_values"].set_index(["employee_id", "period", "metric"])
    want = rows.set_index(["employee_id", "period", "metric"])
    assert sorted(got.index) == sorted(want.index)
    assert (got.loc[want.index, "value"] == want["value"]).all()
    assert (got.loc[want.index, "target"] == want["target"]).all()
    assert parsed.rows_read == 2 * len(rows) // len(METRICS)  # actuals + targets lines


def test_a_target_named_sheet_of_another_shape_stays_metrics():
    wb = Workbook()
    wb.active.title = "Actuals"
    wb.active.append(["工号", "月份", "销售额"])
    wb.active.append(["E1", "2024-01", 5])
    other = wb.create_sheet("Target")
    other.append(["工号", "月份", "回款", "利润"])
    other.append(["E1", "2024-01", 5, 6])
    plan, _ = propose(save(wb), "x.xlsx")
    assert [s.kind for s in plan.sheets] == ["metrics", "metrics"]


@pytest.mark.parametrize(("hints", "sheet", "kind"), [
    (Hints(sheets={"Target": "metrics"}), "Target", "metrics"),
    (Hints(sheets={"Calendar": "skip", "People": "skip"}), "People", "skip"),
    (Hints(sheets={"Actuals": "skip"}), "Actuals", "skip"),
])
def test_sheet_hints_change_a_sheets_kind(hints, sheet, kind):
    plan, _ = propose(RAW, "sales.xlsx", hints)
    assert {s.sheet: s.kind for s in plan.sheets}[sheet] == kind


@pytest.mark.parametrize(("hints", "code"), [
    (Hints(sheets={"Nope": "metrics"}), "no_such_sheet"),
    (Hints(sheets={"Actuals": "nonsense"}), "wrong_kind"),
    (Hints(id_column="No such column"), "unknown_column"),
])
def test_a_hint_the_file_cannot_follow_is_a_sentence(hints, code):
    with pytest.raises(IngestError) as info:
        propose(RAW, "sales.xlsx", hints)
    assert info.value.code == code


def test_a_csv_without_a_person_column_asks_for_one_and_the_flag_answers():
    raw = b"who,period,score\nann,2024-01-01,3\nbob,2024-01-01,4\n"
    plan, _ = propose(raw, "scores.csv")
    assert questions(plan) == [(None, "person")]
    answered, _ = propose(raw, "scores.csv", Hints(id_column="who"))
    assert questions(answered) == []
    assert answered.sheets[0].mapping["who"] == "employee_id"
    (parsed,) = run_plan(raw, "scores.csv", answered)
    assert sorted(parsed.tables["metric_values"]["employee_id"]) == ["ann", "bob"]


def test_the_signature_is_the_shape_not_the_numbers():
    one = read_sheets(RAW, "a.xlsx")
    other_raw = sales_workbook(sales_rows(people=9, months=5, seed=3), roster_rows(9),
                               chart=True)
    other = read_sheets(other_raw, "b.xlsx")
    plan_one, _ = propose(RAW, "a.xlsx")
    plan_other, _ = propose(other_raw, "b.xlsx")
    assert signature(plan_one, one) == signature(plan_other, other)
    renamed = read_sheets(sales_workbook(sales_rows(), roster_rows(), actuals="Sales"), "c.xlsx")
    plan_renamed, _ = propose(sales_workbook(sales_rows(), roster_rows(), actuals="Sales"), "c")
    assert signature(plan_renamed, renamed) != signature(plan_one, one)


def bomb(unpacked_mb: int) -> bytes:
    """A valid workbook whose sheet XML is ``unpacked_mb`` MB of identical rows, deflated."""
    base = zipfile.ZipFile(io.BytesIO(save(Workbook())))
    out = io.BytesIO()
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 20_000
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for item in base.infolist():
            if item.filename != "xl/worksheets/sheet1.xml":
                z.writestr(item.filename, base.read(item.filename))
                continue
            with z.open(item.filename, "w", force_zip64=True) as sheet:
                sheet.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/'
                            b'spreadsheetml/2006/main"><sheetData>')
                for _ in range(unpacked_mb * 2**20 // len(row)):
                    sheet.write(row)
                sheet.write(b"</sheetData></worksheet>")
    return out.getvalue()


def test_a_decompression_bomb_is_refused_before_parsing():
    raw = bomb(400)
    assert len(raw) < 2 * 2**20  # under 2 MB on disk, 400 MB unpacked
    tracemalloc.start()
    start = time.process_time()  # CPU seconds: the guard is against parsing, not for speed
    with pytest.raises(IngestError) as info:
        read_sheets(raw, "bomb.xlsx")
    seconds = time.process_time() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert info.value.code == "unpacked_too_big"
    unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(raw)).infolist())
    assert limits.size_text(unpacked) in info.value.message("en")
    assert unpacked > 390 * 2**20
    assert seconds < 1
    assert peak < 20 * 2**20


def test_a_workbook_too_big_to_read_is_refused_with_the_csv_way_out(monkeypatch):
    monkeypatch.setattr(limits, "MAX_UNPACKED_MB", 0.01)
    with pytest.raises(IngestError) as info:
        read_sheets(RAW, "sales.xlsx")
    assert info.value.code == "workbook_too_big"
    assert "CSV" in info.value.message("en")
    assert "CSV" in info.value.message("zh")


def _budget(months: int, seed: int) -> tuple[bytes, dict[tuple[str, str], tuple[float, float]]]:
    """Actuals and Target sheets with the months across (a title names the metric), and the
    expected (value, target) of each (person, month)."""
    import random

    rng = random.Random(seed)
    heads = [f"2024-{m:02d}" for m in range(1, months + 1)]
    want: dict[tuple[str, str], tuple[float, float]] = {}
    wb = Workbook()
    sheets = {"Actuals": wb.active, "Target": wb.create_sheet("Target")}
    sheets["Actuals"].title = "Actuals"
    for ws in sheets.values():
        ws.append(["销售额"])
        ws.append(["工号", "姓名", *heads])
    for p in range(1, 5):
        vals = [float(rng.randint(1, 99)) for _ in heads]
        tgts = [float(rng.randint(50, 60)) for _ in heads]
        sheets["Actuals"].append([f"E{p}", f"P{p}", *vals])
        sheets["Target"].append([f"E{p}", f"P{p}", *tgts])
        want |= {(f"E{p}", h): (v, t) for h, v, t in zip(heads, vals, tgts, strict=True)}
    return save(wb), want


def test_budget_sheets_across_the_months_pair_and_keep_their_recipe_next_month():
    raw, want = _budget(3, seed=1)
    plan, _ = propose(raw, "budget.xlsx")
    assert [(s.layout, s.kind, s.metric) for s in plan.sheets] == [
        ("periods_across", "metrics", "销售额"), ("periods_across", "targets", "销售额")]
    (parsed,) = run_plan(raw, "budget.xlsx", plan)
    got = {(r.employee_id, r.period.strftime("%Y-%m")): (r.value, r.target)
           for r in parsed.tables["metric_values"].itertuples()}
    assert got == want
    later, _ = _budget(4, seed=2)  # next month's file: one more month across
    later_plan, _ = propose(later, "budget.xlsx")
    assert signature(later_plan, read_sheets(later, "b.xlsx")) == signature(
        plan, read_sheets(raw, "b.xlsx"))


def test_a_budget_recipe_reads_the_month_the_next_file_adds():
    raw, _ = _budget(3, seed=1)
    plan, _ = propose(raw, "budget.xlsx")
    later, want = _budget(4, seed=2)
    fitted, _ = propose(later, "budget.xlsx", Hints(recipe=plan))
    (parsed,) = run_plan(later, "budget.xlsx", fitted)
    months = sorted(parsed.tables["metric_values"]["period"].dt.strftime("%Y-%m").unique())
    assert months == sorted({m for _, m in want})
    assert len(parsed.tables["metric_values"]) == len(want)


def test_a_recipe_whose_kpi_column_is_gone_does_not_fit():
    from ingest.plan import ImportPlan, Kpi, SheetPlan

    recipe = ImportPlan(sheets=[SheetPlan(sheet="Actuals", kind="metrics", layout="events",
                                          mapping={"工号": "employee_id", "月份": "period"},
                                          kpis=[Kpi("Talk", "mean", column="Talk time")])])
    with pytest.raises(IngestError) as info:
        propose(RAW, "sales.xlsx", Hints(recipe=recipe))
    assert info.value.code == "recipe_does_not_fit"
    assert "Talk time" in info.value.message("en")

