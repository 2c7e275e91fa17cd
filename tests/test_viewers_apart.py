"""Three signed-in viewers rerunning pages at the same moment on one real ``streamlit run app.py``
on PostgreSQL each see only their own people: no lease, cache or cursor is shared across viewers.

HR (everyone) and two managers (their own team), two tabs each, speak Streamlit's websocket
protocol (bench/_ws.py) with the sign-in cookie the sign-in callback writes (signed with the
server's cookie secret, as tests/replicas/client.py). In every round all six tabs send a rerun
at once: a whole page (overview, an employee asked for by ``?id=``, any of the roster's, board,
follow-up) or a part alone (the overview's trend, the employee page's person, the board's
drill-down, the follow-up's timeline); the tabs start at different points of the cycle, so each
round mixes pages and part reruns across viewers on the server's script threads. Every message
a run sends is searched for every name in the roster: a name outside the viewer's people
(walked from the roster in pandas, not through the app's scope) is a leak; the overview's
people count must be the viewer's own.
"""

from __future__ import annotations

import itertools
import threading

import pandas as pd
import psycopg
import pytest
import websocket
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.web.server.starlette.starlette_app_utils import generate_xsrf_token_string

import store
from bench import _ws_server
from bench._ws import Run, Session
from i18n import t
from store.users import add_user
from tests.replicas.client import signed_in_cookie

SECRET = "leakcheck-cookie-secret-0123456789abcdef-0123456789"
VIEWERS = {"hr@example.com": ("hr", None), "m01@example.com": ("manager", "M01"),
           "m02@example.com": ("manager", "M02")}
TABS = 2  # per viewer
ROUNDS = 8  # one whole cycle of ACTIONS per tab
PEOPLE = t("head.people", "en")
# (page, the key of a select box inside a part to rerun alone: on the page the tab is on)
ACTIONS = (("overview", None), ("overview", "ov_metric"), ("employee", None),
           ("employee", "emp_pick"), ("board", None), ("board", "board_drill_metric"),
           ("follow-up", None), ("follow-up", "fu_employee"))
NAMELESS = {"overview part ov_metric"}  # the trend part draws teams, not people


class Tab(Session):
    """A signed-in tab that keeps every message of its last run, and the metrics it showed."""

    def __init__(self, port: int, email: str) -> None:  # Session's, signed in
        origin = f"http://127.0.0.1:{port}"
        xsrf = generate_xsrf_token_string()
        cookies = {"_streamlit_xsrf": xsrf,
                   "_streamlit_user": signed_in_cookie(SECRET, email, origin)}
        self.timeout = 120.0
        self.ws = websocket.create_connection(
            f"ws://127.0.0.1:{port}/_stcore/stream", timeout=self.timeout,
            subprotocols=["streamlit", xsrf], origin=origin,
            cookie="; ".join(f"{k}={v}" for k, v in cookies.items()))
        self.pages, self.query_string, self.page, self.states = {}, "", None, {}
        self.seen, self.metrics = bytearray(), {}

    def visit(self, page: str, query: str = "", **kw) -> Run:
        self.seen, self.metrics = bytearray(), {}
        if query:
            self.page, self.query_string = page, query
        return self.run(page=page, **kw)

    def _handle(self, fwd: ForwardMsg, run: Run) -> bool:
        self.seen += fwd.SerializeToString()
        if fwd.WhichOneof("type") == "delta" and fwd.delta.new_element.HasField("metric"):
            metric = fwd.delta.new_element.metric
            self.metrics[metric.label] = metric.body
        return super()._handle(fwd, run)


