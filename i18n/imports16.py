"""Texts of the Import page's questions about periods: the year of periods written
without one, the grain of dates on arbitrary days (the sentences ``ingest`` raises for them are
in i18n/import_files.py and i18n/import_notes.py)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    # the mapping editor's choices for a name written in two columns
    "field.first_name": ("First name", "名"),
    "field.last_name": ("Last name (family name)", "姓"),
    # Streamlit writes the file box's own words in English only; in Chinese these replace them
    "imports16.upload.button": ("Upload", "上传"),
    "imports16.upload.limit": ("{mb} MB per file", "每个文件最大 {mb} MB"),
    "imports16.year": ("Year of these periods", "这些期间所属的年份"),
    "imports16.grain": ("Read the dates by", "日期按以下周期读取"),
    "imports16.grain.day": ("as written (each date its own period)", "按原样（每个日期各为一期）"),
    "imports16.grain.week": ("week (starting Monday)", "周（周一开始）"),
    "imports16.grain.month": ("month", "月"),
    "imports16.grain.quarter": ("quarter", "季度"),
    "imports16.grain.why_once": (
        "The dates of “{column}” fall on arbitrary days and most of the {people} people have "
        "one date only, so a day holds too few people to compare; they are read by {grain} "
        "({held} people in a {grain}, median): each value is the mean of that person's values "
        "in the {grain}. Choose another grain if that is wrong.",
        "“{column}”中的日期是任意日期，{people} 人中多数只有一个日期，单日人数太少，无法比较；"
        "因此按{grain}读取（每{grain}中位 {held} 人）：每个数值是此人在该{grain}内各数值的平均值。"
        "如不合适，请选择其他周期。"),
    "imports16.grain.why": (
        "The dates of “{column}” fall on arbitrary days, a median of {gap} days apart for the "
        "same person ({people} people with two dates or more), so they are read by {grain}: "
        "each value is the mean of that person's values in the {grain}. Choose another grain "
        "if that is wrong.",
        "“{column}”中的日期是任意日期，同一人的两次日期中位间隔 {gap} 天（{people} 人有两次以上），"
        "因此按{grain}读取：每个数值是此人在该{grain}内各数值的平均值。如不合适，请选择其他周期。"),
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
