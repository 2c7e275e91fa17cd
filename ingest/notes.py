"""The notes an import shows (lines skipped, repeats, partial periods), in English and Chinese.

A ``Note`` is a ``str`` holding the English sentence (so logs and older callers keep reading
it) that also carries its code and parameters, so a page or the CLI can render it in the
viewer's language with ``render``. The sentences are the catalogue's ``note.<code>``
(i18n/import_notes.py).
"""

from __future__ import annotations

from i18n import has, t

_MAX_LISTED = 10  # lines named in one note; more are "..."


def _lang(lang: str) -> str:
    return "zh" if str(lang).lower().startswith("zh") else "en"


def _word(code: object, lang: str) -> str:
    """A partial period's fate or a grain in words; anything else as it is."""
    return t(f"note.word.{code}", lang) if has(f"note.word.{code}") else str(code)


def _lines(lines: list[int], lang: str) -> str:
    """``lines 5, 9, ...`` / ``第 5、9…… 行``, naming at most ``_MAX_LISTED`` lines."""
    shown = [str(n) for n in lines[:_MAX_LISTED]]
    more = len(lines) > _MAX_LISTED
    listed = ("、".join(shown) + ("……" if more else "") if lang == "zh"
              else ", ".join(shown) + (", ..." if more else ""))
    return t("note.lines" if len(lines) > 1 else "note.line", lang, lines=listed)


def _fill(code: str, lang: str, params: dict) -> str:
    values = dict(params)
    if "lines" in values:
        values["lines"] = _lines(list(values["lines"]), lang)
    for key in ("fate", "grain"):
        if key in values:
            values[key] = _word(values[key], lang)
    if lang == "zh" and "shown" in values:
        values["shown"] = values["shown"].replace(", ...", "……").replace(", ", "、")
    return t(f"note.{code}", lang, **values)


class Note(str):
    """An import note: the English sentence, plus ``code`` and ``params`` to translate it."""

    code: str
    params: dict

    def __new__(cls, code: str, **params: object) -> Note:
        note = super().__new__(cls, _fill(code, "en", params))
        note.code, note.params = code, params
        return note

    def __reduce__(self) -> tuple:
        """Pickle/copy as code + params (``str`` would rebuild from the sentence alone)."""
        return _rebuild, (self.code, self.params)

    def render(self, lang: str = "en") -> str:
        """The sentence in ``lang`` ("en" or "zh")."""
        return _fill(self.code, _lang(lang), self.params)


def _rebuild(code: str, params: dict) -> Note:
    return Note(code, **params)


def render(note: object, lang: str = "en") -> str:
    """Any note in ``lang``: a ``Note`` translated, older plain text as it is."""
    return note.render(lang) if isinstance(note, Note) else str(note)
