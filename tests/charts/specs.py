"""The charts' specs as tests read them: validated by plotly, typed arrays decoded."""

from __future__ import annotations

import base64
import math
import re

import numpy as np
import pandas as pd
import plotly.graph_objects as go


def validated(spec: dict) -> go.Figure:
    """``spec`` as a plotly Figure: every property checked (an invalid one raises)."""
    return go.Figure(spec)


def values(array: object) -> list:
    """A trace's array as a list: typed arrays ({dtype, bdata, shape}) decoded, lists kept."""
    if isinstance(array, dict) and "bdata" in array:
        flat = np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"])
        shape = [int(n) for n in str(array.get("shape", flat.size)).split(",")]
        return flat.reshape(shape).tolist()
    return list(array)


DATE = re.compile(r"\d{4}-\d\d-\d\d(T00:00:00(\.0+)?)?")


def meaning(value: object) -> object:
    """A figure's JSON compared by meaning: typed arrays decoded, dates as timestamps, NaN as
    "nan" (equal to itself), templates left out."""
    if isinstance(value, dict) and "bdata" in value:
        return meaning(values(value))
    if isinstance(value, dict):
        return {k: meaning(v) for k, v in value.items() if k != "template"}
    if isinstance(value, list | tuple):
        return [meaning(v) for v in value]
    if isinstance(value, str) and DATE.fullmatch(value):
        return pd.Timestamp(value)
    return "nan" if isinstance(value, float) and math.isnan(value) else value
