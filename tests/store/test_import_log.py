"""store.import_log: the file's hash in the history, computed on another thread while a big
file is read (``hashing_ahead``), is the file's sha256 computed afresh (hashlib, here)."""

from __future__ import annotations

import hashlib
import threading

import pytest

import store
from store import import_log
from store.plan_import import import_plan


@pytest.mark.parametrize("size", [10, 4 << 20, 9 << 20])
def test_the_hash_ahead_is_the_files_sha256(size):
    raw = bytes(range(256)) * (size // 256) + b"x" * (size % 256)
    with import_log.hashing_ahead(raw):
        got = import_log.content_hash(raw)
        assert import_log.content_hash(bytes(raw)) == got  # an equal copy: hashed afresh
    assert got == hashlib.sha256(raw).hexdigest()
    assert not import_log._AHEAD  # nothing kept after the block


def test_a_thread_hashes_only_big_files():
    before = threading.active_count()
    with import_log.hashing_ahead(b"E001,1\n" * 10):
        assert threading.active_count() == before


def test_a_big_import_records_its_files_sha256(tmp_path):
    lines = ["Employee ID,Week,Calls"] + [f"E{i % 500:04d},2025-01-{6 + 7 * (i // 500 % 3):02d},"
                                          f"{i % 40}" for i in range(1500)]
    raw = ("\n".join(lines) + "\n").encode() + b"\n" * (5 << 20)  # blank lines past 4 MiB
    con = store.connect(tmp_path / "h.duckdb")
    result = import_plan(con, raw, "calls.csv")
    assert (result.status, result.rows_read) == ("loaded", 1500), result.as_json()
    stored = con.execute("SELECT content_hash FROM imports WHERE import_id = ?",
                         [result.import_id]).fetchone()[0]
    con.close()
    assert stored == hashlib.sha256(raw).hexdigest()
