"""Sentences a manager understands, in English and Simplified Chinese, for every error code."""

# Chinese sentences rightly use full-width commas, colons and brackets, which RUF001 flags
# (RUF100: the project config already ignores RUF001, the stricter CI selection does not).
# ruff: noqa: RUF001, RUF100

from __future__ import annotations

import string

from i18n.imports16 import MESSAGES as IMPORTS16_MESSAGES
from i18n.org import ROW_MESSAGES as ORG_MESSAGES
from ingest.messages_people import PEOPLE_MESSAGES
from ingest.sheet_messages import SHEET_MESSAGES

# code -> (English, 简体中文). Row-level sentences get ``value`` and ``column``.
MESSAGES: dict[str, tuple[str, str]] = {
    # a manager's upload naming someone outside their people (store.import_scope)
    "not_your_team": (
        "Employee {value} is not one of your people, so this row was not imported. Ask HR to "
        "import it, or remove the row.",
        "员工 {value} 不在你的管理范围内，此行未导入。请让人力资源部门导入，或删除此行。"),
    # whole-file problems
    "empty_file": ("The file is empty.", "文件是空的。"),
    "unreadable_encoding": (
        "The file's text could not be read. Save it as CSV (UTF-8) or as an Excel .xlsx file "
        "and upload it again.",
        "无法识别文件的文字编码。请另存为 CSV（UTF-8）或 Excel .xlsx 文件后重新上传。"),
    "bad_workbook": ("The Excel file could not be opened; it may be damaged. Open it in Excel, "
                     "save it again as .xlsx and upload it.",
                     "无法打开该 Excel 文件，文件可能已损坏。"
                     "请在 Excel 中打开并另存为 .xlsx 后重新上传。"),
    "too_big": ("The file is {size}; files up to {limit} can be imported. Split it (for "
                "example one file per quarter) and import the parts.",
                "文件大小为 {size}，最多只能导入 {limit}。请拆分文件（例如每季度一个）后分别导入。"),
    "no_rows": ("The file has a header row but no data rows.", "文件只有表头，没有数据行。"),
    "no_such_sheet": ("The workbook has no sheet named “{sheet}”. Sheets: {sheets}.",
                      "工作簿中没有名为“{sheet}”的工作表。现有工作表：{sheets}。"),
    "xls_not_supported": (
        "Old Excel files (.xls) cannot be read. Open the file in Excel and save it as .xlsx "
        "or CSV.",
        "不支持旧版 Excel 文件（.xls）。请在 Excel 中打开，另存为 .xlsx 或 CSV 后重新上传。"),
    "unknown_headers": (
        "No column with employee IDs or names was found (for example “工号”, “Employee ID”, "
        "“姓名” or “Agent”). Check the header row, or choose the columns by hand.",
        "没有找到员工编号列或姓名列（例如“工号”“Employee ID”“姓名”或“坐席”）。"
        "请检查表头，或手动指定各列。"),
    "missing_field": ("No column is chosen for “{field}”, which this kind of file needs.",
                      "此类文件必须包含“{field}”，但没有列被指定为该字段。"),
    "field_twice": ("Several columns ({columns}) are chosen for “{field}”; choose only one.",
                    "多个列（{columns}）都被指定为“{field}”，只能选择一列。"),
    "unknown_field": ("Column “{column}” is mapped to “{field}”, which this kind of file "
                      "does not have.",
                      "列“{column}”被指定为“{field}”，但此类文件没有这个字段。"),
    "unknown_column": ("The file has no column “{column}”.", "文件中没有“{column}”这一列。"),
    "no_metric_columns": (
        "No metric columns were found: choose a metric name column and a value column, or "
        "mark the columns that hold metrics.",
        "没有找到指标列：请指定“指标名称”列和“数值”列，或把含有指标数据的列标记为指标。"),
    "metric_needed": (
        "The columns of {where} are periods (months, weeks or quarters), but neither the sheet's "
        "name nor a title above the header says what they measure. Name the metric: type its "
        "name, or on the command line add --metric NAME (for example --metric Revenue).",
        "{where_zh}的列是各个期间（月、周或季度），但工作表名称和表头上方的标题都没有说明这些数值是"
        "什么指标。请输入指标名称；命令行请加上 --metric 指标名称（例如 --metric 销售额）。"),
    "period_year_needed": (
        "The column headers {columns} name periods without a year, and no title, sheet name "
        "or other header gives one. Write the year in the headers (2024年1月, Q1 2024) or in "
        "the sheet's name (Sales 2024), or on the command line add --year YYYY.",
        "表头 {columns} 中的期间没有年份，标题、工作表名称和其他表头中也找不到年份。请在表头中"
        "（如 2024年1月、2024Q1）或工作表名称中（如 2024销售额）写明年份，或在命令行加上 --year 年份。"),
    "bad_year": ("“{value}” in column “{column}” is not a year (for example 2024).",
                 "“{column}”列中的“{value}”不是年份（例如 2024）。"),
    "bad_quarter": ("“{value}” in column “{column}” is not a quarter (1-4, Q1, 一季度).",
                    "“{column}”列中的“{value}”不是季度（1-4、Q1、一季度）。"),
    "bad_month": ("“{value}” in column “{column}” is not a month (1-12, Jan, 1月).",
                  "“{column}”列中的“{value}”不是月份（1-12、Jan、1月）。"),
    "bad_week": ("“{value}” in column “{column}” is not a week of the year (1-53, W05).",
                 "“{column}”列中的“{value}”不是周次（1-53、W05）。"),
    "wrong_kind": ("“{kind}” is not a kind of file Coachboard can import.",
                   "Coachboard 不能导入“{kind}”类型的文件。"),
    # one bad cell
    "empty_id": ("The employee ID is empty in column “{column}”.", "“{column}”列的员工编号为空。"),
    "not_a_number": ("“{value}” in column “{column}” is not a number.",
                     "“{column}”列中的“{value}”不是数字。"),
    "bad_date": ("“{value}” in column “{column}” is not a date we recognise.",
                 "“{column}”列中的“{value}”不是可识别的日期。"),
    "missing_value": ("Column “{column}” is empty but needs a value.",
                      "“{column}”列为空，但必须填写。"),
    "bad_type": ("“{value}” in column “{column}” is not a session type (formal / informal, "
                 "正式 / 非正式).",
                 "“{column}”列中的“{value}”不是有效的辅导类型（正式 / 非正式）。"),
    "bad_model": ("“{value}” in column “{column}” is not a coaching model (GROW, BEST, "
                  "STAR-AR, OKR).",
                  "“{column}”列中的“{value}”不是有效的辅导模型（GROW、BEST、STAR-AR、OKR）。"),
    "bad_flag": ("“{value}” in column “{column}” is not yes or no (是/否, Y/N).",
                 "“{column}”列中的“{value}”不是“是/否”。"),
    "duplicate_key": ("{value} appears on an earlier line with different values (column "
                      "“{column}”); this line was not imported.",
                      "{value} 在前面的行中已出现且数值不同（“{column}”列），本行未导入。"),
}
MESSAGES.update(ORG_MESSAGES)  # reporting lines and manager circles (store.org_chart)

