"""charts.png: a valid PNG whose bars are as long as their values, Chinese drawn as Chinese (not
boxes), long labels cut, and a clear refusal without the font."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from analytics.coaching import REASONS
from charts.png import (
    BAR,
    PAD,
    REFERENCE,
    ROW,
    TOP,
    WIDTH,
    BarChart,
    FontMissing,
    cjk_font,
    render_png,
)
from i18n import t

LEFT = PAD + 190  # the label column's least width


def _pixels(chart: BarChart) -> np.ndarray:
    image = Image.open(io.BytesIO(render_png(chart)))
    assert image.format == "PNG"
    assert image.size == (WIDTH, TOP + ROW * len(chart.values) + 34)
    return np.asarray(image.convert("RGB"))


def _is(pixels: np.ndarray, color: str) -> np.ndarray:
    return (pixels == tuple(int(color[i:i + 2], 16) for i in (1, 3, 5))).all(axis=-1)


@pytest.mark.parametrize(("values", "reference"), [
    ((0.25, 0.5, 1.0), 0.9), ((3.0, 1.0, 2.0, 7.0), None), ((0.95, 1.2), 0.8)])
def test_bars_are_as_long_as_their_values(values, reference):
    chart = BarChart("t", tuple(f"p{i}" for i in range(len(values))), values, unit="%",
                     reference=reference, reference_label="ref")
    pixels = _pixels(chart)
    top = max(*values, reference or 0)
    per_unit = (WIDTH - PAD - 56 - LEFT) / top
    for i, value in enumerate(values):
        blue = np.flatnonzero(_is(pixels[TOP + i * ROW + ROW // 2], BAR))
        assert blue.min() == LEFT
        assert blue.max() - blue.min() + 1 == pytest.approx(value * per_unit, abs=1.5)
    red = np.flatnonzero(_is(pixels[TOP + ROW // 2], REFERENCE))
    if reference is None:
        assert len(red) == 0
    else:
        assert red.mean() == pytest.approx(LEFT + reference * per_unit, abs=1.5)


def _label_area(label: str) -> np.ndarray:
    pixels = _pixels(BarChart("", (label,), (1.0,)))
    return pixels[TOP:TOP + ROW, PAD:LEFT - 8]


def test_chinese_is_drawn_as_chinese_not_as_boxes():
    # Missing glyphs all draw as the same box: two different characters would look alike.
    wang, li = _label_area("王"), _label_area("李")
    assert (wang < 128).any()
    assert (li < 128).any()
    assert (wang != li).any()


def test_a_long_label_stays_in_its_column():
    # The column grows with its longest label up to 45% of the picture, then labels are cut.
    pixels = _pixels(BarChart("", ("客户满意度" * 20,), (1.0,)))
    row = pixels[TOP + ROW // 2]
    bar = np.flatnonzero(_is(row, BAR)).min()
    assert bar == PAD + int(WIDTH * 0.45)
    dark = np.flatnonzero((pixels[TOP:TOP + ROW, PAD:bar] < 128).any(axis=(0, 2)))
    assert dark.max() < bar - PAD - 8


def _ink_width(text: str) -> int:
    """How wide ``text`` draws alone at the chart's 13 px, measured on its own picture."""
    path, index = cjk_font()
    image = Image.new("RGB", (WIDTH * 2, ROW), "white")
    ImageDraw.Draw(image).text((0, 6), text, fill="black",
                               font=ImageFont.truetype(path, 13, index=index))
    dark = np.flatnonzero((np.asarray(image) < 128).any(axis=(0, 2)))
    return int(dark.max() - dark.min() + 1)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_flag_reason_is_drawn_whole(lang):
    # The digest's chart of people per reason read "Under target several period…".
    labels = tuple(t(f"mgr.reason.{r}", lang) for r in REASONS)
    pixels = _pixels(BarChart("", labels, tuple(1.0 for _ in labels)))
    for i, label in enumerate(labels):
        band = pixels[TOP + i * ROW:TOP + (i + 1) * ROW]
        bar = np.flatnonzero(_is(band[ROW // 2], BAR)).min()
        dark = np.flatnonzero((band[:, PAD:bar] < 128).any(axis=(0, 2)))
        assert dark.max() - dark.min() + 1 == pytest.approx(_ink_width(label), abs=1), label


@pytest.mark.parametrize(("labels", "values"), [((), ()), (("a", "b"), (1.0,))])
def test_a_chart_needs_one_value_per_label(labels, values):
    with pytest.raises(ValueError, match="one value per label"):
        BarChart("t", labels, values)


def test_the_font_can_be_named_and_a_wrong_name_is_a_sentence(monkeypatch, tmp_path):
    path, index = cjk_font()  # the installed Noto Sans CJK (CI: make system-deps)
    monkeypatch.setenv("COACHBOARD_FONT", f"{path}:{index}")
    assert cjk_font() == (path, index)
    monkeypatch.setenv("COACHBOARD_FONT", str(tmp_path / "none.ttc"))
    with pytest.raises(FontMissing, match=r"none\.ttc, which does not exist"):
        render_png(BarChart("t", ("a",), (1.0,)))


@pytest.mark.parametrize("note", [
    "Bar: a group's attainment of its target on a metric, lowest first, of 12 cells; left of "
    "the line is red. 2 more in the app.",
    "条形：某组在某指标上的目标达成率，由低到高，共 12 格；红线左侧为红色。另有 2 项，见应用。" * 2])
def test_a_long_note_wraps_inside_the_picture(note):
    pixels = _pixels_any(BarChart("t", ("a",), (1.0,), note=note))
    below = pixels[TOP + ROW:]
    rows = np.flatnonzero((below < 200).any(axis=(1, 2)))
    cols = np.flatnonzero((below < 200).any(axis=(0, 2)))
    assert cols.max() < WIDTH - PAD + 2  # nothing cut at the right edge
    assert rows.max() - rows.min() > 20  # two lines or more
    assert below.shape[0] > 34


def _pixels_any(chart: BarChart) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(render_png(chart))).convert("RGB"))


def test_without_fontconfig_the_debian_path_is_used(monkeypatch, tmp_path):
    """CI's fresh machine may lack fc-list (chromium needs only libfontconfig1)."""
    from charts import png

    monkeypatch.delenv("COACHBOARD_FONT", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))  # no fc-list to run
    png._installed.cache_clear()
    try:
        assert png._fontconfig() is None
        path, index = png.cjk_font()
    finally:
        png._installed.cache_clear()
    assert (path, index) == png.KNOWN[0]
    assert ImageFont.truetype(path, 12, index=index).getname()[0] == "Noto Sans CJK SC"
