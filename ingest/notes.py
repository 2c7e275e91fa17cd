"""The notes an import shows (lines skipped, repeats, partial periods), in English and Chinese.

A ``Note`` is a ``str`` holding the English sentence (so logs and older callers keep reading
it) that also carries its code and parameters, so a page or the CLI can render it in the
viewer's language with ``render``.
"""

# ruff: noqa: RUF001, RUF100

from __future__ import annotations

from i18n.imports16 import NOTES as IMPORTS16_NOTES

_MAX_LISTED = 10  # lines named in one note; more are "..."

# code -> (English, 简体中文)
NOTE_TEXTS: dict[str, tuple[str, str]] = {
    "total_row": ("Line {line} looks like a total row and was not imported.",
                  "第 {line} 行看起来是合计行，未导入。"),
    "repeated_lines": ("Values repeating an earlier line exactly were imported once ({lines})",
                       "与前面某行完全相同的数值只导入了一次（{lines}）"),
    "above_header": ("Line {line} is above the header and was skipped: {text}",
                     "第 {line} 行在表头上方，已跳过：{text}"),
    "partial_one": ("The file covers {first} to {last}: the {grain} starting {shown} is only "
                    "partly in it, so its values were {fate}.",
                    "文件涵盖 {first} 至 {last}：从 {shown} 开始的{grain}只有部分在文件中，"
                    "因此其数值{fate}。"),
    "partial_many": ("The file covers {first} to {last}: the {grain}s starting {shown} are only "
                     "partly in it, so their values were {fate}.",
                     "文件涵盖 {first} 至 {last}：从 {shown} 开始的各{grain}只有部分在文件中，"
                     "因此其数值{fate}。"),
}
NOTE_TEXTS.update(IMPORTS16_NOTES)
# Words inside the notes above: code -> (English, 简体中文)
_WORDS: dict[str, tuple[str, str]] = {
    "kept": ("kept and marked partial (trends and flags leave them out)",
             "已保留并标记为不完整（趋势和提醒不计入）"),
    "left_out": ("left out (include partial periods to keep them)",
                 "未计入（勾选包含不完整周期即可保留）"),
    "week": ("week", "周"), "month": ("month", "月"), "quarter": ("quarter", "季度"),
    "day": ("day", "日"), "year": ("year", "年"),
    "line": ("line", "第"), "lines": ("lines", "第"),
}


def _i(lang: str) -> int:
    return 1 if str(lang).lower().startswith("zh") else 0


def _word(code: object, i: int) -> str:
    pair = _WORDS.get(str(code))
    return pair[i] if pair else str(code)


def _lines(lines: list[int], i: int) -> str:
    """``lines 5, 9, ...`` / ``第 5、9…… 行``, naming at most ``_MAX_LISTED`` lines."""
    shown = [str(n) for n in lines[:_MAX_LISTED]]
    more = len(lines) > _MAX_LISTED
    if i:
        return "第 " + "、".join(shown) + ("……" if more else "") + " 行"
    return f"line{'s' if len(lines) > 1 else ''} " + ", ".join(shown) + (", ..." if more else "")


def _fill(code: str, i: int, params: dict) -> str:
    values = dict(params)
    if "lines" in values:
        values["lines"] = _lines(list(values["lines"]), i)
    for key in ("fate", "grain"):
        if key in values:
            values[key] = _word(values[key], i)
    if i and "shown" in values:
        values["shown"] = values["shown"].replace(", ...", "……").replace(", ", "、")
    return NOTE_TEXTS[code][i].format(**values)


class Note(str):
    """An import note: the English sentence, plus ``code`` and ``params`` to translate it."""

    code: str
    params: dict

    def __new__(cls, code: str, **params: object) -> Note:
        note = super().__new__(cls, _fill(code, 0, params))
        note.code, note.params = code, params
        return note

    def __reduce__(self) -> tuple:
        """Pickle/copy as code + params (``str`` would rebuild from the sentence alone)."""
        return _rebuild, (self.code, self.params)

    def render(self, lang: str = "en") -> str:
        """The sentence in ``lang`` ("en" or "zh")."""
        return _fill(self.code, _i(lang), self.params)


def _rebuild(code: str, params: dict) -> Note:
    return Note(code, **params)


def render(note: object, lang: str = "en") -> str:
    """Any note in ``lang``: a ``Note`` translated, older plain text as it is."""
    return note.render(lang) if isinstance(note, Note) else str(note)
