"""The demo's cast and numbers: who works where, the four metrics, the stories, the notes and the
coaching plan's constants (the story itself is the package docstring, ``demo/__init__.py``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np

STORIES: dict[str, str] = {"star": "E005", "new_hire": "E008", "declining": "E010",
                           "fast_unsatisfying": "E012", "volatile": "E019", "below_target": "E021"}
STORY_OF = {eid: story for story, eid in STORIES.items()}
LAST_WEEK = date(2025, 12, 29)
WEEKS = [LAST_WEEK - timedelta(weeks=25 - i) for i in range(26)]
NEW_HIRE_DATE = date(2025, 11, 24)
DECLINING_LAST_COACHING = date(2025, 11, 7)
ROSTER_HEADER = ["工号", "姓名", "团队", "直属主管", "岗位", "入职日期", "是否高潜"]
METRICS_HEADER = ["工号", "姓名", "团队", "周开始日期", "指标", "实际值", "目标值"]
COACHING_HEADER = ["Employee ID", "Date", "Type", "Model", "Coach", "Notes"]
GOALS_HEADER = ["工号", "目标", "关键结果", "权重", "截止日期", "进度"]
TEAMS = (("售后一组", "M01", "王建华"), ("售后二组", "M02", "李秀梅"), ("VIP组", "M03", "陈志强"))
NAMES = ("张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "黄丽", "周杰", "吴敏", "徐强", "孙燕",
         "马超", "朱婷", "胡斌", "郭佳", "林涛", "何雪", "高峰", "罗琳", "郑凯", "梁爽", "谢鹏",
         "宋雨", "唐宁")
AGENTS = [(f"E{i + 1:03d}", NAMES[i], i // 8) for i in range(24)]
# metric -> (target, weekly noise sd, decimals, shift of each team's level)
METRICS = {
    "平均处理时长(分钟)": (8.0, 0.35, 1, (0.0, 0.3, 0.6)),
    "客户满意度": (85.0, 1.5, 1, (0.0, -1.0, 2.0)),
    "首次解决率": (75.0, 2.0, 1, (0.0, -1.0, 1.5)),
    "周工单量": (120.0, 6.0, 0, (0.0, 4.0, -8.0)),
}
TARGETS = np.array([spec[0] for spec in METRICS.values()])
NOISE = np.array([spec[1] for spec in METRICS.values()])
SPREAD = np.array([0.5, 2.5, 3.0, 8.0])  # how far an ordinary agent sits from the team level
FORMAL_NOTES = ("Quarterly review: targets met, agreed to mentor a new colleague.",
                "季度复盘：满意度稳定，下季度重点提升首次解决率。",  # noqa: RUF001, RUF100
                "Reviewed AHT, CSAT and FCR trends; set two key results for next quarter.",
                "Quarterly review.\nAction: shadow a senior agent for two shifts.")
INFORMAL_NOTES = ("Quick check-in, workload is fine.", "Short chat after the team meeting.",
                  "表扬了上周的客户好评，继续保持。",  # noqa: RUF001, RUF100
                  "跟进知识库学习进度，已完成两门课程。",  # noqa: RUF001, RUF100
                  "Discussed a difficult call, suggested two empathy statements.",
                  "Listened to two calls together,\nagreed on clearer ticket summaries.")
STORY_NOTES = {
    "declining": "Seemed tired, says the new billing queue is stressful. No follow-up agreed.",
    "fast_unsatisfying": "Very fast on calls, but customers say they feel rushed.",
    "new_hire": "新人第三周：熟悉系统中，退款流程仍需指导，下周继续跟进。",  # noqa: RUF001, RUF100
    "below_target": "FCR under target again, agreed to use the troubleshooting checklist.",
    "volatile": "Discussed uneven weeks, planned a steadier schedule with the lead."}
FORMULA_NOTE = '=HYPERLINK("http://intranet/rec/1042","call recording")'
OKRS = {  # story -> "objective|key result|key result[|key result]"
    None: "提升客户体验与解决质量|客户满意度达到87%|首次解决率达到78%|处理时长控制在8分钟内",
    "star": "成为组内服务标杆|带教1名新人独立上岗|客户满意度保持92%以上|沉淀2个优秀案例",
    "new_hire": "三个月内独立上岗|通过产品知识考试|周工单量达到100单|客户满意度达到82%",
    "fast_unsatisfying": "效率不变、提升服务体验|客户满意度提升至82%|每通电话确认问题已解决"}
PROGRESS = {"star": (0.8, 0.95), "declining": (0.2, 0.35), "below_target": (0.15, 0.28),
            "new_hire": (0.1, 0.3)}
# Level of each metric relative to the team's: AHT, CSAT, FCR, tickets.
OFFSETS = {"star": np.array([-1.4, 7.5, 10.0, 24.0]), "declining": np.array([0.0, 6.0, 4.0, 3.0]),
           "fast_unsatisfying": np.array([-2.0, -9.0, -4.0, 22.0])}
# Ordinary agents' sessions over the 26 weeks (shuffled); up to GAP_MAX_SESSIONS means no
# session in GAP. Each session lifts an agent by GAIN (mean, sd) noise sds; DRIFT is unrelated.
SESSION_COUNTS = (3, 3, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 16)
GAP_MAX_SESSIONS = 4
GAP = (date(2025, 7, 21), date(2025, 10, 31))
GAIN = (0.35, 0.1)
DRIFT = 0.5
FORMAL_MODELS = ("GROW", "GROW", "OKR", "STAR-AR")
FILES = {k: f"{k}.csv" for k in ("roster", "metrics", "coaching")} | {"goals": "goals.xlsx"}
FIXED_TIME = datetime(2025, 12, 29, 9, 0, 0)