@pytest.fixture
def served(pg_cluster, tmp_path, monkeypatch):
    url = pg_cluster.database("demo")
    con = store.connect(url)
    for email, (role, employee_id) in VIEWERS.items():
        add_user(con, email, role=role, employee_id=employee_id)
    con.close()
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        '[auth]\nredirect_uri = "http://127.0.0.1:9/oauth2callback"\n'
        f'cookie_secret = "{SECRET}"\nclient_id = "coachboard-test"\n'
        'client_secret = "coachboard-test-secret"\n'
        'server_metadata_url = "http://127.0.0.1:9/.well-known/openid-configuration"\n')
    monkeypatch.setenv("STREAMLIT_SERVER_COOKIE_SECRET", SECRET)  # not allowed as a flag
    running = _ws_server.start(db=url, log=tmp_path / "server.log", timeout=90,
                               options={"secrets.files": str(secrets)})
    yield url, running
    running.stop()
    pg_cluster.drop(url)
    assert "Traceback" not in running.output()


def _people(url: str) -> dict[str, tuple[dict[str, str], set[str]]]:
    """Per viewer: the people with values they may see (HR: everyone), name by id; and the
    names they must never be shown (a manager: everyone but their chain and themselves),
    walked from the stored roster in pandas."""
    with psycopg.connect(url) as conn:
        roster = pd.DataFrame(conn.execute(
            "SELECT employee_id, name, manager_id FROM employees").fetchall(),
            columns=["employee_id", "name", "manager_id"])
        valued = {r[0] for r in conn.execute("SELECT DISTINCT employee_id FROM metric_values")}
    names = dict(zip(roster["employee_id"], roster["name"], strict=True))
    assert not [a for a, b in itertools.permutations(names.values(), 2) if a in b]
    out = {}
    for email, (_, root) in VIEWERS.items():
        chain, frontier = set(names) if root is None else set(), {root}
        while root is not None and frontier:
            frontier = set(roster.loc[roster["manager_id"].isin(frontier), "employee_id"]) - chain
            chain |= frontier
        out[email] = ({i: names[i] for i in chain & valued},
                      {n for i, n in names.items() if i not in chain | {root}})
    return out


def _step(tab: Tab, n: int, ids: list[str]) -> tuple[str, Run]:
    """The tab's ``n``-th action: a page, or a part of the page it is on rerun alone."""
    kind = n % len(ACTIONS)
    page, part = ACTIONS[kind]
    last = getattr(tab, "last", None)
    if part and tab.page == page and last is not None and part in last.fragments:
        widget_id, options = last.widgets[part]
        run = tab.visit(page, widgets={widget_id: options[n % len(options)]},
                        fragment=last.fragments[part])
        return f"{page} part {part}", run
    return page, tab.visit(page, f"id={ids[n % len(ids)]}" if page == "employee" else "")


def _browse(tab: Tab, email: str, start: int, ids: list[str], barrier: threading.Barrier,
            found: list) -> None:
    for n in range(start, start + ROUNDS):
        barrier.wait()
        action, tab.last = _step(tab, n, ids)
        found.append((email, action, tab.last.error, bytes(tab.seen), dict(tab.metrics)))


def test_viewers_rerunning_at_once_see_only_their_own_people(served):
    url, running = served
    people = _people(url)
    ids = sorted(people["hr@example.com"][0])  # every tab asks for anyone: out of scope too
    tabs = [(Tab(running.port, email), email, i) for i, (email, _) in
            enumerate(itertools.product(VIEWERS, range(TABS)))]
    try:
        found: list = []
        barrier = threading.Barrier(len(tabs))
        threads = [threading.Thread(target=_browse, args=(tab, email, i, ids, barrier, found))
                   for tab, email, i in tabs]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for tab, _, _ in tabs:
            tab.close()
    assert len(found) == len(tabs) * ROUNDS
    leaks = [(email, action, sorted(n for n in people[email][1] if n.encode() in seen))
             for email, action, _, seen, _ in found]
    assert not [leak for leak in leaks if leak[2]]
    for email, action, error, seen, metrics in found:
        mine = people[email][0]
        assert error is None, (email, action, error)
        if action not in NAMELESS:  # the run did show people: the check above saw names
            assert any(n.encode() in seen for n in mine.values()), (email, action)
        if PEOPLE in metrics:
            assert metrics[PEOPLE] == str(len(mine)), (email, action)
    parts = {action for _, action, *_ in found if " part " in action}
    assert parts == {f"{page} part {key}" for page, key in ACTIONS if key}
