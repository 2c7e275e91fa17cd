"""Real Streamlit run contexts on real threads, for tests of what one run keeps (ui/context.py):
a thread starts a run as Streamlit's script thread does, and a test runs a function on a thread
of its own with the failures handed back."""

from __future__ import annotations

import threading

from streamlit.runtime.fragment import MemoryFragmentStorage
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import (
    ScriptRunContext,
    add_script_run_ctx,
)
from streamlit.runtime.state import SafeSessionState, SessionState

from tests.views.conftest import ROOT


def new_run(*, fragment: bool = False) -> None:
    """Start a run on this thread with a fresh context (``fragment``: a part's own run)."""
    add_script_run_ctx(threading.current_thread(), ScriptRunContext(
        session_id="test", _enqueue=lambda msg: None, query_string="",
        session_state=SafeSessionState(SessionState(), lambda: None),
        uploaded_file_mgr=MemoryUploadedFileManager("/upload"),
        main_script_path=str(ROOT / "app.py"), user_info={},
        fragment_storage=MemoryFragmentStorage(),
        pages_manager=PagesManager(str(ROOT / "app.py")),
        fragment_ids_this_run=["part"] if fragment else None))


def in_thread(target) -> None:
    """Run ``target`` on a new thread and fail with what it raised."""
    errors: list[BaseException] = []

    def run() -> None:
        try:
            target()
        except BaseException as exc:  # handed to the test's thread
            errors.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert not errors, errors


def watched(workers: list[threading.Thread], watcher: threading.Thread,
            stop: threading.Event) -> None:
    """Start ``watcher``, then every worker at once; when the workers are done, tell the
    watcher to ``stop`` and wait for it."""
    watcher.start()
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    stop.set()
    watcher.join()
