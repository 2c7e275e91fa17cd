"""A throw-away PostgreSQL 15 server on 127.0.0.1: for the tests and a local try.

``start(directory)`` runs ``initdb`` and ``pg_ctl start`` on a free port with trust
authentication for local connections only, and returns the server's URL prefix;
``stop(directory)`` shuts it down. PostgreSQL refuses to run as root: when we are root, the
programs run as the ``postgres`` user (``runuser``) and the directory is handed to it.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

BIN = Path(os.environ.get("COACHBOARD_PG_BIN", "/usr/lib/postgresql/15/bin"))


# The settings docs/operations.md recommends ("Server settings"), for a machine of a few GB:
# sorts and the board's hash aggregation in memory (work_mem; 4MB spilled it to disk), an
# import's temporary table of a quarter's rows in memory (temp_buffers), no JIT
# (it compiled the large queries for 0.15-0.25 s each time, more than it saved), checkpoints
# spaced for a 10M-row import, page costs of a database that lives in memory.
SETTINGS = {
    "shared_buffers": "512MB", "work_mem": "64MB", "maintenance_work_mem": "256MB",
    "temp_buffers": "256MB",
    "effective_cache_size": "4GB", "random_page_cost": "1.1", "jit": "off",
    "max_wal_size": "4GB", "checkpoint_timeout": "15min", "wal_compression": "lz4",
}


class PostgresMissing(RuntimeError):
    """The PostgreSQL programs are not installed where we look."""


@dataclass(frozen=True)
class Server:
    directory: Path
    port: int
    user: str

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://{self.user}@127.0.0.1:{self.port}/{database}"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _as_owner(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def start(directory: str | Path, *, port: int | None = None, durable: bool = True,
          reuse: bool = False, max_connections: int = 100) -> Server:
    """Create and start a cluster in ``directory`` (a new or empty folder).

    ``reuse=True`` starts the cluster already in ``directory`` again, with its data, when
    there is one (``make team``'s local try keeps its data between runs).

    ``max_connections``: PostgreSQL's limit (its default, 100); replicas need their pools' sum.

    ``durable=False`` (tests) turns fsync off: fast, and a power cut may lose the cluster.

    Raises:
        PostgresMissing: no ``initdb`` in ``COACHBOARD_PG_BIN`` (default PostgreSQL 15's).
        subprocess.CalledProcessError: initdb or pg_ctl failed (their output is in it).
    """
    if not (BIN / "initdb").exists():
        raise PostgresMissing(
            f"PostgreSQL 15 is not installed ({BIN / 'initdb'} is missing). Install it "
            "(Debian: apt-get install postgresql-15) or set COACHBOARD_PG_BIN to its bin folder."
        )
    root = Path(directory).resolve()
    data = root / "data"
    root.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
        for parent in root.parents:  # postgres must reach the folder (tmp dirs are 0700)
            if parent.stat().st_mode & 0o001 == 0:
                parent.chmod(parent.stat().st_mode | 0o001)
    port = port or _free_port()
    run = {"check": True, "capture_output": True, "text": True}
    if not (reuse and (data / "PG_VERSION").exists()):
        # Texts ordered byte by byte, as DuckDB orders them (and compared with memcmp, not
        # the C library's collation: the frames' and board's sorts); characters as UTF-8.
        subprocess.run(_as_owner([str(BIN / "initdb"), "-D", str(data), "-U", "postgres",
                                  "--auth=trust", "-E", "UTF8", "--lc-collate=C",
                                  "--lc-ctype=C.UTF-8"]), **run)
    options = (f"-c listen_addresses=127.0.0.1 -c port={port} -k {root} "
               f"-c max_connections={max_connections} "
               + " ".join(f"-c {name}={value}" for name, value in SETTINGS.items()))
    if not durable:
        options += " -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
    subprocess.run(_as_owner([str(BIN / "pg_ctl"), "-D", str(data), "-l", str(root / "log"),
                              "-o", options, "-w", "start"]), **run)
    return Server(root, port, "postgres")


def stop(server: Server) -> None:
    """Stop the server fast (open sessions are ended)."""
    subprocess.run(_as_owner([str(BIN / "pg_ctl"), "-D", str(server.directory / "data"),
                              "-m", "fast", "-w", "stop"]), check=False, capture_output=True)
