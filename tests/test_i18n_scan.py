"""The finder of unused text keys (tests/i18n_scan.py) on a tiny app written here: a key is
used only when the app's code names it or a declared pattern builds it; the catalogue naming
its own keys, a docstring or a test naming one do not count."""

from __future__ import annotations

import pytest

from tests.i18n_scan import scan, unused

APP = '''
from i18n import t


def show(kind, lang):
    """x.in_docstring is only mentioned here."""
    heads = {"a": "x.via_dict"}  # a key passed through a dict is still a constant of the code
    if not kind:
        raise EntryError("goal", "required")
    return t("x.used", lang) + t(f"x.kind.{kind}", lang) + t(heads[kind], lang)
'''
CATALOGUE = '''
_MORE = {"x.spread": ("spread", "展开")}
TEXTS = {
    "x.used": ("used", "用"), "x.kind.a": ("a", "甲"), "x.kind.b": ("b", "乙"),
    "x.via_dict": ("dict", "字典"), "x.in_docstring": ("doc", "文档"),
    "x.in_test_only": ("test", "测试"), "x.only_in_catalogue": ("here", "此处"),
    "x.by_catalogue_code": ("code", "代码"), "x.spread": ("spread", "展开"), **_MORE,
}


def helper(lang):  # the catalogue's own functions are code: their keys are used
    return t("x.by_catalogue_code", lang)
'''
TEST = 'def test_page():\n    assert t("x.in_test_only")\n'
DYNAMIC = {"x.kind.{}": ("a",)}


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    root = tmp_path_factory.mktemp("app")
    for name, text in (("views/page.py", APP), ("i18n/cat.py", CATALOGUE),
                       ("tests/test_page.py", TEST)):
        (root / name).parent.mkdir(exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return scan(root)


@pytest.mark.parametrize(("key", "used"), [
    ("x.used", True),  # named by a literal lookup
    ("x.kind.a", True),  # built by a declared pattern with this value
    ("x.kind.b", False),  # the pattern's declared values do not include b
    ("x.via_dict", True),
    ("x.by_catalogue_code", True),
    ("x.in_docstring", False),
    ("x.in_test_only", False),  # tests are not the app
    ("x.only_in_catalogue", False),  # a definition is not a use
    ("x.spread", False),  # neither is a catalogue dict spread into another
])
def test_a_key_is_used_only_when_the_app_names_or_builds_it(app, key, used):
    keys = ["x.used", "x.kind.a", "x.kind.b", "x.via_dict", "x.by_catalogue_code",
            "x.in_docstring", "x.in_test_only", "x.only_in_catalogue", "x.spread"]
    assert (key not in unused(keys, app, DYNAMIC)) is used


def test_the_scan_reads_lookups_patterns_and_calls(app):
    found = app
    assert ("x.used", "views/page.py:10") in found.literal
    assert ("x.kind.{}", "views/page.py:10") in found.built
    assert "x.kind.{}" in found.patterns
    assert ("goal", "required") in found.calls["EntryError"]
    assert "x.in_test_only" not in found.constants
