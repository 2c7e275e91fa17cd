"""Values a metric cannot take: bad lines, unless the user confirms the metric allows them.

What a metric can be is read from its name and unit, the way a manager would: a count, a time
or a rate is never negative (``接通量 -3``), a rate is never over 100% (unless it is an
attainment or a growth rate, which can be), a score stays on the scale the rest of its column
uses (a 1-5 rating of 50), and nothing a person does in a period is 10^12 or more (``1e20``).
Runs on parsed rows (``Parsed``), after ``ingest.parse`` and before anything is stored; a metric
the user names in ``allow`` is taken as it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

import numpy as np
import pandas as pd

from ingest.model import ERROR_COLUMNS, Parsed

HUGE = 1e12  # no per-person, per-period figure is this large: a unit or typing accident
SCALES = (5.0, 10.0, 100.0)  # the scales a score is given on
_SCALE_SHARE = 0.9  # a score's scale: the smallest one holding this share of its values
# (Chinese, matched anywhere; English, matched as whole words: "duration" is not a "ratio")
_WORDS = {
    "count": (r"量|次数|个数|单数|件数|人数",
              r"count|calls|tickets|deals|visits|orders|number|volume|won"),
    "time": (r"时长|时间|耗时|用时|秒|分钟",
             r"time|duration|aht|handle|speed|seconds?|secs?|minutes?|mins?|wait|talk"),
    "rate": (r"率|占比|比例", r"rate|ratio|percent|pct|share|fcr|%"),
    "score": (r"评分|评级|打分|得分|分数|满意度|星级",
              r"rating|score|stars|csat|satisfaction"),
    # may be negative / over 100% whatever else the name says
    "signed": (r"增长|变化|差额|差值|净|利润|盈亏",
               r"change|growth|delta|diff|net|profit|margin|nps|variance"),
    "over": (r"达成|完成|增长|同比|环比|指数", r"attainment|achievement|growth|quota|index"),
}
_MATCH = {k: re.compile(rf"{zh}|(?<![a-z])(?:{en})(?![a-z])", re.IGNORECASE)
          for k, (zh, en) in _WORDS.items()}
_RATE_UNITS = ("%", "％", "percent", "百分比")
_CODES = ("implausible_negative", "implausible_rate", "implausible_scale", "implausible_huge")


def traits(metric: str, unit: str | None = None) -> set[str]:
    """What a metric's name (and unit) says it is: count, time, rate, score, signed, over.

    >>> sorted(traits("首次解决率")), sorted(traits("Sales growth %"))
    (['rate'], ['over', 'rate', 'signed'])
    >>> sorted(traits("AvgTalkDuration", "s")), sorted(traits("AnsweredRate"))
    (['time'], ['rate'])
    """
    # camelCase and snake_case split into words: ``AvgTalkDuration`` -> ``avg talk duration``
    text = re.sub(r"(?<=[a-z])(?=[A-Z])|[_\-]", " ", f"{metric} {unit or ''}").lower()
    found = {k for k, pattern in _MATCH.items() if pattern.search(text)}
    if unit and unit.strip().lower() in _RATE_UNITS:
        found.add("rate")
    return found


def scale(values: pd.Series) -> float | None:
    """The smallest of ``SCALES`` holding most of a score's values (None: too few to say)."""
    v = values.dropna()
    if len(v) < 5:
        return None
    return next((s for s in SCALES if ((v >= 0) & (v <= s)).mean() >= _SCALE_SHARE), None)


def _codes(metric: str, values: pd.Series, unit: str | None) -> np.ndarray:
    """Per value: the code of what is wrong with it, or "" when it is plausible."""
    kind = traits(metric, unit)
    v = values.to_numpy(dtype=float)
    out = np.full(len(v), "", dtype=object)
    score = "score" in kind and "rate" not in kind
    top = scale(values) if score else None
    if top is not None:
        out[v > top] = "implausible_scale"
    if "rate" in kind and "over" not in kind:
        out[v > 100] = "implausible_rate"
    if kind & {"count", "time", "rate", "score"} and "signed" not in kind:
        out[v < 0] = "implausible_negative"
    out[np.abs(v) >= HUGE] = "implausible_huge"
    return out


def implausible(values: pd.DataFrame, units: dict[str, str],
                allow: Iterable[str] = ()) -> pd.DataFrame:
    """ERROR_COLUMNS rows for each implausible metric value (``column`` = the metric)."""
    allowed = set(allow)
    found = []
    for metric, part in values.groupby("metric", sort=False, observed=True):
        if metric in allowed:
            continue
        codes = _codes(str(metric), part["value"], units.get(str(metric)))
        bad = codes != ""
        if bad.any():
            found.append(pd.DataFrame({
                "line": part["line"].to_numpy()[bad], "column": str(metric),
                "value": [f"{x:g}" for x in part["value"].to_numpy()[bad]],
                "code": codes[bad]}))
    if not found:
        return pd.DataFrame({c: pd.Series(dtype="int64" if c == "line" else "object")
                             for c in ERROR_COLUMNS})
    return pd.concat(found, ignore_index=True).astype({"line": "int64"})


def check(parsed: Parsed, allow: Iterable[str] = ()) -> Parsed:
    """``parsed`` with every line holding an implausible metric value made a bad line.

    ``allow``: metrics the user confirmed may hold such values (``--allow-metric``).
    """
    values = parsed.tables.get("metric_values")
    if values is None or values.empty:
        return parsed
    errors = implausible(values, parsed.units, allow)
    if errors.empty:
        return parsed
    bad = set(errors["line"])
    return replace(
        parsed, tables={t: rows[~rows["line"].isin(bad)] for t, rows in parsed.tables.items()},
        errors=pd.concat([parsed.errors, errors], ignore_index=True)
        .sort_values(["line", "column"], kind="stable").reset_index(drop=True))


def metrics_refused(errors: pd.DataFrame) -> list[str]:
    """The metrics some value of which was found implausible (to offer confirming them)."""
    hit = errors.loc[errors["code"].isin(_CODES), "column"]
    return list(dict.fromkeys(hit.astype(str)))
