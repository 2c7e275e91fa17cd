"""Where an import's time goes: wall and CPU seconds of each stage of one ``import_plan``.

``bench/import_events.py --stages`` runs this in a child process (a fresh interpreter, so the
start-up is measured as ``cli.py import`` pays it). Each stage is timed by wrapping the
function that does it where ``store.plan_import`` and ``store.imports`` look it up; the commit,
the recipe and the audit are what ``_store`` spends beside the insert and the import log.
``with_key`` gives ``metric_values`` of the new file the primary key DuckDB no longer keeps
(store.schema ``UNKEYED_IN_DUCKDB``; until schema version 7 it did): a trial of what the key
costs, as the import ran with it (no duplicate-key check of its own, no write generation).
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path


def _since_start() -> float:
    """Wall seconds since this process started (Linux: /proc; 10 ms steps)."""
    ticks = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
    return float(Path("/proc/uptime").read_text().split()[0]) - ticks / os.sysconf("SC_CLK_TCK")


def _cpu() -> float:
    used = resource.getrusage(resource.RUSAGE_SELF)
    return used.ru_utime + used.ru_stime


def _timer(spent: dict[str, list[float]]):
    def wrap(module: object, name: str, label: str) -> None:
        inner = getattr(module, name)

        def timed(*args, **kwargs):
            wall, cpu = time.perf_counter(), _cpu()
            try:
                return inner(*args, **kwargs)
            finally:
                got = spent.setdefault(label, [0.0, 0.0])
                got[0] += time.perf_counter() - wall
                got[1] += _cpu() - cpu

        setattr(module, name, timed)

    return wrap


def stages(source: Path, db: Path, *, with_key: bool = False) -> dict[str, list[float]]:
    """label -> [wall s, CPU s] of each stage of importing the event log ``source``."""
    # Loaded here, after the clock started: the start-up is one of the stages.
    import store
    import store.schema
    from ingest.propose import Hints
    from store import imports, plan_import

    spent: dict[str, list[float]] = {"start": [_since_start(), _cpu()]}
    if with_key:
        store.schema.UNKEYED_IN_DUCKDB.clear()  # store.upsert reads the same dict
    wrap = _timer(spent)
    for module, name, label in (
            (plan_import.ingest, "read_sheets", "read"), (plan_import, "choose_plan", "propose"),
            (plan_import.ingest, "run_plan", "aggregate"), (plan_import, "resolve", "names"),
            (plan_import.plausible, "check", "checks"), (plan_import, "restrict", "checks"),
            (plan_import.org_chart, "check", "checks"), (imports, "upsert", "insert"),
            (imports, "write", "import log"), (imports, "_store", "commit, recipe, audit"),
            (store, "connect", "connect (schema)")):
        wrap(module, name, label)
    con = store.connect(db)
    plan_import.import_plan(con, source.read_bytes(), source.name,
                            hints=Hints(grain="week", include_partial=True))
    con.close()
    inner = spent["commit, recipe, audit"]  # _store's own share
    for part in ("insert", "import log"):
        inner[0] -= spent[part][0]
        inner[1] -= spent[part][1]
    spent["total"] = [_since_start(), _cpu()]
    return spent
