"""Texts of sign-in, roles, user management and the audit log: key -> (en, zh)."""

TEXTS: dict[str, tuple[str, str]] = {
    # refusals (store.users.UserError, store.access.AccessDenied, cli.py --as)
    "access.bad_email": (
        "“{email}” is not an email address: write it like name@company.com.",
        "“{email}” 不是电子邮件地址，请按 name@company.com 的格式填写。",
    ),
    "access.bad_role": (
        "“{role}” is not a role: choose one of {roles}.",
        "“{role}” 不是有效角色，请从 {roles} 中选择。",
    ),
    "access.needs_employee": (
        "A manager needs an employee id: their own entry in the roster decides whose data they see.",
        "主管必须填写工号：系统根据其在花名册中的位置决定能看到哪些人的数据。",
    ),
    "access.unknown_employee": (
        "There is no employee with id {employee_id} in the roster. Check the id or import the "
        "roster first.",
        "花名册中没有工号为 {employee_id} 的员工。请核对工号，或先导入花名册。",
    ),
    "access.self_demote": (
        "You cannot take away your own admin role: ask another administrator.",
        "不能取消自己的管理员角色，请联系其他管理员。",
    ),
    "access.self_remove": (
        "You cannot remove yourself: ask another administrator.",
        "不能删除自己，请联系其他管理员。",
    ),
    "access.denied": (
        "Your role may not do this (it needs the “{capability}” right). Nothing was changed.",
        "你的角色无权执行此操作（需要“{capability}”权限）。未做任何更改。",
    ),
    "access.out_of_scope": (
        "{ids} are not among your people. Nothing was changed.",
        "{ids} 不在你的管理范围内。未做任何更改。",
    ),
    "access.unknown_user": (
        "{email} is not a Coachboard user (or was removed). Add them first: "
        "python cli.py users add {email} --role ROLE",
        "{email} 不是 Coachboard 用户（或已被删除）。请先添加：python cli.py users add {email} --role ROLE",
    ),
    "role.manager": ("Manager", "主管"),
    "role.hr": ("HR", "人力资源"),
    "role.leadership": ("Leadership", "管理层"),
    "role.admin": ("Administrator", "管理员"),
    "role.local": ("Local user", "本地用户"),
    # the admin page
    "admin.title": ("Users and audit", "用户与审计"),
    "admin.no_right": (
        "Only an administrator may manage users and read the audit log.",
        "只有管理员可以管理用户和查看审计日志。",
    ),
    "admin.local": (
        "Sign-in is not configured, so everyone uses Coachboard as the local user with full "
        "rights. The users below take effect once [auth] is set up.",
        "尚未配置登录，所有人都以拥有全部权限的本地用户身份使用 Coachboard。配置 [auth] 后，"
        "下列用户设置才会生效。",
    ),
    "admin.users": ("Users", "用户"),
    "admin.users_empty": ("No users yet: add the first one below.", "还没有用户，请在下方添加。"),
    "admin.email": ("Email", "电子邮件"),
    "admin.role": ("Role", "角色"),
    "admin.employee_id": ("Employee id", "工号"),
    "admin.employee_id.help": (
        "A manager's own id in the roster: they see everyone below it. Optional for leadership "
        "(empty = the whole company), not used for HR and administrators.",
        "主管在花名册中的工号：可查看其下属所有人。管理层可选（留空 = 全公司），人力资源和管理员无需填写。",
    ),
    "admin.added_by": ("Added by", "添加人"),
    "admin.added_at": ("Added at", "添加时间"),
    "admin.form": ("Add a user or change a role", "添加用户或修改角色"),
    "admin.save": ("Save user", "保存用户"),
    "admin.saved": ("{email} can now sign in as {role}.", "{email} 现在可以以{role}身份登录。"),
    "admin.not_a_user": (
        "{email} was not a user; their sign-in is refused from now on anyway.",
        "{email} 原本不是用户；从现在起仍会拒绝其登录。",
    ),
    "admin.remove_title": ("Remove a user", "删除用户"),
    "admin.remove_pick": ("User to remove", "要删除的用户"),
    "admin.remove_confirm": (
        "Yes, remove this user and refuse their sign-in from now on",
        "确认：删除该用户，并从现在起拒绝其登录",
    ),
    "admin.remove": ("Remove user", "删除用户"),
    "admin.removed": (
        "{email} was removed; their sign-in is refused from now on.",
        "已删除 {email}，从现在起拒绝其登录。",
    ),
    "admin.audit": ("Audit log", "审计日志"),
    "admin.audit_intro": (
        "Who did what, to which ids, and how many rows. Names, notes and file contents are never "
        "recorded.",
        "记录谁在何时对哪些编号做了什么操作、涉及多少行。不记录姓名、备注或文件内容。",
    ),
    "admin.since": ("From", "起始日期"),
    "admin.audit_empty": ("Nothing recorded since {since}.", "自 {since} 起没有记录。"),
    "admin.download": ("Download the audit log (CSV)", "下载审计日志（CSV）"),
    "admin.logged_at": ("When", "时间"),
    "admin.actor": ("Who", "操作人"),
    "admin.action": ("Action", "操作"),
    "admin.target": ("Target (id)", "对象（编号）"),
    "admin.rows": ("Rows", "行数"),
    "admin.detail": ("Detail", "说明"),
}
