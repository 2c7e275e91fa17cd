"""The overview's heatmap team above HEATMAP_MAX_PEOPLE, clicked through a real
`streamlit run app.py` over its websocket as a browser does (bench/_ws.py), on a generated
company of 300 agents in 12 teams (tests/company.py): the click reruns the heatmap and the
trend (which follows the team) and resends them in their places, not the quadrant beside the
heatmap, whose points do not depend on the team."""

from __future__ import annotations

import pytest
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import _ws_server
from bench._ws import Session
from tests.company import build


class Recording(Session):
    """A session that also keeps every message of its last run."""

    def _handle(self, fwd: ForwardMsg, run) -> bool:
        self.messages.append(fwd)
        return super()._handle(fwd, run)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("heatmap")
    running = _ws_server.start(db=build(folder / "company.duckdb"), log=folder / "server.log")
    yield running
    running.stop()


def charts(messages: list[ForwardMsg]) -> dict[str, tuple[list[int], int]]:
    """Chart key -> (its delta path, its message's bytes) of one run."""
    out = {}
    for m in messages:
        if m.WhichOneof("type") == "delta" and m.delta.WhichOneof("type") == "new_element":
            element = m.delta.new_element
            if element.WhichOneof("type") == "plotly_chart":
                key = element.plotly_chart.id.rsplit("-", 1)[-1]
                out[key] = (list(m.metadata.delta_path), m.ByteSize())
    return out


def test_team_click_resends_heatmap_and_trend_not_the_quadrant(server):
    client = Recording(server.url, timeout=60)
    try:
        client.messages = []
        opened = client.run(page="")
        assert opened.error is None
        page = charts(client.messages)
        assert {"ov_heatmap", "ov_quadrant", "ov_trend"} <= set(page)
        wid, teams = opened.widgets["ov_heat_team"]
        part = opened.fragments["ov_heat_team"]
        for team in teams[1:3]:
            client.messages = []
            click = client.run(page="", widgets={wid: team}, fragment=part)
            assert click.error is None
            sent = charts(client.messages)
            assert set(sent) == {"ov_heatmap", "ov_trend"}
            # In the same places as the page drew them: the heatmap in the left column of the
            # row whose right column holds the quadrant, the trend below that row.
            assert sent["ov_heatmap"][0][:3] == [*page["ov_quadrant"][0][:2], 0]
            assert sent["ov_heatmap"][0] == page["ov_heatmap"][0]
            assert sent["ov_trend"][0] == page["ov_trend"][0]
            assert click.bytes_in < opened.bytes_in - page["ov_quadrant"][1]
        finished = [m.script_finished for m in client.messages
                    if m.WhichOneof("type") == "script_finished"]
        assert finished == [ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY]
    finally:
        client.close()
