"""An employee's own page on the team server, through the real sign-in (oidc-provider-mock):
the employee confirms their plan, rates a talk and answers the pulse; their manager sees the
pulse only once five answers exist, as aggregates recomputed here from the answers given."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import expect

import store
from store import pulse
from store.access import Viewer
from store.plans import create_plan
from store.scope import scoped
from tests.browser.conftest import REPO
from tests.browser.helpers import alert, click_button, en, open_app, shot, visible, wait_idle
from tests.browser.test_journey_signin import (  # noqa: F401 (provider is a fixture)
    nav_texts,
    provider,
    sign_in,
    sign_out,
)

MANAGER, EMPLOYEE = "m01@example.com", "e001@example.com"
# Four answers before the journey (useful, facts right, support); E001's is the fifth.
EARLIER = {"E002": (5, True, "shadow a senior"), "E003": (4, False, None),
           "E004": (2, True, "fewer tickets"), "E005": (3, True, None)}
MINE = (3, True, "a quiet room")  # the form's defaults (3, yes) and a typed need
PLAN_GOAL = "CSAT 90 by March"
OTHERS = ("王芳", "吴敏", "E002", "E009")


def _cli(db: Path, *args: str) -> None:
    done = subprocess.run([sys.executable, "cli.py", *args, "--db", str(db)], cwd=REPO,
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, f"cli.py {' '.join(args)}: {done.stdout}{done.stderr}"


def _latest_session(con, employee_id: str) -> str:
    return con.execute("SELECT session_id FROM coaching_sessions WHERE employee_id = ? "
                       "ORDER BY session_date DESC LIMIT 1", [employee_id]).fetchone()[0]


@pytest.fixture
def me_server(start_app, provider: str, tmp_path: Path):  # noqa: F811
    db = tmp_path / "me.duckdb"
    _cli(db, "demo")
    _cli(db, "users", "add", MANAGER, "--role", "manager", "--employee-id", "M01")
    for who in ("E001", *EARLIER):
        _cli(db, "users", "add", f"{who.lower()}@example.com", "--role", "employee",
             "--employee-id", who)
    con = store.connect(db)
    create_plan(con, employee_id="E001", goal=PLAN_GOAL, measures="two call reviews a week")
    for who, (useful, facts, support) in EARLIER.items():
        mine = scoped(con, Viewer(f"{who.lower()}@example.com", "employee", who))
        pulse.answer(mine, _latest_session(con, who), useful=useful, facts_right=facts,
                     support=support)
    con.close()

    def secrets(port: int) -> str:
        return (f'[auth]\nredirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
                'cookie_secret = "test-only-cookie-secret-0123456789abcdef"\n'
                'client_id = "coachboard-test"\nclient_secret = "coachboard-test-secret"\n'
                f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n')

    return start_app(db=shutil.copy(db, tmp_path / "served.duckdb"), secrets=secrets)


def _follow_up(page, server) -> None:
    open_app(page, server, "follow-up")
    heading = page.get_by_role("heading", name=en("pulse.title"))
    visible(heading, "the pulse section of the follow-up page", 60)
    heading.scroll_into_view_if_needed()


def test_employee_confirms_rates_and_answers_then_the_manager_sees_the_pulse(page, me_server):
    sign_in(page, me_server, MANAGER)
    _follow_up(page, me_server)
    visible(page.get_by_text(en("pulse.too_few", n=4, least=pulse.MIN_ANSWERS)),
            "the manager is told how many answers there are, not what they say")
    assert "shadow a senior" not in page.content()
    shot(page, "me-1-manager-four-answers")
    sign_out(page, me_server)

    sign_in(page, me_server, EMPLOYEE)
    visible(page.get_by_role("heading", name=en("me.title")), "the employee's own page")
    assert nav_texts(page).split() in ([], en("nav.me").split()), nav_texts(page)
    visible(page.get_by_text(PLAN_GOAL), "their plan")
    html = page.content()
    assert [x for x in OTHERS if x in html] == [], "someone else is on the employee's page"
    shot(page, "me-2-employee-page")
    click_button(page, en("me.plan.confirm"))
    alert(page, en("me.plan.confirmed"), "the confirmation")
    click_button(page, en("me.rate.save"))  # the slider's default: 4
    alert(page, en("me.rate.saved"), "the rating")
    page.get_by_label(en("me.pulse.support")).fill(MINE[2])
    page.keyboard.press("Tab")  # the text area hands its value over when it loses focus
    wait_idle(page)
    click_button(page, en("me.pulse.save"))
    alert(page, en("me.pulse.saved"), "the pulse")
    shot(page, "me-3-employee-answered")
    sign_out(page, me_server)

    sign_in(page, me_server, MANAGER)
    _follow_up(page, me_server)
    answers = [*EARLIER.values(), MINE]
    useful = sum(a[0] for a in answers) / len(answers)
    facts = sum(a[1] for a in answers) / len(answers)
    metrics = page.locator('[data-testid="stMetric"]')
    expect(metrics.filter(has_text=en("pulse.useful", n=5))).to_contain_text(f"{useful:.1f} / 5")
    expect(metrics.filter(has_text=en("pulse.facts", n=5))).to_contain_text(f"{facts:.0%}")
    for text in ("a quiet room", "fewer tickets", "shadow a senior"):
        visible(page.get_by_text(text, exact=True), f"the anonymous support text {text!r}")
    shot(page, "me-4-manager-five-answers")

    me_server.stop()
    con = store.connect(me_server.db)
    try:
        assert con.execute("SELECT employee_confirmed_by FROM improvement_plans").fetchall() \
            == [(EMPLOYEE,)]
        assert con.execute("SELECT session_id, score FROM session_ratings WHERE rater = "
                           "'employee'").fetchall() == [(_latest_session(con, "E001"), 4)]
    finally:
        con.close()
