"""Every UI text exists in both languages, once, with the same placeholders."""

import re
import string

import pytest

from i18n import t
from i18n.texts import PARTS, TEXTS


def test_no_key_is_defined_in_two_modules():
    seen: dict[str, str] = {}
    clashes = []
    for part, texts in PARTS.items():
        clashes += [f"{key} ({seen[key]} and {part})" for key in texts if key in seen]
        seen.update(dict.fromkeys(texts, part))
    assert not clashes, clashes


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_both_languages_have_the_same_placeholders(key):
    en, zh = TEXTS[key]
    fields = [{f for _, f, _, _ in string.Formatter().parse(text) if f} for text in (en, zh)]
    assert en.strip(), f"{key} has no English text"
    assert zh.strip(), f"{key} has no Chinese text"
    assert fields[0] == fields[1], f"{key}: {fields[0]} vs {fields[1]}"


def test_unknown_key_comes_back_as_itself():
    assert t("no.such.key", "zh") == "no.such.key"


def test_chinese_text_is_chinese():
    assert re.search(r"[\u4e00-\u9fff]", t("nav.overview", "zh"))
