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
}
