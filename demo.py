"""Realistic demo exports of a customer-service centre, so a newcomer can try Coachboard.

``generate(out_dir, seed=42)`` writes (same seed -> byte-identical files):

* ``roster.csv``, GBK: ``工号,姓名,团队,直属主管,岗位,入职日期,是否高潜``. Director D01 (客服总监,
  no team or manager), leads M01-M03 (组长, manager D01), agents E001-E024 (客服专员, 8 each in
  售后一组/售后二组/VIP组, manager = their lead). Dates ``2021-03-15``; 是否高潜 是/否.
* ``metrics.csv``, UTF-8 with BOM, long: ``工号,姓名,团队,周开始日期,指标,实际值,目标值``.
  26 Mondays ``2025/7/7`` .. ``2025/12/29`` x 平均处理时长(分钟) (lower is better, target 8.0),
  客户满意度 (85.0), 首次解决率 (75.0), 周工单量 (120). VIP组 is slower and more satisfied.
* ``coaching.csv``, UTF-8: ``Employee ID,Date,Type,Model,Coach,Notes``. ISO weekday dates,
  formal/informal, GROW/BEST/STAR-AR/OKR, Coach = the lead's id; a formal session each quarter
  for everyone. Notes hold commas, newlines, and one starts with ``=``.
* ``goals.xlsx``, sheet ``OKR``: ``工号,目标,关键结果,权重,截止日期,进度``. One objective, 2-3 key
  results per agent, weights summing to 1, Excel dates, progress ``"65%"`` text or 0.65.

Everyone else (18 ordinary agents) stays near target (within 14% of it every week) and is
coached 3 to 16 times over the 26 weeks (``SESSION_COUNTS``, shuffled): a formal review in Q3 and
in Q4, a session in December (so nobody is overdue at the end), the rest spread evenly. The five
with 3-4 sessions have none from 2025-07-21 to 10-31 (``GAP``, 2+ months): the uncoached
comparison group of the event study. Coaching helps, modestly and noisily: after each session an
agent's level moves ``GAIN`` (mean 0.35, sd 0.1) weekly-noise sds the better way on every metric,
plus a drift unrelated to coaching (``DRIFT``). On the HR page (seed 42, whole window, composite
z-score) more sessions go with more improvement: Pearson r = 0.47 (95% CI 0.07 to 0.74, n = 23),
and the event study puts sessions 0.39 (0.13 to 0.65) above uncoached colleagues of similar level.

Stories (``STORIES``: story -> employee id); their data does not depend on the coaching effect:

* star E005 (售后一组): best of the team on all four metrics, steady, high potential, coached
  twice a month, OKR progress over 80%.
* new_hire E008 (售后一组): joined 2025-11-24, five weeks before the last week; rows only from
  then, below target on every metric and improving; first coaching 11 days after joining.
* declining E010 (售后二组): good CSAT/FCR, then a steady fall from week 14 (2025/10/6); last
  coaching 2025-11-07, 52 days before the last week.
* fast_unsatisfying E012 (售后二组): fastest AHT of the team but its lowest CSAT.
* volatile E019 (VIP组): tickets and AHT swing up and down on alternate weeks.
* below_target E021 (VIP组): FCR under 60 (80% of target 75) for the last five weeks.
"""

from __future__ import annotations

import csv
import io
import random
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
from openpyxl import Workbook
from openpyxl.xml.functions import tostring

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


def _levels(story: str | None, team: int, rng: np.random.Generator) -> np.ndarray:
    """Expected value of each metric (columns) in each week (rows), before noise."""
    base = TARGETS + np.array([spec[3][team] for spec in METRICS.values()])
    weeks = np.arange(26)[:, None]
    if story == "new_hire":  # starts below target, improves steadily
        return np.array([11.5, 76.0, 63.0, 72.0]) + (weeks - 20) * np.array([-0.45, 1.2, 1.6, 7])
    if story in OFFSETS:  # a fixed level; declining falls steadily from week 14
        drop = np.clip(weeks - 12, 0, None) * np.array([-0.12, 1.2, 1.1, 1.0])
        return np.tile(base + OFFSETS[story], (26, 1)) - drop * (story == "declining")
    level = np.tile(base + rng.uniform(-SPREAD, SPREAD), (26, 1))
    if story == "volatile":
        swing = np.where(weeks % 2 == 0, 1.0, -1.0) * rng.uniform(0.7, 1.0, (26, 1))
        level += swing * np.array([-1.8, 0.0, 0.0, 32.0])
    if story == "below_target":
        level[:, 2] = np.where(weeks[:, 0] >= 21, 55.5, 69.0)
    return level


