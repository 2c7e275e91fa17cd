"""The team view is cached as one shared object (ui/cache.py, cache_resource): every reader gets
the same frames, so no reader may change them. Every reader of a view (the overview and each
person's prep, in both languages, at two as-of dates) runs on one view; afterwards every frame
of it holds what a copy taken before holds, and every other part pickles byte for byte as before
(a frame's pickle may change when pandas merely regroups its blocks: values are compared)."""

from __future__ import annotations

import copy
import dataclasses
import pickle

import pandas as pd
import pytest

from reports.employee import employee_prep
from reports.overview import overview
from reports.team import team_view


@pytest.mark.parametrize("weeks_back", [0, 6])
def test_readers_leave_the_view_as_they_found_it(module_demo_con, weeks_back):
    latest = team_view(module_demo_con).as_of
    as_of = latest - pd.Timedelta(weeks=weeks_back)
    view = team_view(module_demo_con, as_of=as_of)
    before = copy.deepcopy(view)
    people = view.people["employee_id"].tolist()
    assert len(people) > 20
    for lang in ("en", "zh"):
        overview(module_demo_con, as_of=as_of, lang=lang, view=view)
        for employee_id in people:
            employee_prep(module_demo_con, employee_id, as_of=as_of, lang=lang, view=view)
    for field in dataclasses.fields(view):
        now, then = getattr(view, field.name), getattr(before, field.name)
        if isinstance(now, pd.DataFrame):
            pd.testing.assert_frame_equal(now, then, obj=field.name)
        else:
            assert pickle.dumps(now) == pickle.dumps(then), field.name
