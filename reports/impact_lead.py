"""The HR page's first sentences, in the reader's language: the figure that matters and how far
it can be trusted. Built from an ``ImpactReport``; no Streamlit here."""

from __future__ import annotations

import math

from analytics.impact_lead import honesty, monthly_contrast
from i18n import t
from reports.impact import SMALL_N, ImpactReport


def _p(value: float) -> str:
    return "p < 0.001" if value < 0.001 else f"p = {value:.3f}"


def contrast_sentence(report: ImpactReport, score: str, lang: str) -> str:
    """People coached at least monthly against the rest, with its honesty."""
    c = monthly_contrast(report.employees, start=report.start, end=report.end)
    trust = honesty(c, small_n=SMALL_N)
    if trust == "few":
        return t("impact.lead.few", lang, monthly=c["n_monthly"], rest=c["n_rest"], n=c["n"])
    scale = 100.0 if score == "attainment" else 1.0  # attainment moves in points of target
    size = abs(c["difference"]) * scale
    way = "better" if c["difference"] >= 0 else "worse"
    head = t(f"impact.lead.{way}", lang, monthly=c["n_monthly"], rest=c["n_rest"],
             diff=f"{size:.1f}" if scale > 1 else f"{size:.2f}",
             unit=t(f"impact.lead.unit_{score}", lang))
    return head + t(f"impact.lead.{trust}", lang, p=_p(c["p_value"]), n=c["n"])


def correlation_sentence(report: ImpactReport, lang: str) -> str:
    """Sessions x change over everyone, in words ("" when there is no correlation)."""
    o = report.overall
    if not o["n"] or o["pearson_r"] is None or math.isnan(o["pearson_r"]):
        return ""
    way = "more" if o["ci_low"] > 0 else "less" if o["ci_high"] < 0 else "none"
    return t(f"impact.lead.corr_{way}", lang, n=int(o["n"]), r=f"{o['pearson_r']:.2f}",
             low=f"{o['ci_low']:.2f}", high=f"{o['ci_high']:.2f}", p=_p(o["p_value"]))


def lead(report: ImpactReport, score: str, lang: str) -> str:
    """The page's opening paragraph: the monthly contrast, then the correlation; nothing to
    measure when nobody in the selection was coached."""
    if report.reading == "no_sessions":
        return t("impact.reading_no_sessions", lang)
    parts = [contrast_sentence(report, score, lang), correlation_sentence(report, lang)]
    return ("" if lang == "zh" else " ").join(p for p in parts if p)
