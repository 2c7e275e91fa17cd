"""The one text catalogue: every key in both languages with the same placeholders, defined
once, named by some code, and every key the code names or builds is defined.

The app's code is read, not run (tests/i18n_scan.py): every string constant outside docstrings
counts as a use of the key it spells; the tests and the catalogue's own dicts are not the app's
code, so a key only they name is unused. A key built with an f-string
(``t(f"mgr.reason.{r}", lang)``, or ``f"emp.col.{c}"`` handed on in a dict) is used when
declared in ``DYNAMIC`` (tests/i18n_dynamic.py) with every value it can take, and each of
those keys must exist.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from i18n import MissingText, t
from i18n.texts import PARTS, TEXTS
from tests.i18n_dynamic import CODES, DECLARED
from tests.i18n_scan import catalogue_dicts, expand, scan, unused

ROOT = Path(__file__).resolve().parents[1]
# the declared patterns, and those whose values the scan finds (below)
DYNAMIC: dict[str, tuple] = dict(DECLARED)


FOUND = scan(ROOT)
CONSTANTS, LITERAL, BUILT = FOUND.constants, FOUND.literal, FOUND.built


def _codes(namespace: str) -> tuple[str, ...]:
    """The codes of ``namespace`` that the code names bare (``IngestError("ask_grain")``,
    ``Note("total_row")``, a bad cell's ``"not_a_number"``): their sentence is
    ``<namespace><code>``, looked up when someone reads it. A code with no sentence gets the
    general one (``ingest.generic``), so only the other way round is checked: a sentence whose
    code the code never names is unused."""
    named = CONSTANTS | {code for p, values in CODES.items() for code in expand(p, values)}
    codes = (key.removeprefix(namespace) for key in TEXTS if key.startswith(namespace))
    return tuple(code for code in codes if "." not in code and code in named)


DYNAMIC["ingest.{}"] = _codes("ingest.")  # ingest.describe
DYNAMIC["note.{}"] = _codes("note.")  # ingest.notes.Note
# An entry error's sentence is cl.error.<field>.<code> (ui.coaching.entry_error): every
# EntryError(field, code) the code raises.
DYNAMIC["cl.error.{}.{}"] = tuple(args[:2] for args in FOUND.calls["EntryError"]
                                  if f"cl.error.{args[0]}.{args[1]}" in TEXTS)


def _expand(pattern: str) -> list[str]:
    return expand(pattern, DYNAMIC[pattern])


def _defined_in_source() -> list[tuple[str, str]]:
    """(key, module) for every key written in an i18n module's source, repeats included (a
    dict literal keeps only the last of two equal keys, so the merged dict cannot tell)."""
    found = []
    for path in sorted((ROOT / "i18n").glob("*.py")):
        for node in catalogue_dicts(ast.parse(path.read_text(encoding="utf-8"))):
            found += [(k.value, path.stem) for k in node.keys if isinstance(k, ast.Constant)]
    return found


def test_no_key_is_defined_twice():
    seen: dict[str, str] = {}
    clashes = []
    for key, module in _defined_in_source():
        if key in seen:
            clashes.append(f"{key} ({seen[key]} and {module})")
        seen[key] = module
    assert not clashes, clashes
    assert set(TEXTS) <= set(seen)
    assert len(TEXTS) == sum(map(len, PARTS.values()))


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_have_the_same_placeholders(key):
    pair = TEXTS[key]
    assert isinstance(pair, tuple), f"{key} is not (English, Chinese)"
    assert len(pair) == 2, f"{key} is not (English, Chinese)"
    en, zh = pair
    assert isinstance(en, str), key
    assert isinstance(zh, str), key
    fields = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (en, zh)]
    assert en.strip(), f"{key} has no English text"
    assert zh.strip(), f"{key} has no Chinese text"
    assert fields[0] == fields[1], f"{key}: {fields[0]} vs {fields[1]}"


def test_every_key_the_code_names_is_defined():
    missing = sorted({f"{key} ({where})" for key, where in LITERAL if key not in TEXTS})
    assert not missing, missing


def test_every_key_the_code_builds_is_declared():
    undeclared = sorted({f"{pattern} ({where})" for pattern, where in BUILT
                         if pattern not in DYNAMIC})
    assert not undeclared, f"add these patterns and their values to DYNAMIC: {undeclared}"


@pytest.mark.parametrize("pattern", sorted(DYNAMIC))
def test_every_declared_key_is_defined_and_built(pattern):
    assert pattern in FOUND.patterns, f"no code builds {pattern}: drop it from DYNAMIC"
    missing = [key for key in _expand(pattern) if key not in TEXTS]
    assert not missing, missing


@pytest.mark.parametrize("pattern", sorted(CODES))
def test_every_declared_code_is_built(pattern):
    assert pattern in FOUND.patterns, f"no code builds {pattern}: drop it from CODES"


def test_every_defined_key_is_used():
    assert not (found := unused(TEXTS, FOUND, DYNAMIC)), f"no code uses these keys: {found}"


@pytest.mark.parametrize("planted", ["planted.never_used", "mgr.reason.no_such_reason",
                                     "cl.error.goal.no_such_code"])
def test_a_key_planted_in_the_catalogue_is_reported_unused(planted):
    """The check can fail: a copy of the catalogue with one key no code names or builds (even
    beside keys of a declared pattern) reports exactly that key."""
    assert unused({**TEXTS, planted: ("x", "x")}, FOUND, DYNAMIC) == [planted]


def test_an_unknown_key_is_an_error_not_a_text():
    with pytest.raises(MissingText, match=r"no\.such\.key"):
        t("no.such.key", "zh")
    with pytest.raises(ValueError, match="lang"):
        t("nav.overview", "de")


@pytest.mark.parametrize(("key", "lang", "params", "expected"), [
    ("nav.overview", "zh", {}, "团队概览"),
    ("nav.overview", "en", {}, "Team overview"),
    ("overview.demo_loaded", "en", {"rows": 12}, "Demo data loaded: 12 rows."),
    ("overview.demo_loaded", "zh", {"rows": 12}, "演示数据已加载：12 行。"),
])
def test_a_key_renders_in_its_language(key, lang, params, expected):
    assert t(key, lang, **params) == expected


def test_chinese_text_is_chinese():
    assert re.search(r"[\u4e00-\u9fff]", t("nav.overview", "zh"))
