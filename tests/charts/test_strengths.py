"""Strength bars: direction-aware z per metric, best on top, strength and weakness named."""

import pandas as pd
import pytest

from charts.strengths import BAD, GOOD
from charts.strengths import strength_bars as spec_of
from charts.style import wrapped
from i18n import t
from tests.charts.specs import validated, values

METRICS = pd.DataFrame({"metric": ["AHT", "CSAT", "FCR", "tickets"],
                        "z": [1.5, -2.0, None, 0.25]})


def strength_bars(*args, **kwargs):
    return validated(spec_of(*args, **kwargs))


def test_bars_sorted_and_coloured():
    bar = strength_bars(METRICS, title="", axis_label="z", strength="AHT", weakness="CSAT",
                        strength_label="优势", weakness_label="短板").data[0]
    assert list(bar.y) == ["<b>CSAT</b> · 短板", "tickets", "<b>AHT</b> · 优势"]  # FCR: no z
    assert values(bar.x) == [-2.0, 0.25, 1.5]
    assert list(bar.marker.color) == [BAD, GOOD, GOOD]
    assert list(bar.text) == ["-2.00", "+0.25", "+1.50"]


def test_axis_is_symmetric_with_room_for_the_text():
    fig = strength_bars(METRICS, title="", axis_label="z")
    assert list(fig.layout.xaxis.range) == [-3.2, 3.2]
    assert fig.data[0].cliponaxis is False


def test_missing_column_is_refused():
    with pytest.raises(ValueError, match="'z'"):
        strength_bars(METRICS.drop(columns="z"), title="", axis_label="z")


@pytest.mark.parametrize("z", [[0.5, None, 0.5, -1.0, 0.5], [None, None], [2.0, -2.0, 0.0, 2.0]])
def test_bars_in_pandas_order_ties_too(z):
    metrics = pd.DataFrame({"metric": [f"m{i}" for i in range(len(z))], "z": z})
    bar = strength_bars(metrics, title="", axis_label="z").data[0]
    expected = metrics.dropna(subset=["z"]).sort_values("z")
    assert list(bar.y or []) == expected["metric"].tolist()
    assert values(bar.x) == expected["z"].tolist()


def width_px(line: str) -> int:
    """The 13 px font's width, counted here apart from charts.style: CJK 13 px, others 7."""
    return sum(13 if ch >= "\u2e80" else 7 for ch in line)


# At a phone's 390 px the plot beside the metric names is about 185 px wide: the one-line
# title ran off the chart ("+ = bette").
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_axis_title_fits_a_phone_every_word_kept(lang):
    label = t("mchart.employee_z", lang)
    fig = strength_bars(METRICS, title="", axis_label=label)
    lines = fig.layout.xaxis.title.text.split("<br>")
    assert len(lines) == 2, lines
    assert all(width_px(line) <= 160 for line in lines), lines
    assert all(line == line.strip() and line for line in lines)
    assert "".join(lines).replace(" ", "") == label.replace(" ", "")  # nothing lost or added
    one_line = strength_bars(METRICS, title="", axis_label="z")
    # the second line has its own room, and the bars keep theirs
    assert fig.layout.margin.b >= one_line.layout.margin.b + 16
    assert fig.layout.height - fig.layout.margin.b == (one_line.layout.height
                                                        - one_line.layout.margin.b)


@pytest.mark.parametrize(("text", "px", "lines"), [
    ("z", 160, ["z"]),
    ("Compared with the team (z, + = better)", 160, ["Compared with the team",
                                                     "(z, + = better)"]),
    ("与团队相比（z 值，+ = 更好）", 160, ["与团队相比", "（z 值，+ = 更好）"]),
    ("Position in the team (z-score, right = better)", 120,
     ["Position in the", "team", "(z-score, right =", "better)"]),
    ("averyveryverylongword x", 70, ["averyveryverylongword", "x"]),
])
def test_wrapped_lines(text, px, lines):
    out = wrapped(text, px).split("<br>")
    assert out == lines
    assert all(width_px(line) <= px for line in out if " " in line)
