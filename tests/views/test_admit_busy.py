"""PostgreSQL, the real app in AppTest: a run that cannot get one of the process's run slots
(ui/admit.py) within COACHBOARD_RUN_WAIT shows the busy sentence in the viewer's language,
no traceback, and takes no session from the pool (counted by the pool itself); once a slot is
free again the same browser session draws its page."""

from __future__ import annotations

import threading

import pytest
from streamlit.testing.v1 import AppTest

from i18n import t
from store.pg import pool
from tests.views.conftest import ROOT, TIMEOUT
from ui import admit


def _asked(url: str) -> int:
    return pool(url).get_stats().get("requests_num", 0)


class _Holder:
    """Another run holding the only slot until ``done``."""

    def __init__(self) -> None:
        self.done, self.inside = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._hold)

    def _hold(self) -> None:
        gate = admit.gate()
        assert gate.enter(timeout=5)
        self.inside.set()
        self.done.wait(60)
        gate.leave()

    def __enter__(self) -> _Holder:
        self.thread.start()
        assert self.inside.wait(5)
        return self

    def __exit__(self, *exc: object) -> None:
        self.done.set()
        self.thread.join()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_run_not_let_in_in_time_says_so_and_holds_nothing(pg_demo, monkeypatch, lang):
    monkeypatch.setenv("COACHBOARD_DB", pg_demo)
    monkeypatch.setenv("COACHBOARD_RUNS", "1")
    monkeypatch.setenv("COACHBOARD_RUN_WAIT", "1")
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.session_state["lang"] = lang
    at.run()  # admitted: the app's own connection is open from here on
    assert not at.exception
    assert not at.error
    asked = _asked(pg_demo)
    with _Holder():
        at.run()
        assert _asked(pg_demo) == asked  # the refused run took no session
    assert not at.exception
    assert [e.value for e in at.error] == [t("admit.busy", lang, seconds="1")]
    assert not at.metric  # the page was not drawn
    at.run()
    assert not at.exception
    assert not at.error
    assert at.metric  # the overview's figures, now that the slot is free
    assert admit.gate().holding() == 0
