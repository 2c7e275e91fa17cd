"""Why a person is flagged and what to coach: the focus, model and style that
``analytics.coaching.suggest`` names by key. key -> (en, zh)."""

# Chinese sentences rightly use full-width punctuation, which RUF001 flags.
# ruff: noqa: RUF001, RUF100

TEXTS: dict[str, tuple[str, str]] = {
    # what to coach (analytics.coaching.suggest's focus)
    "focus.communication": ("Communication and service attitude, not speed", "聚焦沟通技巧和服务意识，而不是处理速度"),
    "focus.efficiency": (
        "Handling efficiency: product knowledge base, reply templates, calming techniques",
        "提升处理效率：熟悉产品知识库、优化话术模板、掌握快速安抚技巧",
    ),
    "focus.output": (
        "Results: pipeline, needs analysis and closing skills",
        "提升业绩：梳理商机、加强需求分析和成交技巧",
    ),
    "focus.root_cause": (
        "Find the root cause first: skill, attitude, process or resources",
        "先找根因：是技能、态度、流程还是资源问题",
    ),
    "focus.what_changed": (
        "What changed: review the key event behind the drop",
        "找出变化原因：复盘导致下滑的关键事件",
    ),
    "focus.consistency": (
        "Consistency: what makes the good weeks different from the bad ones",
        "保持稳定：找出表现好的周和差的周之间的区别",
    ),
    "focus.schedule_review": (
        "Schedule the formal review and keep monthly contact",
        "安排正式面谈，并保持每月沟通",
    ),
    "focus.onboarding": (
        "Onboarding: assign a mentor and basic training, follow up weekly",
        "新人融入：安排带教导师和基础培训，每周跟进",
    ),
    # which model, and why
    "model_reason.grow_reason": (
        "GROW: the employee can reason about the gap and find the answer with open questions",
        "GROW：员工能自己分析差距，用开放式提问引导其找到答案",
    ),
    "model_reason.grow_small_goals": (
        "GROW with small achievable goals (e.g. +5% this week): a skill gap closes with training "
        "and practice",
        "GROW + 小而可达成的目标（如本周提升 5%）：技能差距靠培训和练习来弥补",
    ),
    "model_reason.star_case_review": (
        "STAR-AR: review the case after a key event and turn the lesson into a standard practice",
        "STAR-AR：针对关键事件做案例复盘，把经验固化为标准动作",
    ),
    "model_reason.best_24h": (
        "BEST: immediate feedback within 24 hours on the observed behaviour and its effect",
        "BEST:24 小时内就观察到的行为及其影响给予即时反馈",
    ),
    "model_reason.best_quick": (
        "BEST: quick factual feedback now, then book the formal review",
        "BEST：先做一次简短的事实反馈，再约定正式面谈",
    ),
    "model_reason.okr_short_cycles": (
        "OKR-style goals in 2-3 week cycles with weekly check-ins",
        "OKR 式目标，以 2-3 周为一个周期，每周检视",
    ),
    "model_reason.okr_career": (
        "OKR: development goals tied to the career path, weekly check, monthly review",
        "OKR：结合职业发展路径设定成长目标，周度检视、月度复盘",
    ),
    # which style, by the employee's type
    "style.directive": ("Directive: show how, set clear steps, check often", "指导式：示范做法、明确步骤、勤于检查"),
    "style.developmental": (
        "Developmental: stretch goals linked to the next career step",
        "发展式：设定有挑战的目标，与下一步职业发展挂钩",
    ),
    "style.encouraging": (
        "Encouraging: facts not opinions, small wins, correct in private",
        "鼓励式：讲事实不讲评价，积累小成功，私下指正",
    ),
    "style.coaching": (
        "Coaching: open questions, about three positive remarks to one correction",
        "教练式：多用开放式提问，表扬与纠正约为 3:1",
    ),
}
