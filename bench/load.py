"""Many users: concurrent browser sessions against one `streamlit run app.py`.

Run: ``.venv/bin/python bench/load.py`` (``make bench`` runs it through ``bench/run.py``).
Environment: ``COACHBOARD_LOAD_SESSIONS`` (default 20), ``COACHBOARD_LOAD_SECONDS`` (120),
``COACHBOARD_LOAD_DATA`` (``demo,5000``: the demo workspace and/or 5,000 employees x 52 weeks x
4 metrics built by bench/analytics.py), ``COACHBOARD_LOAD_PERIODS`` (4: how many of the newest
as-of dates the sessions choose from: each other date costs a cold team view),
``COACHBOARD_LOAD_MAX_RSS_MIB`` (8192: a server above it is killed and the run counts as failed;
it protects a shared machine from a runaway page), ``COACHBOARD_LOAD_MIX`` (``pages,clicks``),
``COACHBOARD_LOAD_GC`` (unset; ``true`` turns Streamlit's collection after every run back on, to
compare), ``COACHBOARD_LOAD_COLD`` (unset; ``1``: no warm-up, below), ``COACHBOARD_LOAD_REPO``
(another checkout's app as the server, e.g. main before a change, driven by this client).

Arrival (bench/_load_start.py): the server is started and warmed up first by one session that
opens the overview and the employee page once (the app's modules load, the first team view is
computed: a team server starts once and then serves for days); its times are printed apart as
the cold start. Then the sessions arrive evenly over the first 2 s (0.1 s apart), each
opening its pages on the clock: their first opens are in the p95 and printed apart. Until
2026-12-06 they met the cold server; ``COACHBOARD_LOAD_COLD=1`` (a restart, every tab open).

Each session is a websocket client speaking Streamlit's protocol (bench/_ws.py). It opens the
team overview, then an employee's page, then every 2 s changes a filter, alternating: the
overview with another as-of date, the employee page with another employee (random): every
run a whole page ("pages"). In the "clicks" mix a session stays on the employee page and picks
another employee (random) every 2 s: a click inside the page's person part, which reruns that
part only, as a manager preparing talks with one person after another. A rerun's latency is
from sending it to ``script_finished``. An exception element, an error alert or a
run not finished within 30 s is an error (that session then reconnects, as a user reloads a
stuck tab). The server's RSS and CPU are sampled every 0.5 s.
Limits: no errors, p95 under 2 s, memory flat after warm-up (the first quarter of the run,
at most 30 s): the mean RSS of the last window within 5 % (or 20 MiB) of the window after it.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb
import numpy as np
import websocket

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import _load_start, _ws_server
from bench._load_report import first_opens, report
from bench._ws import Session
from bench._ws_stats import summarise

INTERVAL = 2.0
P95_LIMIT = 2.0
# widget key: the change it makes
KINDS = {"ov_as_of": "as-of", "emp_pick": "employee", "emp_pick_find": "employee"}


def prepare(data: str, folder: Path, repo: Path = _ws_server.REPO) -> Path:
    """A database with ``data`` ("demo" or "5000"), written before the server opens it, by
    ``repo``'s code (another checkout's app may not open a newer schema)."""
    path = folder / f"load-{data}{'' if repo == _ws_server.REPO else '-' + repo.name}.duckdb"
    if data == "demo":
        subprocess.run([sys.executable, "cli.py", "demo", "--db", str(path)],
                       cwd=repo, check=True, capture_output=True)
    elif repo != _ws_server.REPO:
        subprocess.run([sys.executable, "-c", "import sys; from bench.analytics import build, "
                        "generate; build(sys.argv[1], *generate(int(sys.argv[2])))",
                        str(path), data], cwd=repo, check=True, capture_output=True)
    else:
        # Only a generated company needs the generator (cli.py makes the demo).
        from bench.analytics import build, generate
        build(path, *generate(int(data)))
    return path


def server_repo() -> Path:
    """The checkout whose app the load test serves (``COACHBOARD_LOAD_REPO``; default this)."""
    return Path(os.environ.get("COACHBOARD_LOAD_REPO", _ws_server.REPO))


def roster(db: Path) -> list[str]:
    """Every employee id of ``db``, read before the server opens it: a session types one into
    the employee page's search, as a manager finds anyone of thousands (its box lists 100)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [row[0] for row in con.execute("SELECT employee_id FROM employees").fetchall()]
    finally:
        con.close()


