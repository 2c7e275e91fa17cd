"""Settings: every threshold of the analyses in one place, rendered from the dataclasses."""

import dataclasses

import streamlit as st

from reports.settings import SECTIONS, load_section, reset_section, save_section
from ui.context import cursor, tr
from ui.digest_channels import channels_section
from ui.feedback import friendly


def _text(key: str, fallback: str | None) -> str | None:
    text = tr(key)
    return fallback if text == key else text


def _inputs(key: str, current: object, hidden: tuple[str, ...]) -> dict[str, object]:
    values: dict[str, object] = {}
    cols = st.columns(2)
    shown = [f for f in dataclasses.fields(current) if f.name not in hidden]
    for i, field in enumerate(shown):
        whole = field.type in (int, "int")
        label = _text(f"{key}.{field.name}", field.name.replace("_", " "))
        values[field.name] = cols[i % 2].number_input(
            label, value=getattr(current, field.name) if whole else float(getattr(current, field.name)),
            step=1 if whole else 0.01, format="%d" if whole else "%.3f",
            help=_text(f"{key}.{field.name}.help", None), key=f"set.{key}.{field.name}",
        )
    return values


def _section(key: str, cls: type, title: str, hidden: tuple[str, ...]) -> None:
    con = cursor()
    st.subheader(tr(title))
    values = _inputs(key, load_section(con, key, cls), hidden)
    save, reset, _ = st.columns([1, 2, 5])
    if save.button(tr("settings.save"), type="primary", key=f"set.{key}.save"):
        with friendly():
            try:
                save_section(con, key, cls, values)
            except ValueError as exc:  # Thresholds' own sentence; the form keeps the entries
                st.error(tr("settings.invalid", error=str(exc).rstrip(".")))
            else:
                st.success(tr("settings.saved"))
    if reset.button(tr("settings.reset"), key=f"set.{key}.reset"):
        with friendly():
            reset_section(con, key, cls)
            for name in [k for k in st.session_state if str(k).startswith(f"set.{key}.")]:
                del st.session_state[name]
            st.session_state["settings_msg"] = tr("settings.reset_done")
            st.rerun()


st.title(tr("settings.title"))
st.caption(tr("settings.intro"))
if message := st.session_state.pop("settings_msg", None):
    st.success(message)
for section in SECTIONS:
    _section(*section)
channels_section(cursor())
