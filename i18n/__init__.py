"""The one text catalogue and its one lookup: every sentence a user reads, in English and
Simplified Chinese. ``t`` is the only function that turns a key into words."""

from __future__ import annotations

from i18n.texts import TEXTS

LANGS: dict[str, str] = {"en": "English", "zh": "简体中文"}


class MissingText(KeyError):
    """A key the catalogue does not hold: a defect in the code, never a text to show."""


def t(key: str, lang: str = "en", **params: object) -> str:
    """Return the text for ``key`` in ``lang`` ("en" or "zh") with ``params`` filled in.

    An unknown key raises :class:`MissingText` rather than putting the key itself on screen.
    tests/test_i18n.py checks that every key the code names, and every key it builds from the
    values declared there, is in the catalogue, so a missing text fails a test; one that still
    slips through (a value the declaration did not foresee) fails loudly, never quietly as a
    code on screen. Code that looks up a key made from stored data checks :func:`has` first.
    Without ``params`` the text comes back unfilled: a template for a caller that fills it.

    >>> t("nav.upload", "zh")
    '导入数据'
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be 'en' or 'zh', got {lang!r}")
    pair = TEXTS.get(key)
    if pair is None:
        raise MissingText(key)
    text = pair[1] if lang == "zh" else pair[0]
    return text.format(**params) if params else text


def has(key: str) -> bool:
    """Whether the catalogue holds ``key`` (for keys made from stored codes, e.g. the audit
    log's details, which keep an unknown code as it is)."""
    return key in TEXTS
