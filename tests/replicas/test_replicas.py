"""Two replicas behind HAProxy on one PostgreSQL: what one replica does, the other sees.

Each tab is pinned to a replica by HAProxy's SRV cookie and speaks Streamlit's websocket
protocol through HAProxy (tests/replicas/client.py); the issue's journey drives a real
Chromium signed in at the OIDC provider. The expected figures come from the demo files
themselves, read with pandas, not from the store. The tests share the replicas and run in file
order (the journey logs a talk on the demo the import test loads); the last one kills a
replica.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import threading
import time
import urllib.request

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

import demo
from i18n import t
from tests.browser.helpers import (
    alert,
    assert_no_exception,
    click_button,
    en,
    grid,
    grid_column,
    open_app,
    pattern,
    shot,
    visible,
    wait_idle,
)
from tests.replicas.client import Shown, Tab
from tests.replicas.conftest import ADMIN, HR
from tools.replicas import haproxy_stats

GONE = "gone@example.com"
PERSON, LABEL = "E010", "徐强 (E010) · 售后二组"  # the demo's declining agent


@pytest.fixture(scope="module")
def demo_counts(tmp_path_factory) -> dict[str, int]:
    """What one load of the demo stores, counted from its files: people, values, sessions."""
    files = demo.generate(tmp_path_factory.mktemp("demo"))
    roster = pd.read_csv(files["roster"], encoding="gbk")
    values = pd.read_csv(files["metrics"], encoding="utf-8-sig")
    talks = pd.read_csv(files["coaching"])
    return {"employees": roster["工号"].nunique(),
            "metric_values": len(values.drop_duplicates(["工号", "周开始日期", "指标"])),
            "coaching_sessions": len(talks)}


def sessions(team) -> dict[str, int]:
    """Sessions HAProxy has sent to each replica so far (its `show stat` counter)."""
    stats = haproxy_stats(team.team.folder)
    return {r.name: int(stats[r.name]["stot"]) for r in team.team.replicas}


def stored(team, table: str) -> int:
    return team.sql(f"SELECT count(*) FROM {table}")[0][0]


def loaded(shown: Shown) -> bool:
    return any(a.startswith(t("overview.demo_loaded", "en", rows="")[:-6]) for a in shown.alerts)


def test_a_tab_sticks_to_its_replica_and_its_websocket_runs_through_haproxy(team):
    with urllib.request.urlopen(f"{team.url}/") as first:
        cookie = first.headers["Set-Cookie"]
    srv = re.match(r"SRV=(app\d);", cookie).group(1)
    assert "HttpOnly" in cookie
    other = next(r.name for r in team.team.replicas if r.name != srv)
    before = sessions(team)
    for _ in range(3):
        again = urllib.request.Request(f"{team.url}/", headers={"Cookie": f"SRV={srv}"})
        with urllib.request.urlopen(again) as page:
            assert page.headers["Set-Cookie"] is None  # known already: no new cookie
        with Tab(team.url, secret=team.secret, email=HR, srv=srv) as tab:
            shown = tab.run()
        assert "load_demo" in shown.widgets  # the empty workspace, served over the websocket
    after = sessions(team)
    assert after[srv] - before[srv] == 6
    assert after[other] == before[other]


def test_an_import_on_one_replica_is_seen_on_the_other_at_its_next_rerun(team, demo_counts):
    with Tab(team.url, secret=team.secret, email=HR, srv="app2") as b, \
            Tab(team.url, secret=team.secret, email=HR, srv="app1") as a:
        assert "load_demo" in b.run().widgets  # B has read (and cached) the empty workspace
        done = a.run(click=a.run().widgets["load_demo"])
        assert loaded(done), done.alerts
        seen = b.run()
    assert "load_demo" not in seen.widgets
    roster = t("sidebar.roster", "en", employees=demo_counts["employees"], teams=0, metrics=0,
               sessions=demo_counts["coaching_sessions"], imports=0)
    people, talks = roster.split(" · ")[0], roster.split("  \n")[1].split(" · ")[0]
    assert seen.says(people), seen.texts
    assert seen.says(talks), seen.texts
    assert stored(team, "metric_values") == demo_counts["metric_values"]


def _sign_in(page: Page, url: str) -> None:
    """At the app's sign-in button, then at the provider's form, as HR."""
    page.goto(url)
    page.get_by_role("button", name=en("signin.button"), exact=True).click(timeout=60_000)
    page.wait_for_url(re.compile(r"/oauth2/authorize\?"), timeout=15_000)
    page.fill('input[name="sub"]', HR)
    page.get_by_role("button", name="Authorize", exact=True).click()
    page.wait_for_url(f"{url}/**", timeout=15_000)
    wait_idle(page)


def _open_log(page: Page, team, replica: str) -> list[str]:
    """The coaching log on 徐强; the notes of his talks on screen."""
    open_app(page, team, f"coaching?id={PERSON}")
    visible(page.get_by_role("heading", name=en("flow.log_for", name=LABEL)),
            f"the log's heading naming 徐强 on {replica}")
    return grid_column(grid(page, en("cl.col.notes")), en("cl.col.notes"))


def _save_talk(page: Page, note: str) -> None:
    page.get_by_label(en("cl.notes"), exact=True).fill(note)
    click_button(page, en("cl.save_session"))
    alert(page, pattern("cl.session_saved"), "the 'session saved' message")


def _watch(page: Page, team, sockets: list[str]) -> set[str]:
    """The replicas that answered the page's requests to HAProxy (its X-Coachboard-Replica
    header); its websockets' addresses go to ``sockets``."""
    answered: set[str] = set()
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.on("response", lambda r: answered.add(r.headers.get("x-coachboard-replica", "none"))
            if r.url.startswith(team.url) else None)
    return answered


