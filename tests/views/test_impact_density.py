"""The HR page above SCATTER_MAX_PEOPLE (lowered here to 100, on a generated company of 300
agents, tests/company.py): the scatter's people counted in cells, said in words; each cell
holds the dots of the same page's scatter (drawn at the real limit) that fall in it."""

from __future__ import annotations

import base64
import json

import numpy as np
import pytest

from charts import limits
from i18n import t
from tests.company import build
from tests.views.conftest import make_app

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

PAGE = "views/impact.py"


@pytest.fixture(scope="module")
def company(tmp_path_factory):
    return build(tmp_path_factory.mktemp("company") / "company.duckdb")


def chart(at, key: str) -> dict | None:
    found = [json.loads(c.proto.spec) for c in at.get("plotly_chart") if key in str(c.proto.id)]
    return found[0] if found else None


def _numbers(values) -> np.ndarray:
    if isinstance(values, dict):  # plotly's typed array
        flat = np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"])
        shape = [int(n) for n in str(values.get("shape", len(flat))).split(",")]
        return flat.astype(float).reshape(shape)
    return np.array([[np.nan if v is None else v for v in row] if isinstance(row, list)
                     else np.nan if row is None else row for row in values], dtype=float)


def _dots(spec: dict) -> tuple[np.ndarray, np.ndarray]:
    traces = [d for d in spec["data"] if d.get("mode") == "markers"]
    return (np.concatenate([_numbers(d["x"]) for d in traces]),
            np.concatenate([_numbers(d["y"]) for d in traces]))


def _cell(centres: np.ndarray, value: float) -> int:
    half = (centres[1] - centres[0]) / 2 if len(centres) > 1 else 0.5
    index = np.searchsorted(centres - half, value, side="right") - 1
    return int(min(max(index, 0), len(centres) - 1))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_cells_count_the_scatters_dots(monkeypatch, company, lang):
    at = make_app(monkeypatch, company, PAGE, lang=lang)
    x, y = _dots(chart(at, "imp_scatter"))
    assert len(x) > 100
    monkeypatch.setattr(limits, "SCATTER_MAX_PEOPLE", 100)
    at = make_app(monkeypatch, company, PAGE, lang=lang)
    assert not at.exception
    assert chart(at, "imp_scatter") is None
    cells = chart(at, "imp_density")["data"][0]
    z = _numbers(cells["z"])
    assert np.nansum(z) == len(x)
    # Each dot into its cell, the cells' edges halfway between their centres (a dot on an
    # edge in the upper cell, the highest in the last): the same counts.
    hand = np.zeros_like(z)
    for sx, sy in zip(x, y, strict=True):
        hand[_cell(_numbers(cells["y"]), sy), _cell(_numbers(cells["x"]), sx)] += 1
    assert np.array_equal(np.nan_to_num(z), hand)
    said = t("big5k.density_note", lang=lang, n=f"{len(x):,}", most="100")
    assert said in [c.value for c in at.caption]