# Whole-file problems the command line solves with a flag: ``cli.py import`` exits 2 for them.
NEEDS_FLAG: dict[str, str] = {"metric_needed": "--metric", "period_year_needed": "--year",
                              "ambiguous_kind": "--kind"}

MESSAGES.update(PEOPLE_MESSAGES)
MESSAGES.update(SHEET_MESSAGES)
MESSAGES.update(IMPORTS16_MESSAGES)

_GENERIC = ("Something in this file could not be read ({code}).",
            "文件中有内容无法读取（{code}）。")

FIELD_LABELS: dict[str, tuple[str, str]] = {
    "employee_id": ("employee ID", "员工编号"), "name": ("name", "姓名"),
    "first_name": ("first name", "名"), "last_name": ("last name", "姓"),
    "team": ("team", "团队"), "manager_id": ("manager", "直属主管"), "role": ("role", "岗位"),
    "hire_date": ("hire date", "入职日期"), "high_potential": ("high potential", "高潜"),
    "period": ("period", "统计周期"), "metric": ("metric name", "指标名称"),
    "value": ("value", "数值"), "target": ("target", "目标值"), "date": ("date", "日期"),
    "type": ("session type", "辅导类型"), "model": ("coaching model", "辅导模型"),
    "coach": ("coach", "辅导人"), "notes": ("notes", "备注"), "objective": ("objective", "目标"),
    "key_result": ("key result", "关键结果"), "weight": ("weight", "权重"),
    "due_date": ("due date", "截止日期"), "progress": ("progress", "进度"),
    "year": ("year", "年度"), "quarter": ("quarter", "季度"), "month": ("month", "月份"),
    "week": ("week", "周次"),
}


class _Blank(dict):
    """Missing placeholders render as empty rather than raising KeyError."""

    def __missing__(self, key: str) -> str:
        """An empty string for any placeholder not given."""
        return ""


def describe(code: str, lang: str = "en", **params: object) -> str:
    """The sentence for ``code`` in ``lang`` ("en" or "zh"), placeholders filled."""
    i = 1 if lang.lower().startswith("zh") else 0
    template = MESSAGES.get(code, _GENERIC)[i]
    values = _Blank({k: "" if v is None else str(v) for k, v in params.items()})
    values.setdefault("code", code)
    label = FIELD_LABELS.get(str(params.get("field")))
    if label is not None:
        values["field"] = label[i]
    return string.Formatter().vformat(template, (), values)
