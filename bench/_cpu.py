"""CPU seconds from /proc, per part of a running set-up (not a benchmark: bench/run.py skips ``_*``).

A load test on one machine shares its cores between the app processes, their database, the
load balancer, the load generator and whatever else runs there. ``Meter`` reads each part's
CPU seconds at once, so a window's figures say who used the cores: a ratio between two set-ups
means little unless the others' share is known.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> list[str]:
    """The fields of /proc/PID/stat after the command name (index 0 is the state)."""
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def process(pid: int) -> float:
    """utime + stime of one process (0 once it has gone)."""
    try:
        fields = _stat(pid)
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / TICKS


def tree(pid: int) -> float:
    """A server and its workers (PostgreSQL: the postmaster and one backend per connection):
    its own time, its reaped children's (cutime + cstime: backends that have exited) and
    its living children's."""
    try:
        fields = _stat(pid)
    except (FileNotFoundError, ProcessLookupError):
        return 0.0
    total = sum(int(f) for f in fields[11:15]) / TICKS
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                child = _stat(int(entry.name))
            except (FileNotFoundError, ProcessLookupError):
                continue
            if child[1] == str(pid):
                total += (int(child[11]) + int(child[12])) / TICKS
    return total


def machine() -> float:
    """CPU seconds every core of the machine spent busy since boot (all but idle and iowait)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]
    return (sum(values[:8]) - idle) / TICKS  # guest time is counted in user already


class Meter:
    """Reads the parts' CPU seconds: apps (pids), PostgreSQL (its postmaster's tree), HAProxy,
    this process (the load generator's threads), the whole machine, and the wall clock."""

    def __init__(self, *, apps: list[int], postgres: int, haproxy: int) -> None:
        self.apps, self.postgres, self.haproxy = apps, postgres, haproxy

    def read(self) -> dict[str, float]:
        return {"wall": time.perf_counter(), "apps": sum(process(p) for p in self.apps),
                "postgres": tree(self.postgres), "haproxy": process(self.haproxy),
                "generator": time.process_time(), "machine": machine()}


def used(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    """CPU seconds of each part between two readings; ``others``: the machine's busy time
    that none of the parts account for (other programs on the machine)."""
    out = {k: after[k] - before[k] for k in before}
    ours = out["apps"] + out["postgres"] + out["haproxy"] + out["generator"]
    out["others"] = max(0.0, out["machine"] - ours)
    return out


def postmaster(data: Path) -> int:
    """The pid of the PostgreSQL server whose data folder is ``data`` (postmaster.pid)."""
    return int((data / "postmaster.pid").read_text().split("\n", 1)[0])
