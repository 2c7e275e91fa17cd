"""UI texts about people and import kinds (issue 16: names without ids, optional columns,
what an import stored): key -> (en, zh)."""

# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "people.no_team": ("no team", "未分组"),
    "people.no_manager": ("no manager", "无直属主管"),
    "people.kind_ask": (
        "This file could be metrics (its numbers stored per person and period) or a roster (a "
        "list of people). Which is it?",
        "此文件既可能是指标数据（按人员和期间保存其中的数字），也可能是花名册（人员名单）。"
        "它是哪一种？"),
}
