"""UI texts of the flow that follows one person: log this talk, who coaches, the
follow-up wording, the parts of each coaching model. key -> (en, zh)."""

TEXTS: dict[str, tuple[str, str]] = {
    # getting to the log with the person
    "flow.log_this_talk": ("Log this talk", "记录这次面谈"),
    "flow.log_a_talk": ("Log a talk", "记录面谈"),
    "flow.log_help": (
        "Opens the coaching log on this person.", "打开这名员工的辅导记录。"),
    # the log page: whom you write about
    "flow.person": ("Whom did you talk with?", "与谁面谈？"),
    "flow.person_placeholder": ("Choose a person", "请选择员工"),
    "flow.choose_first": (
        "Choose the person the talk was with; the form appears for them.",
        "请先选择面谈对象，随后会显示记录表单。",
    ),
    "flow.unknown_id": (
        "Nobody with the id {id} is in your roster: choose the person below.",
        "你的花名册中没有工号为 {id} 的员工，请在下方选择。",
    ),
    "flow.log_for": ("Log a talk with {name}", "记录与 {name} 的面谈"),
    "flow.person_label": ("{name} ({id}) · {team}", "{name}（{id}）· {team}"),
    "flow.person_label_noteam": ("{name} ({id})", "{name}（{id}）"),
    # confirmations before saving
    "flow.confirm_person": (
        "This log was opened for **{origin}**, but the session would be saved for **{name}**. "
        "Is it meant for {name}?",
        "这个记录页是为 **{origin}** 打开的，但这次辅导将保存到 **{name}** 名下。确定是 {name} 吗？",
    ),
    "flow.confirm_duplicate": (
        "The log already holds {n} × “{type}” with {name} on {date}. Saving again adds another "
        "one: is this a second talk that day?",
        "{name} 在 {date} 已有 {n} 条“{type}”记录。再次保存会新增一条：这是当天的另一次面谈吗？",
    ),
    "flow.save_anyway": ("Yes, save it for {name}", "是的，保存到 {name} 名下"),
    "flow.dont_save": ("No, do not save", "不，先不保存"),
    "flow.not_saved": (
        "Not saved. What you typed is still in the form.", "未保存。已填写的内容仍保留在表单中。"),
    # who coaches
    "flow.coach_local": ("You are (recorded as the coach)", "你是（记录为辅导人）"),
    "flow.coach_placeholder": ("Choose or type your name", "选择或输入你的姓名"),
    "flow.coach_help": (
        "Every session records who coached. Choose yourself from the roster's managers or type "
        "your name; it is remembered for the next sessions.",
        "每次辅导都会记录辅导人。请从花名册的主管中选择自己，或输入姓名；之后的记录会沿用。",
    ),
    "flow.coach_signed_in": (
        "Signed in as **{name}**: the sessions you log are recorded with you as the coach.",
        "已登录为 **{name}**：你记录的辅导会以你为辅导人保存。",
    ),
    "cl.error.coach.required": (
        "Choose or type your name at the top first: every session records who coached.",
        "请先在页面上方选择或输入你的姓名：每次辅导都要记录辅导人。",
    ),
    # the parts of each model
    "flow.parts.GROW": ("GROW parts (optional)", "GROW 各部分（可选）"),
    "flow.parts.BEST": ("BEST parts (optional)", "BEST 各部分（可选）"),
    "flow.parts.STAR-AR": ("STAR-AR parts (optional)", "STAR-AR 各部分（可选）"),
    "flow.parts.OKR": (
        "OKR: write the objective and its key results in the notes.",
        "OKR：请在备注中写下目标和关键结果。",
    ),
    "cl.part.situation": ("S · Situation", "S · 情境"),
    "cl.part.task": ("T · Task", "T · 任务"),
    "cl.part.action": ("A · Action taken", "A · 采取的行动"),
    "cl.part.result": ("R · Result", "R · 结果"),
    "cl.part.analysis": ("A · Analysis (what we learn)", "A · 分析（学到了什么）"),
    "cl.part.reinforcement": ("R · Reinforcement (make it the standard)",
                              "R · 强化（固化为标准做法）"),
    # telling sessions apart
    "flow.source.import": ("Imported", "导入"),
    "flow.logged_at": ("Logged here at", "录入时间"),
    # follow-up
    "fu.when.overdue": ("overdue by {n} days", "已逾期 {n} 天"),
    "fu.when.overdue_one": ("overdue by 1 day", "已逾期 1 天"),
    "fu.when.today": ("due today", "今天到期"),
    "fu.when.soon": ("due in {n} days", "{n} 天后到期"),
    "fu.when.soon_one": ("due in 1 day", "1 天后到期"),
    "fu.col.when": ("When", "时间"),
    "fu.col.when_help": (
        "Days counted from the due date to the as-of date above.",
        "从到期日到上方判断日期的天数。",
    ),
    "fu.col.often": ("Contact more often", "加密沟通"),
    "fu.col.often_help": (
        "Volatile or high-potential people: contact every {days} days instead of every "
        "{contact} (cadence settings).",
        "表现波动或高潜员工：每 {days} 天沟通一次，而不是每 {contact} 天（见辅导节奏设置）。",
    ),
    "fu.col.action": ("Agreed action", "约定的行动"),
    "fu.col.action_help": (
        "For an action that is due: what was agreed in the session.",
        "对于到期的行动项：辅导中约定的内容。",
    ),
    "fu.col.log": ("Log", "记录"),
    "fu.pick_hint": (
        "Select a row to see that person's timeline below; \"Log a talk\" opens the coaching log "
        "on them.",
        "选中一行即可在下方查看该员工的时间线；“记录面谈”会打开该员工的辅导记录。",
    ),
    "fu.manager_label": ("{name} · {team}", "{name} · {team}"),
}
