"""``cli.py settings``: every tunable number from the settings registry (``reports.settings``),
the same the settings page shows; ``--set NAME=VALUE`` changes some, ``--reset`` all."""

from __future__ import annotations

import argparse
import sys

import pandas as pd

from commands.views import emit
from i18n import t
from reports.settings import REGISTRY, SECTIONS, find, load_section, range_text
from writes.settings import reset_section, save_section


def parsers(sub) -> list[argparse.ArgumentParser]:
    """The ``settings`` subcommand (the settings page's right: store.features)."""
    st = sub.add_parser("settings", help="every threshold of the analyses: value, default, "
                                         "allowed range; --set NAME=VALUE changes them")
    st.add_argument("--set", dest="changes", action="append", default=[], metavar="NAME=VALUE",
                    help="change a setting (repeatable; all are checked before any is saved)")
    st.add_argument("--reset", action="store_true", help="every setting back to its default")
    st.add_argument("--format", choices=["csv", "json"], default="csv")
    st.add_argument("--lang", choices=["en", "zh"], default="en")
    st.set_defaults(func=cmd_settings, feature="settings")
    return [st]


def rows(con, lang: str = "en") -> pd.DataFrame:
    """One row per setting: section, name, value in force, default, range, label, help, page."""
    current = {section.key: load_section(con, section.key, section.cls) for section in SECTIONS}
    return pd.DataFrame([{
        "section": row.section, "name": row.name, "value": getattr(current[row.section], row.name),
        "default": row.default, "unit": row.bounds.unit, "allowed": range_text(row.bounds, lang),
        "label": t(row.label_key, lang), "help": t(row.help_key, lang), "page": row.page,
    } for row in REGISTRY], dtype=object)  # object: a whole number stays 2 in JSON, not 2.0


def _parse(changes: list[str]) -> dict[str, dict[str, float]]:
    """``NAME=VALUE`` pairs grouped by section; ValueError with a sentence for a bad one."""
    by_section: dict[str, dict[str, float]] = {}
    for change in changes:
        name, sep, text = change.partition("=")
        if not sep:
            raise ValueError(f"{change!r}: write NAME=VALUE, e.g. contact_days=21")
        row = find(name.strip())
        try:
            value = int(text) if row.whole else float(text)
        except ValueError:
            kind = "a whole number" if row.whole else "a number"
            raise ValueError(f"{row.name} must be {kind}, got {text!r}") from None
        by_section.setdefault(row.section, {})[row.name] = value
    return by_section


def _apply(con, changes: list[str]) -> None:
    """Check every change first (merged with what is stored), then save: all or nothing."""
    classes = {section.key: section.cls for section in SECTIONS}
    merged = {key: {**load_section(con, key, classes[key]).to_dict(), **values}
              for key, values in _parse(changes).items()}
    for key, values in merged.items():
        classes[key].from_dict(values)  # raises before anything is stored
    for key, values in merged.items():
        save_section(con, key, classes[key], values)


def cmd_settings(args: argparse.Namespace, con) -> int:
    """List the settings; with --set or --reset change them first (exit 2 on a bad value)."""
    if args.reset:
        for section in SECTIONS:
            reset_section(con, section.key, section.cls)
    try:
        _apply(con, args.changes)
    except ValueError as exc:
        print(f"settings: {exc}", file=sys.stderr)
        return 2
    table = rows(con, args.lang)
    if args.format == "csv":  # the CSV writer would print a column of numbers as floats
        table[["value", "default"]] = table[["value", "default"]].map(lambda v: f"{v:g}")
    emit(table, args.format)
    return 0
