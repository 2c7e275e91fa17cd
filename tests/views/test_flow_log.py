"""Issue 17, the flow follows the person: the coaching log opens on the linked person, names
them, confirms a changed person or a same-day repeat, records who coached, and shows the parts
of the chosen model only. The real app (AppTest) on a copy of the demo database."""

from __future__ import annotations

from datetime import date

import pytest
from streamlit.testing.v1 import AppTest

import store
from i18n import t
from store import coaching_log
from store.coaching_log import PARTS
from store.users import add_user
from tests.views.conftest import ROOT, TIMEOUT, make_app
from ui.text import md

LOG, PREP, OVERVIEW = "views/coaching.py", "views/employee.py", "views/overview.py"
AUTH = {"auth": {
    "redirect_uri": "http://localhost:8501/oauth2callback",
    "cookie_secret": "test-only-cookie-secret-0123456789abcdef",
    "client_id": "coachboard-test", "client_secret": "coachboard-test-secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}}


def _button(at, label: str):
    return next(b for b in at.button if b.label == label)


def _sessions_of(db, employee_id: str):
    con = store.connect(db)
    try:
        return coaching_log.sessions(con, employee_id=employee_id)
    finally:
        con.close()


def _name(db, employee_id: str) -> str:
    return _person(db, employee_id)[0]


def _person(db, employee_id: str) -> tuple[str, str]:
    con = store.connect(db)
    try:
        return con.execute("SELECT name, team FROM employees WHERE employee_id = ?",
                           [employee_id]).fetchone()
    finally:
        con.close()


def _heading(db, employee_id: str, lang: str = "en") -> str:
    """The form's heading as the page writes it (Markdown-escaped person label)."""
    name, team = _person(db, employee_id)
    label = t("flow.person_label", lang, name=name, id=employee_id, team=team)
    return t("flow.log_for", lang, name=md(label))


def _open_log(monkeypatch, db, employee_id: str | None, lang: str = "en") -> AppTest:
    """The log as a link opens it: ``coaching?id=<employee_id>``."""
    at = make_app(monkeypatch, db, lang=lang)
    if employee_id:
        at.query_params["id"] = employee_id
    at.switch_page(LOG).run()
    assert not at.exception, at.exception
    return at


def _write(at, notes: str, coach: str | None = "Li Lei") -> AppTest:
    if coach is not None:
        at.text_input(key="coach_name").input(coach)
    at.text_area(key="cl_f_notes").input(notes)
    _button(at, t("cl.save_session", at.session_state["lang"])).click().run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_link_opens_the_log_on_its_person_and_the_heading_names_them(monkeypatch, demo_copy,
                                                                        lang):
    at = _open_log(monkeypatch, demo_copy, "E010", lang)
    assert at.selectbox(key="cl_employee").value == "E010"
    assert _heading(demo_copy, "E010", lang) in [h.value for h in at.subheader]
    _write(at, "Talked about the billing queue")
    assert _sessions_of(demo_copy, "E010")["notes"].iloc[0] == "Talked about the billing queue"


def test_without_a_link_nobody_is_chosen_for_you(monkeypatch, demo_copy):
    at = _open_log(monkeypatch, demo_copy, None)
    assert at.selectbox(key="cl_employee").value is None
    assert t("flow.choose_first") in [i.value for i in at.info]
    assert not [b for b in at.button if b.label == t("cl.save_session")]


def test_a_person_chosen_by_hand_elsewhere_travels_a_default_does_not(monkeypatch, demo_copy):
    at = make_app(monkeypatch, demo_copy)
    at.switch_page("views/coaching_due.py").run()
    default = at.selectbox(key="fu_employee").value  # shown, not chosen
    at.switch_page(LOG).run()
    assert at.selectbox(key="cl_employee").value is None, default
    at.switch_page("views/coaching_due.py").run()
    at.selectbox(key="fu_employee").set_value("E010").run()
    at.switch_page(LOG).run()
    assert at.selectbox(key="cl_employee").value == "E010"
    assert _heading(demo_copy, "E010") in [h.value for h in at.subheader]


def test_an_unknown_id_in_the_link_is_said_not_guessed(monkeypatch, demo_copy):
    at = _open_log(monkeypatch, demo_copy, "E999")
    assert at.warning[0].value == t("flow.unknown_id", id="E999")
    assert at.selectbox(key="cl_employee").value is None


@pytest.mark.parametrize(("answer", "saved"), [("cl_confirm_save", 1), ("cl_confirm_cancel", 0)])
def test_saving_for_another_person_than_the_log_was_opened_for_is_confirmed(
        monkeypatch, demo_copy, answer, saved):
    before = {e: len(_sessions_of(demo_copy, e)) for e in ("E010", "E017")}
    at = _open_log(monkeypatch, demo_copy, "E010")
    at.selectbox(key="cl_employee").set_value("E017").run()
    _write(at, "Meant for someone")
    labels = {e: md(t("flow.person_label", name=_person(demo_copy, e)[0], id=e,
                                   team=_person(demo_copy, e)[1])) for e in ("E010", "E017")}
    assert [w.value for w in at.warning] == [
        t("flow.confirm_person", origin=labels["E010"], name=labels["E017"])]
    assert len(_sessions_of(demo_copy, "E017")) == before["E017"]  # nothing saved yet
    at.button(key=answer).click().run()
    assert len(_sessions_of(demo_copy, "E017")) == before["E017"] + saved
    assert len(_sessions_of(demo_copy, "E010")) == before["E010"]
    assert not at.warning


def test_the_same_talk_twice_is_confirmed_and_the_two_are_told_apart(monkeypatch, demo_copy):
    at = _open_log(monkeypatch, demo_copy, "E006")
    _write(at, "First talk about CSAT")
    _write(at, "Second talk, after lunch", coach="Wang Wu")
    name, team = _person(demo_copy, "E006")
    label = md(t("flow.person_label", name=name, id="E006", team=team))
    expected = t("flow.confirm_duplicate", name=label, n=1, date=f"{date.today():%Y-%m-%d}",
                 type=t("cl.type.formal"))  # the form's default type
    assert at.warning[0].value == expected
    assert len(_sessions_of(demo_copy, "E006").query("source == 'app'")) == 1
    _button(at, at.button(key="cl_confirm_save").label).click().run()
    mine = _sessions_of(demo_copy, "E006").query("source == 'app'")
    assert len(mine) == 2
    labels = at.selectbox(key="cl_session").options
    today = [x for x in labels if x.startswith(f"{date.today():%Y-%m-%d}")]
    assert len(set(today)) == 2, today
    assert any("Wang Wu" in x and "Second talk" in x for x in today)


def test_notes_in_a_session_label_stay_plain_text(monkeypatch, demo_copy):
    at = _open_log(monkeypatch, demo_copy, "E006")
    _write(at, "<b>bold</b> [x](javascript:alert(1)) and a much longer tail")
    label = at.selectbox(key="cl_session").options[0]
    assert "“<b>bold</b> [x](javascript:alert…”" in label  # as typed (cut), never as markup


def test_local_mode_needs_a_name_and_remembers_it(monkeypatch, demo_copy):
    at = _open_log(monkeypatch, demo_copy, "E006")
    _write(at, "No name given", coach="")
    assert at.error[0].value == t("cl.error.coach.required")
    assert _sessions_of(demo_copy, "E006").query("source == 'app'").empty
    _write(at, "Now with a name", coach="Li Lei")
    assert _sessions_of(demo_copy, "E006").query("source == 'app'")["coach"].tolist() == ["Li Lei"]
    again = _open_log(monkeypatch, demo_copy, "E010")  # a new session of the browser
    assert again.text_input(key="coach_name").value == "Li Lei"


def test_signed_in_manager_is_the_coach_without_a_name_box(monkeypatch, demo_copy):
    con = store.connect(demo_copy)
    add_user(con, "m01@example.com", role="manager", employee_id="M01")
    con.close()
    monkeypatch.setenv("COACHBOARD_DB", str(demo_copy))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.secrets = AUTH
    at.user = {"is_logged_in": True, "email": "m01@example.com"}
    at.session_state["lang"] = "en"
    at.query_params["id"] = "E006"
    at.run()
    at.switch_page(LOG).run()
    assert not at.exception, at.exception
    assert not [w for w in at.text_input if w.key in ("coach_name", "cl_f_coach")]
    assert t("flow.coach_signed_in", name=_name(demo_copy, "M01")) in [c.value for c in at.caption]
    _write(at, "Signed-in talk", coach=None)
    saved = _sessions_of(demo_copy, "E006").query("source == 'app'").iloc[0]
    assert (saved["coach"], saved["coach_name"]) == ("M01", _name(demo_copy, "M01"))
    sid = saved["session_id"]
    at.text_input(key=f"cl_a_action_{sid}").input("Listen to 3 calls")
    _button(at, t("cl.add_action")).click().run()
    history = next(d.value for d in at.dataframe if "changed_by" in d.value.columns)
    assert history["changed_by"].tolist() == [_name(demo_copy, "M01")]
    assert history["status"].tolist() == [t("cl.status.open")]


def test_coaches_are_shown_by_roster_name_not_id(monkeypatch, demo_copy):
    at = _open_log(monkeypatch, demo_copy, "E010")
    table = next(d.value for d in at.dataframe if "coach_name" in d.value.columns)
    con = store.connect(demo_copy)
    roster = dict(con.execute("SELECT employee_id, name FROM employees").fetchall())
    raw = con.execute("SELECT coach FROM coaching_sessions WHERE employee_id = 'E010' "
                      "ORDER BY session_date DESC, session_id").df()["coach"]
    con.close()
    assert table["coach_name"].tolist() == [roster.get(c, c) for c in raw]
    assert not set(table["coach_name"]) & {"M01", "M02", "M03", "D01"}


@pytest.mark.parametrize(("model", "lang"), [(m, lang) for m in ("GROW", "BEST", "STAR-AR", "OKR")
                                             for lang in ("en", "zh")])
def test_the_form_shows_the_parts_of_the_chosen_model_only(monkeypatch, demo_copy, model, lang):
    at = _open_log(monkeypatch, demo_copy, "E006", lang)
    at.selectbox(key="cl_f_model").set_value(model).run()
    every = {p for names in PARTS.values() for p in names}
    shown = {w.key.removeprefix("cl_f_") for w in at.text_input if w.key.removeprefix("cl_f_")
             in every}
    assert shown == set(PARTS.get(model, ()))
    assert t(f"flow.parts.{model}", lang) in [c.value for c in at.caption]
    if model == "STAR-AR":
        for part in PARTS[model]:
            at.text_input(key=f"cl_f_{part}").input(f"{part} text")
        _write(at, "Case review")
        sid = _sessions_of(demo_copy, "E006").query("source == 'app'")["session_id"].iloc[0]
        con = store.connect(demo_copy)
        assert coaching_log.session_parts(con, sid) == {p: f"{p} text" for p in PARTS[model]}
        con.close()
