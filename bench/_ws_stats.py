"""Figures of a load run: latency percentiles, errors, the server's RSS and CPU curves."""

from __future__ import annotations

import numpy as np


def summarise(runs: list, samples: list, *, start: float, seconds: float, tracebacks: int) -> dict:
    """``runs``: (sent, seconds, kind, error); ``samples``: (t, RSS MiB, CPU s) of the server,
    ``start``: when the load began on the samples' clock; ``seconds``: the planned duration.

    Warm-up is the first quarter of the run, at most 30 s; memory is flat when the mean RSS of
    the last such window exceeds the mean of the window right after warm-up by at most 5 % (or
    20 MiB). CPU % is over the whole load (100 % = one core busy); CPU s per rerun is the
    server's CPU time over the load divided by the reruns the clients asked for.
    """
    if len(samples) < 2:
        raise RuntimeError("the server was not sampled: did it start?")
    latency = np.array([r[1] for r in runs if r[3] is None]) if runs else np.array([])
    errors: dict[str, int] = {}
    for *_, error in runs:
        if error:
            errors[error] = errors.get(error, 0) + 1
    p50, p95, p99 = (np.percentile(latency, [50, 95, 99]) if latency.size else (np.nan,) * 3)
    t = np.array([s[0] - start for s in samples])
    rss, cpu = np.array([s[1] for s in samples]), np.array([s[2] for s in samples])
    window = min(30.0, seconds / 4)
    after = rss[(t >= window) & (t < 2 * window)].mean()
    last = rss[(t >= seconds - window) & (t <= seconds)].mean()
    busy = t >= 0
    cpu_used = cpu[busy][-1] - cpu[busy][0]
    cpu_pct = 100 * cpu_used / (t[busy][-1] - t[busy][0])
    curve = [(s, float(np.interp(s, t, rss))) for s in np.arange(0, t[-1] + 0.1, 10.0)]
    return {"reruns": len(runs), "errors": errors, "tracebacks": tracebacks,
            "p50": float(p50), "p95": float(p95), "p99": float(p99),
            "by_kind": _by_kind(runs), "rss_curve": curve, "rss_after_warmup": float(after),
            "rss_last": float(last), "window": window,
            "flat": bool(last - after <= max(0.05 * after, 20.0)),
            "rss_start": float(rss[0]), "rss_end": float(rss[-1]), "rss_peak": float(rss.max()),
            "cpu_pct": float(cpu_pct), "cpu_per_rerun": float(cpu_used / max(len(runs), 1)),
            "cpu_curve": _cpu_curve(t, cpu, t[-1])}


def _by_kind(runs: list) -> dict[str, tuple[int, float, float]]:
    """{kind: (runs, p50, p95)} of the runs without an error."""
    out = {}
    for kind in dict.fromkeys(r[2] for r in runs):
        values = [r[1] for r in runs if r[2] == kind and r[3] is None]
        if values:
            p50, p95 = np.percentile(values, [50, 95])
            out[kind] = (len(values), float(p50), float(p95))
    return out


def _cpu_curve(t: np.ndarray, cpu: np.ndarray, seconds: float) -> list[float]:
    """CPU % of the server in each 10 s step (100 % = one core busy)."""
    edges = np.arange(0, seconds + 0.1, 10.0)
    used = np.interp(edges, t, cpu)
    return [float(x) for x in 100 * np.diff(used) / 10.0]
