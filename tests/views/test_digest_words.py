"""The digest preview as the demo's local user reads it: counts that read right with one."""

import json
import subprocess
import sys

import pytest

from i18n import t
from tests.views.conftest import ROOT, make_app
from ui.text import md


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_misses_count_reads_right_with_one(monkeypatch, demo_copy, lang):
    out = subprocess.run([sys.executable, "cli.py", "flags", "--db", str(demo_copy), "--format",
                          "json"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    misses = [f for f in json.loads(out) if f["reason"] == "likely_to_miss_target"]
    at = make_app(monkeypatch, demo_copy, "views/digest.py", lang=lang)
    captions = [c.value for c in at.caption]
    assert md(t("digest.misses.summary", lang, n=len(misses))) in captions
    assert not [c for c in captions if "1 forecasts" in c]  # "1 forecasts say …" it read
