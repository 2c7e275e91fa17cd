"""UI texts about people and import kinds (issue 16: names without ids, optional columns,
what an import stored): key -> (en, zh)."""

# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "people.no_team": ("no team", "未分组"),
    "people.no_manager": ("no manager", "无直属主管"),
}
