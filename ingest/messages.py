"""Error codes in the words of the text catalogue: ``describe(code)`` renders ``ingest.<code>``
(i18n/import_files.py, i18n/import_lines.py) in English or Simplified Chinese.

``ingest`` itself raises codes and parameters (``IngestError``, a bad line's code, value and
column); the sentence is made only when someone reads it.
"""

from __future__ import annotations

import string

from i18n import has, t

# Whole-file problems the command line solves with a flag: ``cli.py import`` exits 2 for them.
NEEDS_FLAG: dict[str, str] = {"metric_needed": "--metric", "period_year_needed": "--year",
                              "ambiguous_kind": "--kind"}


class _Blank(dict):
    """Missing placeholders render as empty rather than raising KeyError."""

    def __missing__(self, key: str) -> str:
        """An empty string for any placeholder not given."""
        return ""


def describe(code: str, lang: str = "en", **params: object) -> str:
    """The sentence for ``code`` in ``lang`` ("en" or "zh"), placeholders filled; a code
    without its own sentence gets the general one that names it.

    Example:
        >>> describe("missing_field", "zh", field="employee_id")
        '此类文件必须包含“员工编号”，但没有列被指定为该字段。'
    """
    lang = "zh" if str(lang).lower().startswith("zh") else "en"
    key = f"ingest.{code}" if has(f"ingest.{code}") else "ingest.generic"
    values = _Blank({k: "" if v is None else str(v) for k, v in params.items()})
    values.setdefault("code", code)
    for name in ("file_grain", "workspace_grain"):  # a period's grain, in words
        if has(f"ingest.grain.{params.get(name)}"):
            values[name] = t(f"ingest.grain.{params[name]}", lang)
    if has(f"ingest.field.{params.get('field')}"):
        values["field"] = t(f"ingest.field.{params['field']}", lang)
    # the place a whole-file sentence is about: a named sheet, else the file
    values["where"] = (t("ingest.where.sheet", lang, sheet=params["sheet"]) if params.get("sheet")
                       else t("ingest.where.file", lang))
    # t without parameters gives the template: a sentence may name fewer fields than passed
    return string.Formatter().vformat(t(key, lang), (), values)
