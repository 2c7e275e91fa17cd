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

import random
from pathlib import Path

import numpy as np

from demo.cast import (
    COACHING_HEADER,
    DECLINING_LAST_COACHING,
    FILES,
    METRICS_HEADER,
    ROSTER_HEADER,
    STORIES,
    WEEKS,
)
from demo.coaching import coaching_rows, plan_sessions
from demo.files import goal_rows, roster_rows, write_csv, write_xlsx
from demo.metrics import metric_rows

# What the tests and the app read of the demo besides generate().
__all__ = ["DECLINING_LAST_COACHING", "STORIES", "WEEKS", "generate"]


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
    write_csv(paths["roster"], ROSTER_HEADER, roster_rows(rnd), "gbk")
    schedule, response = plan_sessions(rnd)
    write_csv(paths["metrics"], METRICS_HEADER, metric_rows(rng, schedule, response), "utf-8-sig")
    write_csv(paths["coaching"], COACHING_HEADER, coaching_rows(schedule, rnd), "utf-8")
    write_xlsx(paths["goals"], goal_rows(rnd))
    return paths
