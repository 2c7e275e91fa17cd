"""``cli.py migrate-to postgresql://…``: the demo file moved onto a real PostgreSQL, every table
counted and summed again here (plain duckdb and plain psycopg, not the store), the app's reads
the same on both, the ids going on; refusals are sentences."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil

import duckdb
import psycopg
import pytest

import cli

# The imports and audit rows, by the id their sequence gives.
NUMBERED = {"imports": "import_id", "audit_log": "audit_id"}


def _text(value) -> str:
    """The documented canonical text of one value (docs/operations.md, "Moving to PostgreSQL")."""
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "tf"[not value]
    if isinstance(value, float) and value == int(value):
        return str(int(value))
    if isinstance(value, (dt.date, int, float)):
        return value.isoformat() if isinstance(value, dt.date) else repr(value)
    return value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def _sums(rows_by_table: dict[str, list[tuple]]) -> dict[str, tuple[int, str]]:
    out = {}
    for table, rows in rows_by_table.items():
        total = sum(int(hashlib.md5("\t".join(map(_text, r)).encode()).hexdigest(), 16)
                    for r in rows)
        out[table] = (len(rows), f"{total % 2**128:032x}")
    return out


def _duck_rows(path) -> dict[str, list[tuple]]:
    with duckdb.connect(str(path), read_only=True) as con:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "AND table_type = 'BASE TABLE' AND table_name <> 'meta'").fetchall()]
        return {t: con.execute(f'SELECT * FROM "{t}"').fetchall() for t in tables}


def _pg_rows(url: str, columns: dict[str, list[str]]) -> dict[str, list[tuple]]:
    with psycopg.connect(url) as con:  # json as its stored text, the columns in file order
        return {t: con.execute("SELECT " + ", ".join(f'"{c}"::text' if c in ("mapping", "plan",
               "value") else f'"{c}"' for c in cols) + f' FROM public."{t}"').fetchall()
                for t, cols in columns.items()}


def _columns(path) -> dict[str, list[str]]:
    with duckdb.connect(str(path), read_only=True) as con:
        found: dict[str, list[str]] = {}
        for table, column in con.execute(
                "SELECT table_name, column_name FROM information_schema.columns WHERE "
                "table_schema = 'main' AND table_name <> 'meta' ORDER BY ordinal_position"
        ).fetchall():
            found.setdefault(table, []).append(column)
        return found


def _run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def moved(pg_cluster, demo_db, tmp_path, capsys):
    """The demo file, an empty server database, and the move's JSON report."""
    source = tmp_path / "source.duckdb"
    shutil.copy(demo_db, source)
    url = pg_cluster.database("empty")
    code, out, err = _run(capsys, "migrate-to", url, "--from", str(source), "--json")
    assert (code, err) == (0, "")
    yield source, url, json.loads(out)
    pg_cluster.drop(url)


def test_every_table_has_the_files_rows_and_checksum_on_the_server(moved):
    source, url, report = moved
    columns = _columns(source)
    expected, found = _sums(_duck_rows(source)), _sums(_pg_rows(url, columns))
    assert set(columns) == {r["table"] for r in report}
    for row in report:
        assert (row["source_rows"], row["source_checksum"]) == expected[row["table"]]
        assert (row["target_rows"], row["target_checksum"]) == found[row["table"]]
        assert row["same"]
    assert expected == found
    assert sum(n for n, _ in expected.values()) > 2000  # the demo, not an empty file


def test_the_apps_reads_match_and_new_ids_follow_the_copied_ones(moved, capsys):
    source, url, _ = moved
    reads = [["flags", "--format", "csv"], ["board", "--format", "csv"], ["history", "--json"]]
    for args in reads:
        on_file, on_server = _run(capsys, *args, "--db", str(source)), _run(capsys, *args,
                                                                            "--db", url)
        assert on_file == on_server, args
        assert on_file[0] == 0
    with duckdb.connect(str(source), read_only=True) as con:
        before = {t: con.execute(f"SELECT max({k}) FROM {t}").fetchone()[0]
                  for t, k in NUMBERED.items()}
    for db in (str(source), url):
        code, _, err = _run(capsys, "users", "add", "hr@example.com", "--role", "hr", "--db", db)
        assert (code, err) == (0, "")
    # The file's own next ids are the reference: the server goes on from the same numbers.
    on_file, on_server = _highest(duckdb.connect(str(source))), _highest(psycopg.connect(url))
    assert on_server == on_file
    assert on_server == {"audit_log": before["audit_log"] + 1, "imports": before["imports"],
                         "import_seq": before["imports"] + 1}


