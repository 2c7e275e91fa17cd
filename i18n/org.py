"""Texts of who may change the org chart, the manager chains and refused links."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    "org.pick_someone": ("Choose someone from the list", "请从列表中选择一位员工"),
    "maintenance.undo_circle": (
        "Undoing import {import_id} would put {ids} in a circle of managers (a later import "
        "changed their chain), so nothing was undone. Import a roster that fixes their managers "
        "first, then undo.",
        "撤销导入 {import_id} 会使 {ids} 的直属主管关系形成闭环（之后的导入改变了其汇报链），"
        "因此未做任何撤销。请先导入修正其直属主管的花名册，再撤销。"),
}
