"""Smoke test of the load client (bench/load.py): 2 sessions x 5 s against the demo workspace.

A real `streamlit run app.py` on a real DuckDB file, driven over its websocket by the same
client the benchmark uses; it checks the client works, not how fast the app is.
"""

from __future__ import annotations

import random

import pytest

from bench import load


def test_two_sessions_rerun_without_errors(tmp_path):
    db = load.prepare("demo", tmp_path)
    figures = load.load(db, sessions=2, seconds=5, periods=2)

    assert figures["reruns"] > 0
    assert figures["errors"] == {}
    assert figures["tracebacks"] == 0
    # Both pages were opened and answered, and the server was sampled while it worked.
    assert {"open overview", "open employee"} <= set(figures["by_kind"])
    assert figures["p50"] > 0
    assert figures["rss_peak"] > 50  # MiB: a Streamlit server with the app loaded
    assert len(figures["rss_curve"]) >= 1
    # The server was warmed up by one session opening both pages before the clock, then the
    # overview at the other as-of date the sessions choose (periods=2; reported apart), and
    # each measured session's first opens are counted, in the p95 and apart.
    names = [page for page, *_ in figures["warm_up"]]
    assert names[:2] == ["overview", "employee"]
    assert len(names) == 3
    assert names[2].startswith("overview as of 20")
    assert all(wall > 0 and cpu >= 0 for _, wall, cpu in figures["warm_up"])
    opens = sum(n for kind, (n, *_) in figures["by_kind"].items() if kind.startswith("open"))
    assert figures["first_opens"]["n"] == opens == 4


@pytest.mark.parametrize(("mix", "step"), [("clicks", 3), ("pages", 3)])
def test_sessions_choose_among_everyone_by_typing_an_id(mix, step):
    # Above 100 people the employee box lists 100: a session types one of all the IDs into
    # its search (a whole ID opens that person); below, it picks from the box.
    people = [f"E{i:05d}" for i in range(5000)]
    listed = {"emp_pick": ("box", [f"E{i:05d}" for i in range(100)])}
    searchable = listed | {"emp_pick_find": ("search", [])}
    chosen = {load._next(step, searchable, rng=random.Random(n), periods=4, number=0, mix=mix,
                         people=people)[1]["search"] for n in range(200)}
    assert chosen <= set(people)
    assert any(int(c[1:]) >= 100 for c in chosen)  # beyond the listed hundred
    page, change, kind = load._next(step, listed, rng=random.Random(1), periods=4, number=0,
                                    mix=mix, people=people)
    assert (page, kind) == ("employee", "employee")
    assert change["box"] in listed["emp_pick"][1]
