"""A browser tab reduced to its websocket, through HAProxy, signed in with a real cookie.

A signed-in browser holds ``_streamlit_user`` (signed with the replicas' shared cookie
secret by the replica that finished the sign-in), Streamlit's XSRF cookie (echoed in the
websocket's subprotocol) and HAProxy's ``SRV`` cookie (which replica it sticks to). ``Tab``
builds the same three, so a session signed in once is let in by any replica, and speaks
Streamlit's protocol like ``bench/_ws.py``: a ``rerun_script`` back message, forward messages
until ``script_finished``; it keeps the texts, alerts and buttons each run showed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import websocket
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.web.server.starlette.starlette_app_utils import (
    create_signed_value,
    generate_xsrf_token_string,
)

TIMEOUT_S = 60


def signed_in_cookie(secret: str, email: str, origin: str) -> str:
    """``_streamlit_user`` as Streamlit's sign-in callback writes it for ``email``."""
    payload = json.dumps({"origin": origin, "is_logged_in": True, "email": email})
    return create_signed_value(secret, "_streamlit_user", payload).decode()


@dataclass
class Shown:
    """What one run put on screen (texts of markdown, captions, titles; alert bodies)."""

    texts: list[str] = field(default_factory=list)
    alerts: list[str] = field(default_factory=list)
    widgets: dict[str, str] = field(default_factory=dict)  # user key -> widget id
    finished: bool = False

    def says(self, fragment: str) -> bool:
        return any(fragment in t for t in (*self.texts, *self.alerts))


class Tab:
    """One tab on ``url`` (HAProxy's), pinned by ``srv`` and signed in as ``email``."""

    def __init__(self, url: str, *, secret: str, email: str, srv: str) -> None:
        origin = url.rstrip("/")
        xsrf = generate_xsrf_token_string()
        cookies = {"SRV": srv, "_streamlit_xsrf": xsrf,
                   "_streamlit_user": signed_in_cookie(secret, email, origin)}
        self.ws = websocket.create_connection(
            origin.replace("http", "ws", 1) + "/_stcore/stream", timeout=TIMEOUT_S,
            subprotocols=["streamlit", xsrf], origin=origin,
            cookie="; ".join(f"{k}={v}" for k, v in cookies.items()))
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.page = ""
        self.states: dict[str, str | bool] = {}  # widget id -> value, kept as a browser does

    def __enter__(self) -> Tab:
        return self

    def __exit__(self, *exc: object) -> None:
        self.ws.close()

    def run(self, *, page: str | None = None, values: dict[str, str | bool] | None = None,
            click: str | None = None) -> Shown:
        """Rerun the script on ``page`` (a URL path; default: the last one) with the widget
        ``values`` set (kept for later runs); ``click``: the id of a button pressed."""
        if page is not None and page != self.page:
            self.page, self.states = page, {}
        self.states.update(values or {})
        msg = BackMsg()
        state = msg.rerun_script
        state.page_script_hash = self.pages.get(self.page, "")
        if not self.pages and self.page:
            state.page_name = self.page  # before the first run only the URL path is known
        for widget_id, value in self.states.items():
            widget = state.widget_states.widgets.add()
            widget.id = widget_id
            if isinstance(value, bool):
                widget.bool_value = value
            else:
                widget.string_value = value
        if click is not None:
            widget = state.widget_states.widgets.add()
            widget.id, widget.trigger_value = click, True
        self.ws.send_binary(msg.SerializeToString())
        shown = Shown()
        while not shown.finished:
            fwd = ForwardMsg()
            fwd.ParseFromString(self.ws.recv())
            if fwd.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                shown = Shown()  # st.rerun(): what the user sees is the next run's
            else:
                self._read(fwd, shown)
        return shown

    def _read(self, fwd: ForwardMsg, shown: Shown) -> None:
        kind = fwd.WhichOneof("type")
        if kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in fwd.navigation.app_pages}
        elif kind == "script_finished":
            shown.finished = True
        elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            element = fwd.delta.new_element
            what = element.WhichOneof("type")
            if what == "markdown":
                shown.texts.append(element.markdown.body)
            elif what == "heading":
                shown.texts.append(element.heading.body)
            elif what == "alert":
                shown.alerts.append(element.alert.body)
            elif what in ("button", "selectbox", "checkbox"):
                widget_id = getattr(element, what).id  # "$$ID-<hash>-<user key>"
                shown.widgets[widget_id.rsplit("-", 1)[-1]] = widget_id
