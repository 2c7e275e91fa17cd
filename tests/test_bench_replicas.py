"""The replicas benchmark's accounting (bench/_cpu.py, bench/replicas.py): whose CPU seconds a
window holds, and which runs it counts. The benchmark itself (minutes, two replicas) is not
run here; tests/replicas/ runs the same set-up for its behaviour."""

from __future__ import annotations

import subprocess
import sys
import time

import pandas as pd
import pytest

from bench import _cpu
from bench._replicas_report import accounted, figures, met, ratios, rows

# A server that has reaped one worker (its CPU is the server's cutime now) and keeps another
# working: it reports, from os.times(), what its reaped children used.
SERVER = """
import os, subprocess, sys, time
burn = "import time\\nend = time.process_time() + 0.3\\nwhile time.process_time() < end: pass"
subprocess.run([sys.executable, "-c", burn], check=True)
live = subprocess.Popen([sys.executable, "-c", burn + "\\nimport time; time.sleep(60)"])
t = os.times()
print(t.children_user + t.children_system, flush=True)
time.sleep(60)
"""


def test_a_server_tree_counts_its_reaped_and_living_workers():
    children: list[int] = []
    with subprocess.Popen([sys.executable, "-c", SERVER], stdout=subprocess.PIPE,
                          text=True) as server:
        try:
            reaped = float(server.stdout.readline())
            time.sleep(1.5)  # the living worker burns its 0.3 s, then sleeps
            children = [int(p) for p in subprocess.run(
                ["pgrep", "-P", str(server.pid)], capture_output=True, text=True).stdout.split()]
            expected = _cpu.process(server.pid) + reaped + sum(_cpu.process(c) for c in children)
            assert len(children) == 1
            assert _cpu.tree(server.pid) == pytest.approx(expected, abs=0.02)
            assert _cpu.tree(server.pid) >= 0.55  # two workers of 0.3 s, whatever the ticks
        finally:
            for pid in children:
                subprocess.run(["kill", str(pid)], check=False)
            server.kill()


def test_the_rest_of_the_machine_is_what_no_part_accounts_for():
    before = {"wall": 0, "apps": 1, "postgres": 1, "haproxy": 0, "generator": 0, "machine": 10}
    after = {"wall": 50, "apps": 41, "postgres": 3, "haproxy": 0.5, "generator": 1.5,
             "machine": 70}
    used = _cpu.used(before, after)
    assert used["others"] == pytest.approx(60 - (40 + 2 + 0.5 + 1.5))
    assert _cpu.used(before, {**after, "machine": 20})["others"] == 0  # ticks' rounding


RUNS = [  # (sent, seconds, kind, error) as bench/load.py's sessions record them
    (1.0, 2.0, "as-of", None), (8.0, 3.0, "employee", None), (9.0, 5.0, "as-of", "timeout"),
    (12.0, 1.0, "employee", None), (19.0, 4.0, "as-of", None), (25.0, 1.0, "employee", None)]


def test_a_window_counts_the_runs_that_finish_in_it():
    window = (10.0, 20.0)
    cpu = {"wall": 10.0, "apps": 4.0, "postgres": 1.0, "haproxy": 0.1, "generator": 0.2,
           "machine": 6.0, "others": 0.7}
    got = figures(RUNS, window, cpu, replicas=2)
    runs = pd.DataFrame(RUNS, columns=["sent", "seconds", "kind", "error"])
    done = runs[(runs.sent + runs.seconds).between(*window)]
    served = done.error.isna().sum()
    sent = runs[runs.error.isna() & (runs.sent >= window[0]) & (runs.sent < window[1])]
    assert got["reruns/s"] == served / 10.0
    assert got["errors"] == done.error.notna().sum()
    assert got["p50"] == pytest.approx(sent.seconds.median())
    assert got["per app CPU s"] == served / 4.0
    assert got["cores"]["apps"] == 0.4


def test_each_number_of_sessions_is_compared_with_one_replica():
    cases = [(20, {"replicas": 1, "reruns/s": 4.0}), (50, {"replicas": 1, "reruns/s": 5.0}),
             (20, {"replicas": 2, "reruns/s": 7.0}), (50, {"replicas": 2, "reruns/s": 0.0})]
    pairs = [(s, one["reruns/s"], many["reruns/s"]) for s, one, many in ratios(cases)]
    assert pairs == [(20, 4.0, 7.0), (50, 5.0, 0.0)]


@pytest.mark.parametrize(("replicas", "apps", "generator", "cores"), [
    (1, 0.95, 0.04, 0.99),  # one replica short of its core: the generator's share is its
    (1, 0.98, 0.05, 1.0),  # ... but one process never uses more than one core
    (2, 1.70, 0.12, 1.82),
    (2, 1.95, 0.10, 2.0),
])
def test_the_generators_cpu_goes_to_the_apps_up_to_a_core_each(replicas, apps, generator, cores):
    wall, served = 50.0, 900
    f = {"replicas": replicas, "per app CPU s": served / (apps * wall),
         "cores": {"apps": apps, "generator": generator}}
    # the reruns one app CPU second serves, times the cores the apps would have had
    assert accounted(f) == pytest.approx(served / (apps * wall) * cores)


def _case(replicas: int, rate: float, failed: int = 0) -> dict:
    apps = 0.95 * replicas  # cores; no generator: accounted = raw
    return {"replicas": replicas, "reruns/s": rate, "per app CPU s": rate / apps,
            "failed": failed, "tracebacks": 0,
            "cores": {"apps": apps, "generator": 0.0, "others": 0.0}}


@pytest.mark.parametrize(("saturated_two", "failed", "expected"), [
    (1.7, 0, True),  # 20 sessions at 1.0x do not count: the demand capped them
    (1.5, 0, False),
    (1.7, 1, False),  # any failed run fails the benchmark
])
def test_the_goal_is_judged_on_the_saturating_case(saturated_two, failed, expected):
    cases = [(20, _case(1, 10.0)), (100, _case(1, 18.0)),
             (20, _case(2, 10.0, failed)), (100, _case(2, 18.0 * saturated_two))]
    assert met(cases) is expected


def test_bench_runs_row_holds_the_goal_on_the_saturating_case_only():
    cases = [(20, {**_case(1, 10.0), "p95": 1.0}), (100, {**_case(1, 18.0), "p95": 5.0}),
             (20, {**_case(2, 10.0), "p95": 0.5}), (100, {**_case(2, 30.0), "p95": 2.0})]
    speedups = [r for r in rows(cases) if r[0].startswith("s per rerun")]
    assert [(r[0], r[5]) for r in speedups] == [("s per rerun, 20 sessions, 2 vs 1", None),
                                                ("s per rerun, 100 sessions, 2 vs 1", 1.6)]
    assert speedups[1][4] / speedups[1][1] == pytest.approx(30.0 / 18.0)  # baseline / seconds