def _values(story: str | None, team: int, rng: np.random.Generator,
            shift: np.ndarray | float = 0.0) -> np.ndarray:
    noise = rng.normal(0.0, 1.0, (26, 4)) * NOISE * (0.5 if story in ("star", "new_hire") else 1.0)
    values = _levels(story, team, rng) + noise + shift
    if story is None:  # ordinary agents stay near target: never close to 80% of it
        values = np.clip(values, TARGETS * 0.86, TARGETS * 1.14)
    if story == "below_target":
        values[21:, 2] = np.minimum(values[21:, 2], 58.5)
    values[:, 1:3] = np.minimum(values[:, 1:3], 99.0)
    return values


def _coached_gain(sessions: list, gain: float, drift: float) -> np.ndarray:
    """Level shift (weeks x metrics) of an ordinary agent: ``gain`` noise sds better after each
    session, plus a drift unrelated to coaching; in the better direction of each metric."""
    done = np.array([sum(day < week for day, _, _ in sessions) for week in WEEKS])[:, None]
    trend = (np.arange(26)[:, None] - 12.5) / 25
    return (gain * (done - done.mean()) + drift * trend) * NOISE * np.array([-1.0, 1.0, 1.0, 1.0])


def _metric_rows(rng: np.random.Generator, schedule: dict[str, list],
                 response: dict[str, tuple[float, float]]) -> list[list[str]]:
    per_agent = {eid: _values(STORY_OF.get(eid), team, rng,
                              _coached_gain(schedule[eid], *response[eid]) if eid in response
                              else 0.0) for eid, _, team in AGENTS}
    rows = []
    for w, week in enumerate(WEEKS):
        for eid, name, team in AGENTS:
            if STORY_OF.get(eid) == "new_hire" and week < NEW_HIRE_DATE:
                continue
            for m, (metric, (target, _, decimals, _)) in enumerate(METRICS.items()):
                rows.append([eid, name, TEAMS[team][0], f"{week.year}/{week.month}/{week.day}",
                             metric, f"{per_agent[eid][w, m]:.{decimals}f}",
                             f"{target:.{decimals}f}"])
    return rows


def _roster_rows(rnd: random.Random) -> list[list[str]]:
    rows = [["D01", "赵敏", "", "", "客服总监", "2016-04-11", "否"]]
    for team, lead, name in TEAMS:
        hired = LAST_WEEK - timedelta(days=rnd.randint(4 * 365, 8 * 365))
        rows.append([lead, name, team, "D01", "组长", hired.isoformat(), "否"])
    for eid, name, team in AGENTS:
        story = STORY_OF.get(eid)
        hired = LAST_WEEK - timedelta(days=rnd.randint(365, 5 * 365))
        hired = NEW_HIRE_DATE if story == "new_hire" else hired
        potential = "是" if story == "star" or (not story and rnd.random() < 0.2) else "否"
        rows.append([eid, name, *TEAMS[team][:2], "客服专员", hired.isoformat(), potential])
    return rows


def _sessions(story: str | None, rnd: random.Random) -> list[tuple[date, str, str]]:
    """(date, type, model) of one story agent's coaching sessions over the 26 weeks."""
    if story == "new_hire":
        return [(NEW_HIRE_DATE + timedelta(days=days), kind, model) for days, kind, model in
                ((11, "formal", "OKR"), (18, "informal", "BEST"), (25, "informal", "GROW"))]
    spans = ((2, 13), (15, 26)) if story in ("star", "volatile") else ((3, 26),)
    sessions = [(date(2025, month, rnd.randint(*span)), "informal", rnd.choice(("BEST", "GROW")))
                for month in range(7, 13) for span in spans]
    for months, days in (((8, 9), (4, 25)), ((11, 12), (3, 19))):
        day = date(2025, rnd.choice(months), rnd.randint(*days))
        sessions.append((day, "formal", rnd.choice(FORMAL_MODELS)))
    sessions = [(_weekday(max(day, WEEKS[0])), kind, model) for day, kind, model in sessions]
    if story == "declining":
        sessions = [s for s in sessions if s[0] < DECLINING_LAST_COACHING]
        sessions.append((DECLINING_LAST_COACHING, "informal", "BEST"))
    return sorted(sessions)


def _weekday(day: date) -> date:
    return day - timedelta(days=max(0, day.weekday() - 4))  # weekend -> Friday


def _ordinary_sessions(count: int, rnd: random.Random) -> list[tuple[date, str, str]]:
    """``count`` sessions: a formal review each quarter, contact in December, the rest spread
    evenly over 2025-07-07 .. 11-28; agents with few sessions get none in GAP (2+ months)."""
    gap = count <= GAP_MAX_SESSIONS
    q3 = date(2025, 7, rnd.randint(7, 18)) if gap else date(2025, rnd.choice((8, 9)),
                                                             rnd.randint(4, 25))
    days = [(q3, "formal"), (date(2025, 11, rnd.randint(3, 24)), "formal"),
            (date(2025, 12, rnd.randint(8, 23)), "informal")]
    free = [WEEKS[0] + timedelta(days=d) for d in range(145)]
    free = [d for d in free if not (gap and GAP[0] <= d <= GAP[1])]
    extra = count - len(days)
    days += [(free[int((i + rnd.uniform(0.2, 0.8)) / extra * len(free))], "informal")
             for i in range(extra)]
    taken: set[date] = set()
    sessions = []
    for day, kind in days:
        day = _weekday(day)
        while day in taken or day.weekday() > 4:
            day -= timedelta(days=1)
        taken.add(day)
        models = FORMAL_MODELS if kind == "formal" else ("BEST", "GROW")
        sessions.append((day, kind, rnd.choice(models)))
    return sorted(sessions)


