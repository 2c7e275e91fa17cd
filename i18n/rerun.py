"""Texts of the overview's paged attention list: key -> (en, zh)."""

TEXTS: dict[str, tuple[str, str]] = {
    "rerun.search": ("Find a person", "查找员工"),
    "rerun.search_hint": ("Name or ID", "姓名或工号"),
    "rerun.shown": (
        "Showing the {shown} most urgent of {total} flagged people. Search by name or ID, or "
        "filter by team or reason, to find the others.",
        "显示最紧急的 {shown} 人，共 {total} 名需要关注的员工。可按姓名或工号查找，或按团队、原因"
        "筛选，查看其他人。",
    ),
    "rerun.more": ("Show {n} more", "再显示 {n} 人"),
    "rerun.no_match": (
        "Nobody among the {total} flagged people matches “{text}”.",
        "{total} 名需要关注的员工中没有与“{text}”匹配的人。",
    ),
}
