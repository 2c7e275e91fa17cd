"""Long manager chains: circles found in a few thousand people, everyone reached from the top once.

The import's vectorised check (``store.org_chart``) is compared with a plain walk up each chain,
one manager at a time, and the stored roster is walked down from the top afterwards.
"""

from __future__ import annotations

import random
from collections import Counter, deque

import numpy as np
import pandas as pd
import pytest

import store
from store.access import Viewer
from store.org_chart import in_circles
from store.scope import scoped

DEEP, WIDE = 1500, 1500  # one chain 1,500 managers deep, and a random tree of 1,500 more


def _walks_back(chain: dict[str, str | None], start: str) -> bool:
    at, steps = chain.get(start), 0
    while at is not None and steps <= len(chain):
        if at == start:
            return True
        at, steps = chain.get(at), steps + 1
    return False


def _org(seed: int) -> dict[str, str | None]:
    rng = random.Random(seed)
    chain: dict[str, str | None] = {"T0000": None}
    chain |= {f"C{i:04d}": f"C{i - 1:04d}" if i > 1 else "T0000" for i in range(1, DEEP + 1)}
    for i in range(1, WIDE + 1):
        chain[f"W{i:04d}"] = rng.choice(list(chain))
    return chain


def _attack(chain: dict[str, str | None], seed: int) -> dict[str, str]:
    """Planted circles (1,500 long, a self-reference, a swap) and random moves, some circular."""
    rng = random.Random(seed)
    edges = {"C0001": f"C{DEEP:04d}", "W0100": "W0100", "W0200": "W0201", "W0201": "W0200",
             "W0300": "C0750"}
    for who in rng.sample([e for e in chain if e.startswith("W") and e not in edges], 60):
        edges[who] = rng.choice(list(chain))
    return edges


def _expected_bad(stored: dict[str, str | None], edges: dict[str, str]) -> set[str]:
    """Second way: drop the lines whose person walks back to themselves, until none is left."""
    bad: set[str] = set()
    while True:
        merged = {**stored, **{e: m for e, m in edges.items() if e not in bad}}
        more = {e for e in edges if e not in bad and _walks_back(merged, e)}
        if not more:
            return bad
        bad |= more


def _csv(chain: dict[str, str | None]) -> bytes:
    return ("工号,直属主管\n" + "".join(f"{e},{m or ''}\n" for e, m in chain.items())).encode()


def _reached_from_the_top(con) -> Counter:
    rows = con.execute("SELECT employee_id, manager_id FROM employees").fetchall()
    ids = {e for e, _ in rows}
    children: dict[str, list[str]] = {}
    for e, m in rows:
        children.setdefault(m if m in ids else None, []).append(e)
    seen, todo = Counter(), deque(children.get(None, []))
    while todo:
        e = todo.popleft()
        seen[e] += 1
        if seen[e] == 1:
            todo.extend(children.get(e, []))
    return seen


@pytest.mark.parametrize("seed", [1, 2])
def test_every_employee_is_reached_from_the_top_exactly_once(tmp_path, seed):
    con = store.connect(tmp_path / "org.duckdb")
    org = _org(seed)
    first = store.import_bytes(con, _csv(org), "org.csv", kind="roster")
    assert first.status == "loaded", first.as_json()["errors"][:3]
    edges = _attack(org, seed)
    bad = _expected_bad(org, edges)
    assert {"C0001", "W0100", "W0200", "W0201"} <= bad
    assert "W0300" not in bad
    lines = {e: i + 2 for i, e in enumerate(edges)}
    refused = store.import_bytes(con, _csv(edges), "attack.csv", kind="roster")
    assert refused.status == "failed"
    assert set(refused.errors["line"]) == {lines[e] for e in bad}
    skipped = store.import_bytes(con, _csv(edges), "attack.csv", kind="roster",
                                 skip_bad_rows=True)
    assert skipped.status == "loaded"
    assert set(skipped.errors["line"]) == {lines[e] for e in bad}
    reached = _reached_from_the_top(con)
    assert set(reached) == set(org)
    assert set(reached.values()) == {1}
    top = scoped(con, Viewer("ceo@example.com", "leadership", "T0000"))
    assert top.execute("SELECT count(*) FROM employees").fetchone()[0] == len(org) - 1
    con.close()


@pytest.mark.parametrize("seed", range(5))
def test_the_vectorised_circles_match_a_walk_up_each_chain(seed):
    rng = np.random.default_rng(seed)
    n = 800
    ids = pd.Series([f"P{i}" for i in range(n)])
    parents = rng.integers(-40, n, size=n)  # negative: no manager (or one not in the roster)
    managers = pd.Series([f"P{p}" if p >= 0 else (None if p % 2 else "GONE") for p in parents])
    _, circled = in_circles(ids, managers)
    chain = dict(zip(ids, managers, strict=True))
    assert circled.tolist() == [_walks_back(chain, e) for e in ids]
    assert circled.any()
