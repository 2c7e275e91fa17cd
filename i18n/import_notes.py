"""The notes an import shows (lines skipped, repeats, partial periods): ``ingest.notes.Note``
renders ``note.<code>``. key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    # what an import did with lines it did not store as they were
    "note.total_row": (
        "Line {line} looks like a total row and was not imported.",
        "第 {line} 行看起来是合计行，未导入。",
    ),
    "note.repeated_lines": (
        "Values repeating an earlier line exactly were imported once ({lines})",
        "与前面某行完全相同的数值只导入了一次（{lines}）",
    ),
    "note.above_header": (
        "Line {line} is above the header and was skipped: {text}",
        "第 {line} 行在表头上方，已跳过：{text}",
    ),
    "note.partial_one": (
        "The file covers {first} to {last}: the {grain} starting {shown} is only partly in it, so "
        "its values were {fate}.",
        "文件涵盖 {first} 至 {last}：从 {shown} 开始的{grain}只有部分在文件中，因此其数值{fate}。",
    ),
    "note.partial_many": (
        "The file covers {first} to {last}: the {grain}s starting {shown} are only partly in it, "
        "so their values were {fate}.",
        "文件涵盖 {first} 至 {last}：从 {shown} 开始的各{grain}只有部分在文件中，因此其数值{fate}。",
    ),
    # dates on arbitrary days
    "note.dates_by_grain": (
        "Dates on arbitrary days were read by {grain}: {values} values, each the mean of a "
        "person's values in that {grain} (from {dated} dated values).",
        "任意日期的数据按{grain}读取：共 {values} 个数值，每个是某人在该{grain}内各数值的平均值（来自 {dated} 个带日期的数值）。",
    ),
    # words inside the notes: what became of partial periods, a grain
    "note.word.kept": (
        "kept and marked partial (trends and flags leave them out)",
        "已保留并标记为不完整（趋势和提醒不计入）",
    ),
    "note.word.left_out": ("left out (include partial periods to keep them)", "未计入（勾选包含不完整周期即可保留）"),
    "note.word.week": ("week", "周"),
    "note.word.month": ("month", "月"),
    "note.word.quarter": ("quarter", "季度"),
    "note.word.day": ("day", "日"),
    "note.word.year": ("year", "年"),
    # the lines a note names (the list itself is joined in ingest.notes)
    "note.line": ("line {lines}", "第 {lines} 行"),
    "note.lines": ("lines {lines}", "第 {lines} 行"),
}
