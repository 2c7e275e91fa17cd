"""Loading the demo team through the ordinary import path (so the demo tests the importer)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb

from store.import_log import ImportResult
from store.imports import import_bytes

# Roster first: the metrics file's names must not be the only source of who is who.
_ORDER = ("roster", "metrics", "coaching", "goals")


def load_demo(con: duckdb.DuckDBPyConnection, *, seed: int = 42) -> list[ImportResult]:
    """Generate the demo exports and import each; returns one result per file."""
    import demo  # only needed on first start; keeps the app's import light

    with tempfile.TemporaryDirectory() as tmp:
        files = demo.generate(Path(tmp), seed=seed)
        return [
            import_bytes(con, files[kind].read_bytes(), files[kind].name, kind=kind)
            for kind in _ORDER
            if kind in files
        ]
