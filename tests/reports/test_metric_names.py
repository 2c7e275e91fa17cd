"""The names an event-log import proposes read in the reader's language; every other metric
name is the user's data and reads as stored."""

import pandas as pd
import pytest

from ingest.headers import split_unit
from ingest.shapes.event_columns import Column, event_noun, kpi_for, stage_kpis
from reports.metric_names import metric_label, metric_labels, unit_label

# id headers of event logs, English and Chinese (the importer names the count after them)
ID_HEADERS = ["Call Id", "Ticket ID", "Case No", "Deal ID", "opportunity_id", "Order number",
              "Visit ID", "Contact ID", "Chat ID", "Interaction ID", "Event ID", "通话编号",
              "工单编号", "订单编号", "商机编号", "拜访编号", "会话编号", None]


def proposed(header: str | None, amount: str, chinese: bool) -> list[str]:
    """What the importer proposes for a log with this id column: the count, the won deals and
    the won amount (ingest.shapes.event_columns, its own words)."""
    noun = event_noun(header, chinese)
    stage = Column("Stage", "stage", won="Won")
    return [noun] + [k.name for k in stage_kpis(stage, [amount], noun, chinese)]


@pytest.mark.parametrize("header", ID_HEADERS)
@pytest.mark.parametrize(("stored", "reader"), [(False, "zh"), (True, "en"), (False, "en"),
                                                (True, "zh")])
def test_a_proposed_name_reads_as_the_reader_would_have_had_it_proposed(header, stored, reader):
    """An English import read in Chinese shows the names a Chinese import would have given,
    and back (the file's amount column keeps its own name)."""
    names = proposed(header, "金额" if stored else "close_value", stored)
    wanted = proposed(header, "金额" if stored else "close_value", reader == "zh")
    shown = metric_labels(names, reader)
    if reader == "en" and stored and names[0] == "工单量":  # tickets and cases share 工单量
        wanted = proposed("Ticket ID", "金额", False)
    assert shown == wanted


@pytest.mark.parametrize("name", ["周工单量", "客户满意度", "首次解决率", "Answered %", "接通率",
                                  "AvgTalkDuration", "Speed of answer in seconds", "CSAT", "won",
                                  "赢单", "Calls per hour", ""])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_users_own_names_read_as_stored(name, lang):
    assert metric_label(name, lang) == name


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_label_read_back_is_the_same_label(lang):
    # but Cases: Chinese calls them 工单量 like tickets, which read back as Tickets
    names = [n for h in ID_HEADERS if h != "Case No" for c in (False, True)
             for n in proposed(h, "value", c)]
    other = "zh" if lang == "en" else "en"
    assert metric_labels(metric_labels(names, other), lang) == metric_labels(names, lang)


def test_doctests():
    import doctest

    from reports import metric_names
    assert doctest.testmod(metric_names).failed == 0


@pytest.mark.parametrize(("stored", "reader"), [(False, "zh"), (True, "en"), (False, "en"),
                                                (True, "zh")])
def test_the_unit_of_a_duration_reads_as_the_readers_import_would_have_it(stored, reader):
    """A duration's unit comes from the name the importer proposes ("Talk (s)", "Talk (秒)")."""
    talk = pd.DataFrame({"Talk": ["0:01:00", "0:02:00"]})

    def unit(chinese: bool) -> str:
        return split_unit(kpi_for(Column("Talk", "duration"), talk, [], chinese).name)[1]

    assert unit_label(unit(stored), reader) == unit(reader == "zh")


@pytest.mark.parametrize("unit", ["分钟", "min", "%", "元", None])
def test_a_users_unit_reads_as_stored(unit):
    assert unit_label(unit, "en") == unit_label(unit, "zh") == unit
