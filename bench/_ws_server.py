"""The server under load: `streamlit run app.py` as a child process, and its RSS/CPU samples.

The child runs in its own process group (stopped as a group, never by name). Memory and CPU
come from /proc (no psutil): ``VmRSS`` of /proc/PID/status, utime+stime of /proc/PID/stat.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TICKS = os.sysconf("SC_CLK_TCK")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running app; ``url`` is the websocket stream's address."""

    proc: subprocess.Popen
    port: int
    log: Path

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/_stcore/stream"

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def stop(self) -> None:
        """Stop the server's process group (ours alone): TERM, then KILL after 10 s."""
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)


def start(*, db: Path, log: Path, timeout: float = 60.0, options: dict | None = None,
          repo: Path = REPO) -> Server:
    """Start the app on ``db`` on a free localhost port and wait until it answers its health;
    ``options``: Streamlit settings over .streamlit/config.toml's (``{"runner.postScriptGC":
    "true"}`` measures Streamlit's default beside ours); ``repo``: another checkout of the app
    (an earlier commit, to measure before and after in one run)."""
    port = free_port()
    env = {**os.environ, "COACHBOARD_DB": str(db), "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    cmd += [f"--{name}={value}" for name, value in (options or {}).items()]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=repo, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    server = Server(proc, port, log)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{server.output()}")
        if _healthy(port):
            return server
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"streamlit did not become healthy within {timeout} s")


def _healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
            return r.read().strip() == b"ok"
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of ``pid`` (its threads included)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime: fields 14, 15


@dataclass
class Sampler:
    """Samples (seconds since start, RSS MiB, CPU seconds) of ``pid`` every ``every`` s."""

    pid: int
    every: float = 0.5
    max_rss: float = float("inf")  # MiB: over it, the server is killed (protects the machine)
    killed: bool = False
    samples: list[tuple[float, float, float]] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self.t0 = time.perf_counter()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def start(self) -> Sampler:
        self.t0 = time.perf_counter()
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _loop(self) -> None:
        while not self._stop.is_set():
            with contextlib.suppress(OSError, ValueError):
                rss = rss_mib(self.pid)
                self.samples.append((time.perf_counter() - self.t0, rss, cpu_seconds(self.pid)))
                if rss > self.max_rss and not self.killed:
                    self.killed = True
                    os.killpg(self.pid, signal.SIGKILL)  # the server's own group, started by us
            self._stop.wait(self.every)
