"""The charts' specs as tests read them: validated by plotly, typed arrays decoded."""

from __future__ import annotations

import base64

import numpy as np
import plotly.graph_objects as go


def validated(spec: dict) -> go.Figure:
    """``spec`` as a plotly Figure: every property checked (an invalid one raises)."""
    return go.Figure(spec)


def values(array: object) -> list:
    """A trace's array as a list: typed arrays ({dtype, bdata}) decoded, lists kept."""
    if isinstance(array, dict) and "bdata" in array:
        return np.frombuffer(base64.b64decode(array["bdata"]), dtype=array["dtype"]).tolist()
    return list(array)
