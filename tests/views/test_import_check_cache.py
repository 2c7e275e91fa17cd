"""The Import page's plan check is kept per file and choices: a rerun that changes neither does
not parse the file again; a changed choice or another file's bytes (same name) are checked
afresh and what the page says follows them."""

from __future__ import annotations

import ingest
import ui.sheets
from i18n import t
from tests.views.conftest import make_app
from tests.views.test_import_sheets_page import upload
from ui.text import md


def counting(monkeypatch) -> list[int]:
    """Count the page's parses of a whole upload (the real ``run_plan`` runs each time)."""
    calls: list[int] = []
    real = ingest.run_plan

    def run_plan(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest, "run_plan", run_plan)
    ui.sheets._checked.clear()
    return calls


def lines(rows: list[tuple[str, str, str]]) -> bytes:
    return ("工号,周开始日期,接通量\n" + "".join(f"{e},{d},{n}\n" for e, d, n in rows)).encode("gbk")


GOOD = [("E1", "2025-07-07", "40"), ("E2", "2025-07-07", "35"), ("E1", "2025-07-14", "41")]


def test_a_rerun_with_the_same_file_and_choices_does_not_parse_again(monkeypatch, empty_db):
    calls = counting(monkeypatch)
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "w.csv", lines(GOOD))
    parsed = len(calls)
    assert parsed >= 1
    at.run()
    at.run()
    assert len(calls) == parsed
    assert t("report.ok", total=len(GOOD)) in [s.value for s in at.success]


def test_another_file_of_the_same_name_is_checked_afresh(monkeypatch, empty_db):
    calls = counting(monkeypatch)
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "w.csv", lines(GOOD))
    before = len(calls)
    bad = [*GOOD, ("E3", "2025-07-14", "lots")]
    upload(at, "w.csv", lines(bad))
    assert len(calls) > before
    assert t("report.bad", bad=1, good=len(GOOD), total=len(bad)) in [w.value for w in at.warning]


def test_a_changed_choice_is_checked_afresh(monkeypatch, empty_db):
    calls = counting(monkeypatch)
    at = upload(make_app(monkeypatch, empty_db, page="views/upload.py"), "w.csv", lines(GOOD))
    before = len(calls)
    box = next(s for s in at.selectbox if s.key and s.key.endswith(":接通量"))
    box.select("ignore").run()  # the only metric column left out: nothing to import
    assert len(calls) > before
    assert [e.value for e in at.error] == [md(ingest.describe("no_metric_columns"))]
    assert t("report.ok", total=len(GOOD)) not in [s.value for s in at.success]
