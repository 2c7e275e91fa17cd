"""The replicas benchmark's figures and verdict (bench/replicas.py measures): reruns per second
of a window, the ratio of 2 replicas over one with the load generator's CPU accounted, the
Markdown table and the rows of ``make bench``."""

from __future__ import annotations

import os
from collections.abc import Iterator

import numpy as np

GOAL = 1.6  # 2 replicas' reruns/s over one's


def figures(runs: list, window: tuple[float, float], cpu: dict, *, replicas: int) -> dict:
    """``runs``: (sent, seconds, kind, error) of bench/load.py's sessions."""
    inside = [r for r in runs if window[0] <= r[0] + r[1] <= window[1]]
    served = sum(1 for r in inside if r[3] is None)
    latency = [r[1] for r in runs if r[3] is None and window[0] <= r[0] < window[1]]
    p50, p95 = np.percentile(latency, [50, 95]) if latency else (np.nan, np.nan)
    wall = cpu["wall"]
    return {"replicas": replicas, "reruns/s": served / wall, "p50": float(p50),
            "p95": float(p95), "mean": float(np.mean(latency)) if latency else np.nan,
            "errors": len(inside) - served, "cpu": cpu,
            "cores": {k: v / wall for k, v in cpu.items() if k not in ("wall", "machine")},
            "per app CPU s": served / max(cpu["apps"], 1e-9)}


def accounted(f: dict) -> float:
    """Reruns/s had the load generator run on another machine: its cores go to the apps, at
    the reruns per app CPU second measured, up to one core per replica (its interpreter lock).
    Meaningful where the apps are short of CPU (a saturating case)."""
    cores = min(f["replicas"], f["cores"]["apps"] + f["cores"]["generator"])
    return f["per app CPU s"] * cores


def table(cases: list[tuple[int, dict]], seconds: float) -> list[str]:
    """The Markdown table of the cases and, per number of sessions, the ratio to one replica."""
    lines = [f"Measured window {seconds:.0f} s per case; CPU in seconds of the window "
             "(cores = CPU s / window); run slots per replica: COACHBOARD_RUNS="
             f"{os.environ.get('COACHBOARD_RUNS', 'default')}; errors: in the window / in the "
             "whole case (warm-up included); load: the machine's 1-minute load average at the "
             "window's start and end.", "",
             "| sessions | replicas | reruns/s | per replica | mean / p50 / p95 s | errors | "
             "apps CPU s (cores) | PostgreSQL | HAProxy | generator | rest of machine | reruns "
             "per app CPU s | load |", "|" + "---|" * 13]
    for sessions, f in cases:
        c, k = f["cpu"], f["cores"]
        lines.append(
            f"| {sessions} | {f['replicas']} | {f['reruns/s']:.2f} | "
            f"{f['reruns/s'] / f['replicas']:.2f} | {f['mean']:.2f} / {f['p50']:.2f} / "
            f"{f['p95']:.2f} | {f['errors']} / {f['failed']} | {c['apps']:.1f} ({k['apps']:.2f}) "
            f"| {c['postgres']:.1f} ({k['postgres']:.2f}) | {c['haproxy']:.1f} "
            f"({k['haproxy']:.2f}) | {c['generator']:.1f} ({k['generator']:.2f}) | "
            f"{c['others']:.1f} ({k['others']:.2f}) | {f['per app CPU s']:.2f} | "
            f"{f['load'][0]:.1f} -> {f['load'][1]:.1f} |")
    lines.append("")
    for sessions, f in cases:
        if f["failed"]:
            kinds = ", ".join(f"{n} {kind}" for kind, n in f["kinds"].most_common())
            lines.append(f"Failed runs, {sessions} sessions x {f['replicas']}: {kinds}.")
    if broken := [f"{s} sessions x {f['replicas']}" for s, f in cases if f["tracebacks"]]:
        lines.append(f"Tracebacks in the replicas' logs after: {', '.join(broken)}.")
    for sessions, one, many in ratios(cases):
        lines.append(
            f"{sessions} sessions, {many['replicas']} replicas over 1: reruns/s "
            f"{many['reruns/s'] / one['reruns/s']:.2f}x raw, {accounted(many) / accounted(one):.2f}x "
            f"with the generator's CPU accounted ({accounted(one):.2f} -> "
            f"{accounted(many):.2f} reruns/s; goal {GOAL}x); apps' cores "
            f"{one['cores']['apps']:.2f} -> {many['cores']['apps']:.2f}, reruns per app CPU s "
            f"{many['per app CPU s'] / one['per app CPU s']:.2f}x.")
    return lines


def ratios(cases: list[tuple[int, dict]]) -> Iterator[tuple[int, dict, dict]]:
    """(sessions, one replica's figures, the largest set-up's) per number of sessions."""
    for sessions in dict.fromkeys(s for s, _ in cases):
        mine = sorted((f for s, f in cases if s == sessions), key=lambda f: f["replicas"])
        if len(mine) > 1 and mine[0]["replicas"] == 1 and mine[0]["reruns/s"] > 0:
            yield sessions, mine[0], mine[-1]


def rows(cases: list[tuple[int, dict]]) -> list[tuple]:
    """The rows of ``results()``: seconds per rerun with the generator's CPU accounted (its
    ratio: the speed-up), the goal on the saturating case only (fewer sessions cap the ratio by
    their demand); no rerun served with N replicas is a failed case."""
    out, pairs = [], list(ratios(cases))
    most = max((sessions for sessions, _, _ in pairs), default=None)
    for sessions, one, many in pairs:
        k = many["cores"]
        note = (f"raw {many['reruns/s'] / one['reruns/s']:.2f}x; apps {k['apps']:.2f} cores, "
                f"generator {k['generator']:.2f}, rest of machine {k['others']:.2f}")
        served = accounted(many) > 0
        out.append((f"s per rerun, {sessions} sessions, {many['replicas']} vs 1",
                    1 / accounted(many) if served else None, None if served else 0, note,
                    1 / accounted(one), GOAL if sessions == most else None))
    return out + [(f"p95, {s} sessions, {f['replicas']} replica(s)", f["p95"], None,
                   f"{f['reruns/s']:.2f} reruns/s, {f['failed']} errors") for s, f in cases]


def met(cases: list[tuple[int, dict]]) -> bool:
    """No failed run and no traceback in any case, and 2 replicas at least ``GOAL`` times one
    (the generator's CPU accounted) with the most sessions: the case that saturates one replica
    (with fewer, the demand caps what more replicas can serve)."""
    if any(f["failed"] or f["tracebacks"] for _, f in cases):
        return False
    pairs = list(ratios(cases))
    if not pairs:
        return False
    _, one, many = max(pairs, key=lambda pair: pair[0])
    return accounted(many) >= GOAL * accounted(one)
