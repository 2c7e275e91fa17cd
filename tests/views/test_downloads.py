"""Every download is an export the audit log records: who, what kind, which id, how many rows."""

from __future__ import annotations

import store
from store import audit
from ui.downloads import audited


def test_a_download_click_records_an_export_without_its_content(monkeypatch, demo_copy):
    monkeypatch.setenv("COACHBOARD_DB", str(demo_copy))
    audited("brief_html", "E005", rows=1)()
    con = store.connect(demo_copy)
    try:
        rows = audit.audit_log(con, actions=[audit.EXPORT])
    finally:
        con.close()
    assert rows[["actor", "action", "target", "rows", "detail"]].values.tolist() == [
        ["local", "export", "E005", 1, "brief_html"]]
