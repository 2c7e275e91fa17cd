"""``cli.py forecast --what-if METRIC=AMOUNT`` on a real demo database: every forecast person of
that metric, as forecast and shifted, the sentences on stderr, bad input as a sentence."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest

from tests.test_cli_forecast import db, run  # noqa: F401 - db is the module's demo fixture


@pytest.mark.parametrize(("metric", "amount", "lang", "said"), [
    ("首次解决率", "+5", "zh", "假设：首次解决率 从下一期起变化 +5"),
    ("平均处理时长", "-0.5", "en", "Assumes: 平均处理时长 moves by -0.5 from the next period on"),
])
def test_everyone_as_forecast_and_shifted(db, metric, amount, lang, said):  # noqa: F811
    code, out, err = run("forecast", "--db", db, "--what-if", f"{metric}={amount}",
                         "--lang", lang, "--as-of", "2025-12-08")
    assert code == 0, err
    assert said in err
    rows = pd.read_csv(io.StringIO(out))
    _, plain, _ = run("forecast", "--db", db, "--format", "json", "--as-of", "2025-12-08")
    base = pd.DataFrame(json.loads(plain))
    base = base.loc[base["metric"] == metric].set_index("employee_id")
    assert sorted(rows["employee_id"]) == sorted(base.index)
    rows = rows.set_index("employee_id")
    # as forecast, the rows are the plain forecast's; shifted, moved by the amount
    assert rows["next_expected"].tolist() == pytest.approx(
        base.loc[rows.index, "next_expected"].tolist(), abs=1e-3)
    assert rows["p_target"].tolist() == pytest.approx(base.loc[rows.index, "p_100"].tolist(),
                                                      abs=1e-3)
    moved = rows["next_expected_if"] - rows["next_expected"]
    assert moved.tolist() == pytest.approx([float(amount)] * len(rows), abs=1e-3)
    better = rows["p_target_if"] >= rows["p_target"] - 1e-9
    assert better.all()  # both amounts are improvements for their metric's direction


@pytest.mark.parametrize(("argument", "lang", "message"), [
    ("首次解决率", "en", "--what-if wants METRIC=AMOUNT"),
    ("首次解决率=abc", "zh", "--what-if 的格式应为 指标=幅度"),
    ("首次解决率=nan", "en", "--what-if wants METRIC=AMOUNT"),
    ("FCR=+5", "en", "No values of 'FCR' to forecast. Metrics: 周工单量, 客户满意度"),
    ("FCR=+5", "zh", "没有可预测的 'FCR' 数据。现有指标：周工单量、客户满意度"),
])
def test_bad_what_if_exits_2_with_a_sentence(db, argument, lang, message):  # noqa: F811
    code, out, err = run("forecast", "--db", db, "--what-if", argument, "--lang", lang)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert out == ""
