"""The page writes (writes/): what a form hands over is what the store holds, a stale table save
is refused with what is stored now, and the rights are still the store's (a manager cannot
write past their people through writes/ either). Real DuckDB files, read back by plain SQL."""

from __future__ import annotations

from datetime import date

import pytest

import store
from reports import coaching
from store.access import AccessDenied, Viewer
from store.scope import scoped
from store.users import add_user
from writes import audit, digest
from writes import coaching as write

ROSTER = ("工号,姓名,部门,直属主管\nE1,王芳,一组,M1\nE2,李娜,一组,M1\nE3,张伟,二组,M2\n"
          "M1,王建华,一组,\nM2,刘洋,二组,\n")
M1 = Viewer("m1@example.com", "manager", "M1")


@pytest.fixture
def con(tmp_path):
    con = store.connect(tmp_path / "writes.duckdb")
    assert store.import_bytes(con, ROSTER.encode(), "roster.csv").status == "loaded"
    yield con
    con.close()


def _talk(con, employee: str = "E1") -> str:
    return write.log_session(con, employee_id=employee, session_date=date(2025, 7, 1),
                             session_type="formal", model="GROW", coach="M1", notes="n",
                             parts={}, by="M1")


@pytest.mark.parametrize("given", [
    {"manager": (4, "good"), "employee": (2, "too short")},
    {"manager": (5, ""), "employee": (None, "left without a score")},
    {"manager": (None, "x"), "employee": (None, "y")},
])
def test_rating_form_saves_each_rater_with_a_score(con, given):
    sid = _talk(con)
    saved = write.rate_session(con, sid, given, by="M1")
    rows = con.execute("SELECT rater, score, coalesce(comment, '') FROM session_ratings "
                       "WHERE session_id = ? ORDER BY rater", [sid]).fetchall()
    expected = sorted((r, s, c) for r, (s, c) in given.items() if s is not None)
    assert rows == expected
    assert saved == len(expected)


def test_actions_saved_from_the_table_read_before_editing(con):
    sid = _talk(con)
    write.add_action(con, sid, goal="CSAT", action="call back", owner="E1",
                     deadline=date(2025, 8, 1), support="", by="M1")
    base = coaching.session_actions(con, sid)
    edited = base.assign(progress="half", status="done")
    assert write.save_actions(con, sid, edited, base=base, by="M1") == {"added": 0, "changed": 1}
    stored = con.execute("SELECT action, progress, status, version FROM coaching_actions "
                         "WHERE session_id = ?", [sid]).fetchall()
    assert stored == [("call back", "half", "done", 2)]
    # A second tab still holding the first read is refused, with what is stored now.
    with pytest.raises(write.ActionConflict) as refused:
        write.save_actions(con, sid, base.assign(progress="stale"), base=base, by="M1")
    assert refused.value.theirs["progress"].tolist() == ["half"]


def test_a_manager_cannot_write_past_their_people(con):
    theirs = _talk(con, "E3")  # M2's person
    mine = scoped(con, M1)
    with pytest.raises(AccessDenied):
        write.rate_session(mine, theirs, {"manager": (5, "")}, by="M1")
    with pytest.raises(AccessDenied):
        write.delete_session(mine, theirs, by="M1")
    assert con.execute("SELECT count(*) FROM session_ratings").fetchone()[0] == 0
    assert con.execute("SELECT count(*) FROM coaching_sessions WHERE session_id = ?",
                       [theirs]).fetchone()[0] == 1


@pytest.mark.parametrize(("pick", "stored"), [
    ({"channel": "email", "frequency": "weekly", "weekday": 2, "lang": "zh",
      "address": "me@example.com", "secret": None}, True),
    ({"channel": "fax", "frequency": "weekly", "weekday": 2, "lang": "en",
      "address": None, "secret": None}, False),
])
def test_a_digest_choice_is_stored_as_chosen_or_not_at_all(con, pick, stored):
    add_user(con, "m1@example.com", role="manager", employee_id="M1")
    if not stored:
        with pytest.raises(digest.DigestConfigError):
            digest.choose(con, "m1@example.com", **pick)
    else:
        digest.choose(con, "m1@example.com", **pick)
    rows = con.execute("SELECT channel, frequency, weekday, lang, address FROM "
                       "digest_subscriptions WHERE email = 'm1@example.com'").fetchall()
    keys = ("channel", "frequency", "weekday", "lang", "address")
    assert rows == ([tuple(pick[k] for k in keys)] if stored else [])


def test_page_audit_rows_name_the_viewer_and_cut_a_typed_id(con):
    mine = scoped(con, M1)
    audit.viewed_employee(mine, "E1")
    audit.refused_employee(mine, "X" * 100, detail="refused")
    audit.exported(mine, "brief_html", "E1", rows=3)
    rows = con.execute("SELECT actor, action, target, rows, detail FROM audit_log "
                       "WHERE actor = 'm1@example.com' ORDER BY logged_at").fetchall()
    assert rows == [("m1@example.com", "view_employee", "E1", None, None),
                    ("m1@example.com", "view_employee", "X" * audit.ID_MAX, None, "refused"),
                    ("m1@example.com", "export", "E1", 3, "brief_html")]
