"""``cli.py forecast``: each person's forecast and this month's (quarter's) target outlook."""

from __future__ import annotations

import argparse
import math
import sys

import pandas as pd

from analytics.forecast_whatif import UnknownMetric
from commands.views import as_of_arg, emit
from i18n import t
from reports.forecast import forecast_rows
from reports.forecast_whatif import what_if_rows

AS_OF_HELP = "last date used (default: the latest period in the data)"


def parsers(sub) -> list[argparse.ArgumentParser]:
    """The ``forecast`` subcommand (the employee prep page's right: store.features)."""
    fc = sub.add_parser("forecast", help="next period's forecast and the chance of making "
                                         "this month's (quarter's) target, per person and metric")
    fc.add_argument("--as-of", help=AS_OF_HELP)
    fc.add_argument("--format", choices=["csv", "json"], default="csv")
    fc.add_argument("--what-if", metavar="METRIC=AMOUNT",
                    help="each person's forecast of METRIC as it is and with its level moved by "
                         "AMOUNT (its own unit: +5 = 5 points on a rate in %%) from the next period "
                         "on; what that assumes is printed on stderr")
    fc.add_argument("--lang", choices=["en", "zh"], default="en",
                    help="language of the what-if's sentences")
    fc.set_defaults(func=cmd_forecast, feature="forecast")
    return [fc]


def what_if_arg(text: str) -> tuple[str, float]:
    """``METRIC=AMOUNT`` as (metric, amount); the last ``=`` splits (a name may hold one).

    Raises:
        ValueError: not of that form, or the amount is not a finite number.
    """
    metric, sep, amount = text.rpartition("=")
    try:
        value = float(amount.strip())
    except ValueError:
        value = math.nan
    if not sep or not metric.strip() or not math.isfinite(value):
        raise ValueError(text)
    return metric.strip(), value


def cmd_forecast(args: argparse.Namespace, con) -> int:
    """One row per (employee, metric) with enough history, CSV (formula-safe) or JSON; with
    ``--what-if``, one row per person forecast on that metric, as it is and shifted."""
    if args.what_if is not None:
        return _what_if(args, con)
    _emit(forecast_rows(con, as_of=as_of_arg(args.as_of)), args.format)
    return 0


def _what_if(args: argparse.Namespace, con) -> int:
    try:
        metric, shift = what_if_arg(args.what_if)
    except ValueError:
        print(t("wi.cli.bad", args.lang, text=args.what_if), file=sys.stderr)
        return 2
    try:
        rows = what_if_rows(con, metric, shift, as_of=as_of_arg(args.as_of))
    except UnknownMetric as exc:
        known = ("、" if args.lang == "zh" else ", ").join(exc.known) or "–"
        print(t("wi.cli.unknown", args.lang, metric=metric, known=known), file=sys.stderr)
        return 2
    fields = {"metric": metric, "shift": f"{shift:+g}"}
    print(t("wi.assumes", args.lang, **fields), file=sys.stderr)
    print(t("wi.cannot", args.lang, **fields), file=sys.stderr)
    _emit(rows, args.format)
    return 0


def _emit(rows: pd.DataFrame, fmt: str) -> None:
    for column in ("next_period", "target_period"):
        rows[column] = pd.to_datetime(rows[column]).dt.strftime("%Y-%m-%d")
    numbers = rows.select_dtypes("float").columns
    rows[numbers] = rows[numbers].round(4)
    emit(rows, fmt)
