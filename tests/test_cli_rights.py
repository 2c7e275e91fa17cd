"""Every CLI command x every role: a command is refused exactly where its page is.

The expectations are written out by hand from the README's role table (the pages each role
gets are ``tests/views/test_roles.SEES``, the same promise the page tests check), never derived
from ``store.access.CAN`` or ``store.features``: the code must agree with the promise.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

import cli
import store
from i18n import t
from store.users import add_user
from tests.views.test_roles import SEES, USERS

# command -> (its arguments, the page whose right it needs); "users" and "audit" are the two
# halves of the admin page: only admins manage users, HR and admins read the audit.
COMMANDS: dict[str, tuple[tuple[str, ...], str]] = {
    "import": (("import", "{file}"), "upload"),
    "demo": (("demo",), "upload"),
    "history": (("history",), "upload"),
    "undo": (("undo", "999"), "upload"),
    "flags": (("flags",), "overview"),
    "brief": (("brief", "E001"), "employee"),
    "forecast": (("forecast",), "employee"),  # the prep page's trend draws the forecast
    "board": (("board",), "board"),
    "due": (("due",), "coaching_due"),
    "impact": (("impact",), "impact"),
    "users add": (("users", "add", "new@example.com", "--role", "hr"), "users"),
    "users remove": (("users", "remove", "nobody@example.com"), "users"),
    "users list": (("users", "list"), "users"),
    "audit": (("audit",), "audit"),
    "settings": (("settings",), "settings"),
    # recipes belong to the Import page; an unknown recipe (or a CSV as recipes) exits 1
    "recipes list": (("recipes", "list"), "upload"),
    "recipes show": (("recipes", "show", "nope"), "upload"),
    "recipes export": (("recipes", "export"), "upload"),
    "recipes import": (("recipes", "import", "{file}"), "upload"),
    "recipes rename": (("recipes", "rename", "nope", "other"), "upload"),
    "recipes delete": (("recipes", "delete", "nope"), "upload"),
}
WHO_MAY = {role: set(pages) | ({"users"} if role == "admin" else set())
           | ({"audit"} if role in ("hr", "admin") else set()) for role, pages in SEES.items()}
ROLES = ["local", "manager", "hr", "leadership", "admin"]
IMPACT_FIGURES = "sessions x change"


@pytest.fixture(scope="module")
def rights_db(tmp_path_factory, demo_db) -> Path:
    path = tmp_path_factory.mktemp("rights") / "users.duckdb"
    path.write_bytes(demo_db.read_bytes())
    con = store.connect(path)
    for role, (email, employee_id) in USERS.items():
        add_user(con, email, role=role, employee_id=employee_id)
    con.close()
    return path


def _leaves(parser: argparse.ArgumentParser, prefix: str = "") -> dict[str, argparse.ArgumentParser]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        return {prefix.strip(): parser}
    out = {}
    for name, sub in subs[0].choices.items():
        out |= _leaves(sub, f"{prefix} {name}")
    return out


def test_every_command_that_takes_as_is_in_the_table():
    takes_as = {name for name, p in _leaves(cli.parser()).items()
                if any("--as" in a.option_strings for a in p._actions)}
    assert takes_as == set(COMMANDS)


def _run(capsys, db: Path, command: str, role: str, tmp_path: Path) -> tuple[int, str, str]:
    file = tmp_path / "m.csv"
    file.write_text("工号,日期,客户满意度\nE001,2026/1/5,91\n", encoding="utf-8")
    args = [a.format(file=file) for a in COMMANDS[command][0]]
    who = [] if role == "local" else ["--as", USERS[role][0]]
    code = cli.main([*args, *who, "--db", str(db)])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_command_is_refused_exactly_where_its_page_is(capsys, tmp_path, rights_db, command,
                                                         role):
    db = tmp_path / "db.duckdb"
    db.write_bytes(rights_db.read_bytes())
    code, out, err = _run(capsys, db, command, role, tmp_path)
    page = COMMANDS[command][1]
    if role == "local" or page in WHO_MAY[role]:
        assert code in (0, 1), (command, role, err)  # 1: undo 999 is no loaded import
        assert "right)" not in err, (command, role, err)
    else:
        assert code == 2, (command, role, out, err)
        assert out == ""
        assert err.startswith(t("access.denied", capability="").split("“")[0]), err
        assert "Traceback" not in err


def test_a_manager_gets_no_impact_figures_but_hr_and_leadership_do(capsys, tmp_path, rights_db):
    got = {role: _run(capsys, rights_db, "impact", role, tmp_path) for role in USERS}
    assert got["manager"][0] == 2
    assert IMPACT_FIGURES not in got["manager"][1]
    assert "it needs the “impact” right" in got["manager"][2]
    for role in ("hr", "leadership"):
        assert got[role][0] == 0, got[role][2]
        assert IMPACT_FIGURES in got[role][1]
