"""Digest: choose how often and where your digest comes, and see what it says now."""

import streamlit as st

from reports.digest_choices import channels
from ui.context import cursor, lang, tr, viewer_of
from ui.digest import choice_section, flash, preview_section, recipient

con = cursor()
st.title(tr("digest.page.title"))
st.caption(tr("digest.page.intro"))
flash()
who = recipient(con)
language = choice_section(con, who) if who is not None else lang()
preview_section(who or viewer_of(con), language, channels(con).get("base_url"))
