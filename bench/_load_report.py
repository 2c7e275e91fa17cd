"""What bench/load.py prints of a run, and its sessions' first opens set apart."""

from __future__ import annotations

from pathlib import Path

import numpy as np

FIRST = ("open overview", "open employee")  # a new session's first run of a page


def first_opens(runs: list) -> dict[str, float]:
    """How the sessions' first opens (a new session's first run of a page) compare with the
    other runs: {"n", "p50", "p95" of the first opens, "rest_p95" of the others}."""
    first = np.array([r[1] for r in runs if r[2] in FIRST and r[3] is None])
    rest = np.array([r[1] for r in runs if r[2] not in FIRST and r[3] is None])
    return {"n": int(first.size), "p50": _pct(first, 50), "p95": _pct(first, 95),
            "rest_p95": _pct(rest, 95)}


def _pct(values: np.ndarray, q: float) -> float:
    return float(np.percentile(values, q)) if values.size else float("nan")


def report(data: str, f: dict, planned: tuple[int, float], limit: float) -> bool:
    """Print one data set's figures (``planned``: sessions, seconds); True when every goal
    holds (no error, p95 under ``limit``, memory flat)."""
    sessions, seconds = planned
    print(f"== {data}: {sessions} sessions x {seconds:.0f} s, load average "
          f"{f['load_average']} -> {Path('/proc/loadavg').read_text().split()[:3]}")
    print("cold start (before the clock): " + (", ".join(
        f"{page} {wall:.2f} s, {cpu:.2f} CPU s" for page, wall, cpu in f["warm_up"])
        or "none (COACHBOARD_LOAD_COLD=1: the sessions' first opens meet a cold server)"))
    print(f"reruns {f['reruns']}, errors {f['errors'] or 0}, server tracebacks {f['tracebacks']}")
    print(f"latency p50 {f['p50']:.3f} s, p95 {f['p95']:.3f} s (limit {limit}), "
          f"p99 {f['p99']:.3f} s")
    for kind, (n, p50, p95) in f["by_kind"].items():
        print(f"  {kind:<14} {n:>5} runs  p50 {p50:.3f} s  p95 {p95:.3f} s")
    first = f["first_opens"]
    print(f"first opens (in the p95 above): {first['n']}, p50 {first['p50']:.3f} s, p95 "
          f"{first['p95']:.3f} s; the other runs' p95 {first['rest_p95']:.3f} s")
    print("t (s)  RSS MiB  CPU % (next 10 s)")
    cpu = [*f["cpu_curve"], float("nan")]
    for (second, rss), pct in zip(f["rss_curve"], cpu, strict=False):
        print(f"{second:>5.0f}  {rss:>7.0f}  {pct:>5.0f}")
    print(f"RSS mean {f['window']:.0f}-{2 * f['window']:.0f} s {f['rss_after_warmup']:.0f} MiB, "
          f"last {f['window']:.0f} s {f['rss_last']:.0f} MiB: {'flat' if f['flat'] else 'GROWING'}"
          f"; peak {f['rss_peak']:.0f} MiB; server CPU {f['cpu_pct']:.0f} % (100 % = one core), "
          f"{f['cpu_per_rerun']:.3f} s per rerun")
    return not f["errors"] and not f["tracebacks"] and f["p95"] < limit and f["flat"]
