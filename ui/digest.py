"""The Digest page's sections: whose digest, their channel/day/language, and its preview.

Every change goes through ``writes.digest`` (the store checks the right again); the preview is built
on the recipient's own scoped cursor and shown as escaped Markdown and literal code blocks, so
user text (names, metric names) never renders as markup.
"""

from __future__ import annotations

import threading

import duckdb
import streamlit as st

from charts.png import FontMissing, render_png
from commands.digest_schedule import start
from i18n import LANGS, t
from reports import digest_choices as config
from reports.digest import ROLES_SECTIONS, Digest, build
from reports.digest_render import chat_text, plain_text
from ui.context import Viewer, cursor, db_path, lang, raw_cursor, run_version, tr, viewer_of
from ui.feedback import friendly
from ui.text import md
from writes import digest as write

_MSG = "digest_msg"


@st.cache_resource(show_spinner=False)
def _sender(path: str) -> threading.Thread:
    return start(raw_cursor)


# The send hour is a setting, so the data version (every run reads it) changes with it: read per
# version, not on every run of every page (a query each).
@st.cache_data(max_entries=4, show_spinner=False)
def _send_hour(version: str) -> int | None:
    return config.send_hour(raw_cursor())


def keep_sending() -> None:
    """Start the app's digest sender (once per database) when an admin set a send hour: the
    app holds the database, so a timer's ``cli.py digest`` cannot run beside it."""
    if _send_hour(run_version()) is not None:
        _sender(db_path())


def flash() -> None:
    if message := st.session_state.pop(_MSG, None):
        st.success(message)


def _done(message: str) -> None:
    st.session_state[_MSG] = message
    st.rerun()


def recipient(con: duckdb.DuckDBPyConnection) -> Viewer | None:
    """The user whose digest this page shows: oneself, or (local user) any user picked."""
    me = viewer_of(con)
    if me.role != "local":
        return me
    emails = config.users(con)["email"].tolist()
    if not emails:
        st.info(tr("digest.page.no_users"))
        return None
    pick = st.selectbox(tr("digest.page.whose"), emails, key="digest.whose")
    return config.lookup(con, pick)


def when(sub: config.Subscription, language: str | None = None) -> str:
    """"every Monday" / "every day" in ``language`` (default: the page's)."""
    language = language or lang()
    if sub.frequency == "daily":
        return t("digest.page.daily", language)
    return t("digest.page.weekly_on", language, day=t(f"digest.day.{sub.weekday}", language))


def _channel_inputs(current: config.Subscription | None, channel: str) -> dict:
    """Address and secret for ``channel``: the stored ones kept when left empty."""
    if channel == "email":
        address = st.text_input(tr("digest.page.address_email"), key="digest.address_email",
                                value=(current.address or "") if current else "")
        return {"address": address.strip() or None, "secret": None}
    own = bool(current and current.channel == channel and current.address)
    shared = st.checkbox(tr("digest.page.shared"), value=not own, key="digest.shared")
    if shared:
        return {"address": None, "secret": None}
    url = st.text_input(tr("digest.page.address_hook"), type="password", key="digest.hook")
    st.caption(tr("digest.page.set") if own else tr("digest.page.not_set"))
    secret = None
    if channel in config.SIGNED:
        secret = st.text_input(tr("digest.page.secret"), type="password", key="digest.secret")
    return {"address": url.strip() or (current.address if own else None),
            "secret": secret or None}


