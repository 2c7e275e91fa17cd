"""Soak: 30 minutes of reruns at 5,000 people, the server's memory flat.

Opt-in, not part of ``make bench`` or CI: ``make soak`` (or ``python bench/run.py --only soak``,
or ``python bench/soak.py``). Why it exists: .streamlit/config.toml turns Streamlit's full
garbage collection after every script run off (``runner.postScriptGC = false``: a served rerun
costs less CPU without it, see docs/performance.md), and that is only safe if memory does not
build up between Python's own, automatic collections.

The users are the load test's (bench/load.py: overview, employee page, then a changed as-of
date or employee every 2 s; ``COACHBOARD_SOAK_SESSIONS``, default 5) against one
``streamlit run app.py`` with the repository's configuration (``COACHBOARD_SOAK_GC=true`` turns
the collection after every run back on, for a comparison), for ``COACHBOARD_SOAK_MINUTES`` (30)
on 5,000 employees x 52 weeks x 4 metrics (``COACHBOARD_SOAK_EMPLOYEES``). The server's RSS is
sampled every 0.5 s. Warm-up is the first sixth of the run (5 minutes of 30). Flat means the
mean RSS of every later sixth within ±10 % of the first one after warm-up: a trend, which a leak
would show. The samples themselves swing more (a sawtooth of garbage freed in batches, with the
collection after every run on as well as off); their band is reported beside.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import load as loadtest

LIMIT_PCT = 10.0


def config() -> tuple[int, float, int, str | None]:
    env = os.environ.get
    return (int(env("COACHBOARD_SOAK_SESSIONS", "5")), float(env("COACHBOARD_SOAK_MINUTES", "30")),
            int(env("COACHBOARD_SOAK_EMPLOYEES", "5000")), env("COACHBOARD_SOAK_GC"))


def drift(curve: list[tuple[float, float]], seconds: float) -> dict:
    """The RSS curve's figures: the mean of each sixth of the run after warm-up against the
    first of them (``worst_pct``: the largest difference, %), and the samples' band."""
    t = np.array([s for s, _ in curve])
    rss = np.array([r for _, r in curve])
    step = seconds / 6
    means = [float(rss[(t >= a) & (t < a + step)].mean()) for a in np.arange(step, seconds, step)
             if ((t >= a) & (t < a + step)).any()]
    ref = means[0]
    after = rss[(t >= step) & (t <= seconds)]
    worst = float(100 * np.abs(np.array(means) / ref - 1).max())
    every = max(1, round(len(curve) / 12))  # about a dozen points of the curve for the report
    return {"ref": ref, "means": means, "min": float(after.min()), "max": float(after.max()),
            "last": float(after[-1]), "worst_pct": worst, "flat": worst <= LIMIT_PCT,
            "band_pct": float(100 * max(after.max() / ref - 1, 1 - after.min() / ref)),
            "points": [(float(s), float(r)) for s, r in curve[::every]]}


def measure(employees: int | None = None) -> tuple[dict, dict]:
    """(load figures, RSS drift figures) of one soak run."""
    sessions, minutes, size, gc = config()
    seconds = 60 * minutes
    with tempfile.TemporaryDirectory() as folder:
        db = loadtest.prepare(str(employees or size), Path(folder))
        figures = loadtest.load(db, sessions=sessions, seconds=seconds,
                                options={"runner.postScriptGC": gc} if gc else None)
    return figures, drift(figures["rss_curve"], seconds)


def rows(figures: dict, rss: dict) -> list[tuple]:
    sessions, minutes, _, gc = config()
    errors = sum(figures["errors"].values()) + figures["tracebacks"]
    curve = ", ".join(f"{s / 60:.1f} min {r:.0f}" for s, r in rss["points"])
    means = " / ".join(f"{m:.0f}" for m in rss["means"])
    note = (f"{sessions} sessions x {minutes:g} min, postScriptGC {gc or 'as configured'}, "
            f"{figures['reruns']} reruns, {errors} errors, server CPU "
            f"{figures['cpu_per_rerun']:.3f} s per rerun; RSS MiB, means of each sixth after "
            f"warm-up {means}; samples {rss['min']:.0f}-{rss['max']:.0f} (±{rss['band_pct']:.0f} "
            f"% of the first mean), last {rss['last']:.0f}; curve {curve}")
    return [("soak: RSS trend after warm-up (%)", rss["worst_pct"], LIMIT_PCT, note),
            ("soak: rerun p95 (s)", figures["p95"], None, f"p50 {figures['p50']:.2f} s")]


def results(employees: int | None = None) -> list[tuple]:
    """[(case, value, limit, note)] for bench/run.py (only with ``--only soak``)."""
    return rows(*measure(employees))


def main() -> int:
    figures, rss = measure()
    for case, value, limit, note in rows(figures, rss):
        print(f"{case}: {value:.2f} (limit {limit}); {note}")
    print("t (s)  RSS MiB  CPU % (next 10 s)")
    cpu = [*figures["cpu_curve"], float("nan")]
    for (second, mib), pct in zip(figures["rss_curve"], cpu, strict=False):
        print(f"{second:>5.0f}  {mib:>7.0f}  {pct:>5.0f}")
    errors = sum(figures["errors"].values()) + figures["tracebacks"]
    return 0 if rss["flat"] and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