def session(url: str, *, number: int, until: float, periods: int, runs: list,
            mix: str = "pages", people: list[str] | None = None) -> None:
    """One user: overview, employee page, then a changed filter every 2 s until ``until``."""
    rng = random.Random(42 + number)
    widgets: dict[str, tuple[str, list[str]]] = {}
    fragments: dict[str, str] = {}  # kind of change: the fragment its widget sits in
    client, step, done, sent = None, 0, 0, time.perf_counter()
    while done < 2 or sent < until:  # both pages are opened even in a short run
        if client is None:
            try:
                client, step = Session(url), 0
            except (OSError, websocket.WebSocketException) as exc:
                runs.append((sent, 0.0, "connect", f"connect: {type(exc).__name__}"))
                return
        page, change, kind = _next(step, widgets, rng=rng, periods=periods, number=number,
                                   mix=mix, people=people or [])
        # A widget inside a fragment of the page on screen reruns that fragment only.
        fragment = fragments.get(kind) if change and page == client.page else None
        run = client.run(page=page, widgets=change, fragment=fragment)
        widgets.update(run.widgets)
        fragments.update({KINDS.get(key, key): f for key, f in run.fragments.items()})
        runs.append((sent, run.seconds, kind, run.error))
        done, step = done + 1, step + 1
        if run.error in ("timeout",) or (run.error or "").startswith("connection"):
            # The late script_finished of this run would pass for the next run's: start over
            # in a new session, as a user reloads a stuck tab.
            client.close()
            client = None
        sent = max(sent + INTERVAL, time.perf_counter())
        time.sleep(max(0.0, sent - time.perf_counter()))
    if client is not None:
        client.close()


