"""Before / after each coaching session, against uncoached colleagues of similar level.

For a session in period e, the employee's mean score over the k periods before (e-k .. e-1) is
compared with the k periods after (e+1 .. e+k). Someone picked for coaching after a bad spell
tends to bounce back anyway (regression to the mean), so each session is matched with the
``matches`` employees not coached in e-k .. e+k whose "before" mean is nearest
(``analytics.event_match``); the coaching effect is the coached change minus the matched change.
Intervals are over employees (sessions of one person are not independent): per-employee mean
effect, then a t interval.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from analytics.event_match import match, on_panel, score_panel

EVENT_COLUMNS = ["employee_id", "session_date", "session_type", "model", "before", "after",
                 "change", "control_change", "n_controls", "effect", "controls",
                 "control_changes"]
SUMMARY_COLUMNS = ["group", "n_events", "n_employees", "change", "change_low", "change_high",
                   "control_change", "n_control_employees", "effect", "ci_low", "ci_high",
                   "p_value"]
# Fewer distinct uncoached colleagues than this and a group's effect is not estimated: one
# person's bad quarter would pass for a coaching effect.
MIN_CONTROL_EMPLOYEES = 5


def _check(scored: pd.DataFrame, sessions: pd.DataFrame, k: int, matches: int) -> None:
    for frame, cols, name in ((scored, ("employee_id", "period", "score"), "scored"),
                              (sessions, ("employee_id", "session_date"), "sessions")):
        if not isinstance(frame, pd.DataFrame) or set(cols) - set(frame.columns):
            raise ValueError(f"{name} must be a DataFrame with columns {list(cols)}")
    for name, val in (("k", k), ("matches", matches)):
        if isinstance(val, bool) or not isinstance(val, int) or val < 1:
            raise ValueError(f"{name} must be a positive integer, got {val!r}")


def event_arrays(
    scored: pd.DataFrame, sessions: pd.DataFrame, *, k: int = 4, matches: int = 3
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """Every session as a row of EVENT_COLUMNS, plus the coached and the matched controls'
    score paths over relative periods -k .. +k (arrays of shape events x (2k + 1))."""
    _check(scored, sessions, k, matches)
    empty = np.empty((0, 2 * k + 1))
    if scored.empty or sessions.empty:
        return pd.DataFrame(columns=EVENT_COLUMNS), empty, empty
    ids, first, step, data = score_panel(scored)
    sess, rows, cols = on_panel(sessions, ids, first, step, data.shape[1])
    m = match(data, rows, cols, k, matches)
    change = m["after"] - m["before"]
    records = [(b, a, c, ctl, q, c - ctl, ",".join(map(str, ids[p])), d)
               for b, a, c, ctl, q, p, d in zip(m["before"], m["after"], change, m["control"],
                                                m["count"], m["picked"], m["moved"],
                                                strict=True)]
    out = pd.DataFrame(records, columns=EVENT_COLUMNS[4:])
    for col in ("employee_id", "session_date", "session_type", "model"):
        out[col] = sess.get(col)
    return out[EVENT_COLUMNS], m["own"], m["ctl"]


def events(scored: pd.DataFrame, sessions: pd.DataFrame, *, k: int = 4,
           matches: int = 3) -> pd.DataFrame:
    """Before / after / matched-control change of every session (EVENT_COLUMNS).

    Args:
        scored: employee_id, period, score (direction-aware, higher = better; see
            ``analytics.impact.scores``; several metrics per period are averaged).
        sessions: employee_id, session_date (+ session_type, model when known).
        k: periods on each side of the session's period.
        matches: uncoached employees matched on the "before" level.

    Example:
        >>> s = pd.DataFrame({"employee_id": "a", "score": [0.0, 0.0, 1.0, 1.0],
        ...     "period": pd.date_range("2025-01-06", periods=4, freq="7D")})
        >>> c = pd.DataFrame({"employee_id": ["a"], "session_date": pd.to_datetime(["2025-01-20"])})
        >>> events(s, c, k=2)[["before", "after", "change"]].values.tolist()
        [[0.0, 1.0, 1.0]]
    """
    return event_arrays(scored, sessions, k=k, matches=matches)[0]


def _t_interval(values: np.ndarray, alpha: float) -> tuple[float, float, float]:
    values = values[~np.isnan(values)]
    if len(values) < 2 or np.ptp(values) == 0:
        return float("nan"), float("nan"), float("nan")
    mean, sem = values.mean(), stats.sem(values)
    half = stats.t.ppf(1 - alpha / 2, len(values) - 1) * sem
    p = float(2 * stats.t.sf(abs(mean / sem), len(values) - 1))
    return float(mean - half), float(mean + half), p


def summarise(events_frame: pd.DataFrame, *, by: str | None = None,
              alpha: float = 0.05) -> pd.DataFrame:
    """Mean coached change, matched change and effect per group, with an interval over employees.

    Args:
        events_frame: :func:`events` output.
        by: "model", "session_type" or None (one row, group "all").

    Returns:
        SUMMARY_COLUMNS; ``n_employees`` is the n of the intervals. ``effect`` (and its
        interval) is NaN with fewer than MIN_CONTROL_EMPLOYEES distinct matched colleagues.
    """
    if by not in (None, "model", "session_type"):
        raise ValueError(f"by must be None, 'model' or 'session_type', got {by!r}")
    rows = []
    frame = events_frame.assign(group="all" if by is None else events_frame[by].fillna("-"))
    for name, part in frame.groupby("group", sort=True):
        rows.append({"group": name, **_group(part, alpha)})
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def _clustered(usable: pd.DataFrame, alpha: float) -> tuple[float, float, float, float]:
    """Effect = mean coached change - mean matched change, with a cluster-robust interval.

    A colleague matched to many sessions (and a person coached many times) is one cluster:
    treating the sessions as independent would make the interval far too narrow.
    """
    n = len(usable)
    effect = float(usable["effect"].mean())
    coached, control = usable["change"].mean(), usable["control_change"].mean()
    terms = [(e, (c - coached) / n) for e, c in zip(usable["employee_id"], usable["change"],
                                                   strict=True)]
    for ids, changes in zip(usable["controls"], usable["control_changes"], strict=True):
        names = str(ids).split(",")
        terms += [(j, -(c - control) / (n * len(names))) for j, c in zip(names, changes,
                                                                         strict=True)]
    u = pd.DataFrame(terms, columns=["g", "u"]).groupby("g")["u"].sum().to_numpy()
    g = len(u)
    se = float(np.sqrt(g / (g - 1) * (u**2).sum())) if g > 1 else float("nan")
    if not se > 0:
        return effect, float("nan"), float("nan"), float("nan")
    half = stats.t.ppf(1 - alpha / 2, g - 1) * se
    return effect, effect - half, effect + half, float(2 * stats.t.sf(abs(effect / se), g - 1))


def _group(part: pd.DataFrame, alpha: float) -> dict[str, object]:
    usable = part.dropna(subset=["effect"])
    controls = {c for text in usable["controls"] for c in str(text).split(",") if c}
    effect, low, high, p = _clustered(usable, alpha) if len(usable) else (float("nan"),) * 4
    if len(controls) < MIN_CONTROL_EMPLOYEES:
        effect = low = high = p = float("nan")
    changes = part.dropna(subset=["change"]).groupby("employee_id")["change"].mean()
    c_low, c_high, _ = _t_interval(changes.to_numpy(dtype=float), alpha)
    return {"n_events": len(part), "n_employees": len(changes),
            "change": part["change"].mean(), "change_low": c_low, "change_high": c_high,
            "control_change": usable["control_change"].mean(),
            "n_control_employees": len(controls), "effect": effect, "ci_low": low,
            "ci_high": high, "p_value": p}


def profile(own: np.ndarray, control: np.ndarray, *, alpha: float = 0.05) -> pd.DataFrame:
    """Mean score path around the session (relative period -k..+k) of coached and controls.

    Returns:
        Columns rel, group ("coached" / "control"), mean, low, high, n (t interval over sessions).
    """
    k = (own.shape[1] - 1) // 2 if own.ndim == 2 and own.shape[1] else 0
    rows = []
    for group, arr in (("coached", own), ("control", control)):
        for j in range(own.shape[1] if own.ndim == 2 else 0):
            col = arr[:, j] if len(arr) else np.empty(0)
            col = col[~np.isnan(col)]
            mean = float(col.mean()) if len(col) else float("nan")
            half = (stats.t.ppf(1 - alpha / 2, len(col) - 1) * stats.sem(col)
                    if len(col) > 1 and np.ptp(col) > 0 else float("nan"))
            rows.append({"rel": j - k, "group": group, "mean": mean, "low": mean - half,
                         "high": mean + half, "n": len(col)})
    return pd.DataFrame(rows, columns=["rel", "group", "mean", "low", "high", "n"])
