"""Settings: every threshold of the analyses in one place, rendered from the settings registry."""

import streamlit as st

from reports.settings import SECTIONS, in_section, load_section, range_text, refusal
from ui.context import cursor, lang, tr
from ui.digest_channels import channels_section
from ui.feedback import friendly
from writes.settings import reset_section, save_section


def _inputs(key: str, current: object) -> dict[str, object]:
    """One number box per setting of the section, labelled and explained from the registry."""
    values: dict[str, object] = {}
    cols = st.columns(2)
    for i, row in enumerate(in_section(key)):
        value = getattr(current, row.name)
        values[row.name] = cols[i % 2].number_input(
            tr(row.label_key), value=value if row.whole else float(value),
            step=1 if row.whole else 0.01, format="%d" if row.whole else "%.3f",
            help=f"{tr(row.help_key)}\n\n{range_text(row.bounds, lang())}",
            key=f"set.{key}.{row.name}",
        )
    return values


def _section(key: str, cls: type, title: str) -> None:
    con = cursor()
    st.subheader(tr(title))
    values = _inputs(key, load_section(con, key, cls))
    save, reset, _ = st.columns([1, 2, 5])
    if save.button(tr("settings.save"), type="primary", key=f"set.{key}.save"):
        with friendly():
            try:
                save_section(con, key, cls, values)
            except ValueError as exc:  # the form keeps the entries
                st.error(tr("settings.invalid", error=refusal(key, values, exc, lang())))
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