def _schedule(rnd: random.Random) -> tuple[dict[str, list], dict[str, tuple[float, float]]]:
    """Every agent's sessions, and each ordinary agent's (gain per session, unrelated drift)."""
    counts = list(SESSION_COUNTS)
    rnd.shuffle(counts)
    schedule, response = {}, {}
    for eid, _, _ in AGENTS:
        story = STORY_OF.get(eid)
        if story is None:
            schedule[eid] = _ordinary_sessions(counts.pop(), rnd)
            response[eid] = (min(max(rnd.gauss(*GAIN), 0.0), 2 * GAIN[0]), rnd.gauss(0, DRIFT))
        else:
            schedule[eid] = _sessions(story, rnd)
    return schedule, response


def _coaching_rows(schedule: dict[str, list], rnd: random.Random) -> list[list[str]]:
    rows = []
    for eid, _, team in AGENTS:
        story = STORY_OF.get(eid)
        sessions = schedule[eid]
        for i, (day, kind, model) in enumerate(sessions):
            note = rnd.choice(FORMAL_NOTES if kind == "formal" else INFORMAL_NOTES)
            if story in STORY_NOTES and i == len(sessions) - 1:
                note = STORY_NOTES[story]
            rows.append([eid, day.isoformat(), kind, model, TEAMS[team][1], note])
    rows.sort(key=lambda row: (row[1], row[0]))
    rows[3][5] = FORMULA_NOTE
    return rows


def _goal_rows(rnd: random.Random) -> list[list[object]]:
    rows: list[list[object]] = []
    for eid, _, _ in AGENTS:
        story = STORY_OF.get(eid)
        objective, *results = OKRS.get(story, OKRS[None]).split("|")
        count = min(len(results), rnd.choice((2, 3)))
        weights = (0.6, 0.4) if count == 2 else (0.5, 0.3, 0.2)
        due = date(2026, 2, 27) if story == "new_hire" else date(2026, 3, 31)
        for result, weight in zip(results[:count], weights, strict=True):
            progress = rnd.uniform(*PROGRESS.get(story, (0.45, 0.8)))
            shown = f"{round(progress * 100)}%" if rnd.random() < 0.5 else round(progress, 2)
            rows.append([eid, objective, result, weight, due, shown])
    return rows


def _write_csv(path: Path, header: list[str], rows: list[list[str]], encoding: str) -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle).writerows([header, *rows])


def _write_xlsx(path: Path, rows: list[list[object]]) -> None:
    """Write the OKR sheet with fixed timestamps, so the same seed gives the same bytes."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "OKR"
    sheet.append(GOALS_HEADER)
    for row in rows:
        sheet.append(row)
        sheet.cell(sheet.max_row, 5).number_format = "yyyy-mm-dd"
        if not isinstance(row[5], str):
            sheet.cell(sheet.max_row, 6).number_format = "0%"
    workbook.save(buffer := io.BytesIO())
    workbook.properties.created = workbook.properties.modified = FIXED_TIME
    core = tostring(workbook.properties.to_tree())
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = core if info.filename == "docProps/core.xml" else src.read(info)
            fixed = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            dst.writestr(fixed, data, compress_type=zipfile.ZIP_DEFLATED)


def generate(out_dir: Path, *, seed: int = 42) -> dict[str, Path]:
    """Write the four demo exports into ``out_dir`` (created if needed).

    Args:
        out_dir: the folder to write into; existing demo files are overwritten.
        seed: the same seed always gives byte-identical files.

    Returns:
        ``{"roster": ..., "metrics": ..., "coaching": ..., "goals": ...}`` file paths.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    rnd, rng = random.Random(seed), np.random.default_rng(seed)
    paths = {kind: out_dir / name for kind, name in FILES.items()}
    _write_csv(paths["roster"], ROSTER_HEADER, _roster_rows(rnd), "gbk")
    schedule, response = _schedule(rnd)
    _write_csv(paths["metrics"], METRICS_HEADER, _metric_rows(rng, schedule, response), "utf-8-sig")
    _write_csv(paths["coaching"], COACHING_HEADER, _coaching_rows(schedule, rnd), "utf-8")
    _write_xlsx(paths["goals"], _goal_rows(rnd))
    return paths
