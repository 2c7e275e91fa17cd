"""CPU seconds of a person not seen before at 5,000 people, the team view warm (issue 20).

Run: ``.venv/bin/python bench/prep_person.py [--employees N] [--people K] [--db PATH]``
(``make bench`` runs it through ``bench/run.py``). What the employee page asks of ``reports/``
for someone it has not shown yet, once the team view is cached: the prep
(``reports.employee.prep_from_view``: the analyses of that person, their four forecasts),
then the brief (Markdown and HTML, for the download buttons) and the what-if of the first
forecast metric. The Plotly figures (``charts/``) and Streamlit's part are not in it.

"before" is the same code at ``BEFORE`` (main before issue 20's person index), "after" this
checkout, in the same run on the same database file: each in a child process (its own
imports), which builds the team view once, opens one person to warm up, then ``--people``
others chosen at random (the same ones for both); a figure is the child's CPU time
(``time.process_time``: every thread, DuckDB's too) per person. ``before`` needs git and the
commit (a shallow clone skips it). Goal: under 0.05 CPU s per person.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import _args

ROOT = Path(__file__).resolve().parents[1]
BEFORE = "5c9fbe3"  # main before the person index (2026-12-05)
LIMIT = 0.05
# Run in a child with the checkout's code first on sys.path: only calls both versions have.
CHILD = """
import json, sys, time
import numpy as np
import store
from reports.brief import brief_html, brief_markdown
from reports.employee import prep_from_view
from reports.forecast_whatif import person_what_if
from reports.team import team_view

con = store.connect(sys.argv[1])
start = time.process_time()
view = team_view(con)
cold = time.process_time() - start
ids = view.people["employee_id"].to_numpy()
pick = np.random.default_rng(7).choice(ids, int(sys.argv[2]) + 1, replace=False)
spent = {"prep": 0.0, "brief": 0.0, "what-if": 0.0}

def person(who):
    times = [time.process_time()]
    prep = prep_from_view(con, view, str(who), lang="zh")
    times.append(time.process_time())
    brief_markdown(prep), brief_html(prep)
    times.append(time.process_time())
    if not prep.forecast.empty:
        person_what_if(con, prep, str(prep.forecast["metric"].iloc[0]), 1.0)
    times.append(time.process_time())
    return [b - a for a, b in zip(times, times[1:])]

person(pick[0])
for who in pick[1:]:
    for key, seconds in zip(spent, person(who)):
        spent[key] += seconds
print(json.dumps({"team_view": cold, **{k: v / (len(pick) - 1) for k, v in spent.items()}}))
"""


def measure(code_root: Path, db: Path, people: int) -> dict:
    """The child's figures with ``code_root``'s modules."""
    env = dict(os.environ, PYTHONPATH=str(code_root))
    done = subprocess.run([sys.executable, "-c", CHILD, str(db), str(people)], cwd=code_root,
                          env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def checkout(commit: str, into: Path) -> Path | None:
    """``commit``'s files in ``into`` (git archive), or None without git or the commit."""
    archive = into / "before.tar"
    with archive.open("wb") as out:
        made = subprocess.run(["git", "archive", commit], cwd=ROOT, stdout=out,
                              stderr=subprocess.DEVNULL, check=False)
    if made.returncode:
        return None
    with tarfile.open(archive) as tar:
        tar.extractall(into / "before", filter="data")
    return into / "before"


def results(employees: int = 5000, people: int = 20, db: str | None = None) -> list[tuple]:
    """[(case, seconds, limit, note[, baseline])]: per person, before and after."""
    from bench.analytics import build, generate

    with tempfile.TemporaryDirectory(prefix="coachboard-prep-") as work:
        path = Path(db) if db else Path(work) / "people.duckdb"
        if not path.exists():
            build(path, *generate(employees))
        old_root = checkout(BEFORE, Path(work))
        after = measure(ROOT, path, people)
        before = measure(old_root, path, people) if old_root else None
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    rows = []
    for case in ("prep", "brief", "what-if"):
        base = before[case] if before else None
        note = (f"mean of {people} new people of {employees:,}; load {load}; before "
                + (f"{base:.3f} s ({BEFORE})" if base is not None else "skipped (no git)"))
        rows.append((f"new person: {case}", after[case], LIMIT if case == "prep" else None,
                     note, base))
    total = sum(after[c] for c in ("prep", "brief", "what-if"))
    base = sum(before[c] for c in ("prep", "brief", "what-if")) if before else None
    rows.append(("new person: prep+brief+what-if", total, None, "the page's reports/ part", base))
    rows.append(("team view, cold (with the index)", after["team_view"], None,
                 f"before {before['team_view']:.2f} s" if before else "", before and
                 before["team_view"]))
    return rows


def main() -> None:
    parser = _args.parser(__doc__)
    parser.add_argument("--people", type=int, default=20)
    args = parser.parse_args()
    for case, seconds, limit, note, base in results(args.employees, args.people, args.db):
        ratio = f" ({base / seconds:.1f}x less)" if base and seconds else ""
        bound = "" if limit is None else (" OK" if seconds < limit else " OVER")
        print(f"{case}: {seconds:.4f} CPU s{ratio}{bound}; {note}")


if __name__ == "__main__":
    main()
