"""How the load test's users arrive (bench/load.py): at a server that is already running, one
after another over the first interval, each opening its first page on the clock.

A team server is started once and serves for days; its first run after a start loads the app's
modules and computes the first team view (2-3 CPU s on the demo), which 20 sessions opening
within the same 2 s used to wait for (their first opens took 3-6 s each). ``warm_up`` is that
first run, made before the clock starts by one session that opens each page once and is then
closed; its times are reported apart, never hidden (``COACHBOARD_LOAD_COLD=1`` skips it: the
20 first opens meet the cold server, as after a restart with every tab open). Every measured
session's own first open of each page (a new session's runs) stays in the p95.

The warm-up also draws the overview at each as-of date the sessions choose among (the newest
``periods``): each date is a team view of its own, computed once per data version (2-2.5 CPU s
at 5,000 people, 0.3 on the demo) and then served from the cache to everyone; until
2026-12-06 the first three sessions to pick an older date computed them on the clock, inside
the measured window (their cost is printed apart here, as the cold start's).
"""

from __future__ import annotations

from bench import _ws_server
from bench._ws import Session


def warm_up(url: str, pid: int, pages: tuple[str, ...] = ("", "employee"), periods: int = 0
            ) -> list[tuple[str, float, float]]:
    """[(page, wall s, server CPU s)] of one session opening each of ``pages`` once, then the
    overview at the newest ``periods`` as-of dates other than its first."""
    client, out = Session(url, timeout=120), []
    try:
        for page in pages:
            out.append(_timed(client, pid, page or "overview", page=page))
        wid, options = client.run(page="").widgets.get("ov_as_of", (None, []))
        for option in options[1:periods]:
            out.append(_timed(client, pid, f"overview as of {option}", page="",
                              widgets={wid: option}))
    finally:
        client.close()
    return out


def _timed(client: Session, pid: int, name: str, **run_args) -> tuple[str, float, float]:
    cpu = _ws_server.cpu_seconds(pid)
    run = client.run(**run_args)
    if run.error:
        raise RuntimeError(f"the warm-up's {name} failed: {run.error}")
    return name, run.seconds, _ws_server.cpu_seconds(pid) - cpu


def arrivals(sessions: int, interval: float) -> list[float]:
    """When each session opens its first page, seconds after the start: evenly over the first
    interval (at most 0.1 s apart), so 20 users come within 2 s, not in one instant."""
    gap = min(0.1, interval / max(sessions, 1))
    return [i * gap for i in range(sessions)]

