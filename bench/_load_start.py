"""How the load test's users arrive (bench/load.py): at a server that is already running, one
after another over the first interval, each opening its first page on the clock.

A team server is started once and serves for days; its first run after a start loads the app's
modules and computes the first team view (2-3 CPU s on the demo), which 20 sessions opening
within the same 2 s used to wait for (their first opens took 3-6 s each). ``warm_up`` is that
first run, made before the clock starts by one session that opens each page once and is then
closed; its times are reported apart, never hidden (``COACHBOARD_LOAD_COLD=1`` skips it: the
20 first opens meet the cold server, as after a restart with every tab open). Every measured
session's own first open of each page (a new session's runs) stays in the p95.
"""

from __future__ import annotations

from bench import _ws_server
from bench._ws import Session


def warm_up(url: str, pid: int, pages: tuple[str, ...] = ("", "employee")
            ) -> list[tuple[str, float, float]]:
    """[(page, wall s, server CPU s)] of one session opening each of ``pages`` once."""
    client, out = Session(url, timeout=120), []
    try:
        for page in pages:
            cpu = _ws_server.cpu_seconds(pid)
            run = client.run(page=page)
            if run.error:
                raise RuntimeError(f"the warm-up's {page or 'overview'} page failed: {run.error}")
            out.append((page or "overview", run.seconds, _ws_server.cpu_seconds(pid) - cpu))
    finally:
        client.close()
    return out


def arrivals(sessions: int, interval: float) -> list[float]:
    """When each session opens its first page, seconds after the start: evenly over the first
    interval (at most 0.1 s apart), so 20 users come within 2 s, not in one instant."""
    gap = min(0.1, interval / max(sessions, 1))
    return [i * gap for i in range(sessions)]

