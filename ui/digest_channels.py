"""The settings page's digest section (admin): the app's address, the SMTP server and the chat
webhooks, set once. Secrets and webhook addresses are never put back into a field: the page says
"stored" or "not set", and an empty field keeps what is stored."""

from __future__ import annotations

import duckdb
import pandas as pd
import streamlit as st

from i18n import LANGS
from reports import digest_choices as config
from ui.context import tr
from ui.feedback import friendly
from writes import digest as write

_TEXT_FIELDS = ("host", "username", "sender", "ca_file")


def _state(stored: dict, field: str) -> str:
    return tr("digest.page.set") if stored.get(field) else tr("digest.page.not_set")


def _email_inputs(stored: dict) -> dict:
    values = {}
    cols = st.columns(2)
    for i, field in enumerate(_TEXT_FIELDS):
        values[field] = cols[i % 2].text_input(tr(f"digest.set.{field}"), key=f"dset.{field}",
                                               value=str(stored.get(field) or ""))
    values["port"] = cols[0].number_input(tr("digest.set.port"), 1, 65535, key="dset.port",
                                          value=int(stored.get("port") or 587))
    values["password"] = cols[1].text_input(tr("digest.set.password"), type="password",
                                            key="dset.password")
    cols[1].caption(tr("digest.set.status", field=tr("digest.set.password"),
                       state=_state(stored, "password")))
    values["starttls"] = st.checkbox(tr("digest.set.starttls"), key="dset.starttls",
                                     value=bool(stored.get("starttls", True)))
    values["smtps"] = st.checkbox(tr("digest.set.smtps"), key="dset.smtps",
                                  value=bool(stored.get("smtps", stored.get("port") == 465)))
    return values


def _hook_inputs(name: str, stored: dict) -> dict:
    values = {"url": st.text_input(tr("digest.set.url"), type="password", key=f"dset.{name}.url")}
    st.caption(tr("digest.set.status", field=tr("digest.set.url"), state=_state(stored, "url")))
    if name in config.SIGNED:
        values["secret"] = st.text_input(tr("digest.set.secret"), type="password",
                                         key=f"dset.{name}.secret")
        st.caption(tr("digest.set.status", field=tr("digest.set.secret"),
                      state=_state(stored, "secret")))
    return values


def _channel(con: duckdb.DuckDBPyConnection, name: str, stored: dict) -> None:
    label = tr(f"digest.channel.{name}")
    with st.expander(label + (" ✓" if stored else "")):
        values = _email_inputs(stored) if name == "email" else _hook_inputs(name, stored)
        save, remove, _ = st.columns([1, 1, 3])
        if save.button(tr("digest.set.save", channel=label), key=f"dset.{name}.save"):
            with friendly():
                try:
                    write.save_channel(con, name, values)
                except write.DigestConfigError as exc:
                    st.error(tr(f"digest.err.{exc.code}", **exc.params))
                else:
                    st.success(tr("digest.set.saved", channel=label))
        if stored and remove.button(tr("digest.set.remove", channel=label),
                                    key=f"dset.{name}.remove"):
            with friendly():
                write.remove_channel(con, name)
                st.success(tr("digest.set.removed", channel=label))


def _base_url(con: duckdb.DuckDBPyConnection, current: str) -> None:
    url = st.text_input(tr("digest.set.base_url"), value=current, key="dset.base_url")
    if url != current:
        with friendly():
            try:
                write.save_base_url(con, url)
            except write.DigestConfigError as exc:
                st.error(tr(f"digest.err.{exc.code}", **exc.params))


def _send_hour(con: duckdb.DuckDBPyConnection) -> None:
    current = config.send_hour(con)
    hour = st.selectbox(tr("digest.set.send_hour"), [None, *range(24)], key="dset.send_hour",
                        index=0 if current is None else current + 1,
                        format_func=lambda h: tr("digest.set.send_off") if h is None
                        else f"{h:02d}:00")
    if hour != current:
        with friendly():
            write.save_send_hour(con, hour)


def _subscribers(con: duckdb.DuckDBPyConnection) -> None:
    st.markdown(f"**{tr('digest.set.subscribers')}**")
    subs = config.subscription_frame(con)
    if subs.empty:
        st.caption(tr("digest.set.no_subscribers"))
        return
    table = pd.DataFrame({
        tr("digest.set.col.email"): subs["email"],
        tr("digest.set.col.channel"): [tr(f"digest.channel.{c}") for c in subs["channel"]],
        tr("digest.set.col.when"): [tr(f"digest.freq.{f}") + ("" if f == "daily" else " · "
                                    + tr(f"digest.day.{d}"))
                                    for f, d in zip(subs["frequency"], subs["weekday"],
                                                    strict=True)],
        tr("digest.set.col.lang"): subs["lang"].map(LANGS),
        tr("digest.set.col.own"): [tr("digest.page.set") if o else tr("digest.page.not_set")
                                   for o in subs["own_address"]],
    })
    st.dataframe(table, hide_index=True, width="stretch")


def channels_section(con: duckdb.DuckDBPyConnection) -> None:
    """Everything an admin sets up once for the digests."""
    st.subheader(tr("digest.set.title"))
    st.caption(tr("digest.set.intro"))
    stored = config.channels(con)
    _base_url(con, str(stored.get("base_url") or ""))
    _send_hour(con)
    for name in config.CHANNELS:
        _channel(con, name, stored.get(name) or {})
    _subscribers(con)