def test_a_talk_logged_in_a_browser_on_one_replica_is_seen_on_the_other(team, browser):
    """The issue's journey in Chromium, after the demo load above: HR signs in at the OIDC
    provider through HAProxy on replica A (SRV=app1) and logs a talk with 徐强; the same
    browser on replica B (its cookies, SRV=app2), which drew his log before, sees the talk at
    its next run. HAProxy names the replica of every answer: A's all app1, B's all app2."""
    note = f"Talk logged on replica A at {dt.datetime.now(dt.UTC):%H:%M:%S.%f}"
    sockets: list[str] = []
    a, b = browser.new_context(locale="en-US"), browser.new_context(locale="en-US")
    try:
        a.add_cookies([{"name": "SRV", "value": "app1", "url": team.url}])
        page_a, page_b = a.new_page(), b.new_page()
        on_a, on_b = _watch(page_a, team, sockets), _watch(page_b, team, sockets)
        _sign_in(page_a, team.url)
        # The same signed-in browser pinned to B: the sign-in cookie A signed holds there.
        b.add_cookies([{**c, "value": "app2"} if c["name"] == "SRV" else c
                       for c in a.cookies()])
        assert note not in _open_log(page_b, team, "B")
        _open_log(page_a, team, "A")
        _save_talk(page_a, note)
        assert note in _open_log(page_b, team, "B")
        signed_in = en("flow.coach_signed_in", name=HR).replace("**", "")
        expect(page_b.get_by_text(signed_in)).to_be_visible()  # A's sign-in holds on B
        assert_no_exception(page_b)
        shot(page_b, "replicas-talk-from-a-seen-on-b")
    finally:
        a.close()
        b.close()
    assert (on_a, on_b) == ({"app1"}, {"app2"})
    stream = f"{team.url.replace('http', 'ws', 1)}/_stcore/stream"
    assert set(sockets) == {stream}  # before and after the sign-in, through HAProxy only
    assert team.sql("SELECT employee_id, coach, notes FROM coaching_sessions WHERE notes = %s",
                    [note]) == [(PERSON, HR, note)]


def test_a_user_removed_on_one_replica_is_refused_on_the_other(team):
    team.sql("INSERT INTO users VALUES (%s, 'hr', NULL, 'test', now())", [GONE])
    with Tab(team.url, secret=team.secret, email=GONE, srv="app2") as gone, \
            Tab(team.url, secret=team.secret, email=ADMIN, srv="app1") as admin:
        assert "signout" in gone.run().widgets  # let in
        ids = admin.run(page="admin").widgets
        admin.run(values={ids["admin.remove_pick"]: GONE, ids["admin.remove_confirm"]: True})
        admin.run(click=ids["admin.remove"])
        refused = gone.run()
    assert refused.says(t("signin.no_access_title", "en")), refused.texts
    assert "load_demo" not in refused.widgets
    assert not refused.says("people in the roster")
    assert team.sql("SELECT email FROM denied_users WHERE email = %s", [GONE]) == [(GONE,)]


