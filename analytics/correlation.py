"""How two numbers go together, honestly: Pearson and Spearman with n, p and an interval, a
partial correlation, and a fitted line with its band (docs/domain.md, "Does coaching work?").

Correlations carry n, p and a 95% interval (Fisher z or a seeded bootstrap), and optionally a
partial r that holds the starting level fixed (regression to the mean makes low starters rise
even without coaching). Fewer than 4 pairs give no figures rather than noise.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd
from scipy import stats

from analytics.impact import check_frame

CORR_KEYS = ("n", "pearson_r", "p_value", "ci_low", "ci_high", "spearman_rho", "spearman_p",
             "partial_r", "partial_p")


def correlate(
    x: Sequence[float], y: Sequence[float], *, control: Sequence[float] | None = None,
    ci: Literal["fisher", "bootstrap"] = "fisher", n_boot: int = 2000, seed: int = 42,
    alpha: float = 0.05,
) -> dict[str, float]:
    """Pearson r with p and a (1 - alpha) interval, Spearman rho with p, and partial r on control.

    Pairs with a NaN are dropped. Fewer than 4 pairs, or no spread, give NaN statistics.

    Example:
        >>> out = correlate([1, 2, 3, 4, 5], [2, 4, 5, 4, 6])
        >>> out["n"], round(out["pearson_r"], 3), round(out["ci_low"], 2)
        (5, 0.853, -0.12)
    """
    if ci not in ("fisher", "bootstrap"):
        raise ValueError(f"ci must be 'fisher' or 'bootstrap', got {ci!r}")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must be between 0 and 1, got {alpha!r}")
    cols = [np.asarray(x, dtype=float), np.asarray(y, dtype=float)]
    if control is not None:
        cols.append(np.asarray(control, dtype=float))
    if len({len(c) for c in cols}) != 1:
        raise ValueError("x, y (and control) must have the same length")
    data = np.column_stack(cols) if len(cols[0]) else np.empty((0, len(cols)))
    data = data[~np.isnan(data).any(axis=1)]
    out = dict.fromkeys(CORR_KEYS, float("nan")) | {"n": len(data)}
    if len(data) < 4 or np.ptp(data[:, 0]) == 0 or np.ptp(data[:, 1]) == 0:
        return out
    r, p = stats.pearsonr(data[:, 0], data[:, 1])
    rho, sp = stats.spearmanr(data[:, 0], data[:, 1])
    low, high = (_fisher(r, len(data), alpha) if ci == "fisher"
                 else _bootstrap(data[:, :2], n_boot, seed, alpha))
    out |= {"pearson_r": float(r), "p_value": float(p), "ci_low": low, "ci_high": high,
            "spearman_rho": float(rho), "spearman_p": float(sp)}
    if control is not None and len(data) >= 5 and np.ptp(data[:, 2]) > 0:
        out |= _partial(data)
    return out


def _fisher(r: float, n: int, alpha: float) -> tuple[float, float]:
    z = np.arctanh(np.clip(r, -0.999999, 0.999999))
    half = stats.norm.ppf(1 - alpha / 2) / np.sqrt(n - 3)
    return float(np.tanh(z - half)), float(np.tanh(z + half))


def _bootstrap(data: np.ndarray, n_boot: int, seed: int, alpha: float) -> tuple[float, float]:
    rng = np.random.default_rng(seed)
    idx = rng.integers(0, len(data), size=(n_boot, len(data)))
    xs, ys = data[idx, 0], data[idx, 1]
    xc, yc = xs - xs.mean(axis=1, keepdims=True), ys - ys.mean(axis=1, keepdims=True)
    den = np.sqrt((xc**2).sum(axis=1) * (yc**2).sum(axis=1))
    rs = np.divide((xc * yc).sum(axis=1), den, out=np.full(n_boot, np.nan), where=den > 0)
    low, high = np.nanquantile(rs, [alpha / 2, 1 - alpha / 2])
    return float(low), float(high)


def _partial(data: np.ndarray) -> dict[str, float]:
    """Correlation of x and y after regressing both on the control (df = n - 3)."""
    design = np.column_stack([np.ones(len(data)), data[:, 2]])
    resid = [data[:, i] - design @ np.linalg.lstsq(design, data[:, i], rcond=None)[0]
             for i in (0, 1)]
    if min(np.ptp(resid[0]), np.ptp(resid[1])) < 1e-12:
        return {}
    r = float(np.corrcoef(resid[0], resid[1])[0, 1])
    df = len(data) - 3
    t = r * np.sqrt(df / max(1 - r**2, 1e-12))
    return {"partial_r": r, "partial_p": float(2 * stats.t.sf(abs(t), df))}


def correlations(
    frame: pd.DataFrame, *, x: str = "sessions", y: str = "change",
    groups: Sequence[str] = ("team", "role", "manager_id"), **options: object,
) -> pd.DataFrame:
    """:func:`correlate` overall (``group_by`` "all") and within each value of each group column.

    Returns:
        Columns group_by, group and CORR_KEYS; ``control`` (a column name) is passed on.
    """
    check_frame(frame, [x, y, *groups], "frame")
    control = options.pop("control", None)

    def row(part: pd.DataFrame, by: str, name: object) -> dict[str, object]:
        ctl = part[control] if control else None
        return {"group_by": by, "group": name, **correlate(part[x], part[y], control=ctl,
                                                              **options)}

    rows = [row(frame, "all", "all")]
    for by in groups:
        rows += [row(part, by, name) for name, part in frame.groupby(by, sort=True)]
    return pd.DataFrame(rows, columns=["group_by", "group", *CORR_KEYS])


def fit_band(x: Sequence[float], y: Sequence[float], *, points: int = 40,
             alpha: float = 0.05) -> pd.DataFrame:
    """Least-squares line of y on x with its (1 - alpha) confidence band for the mean.

    Returns:
        Columns x, fit, low, high (empty when fewer than 3 points or x has no spread).
    """
    data = np.column_stack([np.asarray(x, float), np.asarray(y, float)])
    data = data[~np.isnan(data).any(axis=1)]
    if len(data) < 3 or np.ptp(data[:, 0]) == 0:
        return pd.DataFrame(columns=["x", "fit", "low", "high"])
    xs, ys = data[:, 0], data[:, 1]
    slope, intercept = np.polyfit(xs, ys, 1)
    grid = np.linspace(xs.min(), xs.max(), points)
    resid = ys - (intercept + slope * xs)
    s = np.sqrt((resid**2).sum() / (len(xs) - 2))
    se = s * np.sqrt(1 / len(xs) + (grid - xs.mean()) ** 2 / ((xs - xs.mean()) ** 2).sum())
    half = stats.t.ppf(1 - alpha / 2, len(xs) - 2) * se
    fit = intercept + slope * grid
    return pd.DataFrame({"x": grid, "fit": fit, "low": fit - half, "high": fit + half})
