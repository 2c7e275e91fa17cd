"""Sentences of the workbook import (``ingest.propose``, ``ingest.run``), merged into
``ingest.messages.MESSAGES``: whole-file problems, open questions (each naming the CLI flag)
and the notes saying why a sheet was proposed as it was."""

# ruff: noqa: RUF001, RUF100

from __future__ import annotations

SHEET_MESSAGES: dict[str, tuple[str, str]] = {
    "unpacked_too_big": (
        "This Excel file is {size} but would unpack to {unpacked}, far more than any export "
        "holds; it was not opened. Save the data again from Excel (or as CSV) and upload that.",
        "该 Excel 文件大小为 {size}，解压后将达 {unpacked}，远超正常导出文件，因此未打开。"
        "请在 Excel 中重新保存数据（或另存为 CSV）后上传。"),
    "workbook_too_big": (
        "This Excel file ({size}) holds {unpacked} of cells, more than Coachboard reads from "
        "a workbook ({limit}). Save the sheet as CSV in Excel and upload that, or split it.",
        "该 Excel 文件（{size}）含 {unpacked} 的单元格数据，超过可从工作簿读取的上限（{limit}）。"
        "请在 Excel 中另存为 CSV 后上传，或拆分文件。"),
    "sheet_too_big": (
        "Sheet “{sheet}” reaches row {rows} and column {columns}: more cells than Coachboard "
        "reads from a workbook within its memory limit (about a million rows of 10 columns). "
        "Save the sheet as CSV in Excel and upload that, or split it.",
        "工作表“{sheet}”的数据延伸到第 {rows} 行、第 {columns} 列，单元格数量超过工作簿读取的内存上限"
        "（约一百万行、10 列）。请在 Excel 中将该工作表另存为 CSV 后上传，或拆分文件。"),
    "nothing_included": ("No sheet of this file is chosen for import.",
                         "此文件中没有选择要导入的工作表。"),
    "targets_without_actuals": (
        "Sheet “{sheet}” holds targets, but no sheet of actual values with the same columns is "
        "imported with it. Include the actuals sheet, or choose what “{sheet}” holds "
        "(--sheet “{sheet}=metrics”).",
        "工作表“{sheet}”是目标值，但没有一同导入列相同的实际值工作表。请一并导入实际值工作表，"
        "或指定“{sheet}”的类型（--sheet “{sheet}=metrics”）。"),
    "layout_unavailable": (
        "Sheet “{sheet}” has a layout this version of Coachboard cannot read yet.",
        "此版本的 Coachboard 尚不能读取工作表“{sheet}”的格式。"),
    "recipe_does_not_fit": (
        "The saved import settings do not fit this file: “{what}” is missing. Choose the "
        "settings again, or another recipe (--recipe NAME).",
        "保存的导入设置与此文件不符：缺少“{what}”。请重新选择设置，或换一个配方（--recipe 名称）。"),
    "no_such_recipe": ("There is no recipe called “{name}”. Recipes: {names}.",
                       "没有名为“{name}”的配方。现有配方：{names}。"),
    "ask_kind": (
        "Coachboard cannot tell what “{sheet}” holds (metrics, a roster, coaching sessions or "
        "goals). Say which: --kind KIND for a one-sheet file, --sheet “{sheet}=KIND” for a sheet.",
        "无法判断“{sheet}”的内容（指标、花名册、辅导记录或目标）。请指定：单表文件用 --kind 类型，"
        "工作表用 --sheet “{sheet}=类型”。"),
    "ask_person": (
        "No column of “{sheet}” names the people (an employee ID such as “工号” or “Employee "
        "ID”, or a name such as “姓名”). Name it: --id-column COLUMN or --name-column COLUMN.",
        "“{sheet}”中没有标明人员的列（员工编号如“工号”，或姓名如“姓名”）。请指定："
        "--id-column 列名 或 --name-column 列名。"),
    "ask_metric": (
        "“{sheet}” has one column per period, but the metric's name is not in the file. Name "
        "it: --metric NAME.",
        "“{sheet}”每个期间一列，但文件中没有指标名称。请指定：--metric 名称。"),
    "ask_grain": (
        "Choose the periods the events of “{sheet}” are counted by: --grain day, week or month.",
        "请选择“{sheet}”中事件的统计周期：--grain day（日）、week（周）或 month（月）。"),
    # why a sheet was proposed so (SheetPlan.note)
    "empty_sheet": ("Empty sheet: nothing to import.", "空工作表：没有可导入的内容。"),
    "chart_sheet": ("A chart: nothing to import.", "图表：没有可导入的内容。"),
    "helper_sheet": (
        "No column names a person (an ID or a name): a helper sheet such as a calendar, a "
        "lookup table or a pivot, so it is skipped. Choose a kind to import it anyway.",
        "没有标明人员的列（编号或姓名）：应为日历、对照表或透视表等辅助表，已跳过。"
        "如需导入，请选择类型。"),
    "targets_sheet": ("Targets of sheet “{targets_for}” (same columns): stored as its targets.",
                      "工作表“{targets_for}”的目标值（列相同）：作为其目标值保存。"),
    "not_in_recipe": ("Not in the saved settings: skipped.", "不在保存的设置中：已跳过。"),
}
