"""Texts of the Import page's questions about periods (issue 16): the year of periods written
without one, the grain of dates on arbitrary days; and the sentences ``ingest`` raises for them
(``MESSAGES``, merged into ``ingest.messages``)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "imports16.year": ("Year of these periods", "这些期间所属的年份"),
    "imports16.year.guess": (
        "The periods {periods} are written without a year. Read as {year}: the latest year in "
        "which all of them have begun. Change it if they are from another year.",
        "期间 {periods} 没有写年份。按 {year} 年读取：这是它们都已开始的最近一年。"
        "如果属于其他年份，请修改。"),
    "imports16.year.file": (
        "The periods {periods} are written without a year; the sheet's name or title says "
        "{year}. Change it if that is wrong.",
        "期间 {periods} 没有写年份；工作表名称或标题中写的是 {year} 年。如有误，请修改。"),
    "imports16.year.kept": (
        "The periods {periods} are written without a year; read as {year}, as chosen last "
        "time for a file of this shape. Change it if this file is from another year.",
        "期间 {periods} 没有写年份；按上次导入同样格式文件时选择的 {year} 年读取。"
        "如果此文件属于其他年份，请修改。"),
}

# Whole-file problems of ``ingest`` (code -> (English, 简体中文)), merged into ingest.messages.
MESSAGES: dict[str, tuple[str, str]] = {
    "ask_year": (
        "The periods of “{sheet}” are written without a year (such as 1月, Jan, Q1 or W05), and "
        "the file does not say which. Write the year in the cells (2024年1月, Q1 2024), or on "
        "the command line add --year YYYY.",
        "“{sheet}”中的期间没有写年份（如 1月、Jan、Q1、W05），文件中也看不出是哪一年。请在单元格中写明"
        "年份（如 2024年1月、2024Q1），或在命令行加上 --year 年份。"),
}
