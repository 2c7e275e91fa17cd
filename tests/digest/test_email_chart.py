"""The digest e-mail carries its key chart as an inline PNG (multipart/related, ``cid:``), drawn
without a browser; checked on what a real SMTP server on 127.0.0.1 received: the structure, a
valid PNG, and bars as long as the numbers the text part gives."""

from __future__ import annotations

import email
import io
import json
import re
from email import policy

import numpy as np
import pytest
from PIL import Image

import store
from charts.png import BAR, PAD, REFERENCE, ROW, TOP
from reports.team import team_view
from store.digest import Subscription
from store.scope import scoped
from store.users import lookup
from tests.digest.helpers import run, setup
from tests.digest.test_email import mail_settings

LEFT = PAD + 190  # where the bars start (charts.png: label column)


def _rgb(color: str) -> tuple[int, ...]:
    return tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))


def _received(raw: bytes) -> tuple[str, str, bytes, str]:
    """(text part, html part, the PNG's bytes, its Content-ID) after checking the structure:
    alternative [text/plain, related [text/html, image/png]]."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    text, related = msg.get_payload()
    assert (msg.get_content_type(), text.get_content_type(), related.get_content_type()) == (
        "multipart/alternative", "text/plain", "multipart/related")
    page, image = related.get_payload()
    assert (page.get_content_type(), image.get_content_type()) == ("text/html", "image/png")
    return text.get_content(), page.get_content(), image.get_content(), image["Content-ID"]


def _bars(png: bytes, n: int) -> tuple[list[int], int]:
    """Each bar's length in pixels and the reference line's x (-1 without one)."""
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    lengths = []
    for i in range(n):
        row = pixels[TOP + i * ROW + ROW // 2]
        blue = np.flatnonzero((row == _rgb(BAR)).all(axis=1))
        lengths.append(int(blue.max() - blue.min() + 1) if len(blue) else 0)
    red = np.flatnonzero((pixels[TOP + ROW // 2] == _rgb(REFERENCE)).all(axis=1))
    return lengths, int(red.mean()) if len(red) else -1


def _uncoach(db, people: int) -> None:
    """Two of M01's people lose every session: M01's coverage falls below the others'."""
    con = store.connect(db)
    try:
        ids = [r[0] for r in con.execute("SELECT employee_id FROM employees WHERE manager_id = "
                                         "'M01' ORDER BY employee_id LIMIT ?", [people]).fetchall()]
        for table in ("coaching_actions", "session_parts", "session_ratings", "coaching_sessions"):
            key = "employee_id" if table in ("coaching_actions", "coaching_sessions") else \
                "session_id IN (SELECT session_id FROM coaching_sessions WHERE employee_id"
            close = ")" if key.startswith("session_id") else ""
            con.execute(f"DELETE FROM {table} WHERE {key} IN (SELECT unnest(?)){close}", [ids])
    finally:
        con.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hr_digest_shows_coverage_by_manager_as_an_inline_png(db, smtp_server, certificate,
                                                               lang):
    port, box = smtp_server
    _uncoach(db, 2)
    setup(db, [Subscription("hr@example.com", "email", lang=lang)],
          mail_settings(port, certificate[0]))
    code, _, err = run("digest", "--send", "--db", str(db), "--user", "hr@example.com")
    assert code == 0, err
    text, page, png, cid = _received(box.messages[0])
    assert f'src="cid:{cid.strip("<>")}"' in page
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    image.verify()
    # The text part's "met/n" per manager, in the chart's order (lowest coverage first).
    rates = sorted(int(m) / int(n) for m, n in re.findall(r"(?:coached|已辅导) (\d+)/(\d+)", text))
    assert len(rates) == 3
    assert rates[0] < rates[-1]
    assert Image.open(io.BytesIO(png)).size == (640, TOP + ROW * len(rates) + 34)
    lengths, target_x = _bars(png, len(rates))
    full = lengths[-1] / rates[-1]  # pixels per 100%
    assert [x / full for x in lengths] == pytest.approx(rates, abs=2 / full)
    assert (target_x - LEFT) / full == pytest.approx(0.9, abs=2 / full)  # the 90% target


def test_managers_chart_counts_their_flagged_people_by_reason(db, smtp_server, certificate):
    port, box = smtp_server
    setup(db, [Subscription("m01@example.com", "email", lang="zh")],
          mail_settings(port, certificate[0]))
    code, _, err = run("digest", "--send", "--db", str(db), "--user", "m01@example.com")
    assert code == 0, err
    _, _, png, _ = _received(box.messages[0])
    con = store.connect(db)
    try:  # the overview's flags in M01's scope, counted here by hand
        flags = team_view(scoped(con, lookup(con, "m01@example.com"))).flags
    finally:
        con.close()
    counts = sorted(flags.groupby("reason")["employee_id"].nunique(), reverse=True)
    assert Image.open(io.BytesIO(png)).size[1] == TOP + ROW * len(counts) + 34
    lengths, target_x = _bars(png, len(counts))
    assert [x / lengths[0] for x in lengths] == pytest.approx(
        [c / counts[0] for c in counts], abs=0.01)
    assert target_x == -1  # a count has no target line


def test_without_the_cjk_font_the_send_fails_with_a_sentence(db, smtp_server, certificate,
                                                            monkeypatch, tmp_path):
    port, box = smtp_server
    monkeypatch.setenv("COACHBOARD_FONT", str(tmp_path / "no-such-font.ttc"))
    setup(db, [Subscription("hr@example.com", "email")], mail_settings(port, certificate[0]))
    code, _, err = run("digest", "--send", "--db", str(db), "--user", "hr@example.com")
    assert code == 1
    assert "chart: COACHBOARD_FONT names" in err
    assert "no-such-font.ttc, which does not exist" in err
    assert "Traceback" not in err
    assert box.messages == []


def test_leadership_chart_is_the_boards_lowest_cells_against_the_red_line(db, smtp_server,
                                                                         certificate):
    port, box = smtp_server
    setup(db, [Subscription("d01@example.com", "email", lang="zh")],
          mail_settings(port, certificate[0]))
    code, _, err = run("digest", "--send", "--db", str(db), "--user", "d01@example.com")
    assert code == 0, err
    _, page, png, _ = _received(box.messages[0])
    assert "看板上目标达成率最低的格子" in page  # the image's alt text names it
    code, out, _ = run("board", "--db", str(db), "--as", "d01@example.com", "--format", "json")
    assert code == 0
    cells = sorted(c["attainment"] for c in json.loads(out) if c["attainment"] is not None)
    shown = cells[:10]
    lengths, red_x = _bars(png, len(shown))
    per_unit = lengths[-1] / shown[-1]
    assert [x / per_unit for x in lengths] == pytest.approx(shown, abs=2 / per_unit)
    assert (red_x - LEFT) / per_unit == pytest.approx(0.8, abs=2 / per_unit)  # red below 80%
