"""A minimal Streamlit browser stand-in: one websocket session speaking Streamlit's protocol.

What the browser does, and so does ``Session``: connect to ``ws://HOST:PORT/_stcore/stream``
with the subprotocol ``streamlit`` (no XSRF token or cookie is needed while no ``[auth]`` is
configured), send a ``BackMsg.rerun_script`` (a ``ClientState``: the query string, the page's
script hash, the widget states) and read ``ForwardMsg``s until ``script_finished``. The first
run also brings ``new_session`` and ``navigation`` (every page's script hash, by URL path); a
page that sets ``st.query_params`` sends ``page_info_changed``, whose query string the browser
sends back on the next run of the same page, as we do.

A run counts as an error when the app shows an exception element or an error alert (the
app's friendly message for a failure), when the script does not finish within ``timeout``
seconds, or when the connection breaks.
"""

from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass, field

import websocket
from streamlit.proto.Alert_pb2 import Alert
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED_OK = (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY)


@dataclass
class Run:
    """One rerun: wall seconds from send to ``script_finished``, and what the app showed."""

    seconds: float
    error: str | None = None
    widgets: dict[str, tuple[str, list[str]]] = field(default_factory=dict)  # key: (id, options)
    fragments: dict[str, str] = field(default_factory=dict)  # widget key: its fragment's id
    bytes_in: int = 0


class Session:
    """One browser tab: a websocket and the state the browser keeps between reruns."""

    def __init__(self, url: str, *, timeout: float = 30.0) -> None:
        self.timeout = timeout
        self.ws = websocket.create_connection(url, subprotocols=["streamlit"], timeout=timeout)
        self.pages: dict[str, str] = {}  # url path ("" = default page) -> page script hash
        self.query_string = ""
        self.page: str | None = None
        self.states: dict[str, dict[str, str]] = {}  # page: {widget id: value}, as a browser

    def close(self) -> None:
        with contextlib.suppress(websocket.WebSocketException, OSError):
            self.ws.close()

    def run(self, *, page: str = "", widgets: dict[str, str] | None = None,
            fragment: str | None = None) -> Run:
        """Rerun the script on ``page`` (a URL path) with select boxes ``{widget id: option}``
        (kept for the page's later runs, as a browser keeps them); with ``fragment`` (a
        fragment's id), only that fragment reruns, as after a click on a widget inside it."""
        if page != self.page:  # the browser drops the query string on a page switch
            self.page, self.query_string = page, ""
        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = self.pages.get(page, "")
        state.fragment_id = fragment or ""
        if not self.pages and page:
            state.page_name = page  # before the first run we know only the URL path
        kept = self.states.setdefault(page, {})
        kept.update(widgets or {})
        for widget_id, value in kept.items():
            w = state.widget_states.widgets.add()
            w.id, w.string_value = widget_id, value
        start = time.perf_counter()
        try:
            self.ws.send_binary(msg.SerializeToString())
            run = self._read_until_finished(start)
        except (websocket.WebSocketException, OSError) as exc:
            return Run(time.perf_counter() - start, error=f"connection: {type(exc).__name__}")
        return run

    def _read_until_finished(self, start: float) -> Run:
        run = Run(0.0)
        deadline = start + self.timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                run.seconds, run.error = time.perf_counter() - start, "timeout"
                return run
            self.ws.settimeout(left)
            try:
                raw = self.ws.recv()
            except websocket.WebSocketTimeoutException:
                run.seconds, run.error = time.perf_counter() - start, "timeout"
                return run
            run.bytes_in += len(raw)
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            if self._handle(fwd, run):
                run.seconds = time.perf_counter() - start
                return run

    def _handle(self, fwd: ForwardMsg, run: Run) -> bool:
        """Record what one message says; True once the script has finished."""
        kind = fwd.WhichOneof("type")
        if kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in fwd.navigation.app_pages}
        elif kind == "page_info_changed":
            self.query_string = fwd.page_info_changed.query_string
        elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
            self._element(fwd.delta.new_element, run, fwd.delta.fragment_id)
        elif kind == "script_finished":
            if fwd.script_finished not in FINISHED_OK and run.error is None:
                run.error = f"script_finished {fwd.script_finished}"
            return True
        return False

    @staticmethod
    def _element(element, run: Run, fragment: str) -> None:
        kind = element.WhichOneof("type")
        if kind == "exception" and run.error is None:
            run.error = f"exception {element.exception.type}"
        elif kind == "alert" and element.alert.format == Alert.ERROR and run.error is None:
            run.error = "error alert"  # the body can hold personal data: never kept
        elif kind in ("selectbox", "text_input"):  # a text box: (id, no options)
            box = getattr(element, kind)
            key = box.id.rsplit("-", 1)[-1]  # "$$ID-<hash>-<user key>"
            run.widgets[key] = (box.id, list(getattr(box, "options", ())))
            if fragment:
                run.fragments[key] = fragment
