"""N app processes on one PostgreSQL database behind HAProxy: `make team` and the replica tests.

Every replica is ``streamlit run app.py`` on its own port of 127.0.0.1 with the same
``COACHBOARD_DB`` and the same cookie secret (``server.cookieSecret``: it signs the XSRF and the
sign-in cookies, so one signed by a replica holds on every other); HAProxy (config from
``tools/haproxy.cfg.in``) pins each browser to one replica with its ``SRV`` cookie and takes a
replica out while ``/_stcore/health`` fails. Each process runs in its own process group, so a
Ctrl-C reaches only the launcher, which stops them in order.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from string import Template

REPO = Path(__file__).resolve().parents[1]
HAPROXY = Path(os.environ.get("COACHBOARD_HAPROXY", "/usr/sbin/haproxy"))
TEMPLATE = Path(__file__).with_name("haproxy.cfg.in")
STARTUP_S = 90  # two cold Streamlit starts on a busy machine
STOP_S = 10


class StartFailed(RuntimeError):
    """A process did not come up; the message says which and where its log is."""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cookie_secret(folder: Path) -> str:
    """The replicas' shared secret: made once, kept in ``folder/cookie_secret`` (mode 600)."""
    path = folder / "cookie_secret"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as out:
            out.write(secrets.token_urlsafe(48))
    return path.read_text().strip()


@dataclass
class Process:
    """One started program, its own process group, its output in ``log``."""

    name: str
    port: int
    log: Path
    proc: subprocess.Popen = field(repr=False)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        """SIGKILL, as a crash or the OOM killer would: nothing of the process runs after."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=STOP_S)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after ``STOP_S``; idempotent."""
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=STOP_S)
            except subprocess.TimeoutExpired:
                self.kill()


def _spawn(name: str, port: int, cmd: list[str], folder: Path, env: dict[str, str]) -> Process:
    log = folder / f"{name}.log"
    with log.open("ab") as out:
        proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)
    return Process(name, port, log, proc)


def start_replica(name: str, *, db: str, secret: str, folder: Path,
                  secrets_file: Path | None = None) -> Process:
    """``streamlit run app.py`` on a free port; returns once it is started (not yet healthy)."""
    port = free_port()
    env = {**os.environ, "COACHBOARD_DB": db, "STREAMLIT_SERVER_COOKIE_SECRET": secret,
           "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    if secrets_file is not None:
        cmd += ["--secrets.files", str(secrets_file)]
    return _spawn(name, port, cmd, folder, env)


def wait_healthy(process: Process, deadline: float) -> None:
    """Until the replica answers ``ok`` on ``/_stcore/health``; raises StartFailed otherwise."""
    while time.monotonic() < deadline:
        if not process.alive():
            raise StartFailed(f"{process.name} stopped at start (exit code "
                              f"{process.proc.returncode}); its output: {process.log}")
        with contextlib.suppress(urllib.error.URLError, ConnectionError, TimeoutError), \
                urllib.request.urlopen(f"{process.url}/_stcore/health", timeout=2) as resp:
            if resp.read().strip() == b"ok":
                return
        time.sleep(0.3)
    raise StartFailed(f"{process.name} did not answer on {process.url}/_stcore/health in "
                      f"{STARTUP_S} s; its output: {process.log}")


def haproxy_config(bind: str, replicas: list[Process], folder: Path) -> str:
    """The HAProxy configuration: ``tools/haproxy.cfg.in`` with the replicas filled in."""
    servers = "\n".join(f"    server {r.name} 127.0.0.1:{r.port} cookie {r.name}"
                        for r in replicas)
    return Template(TEMPLATE.read_text()).substitute(
        bind=bind, servers=servers, stats_socket=folder / "haproxy.sock")


def start_haproxy(port: int, replicas: list[Process], folder: Path) -> Process:
    """HAProxy on 127.0.0.1:``port`` in front of ``replicas`` (the config checked first)."""
    if not HAPROXY.exists():
        raise StartFailed(f"HAProxy is not installed ({HAPROXY} is missing): "
                          "`make system-deps` (Debian's haproxy) or set COACHBOARD_HAPROXY.")
    config = folder / "haproxy.cfg"
    config.write_text(haproxy_config(f"127.0.0.1:{port}", replicas, folder))
    check = subprocess.run([str(HAPROXY), "-c", "-q", "-f", str(config)], capture_output=True,
                           text=True, check=False)
    if check.returncode != 0:
        raise StartFailed(f"HAProxy refused {config}: {check.stdout}{check.stderr}")
    haproxy = _spawn("haproxy", port, [str(HAPROXY), "-f", str(config), "-db"], folder,
                     dict(os.environ))
    try:
        wait_healthy(haproxy, time.monotonic() + STOP_S)  # HAProxy forwards the health check
    except BaseException:
        haproxy.stop()
        raise
    return haproxy


def haproxy_stats(folder: Path) -> dict[str, dict[str, str]]:
    """``show stat`` of the running HAProxy: server name -> its counters (``stot``, ``status``)."""
    with socket.socket(socket.AF_UNIX) as sock:
        sock.connect(str(folder / "haproxy.sock"))
        sock.sendall(b"show stat\n")
        raw = b"".join(iter(lambda: sock.recv(65536), b""))
    header, *rows = raw.decode().strip().splitlines()
    names = header.lstrip("# ").split(",")
    return {row["svname"]: row for row in (dict(zip(names, line.split(","), strict=False))
                                            for line in rows)}


@dataclass
class Team:
    """The replicas and their HAProxy; ``stop()`` (or leaving the ``with``) ends them all."""

    replicas: list[Process]
    haproxy: Process
    folder: Path

    @property
    def url(self) -> str:
        return self.haproxy.url

    def __enter__(self) -> Team:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        for process in (self.haproxy, *self.replicas):
            process.stop()


def start_team(n: int, *, db: str, folder: Path, secret: str, port: int | None = None,
               secrets_file: Path | None = None) -> Team:
    """``n`` healthy replicas on ``db`` and HAProxy on ``port`` (a free one by default); their
    logs, HAProxy's config and its stats socket go to ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    started: list[Process] = []
    try:
        for i in range(1, n + 1):
            started.append(start_replica(f"app{i}", db=db, secret=secret, folder=folder,
                                         secrets_file=secrets_file))
        deadline = time.monotonic() + STARTUP_S
        for replica in started:
            wait_healthy(replica, deadline)
        haproxy = start_haproxy(port or free_port(), started, folder)
    except BaseException:
        for process in started:
            process.stop()
        raise
    return Team(started, haproxy, folder)
