"""Words shown in table cells read as words in English, not as lowercase codes."""

import re

import pandas as pd
import pytest

from i18n import t
from i18n.texts import TEXTS
from ui.followup import WEEKS_2_MS, time_axis


@pytest.mark.parametrize("key", [
    "mgr.session.formal", "mgr.session.informal", "prep.priority.high", "prep.priority.medium",
    "prep.priority.low", "board.level.team", "board.level.employee", "board.level.key_result",
    "mgr.trend.rising", "mgr.trend.falling", "mgr.trend.stable", "mgr.trend.volatile",
])
def test_cell_words_start_with_a_capital(key):
    text = t(key, "en")
    assert text[0].isupper(), text
    assert text != key.rsplit(".", 1)[1]


def _stop(axis: dict, step_ms: float) -> str:
    # plotly's rule: the first stop whose dtickrange holds the tick step ("M1" = a month)
    month = 30 * 24 * 3600 * 1000
    for stop in axis["tickformatstops"]:
        low, high = ({"M1": month}.get(v, v) for v in stop["dtickrange"])
        if (low is None or step_ms >= low) and (high is None or step_ms <= high):
            return stop["value"]
    raise AssertionError(f"no tick format for a step of {step_ms} ms")


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("freq", "step_ms"), [
    ("7D", 7 * 86_400_000), ("14D", WEEKS_2_MS), ("D", 86_400_000), ("MS", 31 * 86_400_000),
    ("3MS", 92 * 86_400_000)])
def test_timeline_ticks_never_repeat_a_label(lang, freq, step_ms):
    ticks = pd.date_range("2025-06-30", periods=12, freq=freq)
    fmt = _stop(time_axis(lang), step_ms)
    labels = [d.strftime(fmt) for d in ticks]
    assert len(set(labels)) == len(labels), labels


def _mentions_no_team(english: str) -> bool:
    # "no team" or "without a team", not "no teams in the data" (a different fact)
    return bool(re.search(r"\bno team\b(?!s)|\bwithout a team\b", english))


NO_TEAM_KEYS = sorted(k for k, (en, _) in TEXTS.items() if _mentions_no_team(en))


def test_some_texts_name_the_people_without_a_team():
    assert "people.no_team" in NO_TEAM_KEYS
    assert len(NO_TEAM_KEYS) > 5, NO_TEAM_KEYS


@pytest.mark.parametrize("key", NO_TEAM_KEYS)
def test_a_person_without_a_team_has_one_name_in_chinese(key):
    """The prep's header said 未分组 where its evidence said 无团队: one term everywhere."""
    assert t("people.no_team", "zh") in t(key, "zh"), t(key, "zh")


def test_no_chinese_text_uses_the_other_term():
    assert not [k for k, (_, zh) in TEXTS.items() if "未分组" in zh]


# the variants of sentences that name the team (not "fu.everyone", everyone in a filter)
EVERYONE_KEYS = sorted(k for k in TEXTS if k.endswith(".everyone")
                       and "team" in TEXTS.get(k.removesuffix(".everyone"), ("",))[0])


@pytest.mark.parametrize("key", EVERYONE_KEYS)
def test_a_text_for_someone_without_a_team_names_no_team(key):
    """The ``.everyone`` variant of a sentence compares with everyone: no team named in it (but
    "no team" itself, 无团队), where its plain sentence names the team."""
    en, zh = TEXTS[key]
    plain = key.removesuffix(".everyone")
    assert "everyone" in en.lower() or "without a team" in en
    assert "全体" in zh or "无团队" in zh
    assert "团队" not in zh.replace("无团队", "")
    assert re.search(r"\bteam's\b|\bthe team\b|\bteam (mean|typical)\b", en) is None
    # the same placeholders as the sentence it stands in for
    fields = set(re.findall(r"{(\w+)}", TEXTS[plain][0]))
    assert set(re.findall(r"{(\w+)}", en)) == fields
    assert set(re.findall(r"{(\w+)}", zh)) == fields
