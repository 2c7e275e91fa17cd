"""The app's modules compiled to bytecode before a timed child process starts, as an installed
app has them.

pip compiles what it installs (DuckDB's, pandas' modules), so the import benchmarks' floor
never compiles Python; the app's own modules were compiled from source in every child on a
machine that sets ``PYTHONDONTWRITEBYTECODE=1`` (this one does): about 100 modules, 0.07-0.1 s
of an import's wall time that no installed Coachboard spends. ``compileall`` writes the
``__pycache__`` files whatever that variable says; reading them is never turned off.
"""

from __future__ import annotations

import compileall
import functools
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@functools.cache
def compiled() -> int:
    """Compile every package of the repository (once per process); how many there are."""
    packages = [p.parent for p in REPO.glob("*/__init__.py")
                if p.parent.name not in {"tests", ".venv"}]
    for package in packages:
        compileall.compile_dir(package, quiet=1)
    compileall.compile_file(REPO / "cli.py", quiet=1)
    return len(packages)
