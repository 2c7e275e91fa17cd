"""Texts of the pages at thousands of people (issue 20): key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "big5k.emp_listed": (
        "{shown} of {total} people listed, those needing attention first: type a name, team or "
        "ID to find someone else (a whole ID opens them).",
        "列出 {total} 人中的 {shown} 人，需要关注的人在前：输入姓名、团队或工号查找其他人"
        "（输入完整工号直接打开）。",
    ),
    "big5k.people_in_cell": ("People", "人数"),
    "big5k.density_note": (
        "{n} people, more than {most}: each cell counts the people with that many sessions and "
        "that change (darker: more people); the line is fitted on every person. Find someone in "
        "the table of people below.",
        "共 {n} 人，超过 {most} 人：每个格子统计辅导次数和变化落在该格的人数（颜色越深人越多）；"
        "拟合线基于每一个人。要查看某个人，请在下方的人员表中查找。",
    ),
}
