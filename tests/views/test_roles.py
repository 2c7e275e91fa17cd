"""The team-server mode in AppTest: which pages each role gets and whose people they see.

AppTest (Streamlit 1.67) simulates a signed-in user through ``at.user`` (what ``st.user``
returns) and the ``[auth]`` section through ``at.secrets``; nothing of ours is mocked: the
users live in the real demo database and ``ui.context.viewer()`` looks them up on every run.
A page a role may not open is not registered, so ``switch_page`` to it fails.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import store
from i18n import t
from store.access import LOCAL, Viewer
from store.users import add_user, remove_user
from tests.views.conftest import ROOT, TIMEOUT
from ui.downloads import download_name

AUTH = {"auth": {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-only-cookie-secret-0123456789abcdef",
    "client_id": "coachboard-test", "client_secret": "coachboard-test-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}}
USERS = {"manager": ("m01@example.com", "M01"), "leadership": ("d01@example.com", "D01"),
         "hr": ("hr@example.com", None), "admin": ("admin@example.com", None),
         "employee": ("e001@example.com", "E001")}
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "views").glob("*.py"))
# Written out by hand, not derived from store.access.CAN: this is the promise of the README.
SEES = {
    "manager": {"overview", "employee", "coaching", "coaching_due", "coaching_plans", "board",
                "upload", "digest"},
    "hr": {"overview", "employee", "coaching", "coaching_due", "coaching_plans", "impact",
           "board", "upload", "catalog", "admin", "digest"},
    "leadership": {"overview", "employee", "impact", "board", "digest"},
    "admin": {"catalog", "settings", "admin"},
    "employee": {"me"},
    "unknown": set(),
}
# Employees on the overview: M01's 8 agents; D01's whole org (27, not D01); everyone for HR.
PEOPLE = {"manager": 8, "leadership": 27, "hr": 28}  # in the roster each role may see
MEASURED = {"manager": 8, "leadership": 24, "hr": 24}  # of those, with metric values
NEW_HIRE_NOTE = "新人第三周"  # E008's last coaching note in the demo log


@pytest.fixture(scope="module")
def users_db(tmp_path_factory, demo_db) -> Path:
    path = tmp_path_factory.mktemp("roles") / "users.duckdb"
    path.write_bytes(demo_db.read_bytes())
    con = store.connect(path)
    for role, (email, employee_id) in USERS.items():
        add_user(con, email, role=role, employee_id=employee_id)
    con.close()
    return path


@pytest.fixture
def team_db(tmp_path, users_db) -> Path:
    target = tmp_path / "team.duckdb"
    target.write_bytes(users_db.read_bytes())
    return target


def signed_in_app(monkeypatch, db: Path, email: str | None, **query: str) -> AppTest:
    """The app in team-server mode, signed in as ``email`` (None: nobody signed in)."""
    monkeypatch.setenv("COACHBOARD_DB", str(db))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.secrets = AUTH
    at.user = {"is_logged_in": True, "email": email} if email else {"is_logged_in": False}
    at.session_state["lang"] = "en"
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    assert not at.exception, at.exception
    return at


def open_page(at: AppTest, page: str) -> bool:
    """Switch to ``page``; False when it is not registered for this viewer."""
    try:
        at.switch_page(page)
    except ValueError:
        return False
    at.run()
    assert not at.exception, (page, at.exception)
    assert not at.error, (page, [e.value for e in at.error])
    return True


@pytest.mark.parametrize("role", sorted(SEES))
def test_each_role_gets_exactly_its_pages(monkeypatch, users_db, role):
    email = USERS[role][0] if role in USERS else "stranger@example.com"
    at = signed_in_app(monkeypatch, users_db, email)
    opened = {Path(p).stem for p in PAGES if open_page(at, p)}
    assert opened == SEES[role]
    if role == "unknown":
        assert at.title[0].value == t("signin.no_access_title")
        assert "stranger@example.com" in at.warning[0].value.replace("\\", "")


@pytest.mark.parametrize("role", sorted(PEOPLE))
def test_each_role_sees_only_their_people(monkeypatch, users_db, role):
    at = signed_in_app(monkeypatch, users_db, USERS[role][0])
    assert at.title[0].value == t("overview.title")
    # the overview counts the people measured; the sidebar the roster
    assert at.metric[0].label == t("head.people")
    assert at.metric[0].value == str(MEASURED[role])
    roster = " ".join(m.value for m in at.sidebar.markdown)
    assert f"**{PEOPLE[role]}** people in the roster" in roster
    open_page(at, "views/employee.py")
    ids = [o.rsplit(" · ", 1)[-1] for o in at.selectbox(key="emp_pick").options]
    # The pick list holds the people with metrics: the agents, not their leads.
    agents = range(1, 9) if role == "manager" else range(1, 25)
    assert sorted(ids) == [f"E{i:03d}" for i in agents]


def test_signed_out_visitor_gets_only_the_sign_in_page(monkeypatch, users_db):
    at = signed_in_app(monkeypatch, users_db, None)
    assert at.title[0].value == t("signin.title")
    assert [b.label for b in at.button] == [t("signin.button")]
    assert [p for p in PAGES if open_page(at, p)] == []
    assert not at.sidebar.markdown  # no workspace facts for someone not let in


def _views(db: Path) -> list[tuple]:
    con = store.connect(db)
    try:
        return con.execute("SELECT actor, target, detail FROM audit_log WHERE action = "
                           "'view_employee' ORDER BY logged_at").fetchall()
    finally:
        con.close()


def test_manager_link_to_another_team_is_refused_and_audited_as_such(monkeypatch, team_db):
    at = signed_in_app(monkeypatch, team_db, USERS["manager"][0])
    at.query_params["id"] = "E009"
    open_page(at, "views/employee.py")
    assert at.warning[0].value == t("emp.unknown_id", id="E009")
    assert at.selectbox(key="emp_pick").value is None
    assert not at.header  # no one else's prep shown in E009's place
    assert _views(team_db) == [(USERS["manager"][0], "E009", "refused")]
    at.run()  # a rerun is the same refusal, not a second record
    at.selectbox(key="emp_pick").select("E003").run()
    assert at.header[0].value == "李娜 · E003"
    assert _views(team_db) == [(USERS["manager"][0], "E009", "refused"),
                               (USERS["manager"][0], "E003", None)]


def _sessions(at: AppTest):
    return next(d.value for d in at.dataframe if "session_type" in d.value.columns)


def test_leadership_reads_numbers_but_not_notes(monkeypatch, users_db):
    for role, shown in (("manager", True), ("leadership", False)):
        at = signed_in_app(monkeypatch, users_db, USERS[role][0], id="E008")
        open_page(at, "views/employee.py")
        assert at.selectbox(key="emp_pick").value == "E008"
        sessions = _sessions(at)
        assert len(sessions) > 0, "the sessions themselves stay visible"
        if shown:
            assert any(NEW_HIRE_NOTE in str(n) for n in sessions["notes"])
        else:
            assert "notes" not in sessions.columns  # blank in the store, so no column at all
            assert not any(NEW_HIRE_NOTE in str(v) for v in sessions.to_numpy().ravel())


def test_removed_user_loses_access_on_the_next_run(monkeypatch, team_db):
    at = signed_in_app(monkeypatch, team_db, USERS["manager"][0])
    assert at.title[0].value == t("overview.title")
    con = store.connect(team_db)  # an administrator elsewhere (same process, same file)
    try:
        assert remove_user(con, USERS["manager"][0])
    finally:
        con.close()
    at.run()
    assert not at.exception, at.exception
    assert at.title[0].value == t("signin.no_access_title")
    assert not open_page(at, "views/overview.py")


def test_sign_out_leaves_the_sign_in_page(monkeypatch, users_db):
    at = signed_in_app(monkeypatch, users_db, USERS["manager"][0])
    at.sidebar.button(key="signout").click().run()
    assert not at.exception, at.exception
    assert at.user == {"is_logged_in": False}
    at.run()
    assert at.title[0].value == t("signin.title")


def test_download_names_carry_a_viewer_tag_and_the_minute():
    now = dt.datetime(2026, 11, 23, 19, 30, 59, tzinfo=dt.UTC)
    tag = hashlib.sha256(b"m01@example.com").hexdigest()[:8]
    who = Viewer("m01@example.com", "manager", "M01")
    assert download_name("board-2025-12-29", "xlsx", now=now, who=who) == \
        f"board-2025-12-29-{tag}-20261123T1930Z.xlsx"
    assert download_name("audit", ".csv", now=now, who=LOCAL) == "audit-local-20261123T1930Z.csv"
    assert "m01" not in download_name("x", "csv", now=now, who=who)
