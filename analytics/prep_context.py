"""One employee's numbers the prep's sentences are built from (:class:`Context`), and the fixed
numbers of the prep's draft (docs/domain.md, "Fixed numbers"):

* priority words: flag priority >= 0.75 high, >= 0.5 medium, else low (0.5 is a rule's
  threshold just crossed, 1.0 an extreme; see analytics.flags);
* goal deadline: as_of + 4 weeks (docs/domain.md, "Cadence": weekly follow-up for 1-4 weeks,
  review after a month);
  a new hire's first session: as_of + ``first_session_days``; an overdue review: + 14 days;
* a goal level: back over the alert line (``under_target_ratio`` x target) for a target streak,
  the level before the drop for a decline, the team mean, the target: the nearest of those that
  is an improvement (small achievable goals, docs/domain.md "Coaching models and styles").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import pandas as pd

from analytics.cadence import CadenceRules
from analytics.prep_windows import Windows
from analytics.thresholds import Thresholds

PRIORITY_LEVELS = ((0.75, "prep.priority.high"), (0.5, "prep.priority.medium"),
                   (0.0, "prep.priority.low"))
FOLLOW_UP = pd.Timedelta(weeks=4)
REVIEW_WITHIN = pd.Timedelta(days=14)
CHECK_IN = pd.Timedelta(days=7)
MAX_GOALS = 3


@dataclass(frozen=True)
class Context:
    """One employee's numbers the sentences' facts are built from."""

    as_of: pd.Timestamp
    limits: Thresholds
    cadence: CadenceRules
    metrics: pd.DataFrame  # analytics.prep_metrics.METRIC_COLUMNS
    flags: pd.DataFrame  # analytics.flags.FLAG_COLUMNS of this employee, most urgent first
    strength: str | None
    hire_date: pd.Timestamp | None
    step: str  # "week", "month", "quarter" or "year" (analytics.frames.grain)
    windows: Windows
    teamless: bool = False  # no team: compared with everyone in scope (analytics.compare)

    @cached_property
    def flag_rows(self) -> list[dict]:
        """``flags`` as dicts, most urgent first (read by every table and question)."""
        return self.flags.to_dict("records")

    @cached_property
    def _rows(self) -> dict:
        # The values ``to_dict("records")`` gives (Python numbers, Timestamps), column by column
        # at half its cost.
        columns = {c: self.metrics[c].tolist() for c in self.metrics.columns}
        rows = [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)]
        return {row["metric"]: row for row in rows}

    def row(self, metric) -> dict:
        """The metric table's row of ``metric`` as a dict (empty when unknown)."""
        return self._rows.get(metric, {}) if metric is not None else {}

    @property
    def new_hire(self) -> bool:
        """Hired less than ``limits.new_hire_days`` before ``as_of`` (the flags' rule)."""
        if self.hire_date is None or pd.isna(self.hire_date):
            return False
        return 0 <= (self.as_of - pd.Timestamp(self.hire_date)).days < self.limits.new_hire_days

    def words(self) -> dict:
        """The values every sentence about periods may quote: the data's grain (its unit
        words) and the under-target alert line."""
        return {"step": self.step, "ratio": self.limits.under_target_ratio}
