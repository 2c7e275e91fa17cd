"""User text (names, teams, metric names, notes, file names) shown through Streamlit's Markdown.

Every ``st.markdown``/``st.caption``/alert/label renders Markdown: a name like
``[x](javascript:alert(1))`` would become a link and ``<b>`` markup. ``md`` escapes every
Markdown character so the text reads exactly as imported.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:@=&])")


def md(value: object) -> str:
    """``value`` as Markdown that shows it literally (line breaks kept as hard breaks).

    Example:
        >>> md("[x](javascript:alert(1))")
        '\\\\[x\\\\]\\\\(javascript\\\\:alert\\\\(1\\\\)\\\\)'
    """
    text = "" if value is None else str(value)
    lines = _SPECIAL.sub(r"\\\1", text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "  \n".join(lines)
