"""Texts of the sign-in and no-access pages and the sidebar's user box: key -> (en, zh)."""

TEXTS: dict[str, tuple[str, str]] = {
    "nav.admin": ("Users and audit", "用户与审计"),
    "nav.signin": ("Sign in", "登录"),
    "nav.no_access": ("No access", "无访问权限"),
    "signin.title": ("Coachboard", "Coachboard"),
    "signin.intro": (
        "Sign in with your company account to see your people, their numbers and your coaching "
        "notes.",
        "请使用公司账号登录，查看你的团队成员、他们的指标和你的辅导记录。",
    ),
    "signin.button": ("Sign in", "登录"),
    "signin.no_access_title": ("Ask your administrator for access", "请联系管理员开通权限"),
    "signin.no_access": (
        "You are signed in as {email}, but this address is not a Coachboard user (or was "
        "removed). Ask your Coachboard administrator to add it with your role, then reload "
        "this page.",
        "你已使用 {email} 登录，但该地址不是 Coachboard 用户（或已被删除）。请联系 Coachboard "
        "管理员为其添加角色，然后刷新本页面。",
    ),
    "signin.no_email": (
        "Your sign-in did not tell Coachboard your email address, so it cannot find your role. "
        "Ask your administrator to check the identity provider's settings.",
        "登录信息中没有你的电子邮件地址，Coachboard 无法确定你的角色。请联系管理员检查身份提供方的设置。",
    ),
    "signin.signed_in_as": ("Signed in as {email} · {role}", "当前用户：{email} · {role}"),
    "signin.sign_out": ("Sign out", "退出登录"),
}
