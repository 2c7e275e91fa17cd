"""The options every data benchmark takes (not a benchmark itself: bench/run.py skips ``_*``)."""

from __future__ import annotations

import argparse


def parser(description: str | None) -> argparse.ArgumentParser:
    """``--employees`` (5,000), ``--repeat`` (3) and ``--db`` (reuse a built database file)."""
    out = argparse.ArgumentParser(description=description)
    out.add_argument("--employees", type=int, default=5000)
    out.add_argument("--repeat", type=int, default=3)
    out.add_argument("--db", help="reuse this database file (built when missing)")
    return out
