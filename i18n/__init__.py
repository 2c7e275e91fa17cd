"""One small translation helper: every UI sentence in English and Simplified Chinese."""

from __future__ import annotations

from i18n.texts import TEXTS

LANGS: dict[str, str] = {"en": "English", "zh": "简体中文"}


def t(key: str, lang: str = "en", **params: object) -> str:
    """Return the text for ``key`` in ``lang`` with ``params`` filled in.

    An unknown key comes back as the key itself so a missing text shows, never crashes.

    >>> t("nav.upload", "zh")
    '导入数据'
    """
    pair = TEXTS.get(key)
    if pair is None:
        return key
    text = pair[1] if lang == "zh" else pair[0]
    return text.format(**params) if params else text