def _choice_inputs(current: config.Subscription | None) -> dict:
    # Labels bound to this run's language, and keys naming it: Streamlit may call format_func
    # again outside the run (AppTest does), where tr() fell back to English, and a keyed widget
    # kept its English labels after a switch to Chinese ("E-mail", "Weekly", "Monday").
    lg = lang()
    cols = st.columns(4)
    pick = {
        "channel": cols[0].selectbox(
            tr("digest.page.channel"), config.CHANNELS, key=f"digest.channel.{lg}",
            index=config.CHANNELS.index(current.channel) if current else 0,
            format_func=lambda c: t(f"digest.channel.{c}", lg)),
        "frequency": cols[1].selectbox(
            tr("digest.page.frequency"), config.FREQUENCIES, key=f"digest.frequency.{lg}",
            index=config.FREQUENCIES.index(current.frequency) if current else 0,
            format_func=lambda f: t(f"digest.freq.{f}", lg)),
        "weekday": cols[2].selectbox(
            tr("digest.page.weekday"), range(7), key=f"digest.weekday.{lg}",
            index=int(current.weekday) if current else 0,
            format_func=lambda d: t(f"digest.day.{d}", lg)),
        "lang": cols[3].selectbox(
            tr("digest.page.lang"), list(LANGS), key=f"digest.lang.{lg}",
            index=list(LANGS).index(current.lang if current else lg),
            format_func=LANGS.get),
    }
    return pick


def choice_section(con: duckdb.DuckDBPyConnection, who: Viewer) -> str:
    """Channel, frequency, day and language of ``who``; returns the language to preview in."""
    st.subheader(tr("digest.page.choice"))
    current = config.subscription(con, who.email)
    if current is None:
        st.caption(tr("digest.page.none_yet"))
    else:
        st.caption(tr("digest.page.current", channel=tr(f"digest.channel.{current.channel}"),
                      when=when(current), language=LANGS[current.lang]))
    pick = _choice_inputs(current)
    if pick["channel"] not in config.channels(con):
        st.warning(tr("digest.page.channel_off", channel=tr(f"digest.channel.{pick['channel']}")))
    pick |= _channel_inputs(current, pick["channel"])
    save, stop, _ = st.columns([1, 2, 4])
    if save.button(tr("digest.page.save"), type="primary", key="digest.save"):
        _save(con, who, pick)
    if current is not None and stop.button(tr("digest.page.stop"), key="digest.stop"):
        with friendly():
            write.unsubscribe(con, who.email)
            _done(tr("digest.page.stopped", email=who.email))
    return pick["lang"]


def _save(con: duckdb.DuckDBPyConnection, who: Viewer, pick: dict) -> None:
    with friendly():
        try:
            sub = write.choose(con, who.email, **pick)
        except write.DigestConfigError as exc:
            st.error(tr(f"digest.err.{exc.code}", **exc.params))
            return
        _done(tr("digest.page.saved", channel=tr(f"digest.channel.{sub.channel}"),
                 when=when(sub), language=LANGS[sub.lang]))


def preview_section(who: Viewer, language: str, base: str | None) -> None:
    """The digest ``who`` would get now, read through their own scope."""
    st.subheader(tr("digest.page.preview"))
    with friendly():
        digest = build(cursor(who), lang=language)
        if not digest.sections:  # nothing would be sent: say why, not "data up to -"
            st.info(tr("digest.empty") if digest.role in ROLES_SECTIONS else
                    tr("dpage.no_role_digest", role=tr(f"role.{digest.role}")))
            return
        _show(digest)
        with st.expander(tr("digest.page.as_chat")):
            st.code(chat_text(digest, base), language=None)
        with st.expander(tr("digest.page.as_mail")):
            st.code(plain_text(digest, base), language=None)


def _show(d: Digest) -> None:
    st.markdown(f"**{md(d.subject)}**")
    if d.chart is not None:  # the e-mail's inline picture, as the recipient will see it
        try:
            st.image(render_png(d.chart), caption=tr("dchart.caption"))
        except FontMissing:
            st.warning(tr("dchart.font_missing"))
    for s in d.sections:
        st.markdown(f"##### {md(s.title)}")
        st.caption(md(s.summary))
        if s.lines:
            st.markdown("\n".join(f"- {md(line.text)}" for line in s.lines))
    for note in d.notes:
        st.caption(md(note))
