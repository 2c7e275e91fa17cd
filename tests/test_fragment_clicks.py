"""A click inside a part of a page reruns that part only, through a real
`streamlit run app.py` on the demo database, driven over its websocket as a browser does
(bench/_ws.py): the server answers with the part's elements alone and says a fragment ran."""

from __future__ import annotations

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import _ws_server
from bench._ws import Session
from bench.load import prepare

# (page URL path, widget key inside a part, a widget key outside that part)
CLICKS = [("", "ov_metric", "ov_as_of"), ("employee", "emp_pick", "emp_as_of"),
          ("board", "board_drill_metric", "board_as_of"), ("coaching", "cl_session", None)]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fragments")
    running = _ws_server.start(db=prepare("demo", folder), log=folder / "server.log")
    yield running
    running.stop()


class Recording(Session):
    """A session that also keeps every message of its last run."""

    def _handle(self, fwd: ForwardMsg, run) -> bool:
        self.messages.append(fwd)
        return super()._handle(fwd, run)


@pytest.mark.parametrize(("page", "inside", "outside"), CLICKS)
def test_a_click_inside_a_part_reruns_that_part(server, page, inside, outside):
    client = Recording(server.url, timeout=60)
    try:
        client.messages = []
        client.run(page="employee" if page == "coaching" else page)  # a person for the log
        client.messages = []
        opened = client.run(page=page)
        assert opened.error is None
        if inside not in opened.widgets:  # the log's talk box shows once a person is chosen
            people = client.run(page=page, widgets={
                opened.widgets["cl_employee"][0]: opened.widgets["cl_employee"][1][0]})
            people.fragments.update(opened.fragments)
            opened = people
        wid, options = opened.widgets[inside]
        part = opened.fragments[inside]
        assert outside is None or outside not in opened.fragments  # the page's own widget
        client.messages = []
        click = client.run(page=page, widgets={wid: options[-1]}, fragment=part)
        assert click.error is None
        deltas = [m.delta for m in client.messages if m.WhichOneof("type") == "delta"]
        assert deltas
        assert {d.fragment_id for d in deltas} == {part}
        finished = [m.script_finished for m in client.messages
                    if m.WhichOneof("type") == "script_finished"]
        assert finished == [ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY]
        assert click.bytes_in < opened.bytes_in  # the rest of the page is not sent again
    finally:
        client.close()
    assert "Traceback" not in server.output()
