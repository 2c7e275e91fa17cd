"""UI texts about people and import kinds (names without ids, optional columns,
what an import stored): key -> (en, zh)."""

# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "people.no_team": ("no team", "无团队"),
    "people.no_manager": ("no manager", "无直属主管"),
    "people.allow_metrics": ("These metrics may hold such values (import them as they are)",
                             "这些指标确实可能取这样的值（按原样导入）"),
    "people.allow_help": (
        "Some values look impossible for their metric (a negative count, a rate over 100%, a "
        "score off its scale, a huge number). Tick a metric only if it really can hold them.",
        "有些数值对其指标来说似乎不可能（负的数量、超过 100% 的比率、超出分值范围的评分、"
        "极大的数字）。只有当该指标确实可能取这些值时才勾选。"),
    "people.kind_ask": (
        "This file could be metrics (its numbers stored per person and period) or a roster (a "
        "list of people). Which is it?",
        "此文件既可能是指标数据（按人员和期间保存其中的数字），也可能是花名册（人员名单）。"
        "它是哪一种？"),
}