def _click_at_once(tabs: list[Tab], key: str) -> list[Shown]:
    ids = [tab.run().widgets[key] for tab in tabs]
    start, out = threading.Barrier(len(tabs)), [None] * len(tabs)

    def click(i: int) -> None:
        start.wait()
        out[i] = tabs[i].run(click=ids[i])

    threads = [threading.Thread(target=click, args=(i,)) for i in range(len(tabs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return out


def test_two_imports_at_once_on_two_replicas_both_land_or_one_is_told_to_retry(team, demo_counts):
    team.empty_workspace()
    with Tab(team.url, secret=team.secret, email=HR, srv="app1") as a, \
            Tab(team.url, secret=team.secret, email=HR, srv="app2") as b:
        results = _click_at_once([a, b], "load_demo")
    busy = t("maintenance.import_busy", "en")
    assert all(loaded(r) or busy in r.alerts for r in results), [r.alerts for r in results]
    assert any(loaded(r) for r in results)
    for table in ("employees", "metric_values", "coaching_sessions"):
        assert stored(team, table) == demo_counts[table], table
    ids = [i for (i,) in team.sql("SELECT import_id FROM imports ORDER BY imported_at")]
    assert len(ids) == len(set(ids)) == 4 * sum(loaded(r) for r in results)
    audited = [int(i) for (i,) in team.sql(
        "SELECT target FROM audit_log WHERE action = 'import' ORDER BY audit_id")]
    assert sorted(audited) == sorted(ids)
    # Audit ids from one sequence: unique across the replicas and in the order rows were
    # written (a replica reads its clock a moment before it draws the id: 5 ms of slack).
    rows = team.sql("SELECT audit_id, logged_at FROM audit_log ORDER BY audit_id")
    assert len({i for i, _ in rows}) == len(rows)
    assert None not in {i for i, _ in rows}
    late = [(a, b) for (_, a), (_, b) in itertools.pairwise(rows)
            if b < a - dt.timedelta(milliseconds=5)]
    assert not late, late


def _writing(team) -> bool:
    """Some session holds an uncommitted write (a transaction id) of an import: not the
    temporary views a scoped cursor makes, which take a transaction id too."""
    return bool(team.sql("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() "
                         "AND backend_xid IS NOT NULL AND pid <> pg_backend_pid() "
                         "AND query !~* 'TEMP VIEW'"))


def test_a_replica_killed_mid_import_leaves_nothing_half_stored(team, demo_counts):
    team.empty_workspace()
    victim = team.team.replicas[1]
    outcome: list[object] = []
    with Tab(team.url, secret=team.secret, email=HR, srv=victim.name) as tab:
        button = tab.run().widgets["load_demo"]
        clicking = threading.Thread(target=_click, args=(tab, button, outcome), daemon=True)
        clicking.start()
        deadline, writing = time.monotonic() + 30, False
        while not writing and clicking.is_alive() and time.monotonic() < deadline:
            writing = _writing(team)
        assert writing, f"the import never began writing: {outcome}"
        victim.kill()
    deadline = time.monotonic() + 30
    while _writing(team) and time.monotonic() < deadline:  # the server rolls it back
        time.sleep(0.1)
    kinds = {k for (k,) in team.sql("SELECT kind FROM imports WHERE status <> 'undone'")}
    assert {"metrics", "coaching"} - kinds, "the kill came after the whole demo was stored"
    for table, kind in (("employees", "roster"), ("metric_values", "metrics"),
                        ("coaching_sessions", "coaching")):
        # Files load in turn, each in one transaction: each is there whole or not at all.
        assert stored(team, table) == (demo_counts[table] if kind in kinds else 0), (table, kinds)
    # The tab pinned to the dead replica is served by the other one once HAProxy saw it down.
    time.sleep(5)
    with Tab(team.url, secret=team.secret, email=HR, srv=victim.name) as moved:
        assert "signout" in moved.run().widgets


def _click(tab: Tab, button: str, outcome: list[object]) -> None:
    try:
        outcome.append(tab.run(click=button))
    except Exception as exc:  # the replica dies under it: the connection breaks, as it should
        outcome.append(exc)
