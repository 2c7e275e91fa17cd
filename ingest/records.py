"""Records of a decoded text with the ``csv`` module, and finding the header among them."""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Iterator

import numpy as np
import pandas as pd

from ingest.header_words import header_score
from ingest.model import IngestError, RawTable
from ingest.notes import Note

DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")
HEADER_SEARCH = 10  # title rows above the header: look this far down for the header

Row = list[str | None]

# The csv module refuses fields over 128 KiB by default; a long note is still a valid cell.
csv.field_size_limit(2**31 - 1)


def sniff_delimiter(text: str) -> str:
    """The delimiter giving the most rows with the same (>1) field count in the first lines.

    ``csv.Sniffer`` is fooled by title rows and by commas inside Chinese text, so we count.
    """
    sample = [line for line in text.split("\n", 40)[:40] if line.strip()]
    best, best_score = ",", (0, 0)
    for delim in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(sample, delimiter=delim) if r]
        except csv.Error:
            continue
        if not widths:
            continue
        width, freq = Counter(widths).most_common(1)[0]
        score = (freq, width) if width > 1 else (0, 0)
        if score > best_score:
            best, best_score = delim, score
    return best


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text`` (LF ends kept), produced lazily."""
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos) + 1 or len(text)
        yield text[pos:end]
        pos = end


def text_rows(text: str, delimiter: str, limit: int = 0) -> tuple[list[Row], list[int], list[int]]:
    """Stripped cells of every non-blank record (the first ``limit`` when > 0), the file line
    where each starts and the last line it uses (a quoted newline spans several lines)."""
    # The first records only: hand the reader lines one by one instead of copying the text.
    source = _lines(text) if limit else io.StringIO(text, newline="")
    reader = csv.reader(source, delimiter=delimiter)
    rows: list[Row] = []
    lines: list[int] = []
    ends: list[int] = []
    prev = 0
    try:
        for record in reader:
            start, prev = prev + 1, reader.line_num
            cells = [c.strip() or None for c in record]
            if any(cells):
                rows.append(cells)
                lines.append(start)
                ends.append(prev)
                if len(rows) == limit:
                    break
    except csv.Error as exc:  # e.g. an unterminated quote at the very end
        raise IngestError("unreadable_encoding") from exc
    return rows, lines, ends


def pick_header(rows: list[Row]) -> int:
    """Index of the header among the first rows: most known header words, else widest."""
    head = rows[:HEADER_SEARCH]
    scores = [header_score(r) for r in head]
    if max(scores) > 0:
        return scores.index(max(scores))
    widths = [sum(c is not None for c in r) for r in head]
    return widths.index(max(widths))


def unique_names(header: Row, width: int) -> list[str]:
    """Header names, empty ones as ``column_N`` (made unique: ``column_3.2``).

    Raises:
        IngestError("duplicate_header"): two columns have the same header (``value,value``):
            which one is meant cannot be guessed.
    """
    names: list[str] = []
    seen: set[str] = set()
    first: dict[str, int] = {}
    for i in range(width):
        given = header[i] if i < len(header) else None
        if given and given in first:
            raise IngestError("duplicate_header", column=given, first=first[given] + 1,
                              second=i + 1)
        if given:
            first[given] = i
        base = given or f"column_{i + 1}"
        name, n = base, 2
        while name in seen:
            name, n = f"{base}.{n}", n + 1
        seen.add(name)
        names.append(name)
    return names


def trim(row: Row) -> Row:
    """Drop trailing empty cells so a trailing delimiter does not invent a column."""
    end = len(row)
    while end and row[end - 1] is None:
        end -= 1
    return row if end == len(row) else row[:end]


def titles_above(rows: list[Row], h: int) -> list[str]:
    """The text of each non-blank line above the header row (a title, a unit line)."""
    return [" ".join(c for c in rows[i] if c) for i in range(h)]


def notes_above(rows: list[Row], lines: list[int], h: int) -> list[str]:
    """One note per non-blank line above the header row."""
    return [Note("above_header", line=lines[i], text=text)
            for i, text in enumerate(titles_above(rows, h))]


def build_table(rows: list[Row], lines: list[int], **meta: object) -> RawTable:
    """Find the header, square the rows up and wrap them in a ``RawTable``."""
    if not rows:
        raise IngestError("no_rows")
    h = pick_header(rows)
    header, data = trim(rows[h]), [trim(r) for r in rows[h + 1 :]]
    if not data:
        raise IngestError("no_rows")
    width = max(len(header), *(len(r) for r in data))
    data = [r if len(r) == width else r + [None] * (width - len(r)) for r in data]
    frame = pd.DataFrame(data, columns=unique_names(header, width), dtype="str")
    return RawTable(frame=frame, lines=np.array(lines[h + 1 :], dtype="int64"), header_line=lines[h],
                    notes=notes_above(rows, lines, h), titles=titles_above(rows, h),
                    **meta)  # type: ignore[arg-type]
