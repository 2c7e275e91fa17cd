"""Texts of who may change the org chart, the manager chains and refused links (issue 18)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "org.pick_someone": ("Choose someone from the list", "请从列表中选择一位员工"),
}
