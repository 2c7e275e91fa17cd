"""A horizontal bar chart as PNG bytes, drawn with Pillow: no browser, no JavaScript, no SVG.

E-mail clients show neither SVG nor script, so the digest's key chart travels as an inline PNG
(multipart/related, ``cid:``). Labels are user text (names, teams, metric names) and may be
Chinese: they are drawn with Noto Sans CJK (``fonts-noto-cjk``; ``make system-deps``), found by
fontconfig or at its usual paths, or at ``$COACHBOARD_FONT``. Without it the chart is refused
with a sentence naming the package: boxes instead of names would be worse than no chart.
"""

from __future__ import annotations

import io
import os
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from PIL import Image, ImageDraw, ImageFont

BAR, REFERENCE, INK, GRID, MUTED = "#2563eb", "#dc2626", "#111827", "#e5e7eb", "#4b5563"
WIDTH, ROW, TOP, BOTTOM, PAD, NOTE_LINE = 640, 30, 64, 34, 12, 18
LABEL_MIN = 190
FAMILY = "Noto Sans CJK SC"
KNOWN = (("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),  # Debian, Ubuntu
         ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),  # Arch, Alpine
         ("/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc", 2))  # Fedora


class FontMissing(RuntimeError):
    """No Noto Sans CJK font to draw Chinese labels with."""


@dataclass(frozen=True)
class BarChart:
    """Bars with their labels, in the order given; every text already in the reader's words.

    ``unit`` "%" draws values 0-1 as percentages; ``reference`` is a vertical line (a target,
    a threshold) with its own label.
    """

    title: str
    labels: tuple[str, ...]
    values: tuple[float, ...]
    unit: str = ""
    reference: float | None = None
    reference_label: str = ""
    note: str = ""  # a line under the bars: the window, n, what a bar is

    def __post_init__(self) -> None:
        if len(self.labels) != len(self.values) or not self.labels:
            raise ValueError("a bar chart needs one value per label, and at least one bar")


def _fontconfig() -> tuple[str, int] | None:
    try:
        out = subprocess.run(["fc-list", f"{FAMILY}:style=Regular", "-f", "%{file}|%{index}\n"],
                             capture_output=True, text=True, timeout=10, check=False).stdout
    except (OSError, subprocess.TimeoutExpired):  # no fontconfig tools: try the known paths
        return None
    for line in out.splitlines():
        path, _, index = line.partition("|")
        if path and os.path.exists(path):
            return path, int(index or 0)
    return None


@lru_cache(maxsize=1)
def _installed() -> tuple[str, int] | None:
    return _fontconfig() or next(((p, i) for p, i in KNOWN if os.path.exists(p)), None)


def cjk_font() -> tuple[str, int]:
    """(font file, face index) of Noto Sans CJK SC; ``$COACHBOARD_FONT`` (``FILE[:INDEX]``)
    names another.

    Raises:
        FontMissing: ``$COACHBOARD_FONT`` names no file, or no such font is installed.
    """
    chosen = os.environ.get("COACHBOARD_FONT")
    if chosen:
        path, _, index = chosen.partition(":")
        if not os.path.exists(path):
            raise FontMissing(f"COACHBOARD_FONT names {path}, which does not exist")
        return path, int(index or 0)
    found = _installed()
    if found is None:
        raise FontMissing(f"the {FAMILY} font is missing: install the Debian package "
                          "fonts-noto-cjk (make system-deps) or set COACHBOARD_FONT to its file")
    return found


def _font(size: int) -> ImageFont.FreeTypeFont:
    path, index = cjk_font()
    return ImageFont.truetype(path, size, index=index)


def _fit(draw: ImageDraw.ImageDraw, text: str, font, width: float) -> str:
    """``text`` cut with an ellipsis to ``width`` pixels."""
    if draw.textlength(text, font=font) <= width:
        return text
    while text and draw.textlength(text + "…", font=font) > width:
        text = text[:-1]
    return text + "…"


def _label_width(draw: ImageDraw.ImageDraw, labels, font) -> int:
    """The label column: wide enough for the longest label (a flag reason read "Under target
    several period…" in 190 px), at most 45% of the chart so the bars keep their room."""
    longest = max((draw.textlength(text, font=font) for text in labels), default=0.0)
    return int(min(max(LABEL_MIN, longest + 10), WIDTH * 0.45))


def _wrap(draw: ImageDraw.ImageDraw, text: str, font, width: float) -> list[str]:
    """``text`` in lines of at most ``width`` pixels, broken at the last space that fits
    (English) or anywhere (Chinese has no spaces between words)."""
    lines, line = [], ""
    for char in text:
        if line and draw.textlength(line + char, font=font) > width:
            cut = line.rfind(" ")
            head, line = (line[:cut], line[cut + 1:]) if cut > 0 else (line, "")
            lines.append(head)
        line += char
    return [*lines, line] if line.strip() else lines


def _shown(value: float, unit: str) -> str:
    return f"{value * 100:.0f}%" if unit == "%" else f"{value:,.1f}".rstrip("0").rstrip(".")


def render_png(chart: BarChart) -> bytes:
    """The chart as PNG bytes, ``WIDTH`` px wide, one ``ROW`` per bar.

    Raises:
        FontMissing: see :func:`cjk_font`.
    """
    small, big = _font(13), _font(16)
    note = _wrap(ImageDraw.Draw(Image.new("RGB", (1, 1))), chart.note, small, WIDTH - 2 * PAD)
    height = TOP + ROW * len(chart.labels) + BOTTOM + NOTE_LINE * max(len(note) - 1, 0)
    image = Image.new("RGB", (WIDTH, height), "white")
    draw = ImageDraw.Draw(image)
    label_w, value_w = _label_width(draw, chart.labels, small), 56
    left, right = PAD + label_w, WIDTH - PAD - value_w
    top_value = max([*chart.values, chart.reference or 0.0, 1e-9])
    scale = (right - left) / top_value
    draw.text((PAD, 10), _fit(draw, chart.title, big, WIDTH - 2 * PAD), font=big, fill=INK)
    for i, (label, value) in enumerate(zip(chart.labels, chart.values, strict=True)):
        y = TOP + i * ROW
        draw.line([(left, y + ROW - 1), (right, y + ROW - 1)], fill=GRID)
        draw.text((PAD, y + 6), _fit(draw, label, small, label_w - 8), font=small, fill=INK)
        length = max(value, 0.0) * scale
        if length >= 1:
            draw.rectangle([left, y + 7, left + length - 1, y + ROW - 8], fill=BAR)
        draw.text((left + length + 6, y + 6), _shown(value, chart.unit), font=small, fill=MUTED)
    if chart.reference is not None:  # over the bars, so a bar short of it shows the gap
        x = left + chart.reference * scale
        draw.line([(x, TOP - 8), (x, TOP + ROW * len(chart.labels))], fill=REFERENCE, width=2)
        draw.text((min(x + 4, WIDTH - 160), TOP - 26), chart.reference_label, font=small,
                  fill=REFERENCE)
    for i, line in enumerate(note):
        draw.text((PAD, TOP + ROW * len(chart.labels) + 10 + i * NOTE_LINE), line, font=small,
                  fill=MUTED)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