def _highest(con) -> dict[str, int]:
    """The highest audit and import ids, and the id the next import gets (drawn from the
    sequence: the databases are this test's own)."""
    with con:
        found = {t: con.execute(f"SELECT max({k}) FROM {t}").fetchone()[0]
                 for t, k in NUMBERED.items()}
        found["import_seq"] = con.execute("SELECT nextval('import_seq')").fetchone()[0]
    return found


def test_a_server_that_holds_data_is_refused_and_left_as_it_was(moved, capsys):
    source, url, _ = moved
    columns = _columns(source)
    held = _sums(_pg_rows(url, columns))
    for lang, words in (("en", "already holds data"), ("zh", "已有数据")):
        code, out, err = _run(capsys, "migrate-to", url, "--from", str(source), "--lang", lang)
        assert code == 2
        assert words in err
        assert out == ""
    assert _sums(_pg_rows(url, columns)) == held


def test_a_changed_row_on_the_server_is_found_by_the_check(moved):
    """The check that decides the commit: one value changed on the server shows in its table."""
    import store
    from store.pg_move import compare

    source, url, _ = moved
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("UPDATE metric_values SET value = value + 1 WHERE employee_id = "
                    "(SELECT min(employee_id) FROM metric_values)")
    file, server = store.connect(source), store.connect(url)
    try:
        differ = [c.table for c in compare(file, server) if not c.same]
    finally:
        file.close()
        server.close()
    assert differ == ["metric_values"]


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["migrate-to", "data/x.duckdb"], "is not a PostgreSQL address"),
        (["migrate-to", "postgresql://u@127.0.0.1:9/x", "--from", "{missing}"],
         "There is no database file"),
        (["migrate-to", "postgresql://u@127.0.0.1:9/x", "--from", "{file}"], "cannot be opened"),
        (["migrate-to", "postgresql://u@127.0.0.1:9/x", "--from", "{file}", "--json"],
         '"error": "The PostgreSQL database x@127.0.0.1 cannot be opened'),
    ],
)
def test_bad_input_is_a_sentence_and_exit_2(args, words, demo_db, tmp_path, capsys):
    source = tmp_path / "s.duckdb"
    shutil.copy(demo_db, source)
    filled = [a.format(missing=tmp_path / "none.duckdb", file=source) for a in args]
    code, out, err = _run(capsys, *filled)
    assert code == 2
    assert words in out + err
    assert "Traceback" not in out + err


def test_a_value_the_server_cannot_hold_stops_the_move_and_leaves_the_server_empty(
        pg_cluster, demo_db, tmp_path, capsys):
    """A NUL character in a note (DuckDB keeps it, PostgreSQL's text cannot): a sentence,
    exit 1, nothing kept; once the note is mended the same server takes the move."""
    source = tmp_path / "nul.duckdb"
    shutil.copy(demo_db, source)
    with duckdb.connect(str(source)) as con:
        con.execute("UPDATE coaching_sessions SET notes = 'a' || chr(0) || 'b' WHERE session_id = "
                    "(SELECT min(session_id) FROM coaching_sessions)")
    url = pg_cluster.database("empty")
    try:
        code, out, err = _run(capsys, "migrate-to", url, "--from", str(source))
        assert code == 1
        assert "The copy stopped" in err
        assert "Traceback" not in out + err
        columns = _columns(source)
        assert all(n == 0 for n, _ in _sums(_pg_rows(url, columns)).values())
        with duckdb.connect(str(source)) as con:
            con.execute("UPDATE coaching_sessions SET notes = replace(notes, chr(0), '')")
        assert _run(capsys, "migrate-to", url, "--from", str(source))[0] == 0
        assert _sums(_pg_rows(url, columns)) == _sums(_duck_rows(source))
    finally:
        pg_cluster.drop(url)
