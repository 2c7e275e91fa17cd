"""What is wrong with an imported file as a whole, the questions an import asks, and why a sheet
was proposed as it was: ``ingest.describe(code)`` renders ``ingest.<code>``. key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    # whole-file problems: the file cannot be read, or its columns do not say enough
    "ingest.empty_file": ("The file is empty.", "文件是空的。"),
    "ingest.unreadable_encoding": (
        "The file's text could not be read. Save it as CSV (UTF-8) or as an Excel .xlsx file and "
        "upload it again.",
        "无法识别文件的文字编码。请另存为 CSV（UTF-8）或 Excel .xlsx 文件后重新上传。",
    ),
    "ingest.bad_workbook": (
        "The Excel file could not be opened; it may be damaged. Open it in Excel, save it again as "
        ".xlsx and upload it.",
        "无法打开该 Excel 文件，文件可能已损坏。请在 Excel 中打开并另存为 .xlsx 后重新上传。",
    ),
    "ingest.too_big": (
        "The file is {size}; files up to {limit} can be imported. Split it (for example one file "
        "per quarter) and import the parts.",
        "文件大小为 {size}，最多只能导入 {limit}。请拆分文件（例如每季度一个）后分别导入。",
    ),
    "ingest.no_rows": ("The file has a header row but no data rows.", "文件只有表头，没有数据行。"),
    "ingest.no_such_sheet": (
        "The workbook has no sheet named “{sheet}”. Sheets: {sheets}.",
        "工作簿中没有名为“{sheet}”的工作表。现有工作表：{sheets}。",
    ),
    "ingest.xls_not_supported": (
        "Old Excel files (.xls) cannot be read. Open the file in Excel and save it as .xlsx or CSV.",
        "不支持旧版 Excel 文件（.xls）。请在 Excel 中打开，另存为 .xlsx 或 CSV 后重新上传。",
    ),
    "ingest.unknown_headers": (
        "No column with employee IDs or names was found (for example “工号”, “Employee ID”, “姓名” or "
        "“Agent”). Check the header row, or choose the columns by hand.",
        "没有找到员工编号列或姓名列（例如“工号”“Employee ID”“姓名”或“坐席”）。请检查表头，或手动指定各列。",
    ),
    "ingest.missing_field": (
        "No column is chosen for “{field}”, which this kind of file needs.",
        "此类文件必须包含“{field}”，但没有列被指定为该字段。",
    ),
    "ingest.field_twice": (
        "Several columns ({columns}) are chosen for “{field}”; choose only one.",
        "多个列（{columns}）都被指定为“{field}”，只能选择一列。",
    ),
    "ingest.unknown_field": (
        "Column “{column}” is mapped to “{field}”, which this kind of file does not have.",
        "列“{column}”被指定为“{field}”，但此类文件没有这个字段。",
    ),
    "ingest.unknown_column": ("The file has no column “{column}”.", "文件中没有“{column}”这一列。"),
    "ingest.no_metric_columns": (
        "No metric columns were found: choose a metric name column and a value column, or mark the "
        "columns that hold metrics.",
        "没有找到指标列：请指定“指标名称”列和“数值”列，或把含有指标数据的列标记为指标。",
    ),
    "ingest.metric_needed": (
        "The columns of {where} are periods (months, weeks or quarters), but neither the sheet's "
        "name nor a title above the header says what they measure. Name the metric: type its name, "
        "or on the command line add --metric NAME (for example --metric Revenue).",
        "{where}的列是各个期间（月、周或季度），但工作表名称和表头上方的标题都没有说明这些数值是什么指标。请输入指标名称；命令行请加上 --metric 指标名称（例如 "
        "--metric 销售额）。",
    ),
    "ingest.period_year_needed": (
        "The column headers {columns} name periods without a year, and no title, sheet name or "
        "other header gives one. Write the year in the headers (2024年1月, Q1 2024) or in the "
        "sheet's name (Sales 2024), or on the command line add --year YYYY.",
        "表头 {columns} 中的期间没有年份，标题、工作表名称和其他表头中也找不到年份。请在表头中（如 2024年1月、2024Q1）或工作表名称中（如 2024销售额）写明年份，或"
        "在命令行加上 --year 年份。",
    ),
    "ingest.bad_year": (
        "“{value}” in column “{column}” is not a year (for example 2024).",
        "“{column}”列中的“{value}”不是年份（例如 2024）。",
    ),
    "ingest.bad_quarter": (
        "“{value}” in column “{column}” is not a quarter (1-4, Q1, 一季度).",
        "“{column}”列中的“{value}”不是季度（1-4、Q1、一季度）。",
    ),
    "ingest.bad_month": (
        "“{value}” in column “{column}” is not a month (1-12, Jan, 1月).",
        "“{column}”列中的“{value}”不是月份（1-12、Jan、1月）。",
    ),
    "ingest.bad_week": (
        "“{value}” in column “{column}” is not a week of the year (1-53, W05).",
        "“{column}”列中的“{value}”不是周次（1-53、W05）。",
    ),
    "ingest.wrong_kind": (
        "“{kind}” is not a kind of file Coachboard can import.",
        "Coachboard 不能导入“{kind}”类型的文件。",
    ),
    # a workbook's problems and open questions (each names the command line's flag), and why a sheet was proposed as it was (ingest.propose)
    "ingest.unpacked_too_big": (
        "This Excel file is {size} but would unpack to {unpacked}, far more than any export holds; "
        "it was not opened. Save the data again from Excel (or as CSV) and upload that.",
        "该 Excel 文件大小为 {size}，解压后将达 {unpacked}，远超正常导出文件，因此未打开。请在 Excel 中重新保存数据（或另存为 CSV）后上传。",
    ),
    "ingest.workbook_too_big": (
        "This Excel file ({size}) holds {unpacked} of cells, more than Coachboard reads from a "
        "workbook ({limit}). Save the sheet as CSV in Excel and upload that, or split it.",
        "该 Excel 文件（{size}）含 {unpacked} 的单元格数据，超过可从工作簿读取的上限（{limit}）。请在 Excel 中另存为 CSV 后上传，或拆分文件。",
    ),
    "ingest.sheet_too_big": (
        "Sheet “{sheet}” reaches row {rows} and column {columns}: more cells than Coachboard reads "
        "from a workbook within its memory limit (about a million rows of 10 columns). Save the "
        "sheet as CSV in Excel and upload that, or split it.",
        "工作表“{sheet}”的数据延伸到第 {rows} 行、第 {columns} 列，单元格数量超过工作簿读取的内存上限（约一百万行、10 列）。请在 Excel 中将该工作表另存"
        "为 CSV 后上传，或拆分文件。",
    ),
    "ingest.nothing_included": ("No sheet of this file is chosen for import.", "此文件中没有选择要导入的工作表。"),
    "ingest.targets_without_actuals": (
        "Sheet “{sheet}” holds targets, but no sheet of actual values with the same columns is "
        "imported with it. Include the actuals sheet, or choose what “{sheet}” holds (--sheet "
        "“{sheet}=metrics”).",
        "工作表“{sheet}”是目标值，但没有一同导入列相同的实际值工作表。请一并导入实际值工作表，或指定“{sheet}”的类型（--sheet “{sheet}=metrics”）。",
    ),
    "ingest.layout_unavailable": (
        "Sheet “{sheet}” has a layout this version of Coachboard cannot read yet.",
        "此版本的 Coachboard 尚不能读取工作表“{sheet}”的格式。",
    ),
    "ingest.recipe_does_not_fit": (
        "The saved import settings do not fit this file: “{what}” is missing. Choose the settings "
        "again, or another recipe (--recipe NAME).",
        "保存的导入设置与此文件不符：缺少“{what}”。请重新选择设置，或换一个配方（--recipe 名称）。",
    ),
    "ingest.grain_clash": (
        "This file's figures are {file_grain} and this workspace's are {workspace_grain}. "
        "Coachboard reads a workspace on one calendar, and on it two of a person's figures for "
        "“{metric}” would fall in the same period, so nothing was stored. Import the file with "
        "its dates read by the workspace's period (Import page: “Read the dates by”; command "
        "line: --grain {workspace_code}), or into a workspace of its own.",
        "此文件的数据为{file_grain}，本工作区的数据为{workspace_grain}。Coachboard 按同一套周期读取"
        "一个工作区，合并后同一人“{metric}”的两个数值会落在同一期，因此未存储任何数据。请按本工作区"
        "的周期读取此文件的日期后再导入（导入页：“日期按以下周期读取”；命令行：--grain "
        "{workspace_code}），或导入到单独的工作区。",
    ),
    "ingest.grain.day": ("daily", "按日"),
    "ingest.grain.week": ("weekly", "按周"),
    "ingest.grain.month": ("monthly", "按月"),
    "ingest.grain.quarter": ("quarterly", "按季度"),
    "ingest.grain.year": ("yearly", "按年"),
    "ingest.no_such_recipe": (
        "There is no recipe called “{name}”. Recipes: {names}.",
        "没有名为“{name}”的配方。现有配方：{names}。",
    ),
    "ingest.ask_kind": (
        "Coachboard cannot tell what “{sheet}” holds (metrics, a roster, coaching sessions or "
        "goals). Say which: --kind KIND for a one-sheet file, --sheet “{sheet}=KIND” for a sheet.",
        "无法判断“{sheet}”的内容（指标、花名册、辅导记录或目标）。请指定：单表文件用 --kind 类型，工作表用 --sheet “{sheet}=类型”。",
    ),
    "ingest.ask_person": (
        "No column of “{sheet}” names the people (an employee ID such as “工号” or “Employee ID”, or "
        "a name such as “姓名”). Name it: --id-column COLUMN or --name-column COLUMN.",
        "“{sheet}”中没有标明人员的列（员工编号如“工号”，或姓名如“姓名”）。请指定：--id-column 列名 或 --name-column 列名。",
    ),
    "ingest.ask_metric": (
        "“{sheet}” has one column per period, but the metric's name is not in the file. Name it: "
        "--metric NAME.",
        "“{sheet}”每个期间一列，但文件中没有指标名称。请指定：--metric 名称。",
    ),
    "ingest.ask_grain": (
        "Choose the periods the events of “{sheet}” are counted by: --grain day, week or month.",
        "请选择“{sheet}”中事件的统计周期：--grain day（日）、week（周）或 month（月）。",
    ),
    "ingest.empty_sheet": ("Empty sheet: nothing to import.", "空工作表：没有可导入的内容。"),
    "ingest.chart_sheet": ("A chart: nothing to import.", "图表：没有可导入的内容。"),
    "ingest.helper_sheet": (
        "No column names a person (an ID or a name): a helper sheet such as a calendar, a lookup "
        "table or a pivot, so it is skipped. Choose a kind to import it anyway.",
        "没有标明人员的列（编号或姓名）：应为日历、对照表或透视表等辅助表，已跳过。如需导入，请选择类型。",
    ),
    "ingest.targets_sheet": (
        "Targets of sheet “{targets_for}” (same columns): stored as its targets.",
        "工作表“{targets_for}”的目标值（列相同）：作为其目标值保存。",
    ),
    "ingest.not_in_recipe": ("Not in the saved settings: skipped.", "不在保存的设置中：已跳过。"),
    # a file that could be two kinds
    "ingest.ambiguous_kind": (
        "This file could be metrics (its numbers stored per person and period) or a roster (a list "
        "of people). Say which: choose the kind on the Import page, or add --kind metrics or "
        "--kind roster to the command.",
        "此文件既可能是指标数据（按人员和期间保存其中的数字），也可能是花名册（人员名单）。请指明类型：在导入页面选择类型，或在命令中加上 --kind metrics 或 --kind "
        "roster。",
    ),
    # periods without a year, dates on arbitrary days
    "ingest.grain_of_events": (
        "An event log is counted by day, week or month, not by {grain}: use --grain day, week or "
        "month.",
        "事件记录只能按日、周或月统计，不能按“{grain}”：请使用 --grain day、week 或 month。",
    ),
    "ingest.ask_year": (
        "The periods of “{sheet}” are written without a year (such as 1月, Jan, Q1 or W05), and the "
        "file does not say which. Write the year in the cells (2024年1月, Q1 2024), or on the "
        "command line add --year YYYY.",
        "“{sheet}”中的期间没有写年份（如 1月、Jan、Q1、W05），文件中也看不出是哪一年。请在单元格中写明年份（如 2024年1月、2024Q1），或在命令行加上 "
        "--year 年份。",
    ),
    # the place a whole-file sentence is about ({where})
    "ingest.where.sheet": ("the sheet “{sheet}”", "工作表“{sheet}”"),
    "ingest.where.file": ("this file", "此文件"),
    # a code without its own sentence (ingest.describe)
    "ingest.generic": ("Something in this file could not be read ({code}).", "文件中有内容无法读取（{code}）。"),
}