def _next(step: int, widgets: dict, *, rng: random.Random, periods: int, number: int,
          mix: str = "pages", people: list[str] = ()):
    """(page, {widget id: option}, kind) of a session's ``step``-th run."""
    if mix == "clicks" and step == 0:
        return "employee", None, "open employee"
    if mix == "clicks" and "emp_pick" in widgets:
        return "employee", _person(widgets, rng, people), "employee"
    if step < 2:
        return ("", None, "open overview") if step == 0 else ("employee", None, "open employee")
    if step % 2 == 0 and "ov_as_of" in widgets:
        wid, options = widgets["ov_as_of"]
        return "", {wid: options[(step // 2 + number) % min(periods, len(options))]}, "as-of"
    if "emp_pick" in widgets:
        return "employee", _person(widgets, rng, people), "employee"
    return "", None, "overview"


def _person(widgets: dict, rng: random.Random, people: list[str]) -> dict[str, str]:
    """Another employee, any of all of them: above 100 people the page's box lists the most
    urgent only, so the session types a whole ID into its search (which opens that person);
    else it picks from the box."""
    if "emp_pick_find" in widgets and people:
        return {widgets["emp_pick_find"][0]: rng.choice(people)}
    wid, options = widgets["emp_pick"]
    return {wid: rng.choice(options)}


def load(db: Path, *, sessions: int, seconds: float, periods: int = 4,
         options: dict | None = None, mix: str = "pages") -> dict:
    """Run ``sessions`` users for ``seconds`` against a fresh server on ``db``; the figures
    (``options``: Streamlit settings for the server, see ``_ws_server.start``)."""
    people = roster(db)
    server = _ws_server.start(db=db, log=db.with_suffix(".log"), options=options,
                              repo=server_repo())
    cap = float(os.environ.get("COACHBOARD_LOAD_MAX_RSS_MIB", "8192"))
    sampler = _ws_server.Sampler(server.proc.pid, max_rss=cap).start()
    runs: list = []
    try:
        cold = os.environ.get("COACHBOARD_LOAD_COLD") == "1"
        warm = [] if cold else _load_start.warm_up(server.url, server.proc.pid, periods=periods)
        load_average = Path("/proc/loadavg").read_text().split()[:3]
        start = time.perf_counter()
        until = start + seconds
        threads = [threading.Thread(target=session, args=(server.url,), daemon=True,
                                    kwargs={"number": i, "until": until, "periods": periods,
                                            "runs": runs, "mix": mix, "people": people})
                   for i in range(sessions)]
        for thread, at in zip(threads, _load_start.arrivals(sessions, INTERVAL), strict=True):
            time.sleep(max(0.0, start + at - time.perf_counter()))
            thread.start()
        for thread in threads:
            thread.join(timeout=seconds + 120)
    finally:
        sampler.stop()
        server.stop()
    tracebacks = server.output().count("Traceback")
    figures = summarise(runs, sampler.samples, start=start - sampler.t0, seconds=seconds,
                        tracebacks=tracebacks)
    if sampler.killed:
        figures["errors"][f"server killed: RSS over {cap:.0f} MiB"] = 1
    figures.update(warm_up=warm, first_opens=first_opens(runs),
                   load_average=load_average)
    return figures


def config() -> tuple[int, float, list[str], int]:
    env = os.environ.get
    return (int(env("COACHBOARD_LOAD_SESSIONS", "20")), float(env("COACHBOARD_LOAD_SECONDS", "120")),
            env("COACHBOARD_LOAD_DATA", "demo,5000").split(","),
            int(env("COACHBOARD_LOAD_PERIODS", "4")))


def server_options() -> dict | None:
    """``COACHBOARD_LOAD_GC=true``: Streamlit's collection after every run back on (to compare)."""
    gc = os.environ.get("COACHBOARD_LOAD_GC")
    return {"runner.postScriptGC": gc} if gc else None


def measure(employees: int | None = None) -> list[tuple[str, dict]]:
    """[(data, figures)] for every data set of the configuration (``employees``: not 5,000)."""
    sessions, seconds, datasets, periods = config()
    if employees:
        datasets = [str(employees) if d.strip() == "5000" else d for d in datasets]
    out = []
    with tempfile.TemporaryDirectory() as folder:
        for data in datasets:
            db = prepare(data.strip(), Path(folder), server_repo())
            for mix in os.environ.get("COACHBOARD_LOAD_MIX", "pages,clicks").split(","):
                out.append((f"{data.strip()} {mix}", load(
                    db, sessions=sessions, seconds=seconds, periods=periods,
                    options=server_options(), mix=mix.strip())))
    return out


def rows(data: str, f: dict) -> list[tuple]:
    """The summary rows of one data set; no finished run at all counts as over the limit."""
    sessions, seconds, *_ = config()
    errors = sum(f["errors"].values()) + f["tracebacks"]
    worst = f" (mostly {max(f['errors'], key=f['errors'].get)})" if f["errors"] else ""
    note = (f"{errors} errors{worst}, {f['reruns']} reruns, server CPU "
            f"{f['cpu_per_rerun']:.3f} s per rerun, RSS {f['rss_start']:.0f}->"
            f"{f['rss_end']:.0f} MiB ({'flat' if f['flat'] else 'GROWING'})")
    case = f"{data} {sessions}x{seconds:.0f}s"
    p = {k: float("inf") if np.isnan(f[k]) else f[k] for k in ("p50", "p95", "p99")}
    return [(f"{case} p50", p["p50"], None, note), (f"{case} p95", p["p95"], P95_LIMIT, note),
            (f"{case} p99", p["p99"], None, note)]


def results(employees: int | None = None) -> list[tuple]:
    """[(case, seconds, limit or None, note)] for bench/run.py: p50, p95 (limit 2 s), p99."""
    return [row for data, figures in measure(employees) for row in rows(data, figures)]


def main() -> int:
    ok = True
    for data, figures in measure():
        ok &= report(data, figures, config()[:2], P95_LIMIT)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
