"""``cli.py forecast``: each person's forecast and this month's (quarter's) target outlook."""

from __future__ import annotations

import argparse

import pandas as pd

from commands.views import as_of_arg, emit

AS_OF_HELP = "last date used (default: the latest period in the data)"


def parsers(sub) -> list[argparse.ArgumentParser]:
    """The ``forecast`` subcommand (the employee prep page's right: store.features)."""
    fc = sub.add_parser("forecast", help="next period's forecast and the chance of making "
                                         "this month's (quarter's) target, per person and metric")
    fc.add_argument("--as-of", help=AS_OF_HELP)
    fc.add_argument("--format", choices=["csv", "json"], default="csv")
    fc.set_defaults(func=cmd_forecast, feature="forecast")
    return [fc]


def cmd_forecast(args: argparse.Namespace, con) -> int:
    """One row per (employee, metric) with enough history, CSV (formula-safe) or JSON."""
    from reports.forecast import forecast_rows

    rows = forecast_rows(con, as_of=as_of_arg(args.as_of))
    for column in ("next_period", "target_period"):
        rows[column] = pd.to_datetime(rows[column]).dt.strftime("%Y-%m-%d")
    numbers = rows.select_dtypes("float").columns
    rows[numbers] = rows[numbers].round(4)
    emit(rows, args.format)
    return 0
