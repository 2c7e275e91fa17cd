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

# The bad lines of store.org_chart: code -> (English, 简体中文), merged into ingest.messages.
# ``value`` is the employee id, or the circle of ids ("E001 → E002 → E001").
ROW_MESSAGES: dict[str, tuple[str, str]] = {
    "org_manager_id": (
        "Only HR can change who {value} reports to, so this line was not imported. Ask HR, or "
        "leave the manager as it is.",
        "只有人力资源部门可以更改 {value} 的直属主管，此行未导入。请联系人力资源部门，或保持原主管不变。"),
    "org_team": (
        "Only HR can move {value} to another team, so this line was not imported. Ask HR, or "
        "leave the team as it is.",
        "只有人力资源部门可以把 {value} 调到其他团队，此行未导入。请联系人力资源部门，或保持原团队不变。"),
    "org_role": (
        "Only HR can change {value}'s role, so this line was not imported. Ask HR, or leave the "
        "role as it is.",
        "只有人力资源部门可以更改 {value} 的岗位，此行未导入。请联系人力资源部门，或保持原岗位不变。"),
    "org_hire_date": (
        "Only HR can change {value}'s hire date, so this line was not imported. Ask HR, or "
        "leave the hire date as it is.",
        "只有人力资源部门可以更改 {value} 的入职日期，此行未导入。请联系人力资源部门，或保持原入职日期不变。"),
    "manager_self": (
        "{value} is entered as their own manager, so this line was not imported. Enter the "
        "person they report to, or leave the manager empty.",
        "{value} 被填写为自己的直属主管，此行未导入。请填写其实际汇报对象，或留空。"),
    "manager_cycle": (
        "This line closes a circle of managers ({value}): nobody above them would see these "
        "people, so it was not imported. Every chain must end at someone with no manager.",
        "此行使直属主管关系形成闭环（{value}）：上级将看不到这些员工，因此未导入。"
        "每条汇报链都必须止于一位没有直属主管的人。"),
}
