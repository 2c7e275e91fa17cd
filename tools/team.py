"""`make team N=2`: a local try of Coachboard as a team server with N replicas.

Starts (or restarts) a PostgreSQL under ``data/team/postgres`` on a free port of 127.0.0.1 with
the database ``coachboard``, N app processes on it sharing one cookie secret (made once, kept
in ``data/team/cookie_secret``, never printed) and HAProxy in front on ``--port`` with sticky
sessions. Ctrl-C stops HAProxy, the replicas and PostgreSQL, in that order. ``--db URL`` uses
a PostgreSQL you already run instead. Production set-ups: docs/replicas.md.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tools import pg_local  # after the line above: the repository root is on the path
from tools.replicas import REPO, StartFailed, Team, cookie_secret, start_team

DATABASE = "coachboard"
# Connections per replica, above the store's 20: room for many reruns at once on a local try
# (PostgreSQL's max_connections is set to fit; docs/replicas.md).
POOL = 60


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replicas", "-n", type=int, default=2, help="app processes (2)")
    parser.add_argument("--port", type=int, default=8501, help="HAProxy's port (8501)")
    parser.add_argument("--data", type=Path, default=REPO / "data" / "team",
                        help="the folder for PostgreSQL, the secret and the logs (data/team)")
    parser.add_argument("--db", help="a postgresql:// URL to use instead of a local PostgreSQL")
    parser.add_argument("--secrets", type=Path,
                        help="a secrets.toml for every replica (an [auth] section: sign-in)")
    args = parser.parse_args()
    if args.replicas < 1:
        parser.error("--replicas must be 1 or more")
    return args


def local_postgres(folder: Path, replicas: int) -> pg_local.Server:
    """The try's PostgreSQL: created on the first run, started again with its data later;
    room for every replica's pool and the command line."""
    server = pg_local.start(folder, reuse=True, max_connections=replicas * POOL + 20)
    with psycopg.connect(server.url(), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                        [DATABASE]).fetchone() is None:
            conn.execute(f"CREATE DATABASE {DATABASE}")
    return server


def _serve(team: Team) -> None:
    """Until Ctrl-C (or SIGTERM) or HAProxy ends; a replica that stops is said once."""
    told: set[str] = set()
    while team.haproxy.alive():
        for replica in team.replicas:
            if not replica.alive() and replica.name not in told:
                told.add(replica.name)
                print(f"{replica.name} stopped (exit code {replica.proc.returncode}); HAProxy "
                      f"sends its users to the others. Its output: {replica.log}", flush=True)
        time.sleep(1)


def _stop_on_sigterm(*_: object) -> None:
    raise KeyboardInterrupt


def main() -> int:
    args = _arguments()
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    server = None
    try:
        if args.db is None:
            server = local_postgres(args.data / "postgres", args.replicas)
            os.environ.setdefault("COACHBOARD_PG_POOL", str(POOL))  # the replicas inherit it
        db = args.db or server.url(DATABASE)
        print(f"PostgreSQL: {db}; starting {args.replicas} app processes …", flush=True)
        with start_team(args.replicas, db=db, folder=args.data / "run", port=args.port,
                        secret=cookie_secret(args.data), secrets_file=args.secrets) as team:
            ports = ", ".join(str(r.port) for r in team.replicas)
            print(f"Coachboard on http://127.0.0.1:{args.port} (HAProxy; replicas on ports "
                  f"{ports}; logs in {team.folder}). Ctrl-C stops everything.", flush=True)
            _serve(team)
    except KeyboardInterrupt:
        print("\nStopping …", flush=True)
    except (StartFailed, pg_local.PostgresMissing) as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        if server is not None:
            pg_local.stop(server)
    return 0


if __name__ == "__main__":
    sys.exit(main())
