"""Texts of long tables and person lists cut to a page (ui/paging.py): key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "paging.search": ("Find in this table", "在表中查找"),
    "paging.search_hint": ("Name or ID", "姓名或工号"),
    "paging.shown": (
        "Showing the first {shown} of {total} rows. Search by name or ID, or show more.",
        "显示前 {shown} 行，共 {total} 行。可按姓名或工号查找，或显示更多。",
    ),
    "paging.more": ("Show {n} more", "再显示 {n} 行"),
    "paging.no_match": (
        "No row of the {total} matches “{text}”.",
        "{total} 行中没有与“{text}”匹配的行。",
    ),
    "paging.find_person": ("Find a person", "查找员工"),
    "paging.listed": (
        "{shown} of {total} people listed: type a name or ID to find someone else.",
        "列出 {total} 人中的 {shown} 人：输入姓名或工号查找其他人。",
    ),
}
