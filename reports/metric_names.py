"""A metric's name as the reader reads it.

A metric's name is data: the key of its values, targets, settings, recipes and links, shown as
stored. The exception is a name Coachboard itself proposed for an event log
(``ingest.shapes.event_columns``): a count of the log's events ("Calls" / "通话量") and the won
deals of a pipeline ("Deals won" / "赢单商机数", "close_value won" / "赢单close_value"). Those
are written from the catalogue in the reader's language, whichever language the import
proposed them in; the stored name stays the key. A word taken from the file ("Answered" of
"Answered %", "close_value") stays as the file has it: it is the user's data, and a rate's
"%" reads in both languages.
"""

from __future__ import annotations

import functools
import re

import pandas as pd

from i18n import t

NOUNS = ("calls", "tickets", "cases", "deals", "orders", "visits", "contacts", "chats",
         "interactions", "events")
WON = "metric.proposed.won"
LANGS = ("en", "zh")


@functools.cache
def _nouns() -> dict[str, str]:
    """A proposed count's name, in either language -> its catalogue key (the first wins: 工单量
    is Tickets)."""
    keys: dict[str, str] = {}
    for lang in LANGS:
        for noun in NOUNS:
            keys.setdefault(t(f"metric.proposed.{noun}", lang), f"metric.proposed.{noun}")
    return keys


@functools.cache
def _won() -> tuple[re.Pattern, ...]:
    """The won template of each language as a pattern whose group is the ``{noun}``."""
    return tuple(re.compile("^" + re.escape(t(WON, lang)).replace(re.escape("{noun}"), r"\s*(.+?)\s*")
                            + "$") for lang in LANGS)


def metric_label(name: object, lang: str) -> object:
    """``name`` as the reader of ``lang`` reads it (anything else than a proposed name as is).

    Example:
        >>> metric_label("Calls", "zh"), metric_label("通话量", "en"), metric_label("CSAT", "zh")
        ('通话量', 'Calls', 'CSAT')
        >>> metric_label("Deals won", "zh"), metric_label("赢单金额", "en")
        ('赢单商机数', '金额 won')
    """
    if not isinstance(name, str):
        return name
    if (key := _nouns().get(name)) is not None:
        return t(key, lang)
    for pattern in _won():
        if (found := pattern.match(name)) is not None:
            inner = found.group(1)
            noun = _nouns().get(inner)
            return t(WON, lang, noun=t(noun, lang) if noun else inner)
    return name


def unit_label(unit: object, lang: str) -> object:
    """A metric's unit as the reader reads it: the seconds an event log's durations were
    converted to ("s" / "秒"); any other unit as stored.

    Example:
        >>> unit_label("s", "zh"), unit_label("秒", "en"), unit_label("分钟", "en")
        ('秒', 's', '分钟')
    """
    key = "metric.proposed.unit.seconds"
    return t(key, lang) if unit in (t(key, "en"), t(key, "zh")) else unit


def metric_labels(names: pd.Series | list, lang: str) -> list:
    """:func:`metric_label` of each name (a column of a table, a chart's categories)."""
    return [metric_label(n, lang) for n in names]
