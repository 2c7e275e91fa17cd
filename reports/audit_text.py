"""The audit log in the reader's words: actions, the local user and the
short details ("goals loaded rejected=0", "role=hr", "board_xlsx") become sentences parts in
English or Chinese. The stored log and its CSV keep the codes; only the page translates."""

from __future__ import annotations

import pandas as pd

from i18n import has, t
from reports.settings import SECTIONS
from store.digest import CHANNELS_KEY

FORMATS = {"csv": "CSV", "xlsx": "XLSX", "html": "HTML", "md": "Markdown"}


def _known(key: str, lang: str) -> str | None:
    return t(key, lang) if has(key) else None


def _word(token: str, lang: str) -> str:
    """One token of a detail: ``key=value``, an import kind or status, an export's name."""
    if "=" in token:
        key, value = token.split("=", 1)
        name = _known(f"audit.key.{key}", lang) or key
        shown = _known(f"role.{value}" if key == "role" else f"audit.value.{value}", lang)
        return f"{name} {shown or value}"
    if text := _known(f"audit.word.{token}", lang) or _known(f"kind.{token}", lang):
        return text.split("（")[0].split(" (")[0]
    stem, _, fmt = token.rpartition("_")
    if fmt in FORMATS:
        page = _known(f"audit.export.{stem.split('_')[0]}", lang) or t("audit.export.other", lang)
        return f"{page} {FORMATS[fmt]}"
    return token


def detail_text(detail: object, lang: str) -> str:
    """A stored detail in words; empty for none."""
    if detail is None or pd.isna(detail):
        return ""
    words = [_word(token, lang) for token in str(detail).split() if token != "-"]
    return ("，" if lang == "zh" else ", ").join(words)


def _target(action: str, target: object, lang: str) -> object:
    """A settings section by its title; every other target (an id, an email) as it is; none
    as an empty cell, never "None"."""
    if target is None or pd.isna(target):
        return ""
    titles = {key: title for key, _, title in SECTIONS}  # the settings page's own titles
    titles[CHANNELS_KEY] = "digest.set.title"
    if action == "settings" and target in titles:
        return t(titles[target], lang)
    return target


def readable(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """``store.audit.audit_log`` rows with action, actor, settings targets and detail in
    ``lang``."""
    return rows.assign(
        target=[_target(a, x, lang) for a, x in zip(rows["action"], rows["target"], strict=True)],
        action=[_known(f"audit.action.{a}", lang) or a for a in rows["action"]],
        actor=[t("role.local", lang) if a == "local" else a for a in rows["actor"]],
        detail=[detail_text(d, lang) for d in rows["detail"]])
