"""The one text catalogue: every key in both languages with the same placeholders, defined
once, named by some code, and every key the code names or builds is defined.

The app's code is read, not run (tests/i18n_scan.py): every string constant outside docstrings
counts as a use of the key it spells; the tests and the catalogue's own dicts are not the app's
code, so a key only they name is unused. A key built with an f-string
(``t(f"mgr.reason.{r}", lang)``, or ``f"emp.col.{c}"`` handed on in a dict) is used when
declared in ``DYNAMIC`` below with every value it can take (imported from the code that builds
it where the code has them), and each of those keys must exist.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from analytics.coaching import EMPLOYEE_TYPES, REASONS
from analytics.compliance import MEASURES
from analytics.flag_facts import EVIDENCE_CODES
from analytics.impact_sample import REASONS as NOT_COUNTED
from analytics.numbers import UNITS
from analytics.prep import ACTION_COLUMNS, SESSION_COLUMNS
from analytics.prep_tables import PROBLEM_COLUMNS, TRACKING_COLUMNS
from commands.data import HISTORY_COLUMNS
from i18n import MissingText, t
from i18n.texts import PARTS, TEXTS
from ingest.fields import AS_METRIC, FIELDS, IGNORE, KINDS, MODELS, PERIOD_PARTS, SESSION_TYPES
from ingest.plan import LAYOUTS, SHEET_KINDS
from reports.as_of import CHOICES as AS_OF_CHOICES
from reports.settings import REGISTRY
from store.audit import ACTIONS as AUDIT_ACTIONS
from store.digest import CHANNELS
from store.org_chart import ORG_FIELDS
from tests.i18n_scan import catalogue_dicts, expand, scan, unused

ROOT = Path(__file__).resolve().parents[1]
GRAINS = ("day", "week", "month", "quarter", "year")

# Keys the code builds: the f-string's pattern ({} for each placeholder) -> every value it
# can take (a tuple for several placeholders). Add a line when code builds a new key.
DYNAMIC: dict[str, tuple] = {
    "access.{}": ("bad_email", "bad_role", "denied", "employee_confirms", "employee_needs_id",
                  "needs_employee", "out_of_scope", "self_demote", "self_remove",
                  "unknown_employee", "unknown_user"),  # store.users.AccessDenied codes
    "audit.action.{}": AUDIT_ACTIONS,
    "audit.export.{}": ("board", "brief", "impact", "audit", "fu"),
    # a detail's key=value tokens: an import's, a user's, a digest sent (commands.digest_send)
    "audit.key.{}": ("rejected", "role", "employee", "attention", "talks", "actions",
                     "compliance", "red_cells", "red_people", "alerts", "channel", "status",
                     "attempts", "error"),
    "audit.value.{}": ("ok", "failed", *CHANNELS),
    "audit.word.{}": ("loaded", "failed", "save", "reset", "saved", "updated", "renamed",
                      "deleted", "imported", "refused", "digest", "off"),
    "brief.cli.none_{}": ("local", "scope"),
    "cli.impact.measure.{}": MEASURES,
    "cli.impact.reading.{}": ("positive", "negative", "none", "no_sessions", "too_few",
                              "same_sessions"),
    "cli.impact.why.{}": NOT_COUNTED,
    "cli.history.col.{}": HISTORY_COLUMNS,
    "cli.history.kind.{}": KINDS,
    "upload.cli.kind.{}": SHEET_KINDS,
    "upload.cli.layout.{}": LAYOUTS,
    "cli.status.{}": ("failed", "loaded", "undone"),
    "brief.col.{}": (*PROBLEM_COLUMNS, *TRACKING_COLUMNS, *ACTION_COLUMNS),
    "brief.label.{}": ("rising", "falling", "stable", "volatile"),
    "brief.session.{}": SESSION_TYPES,
    "brief.type.{}": EMPLOYEE_TYPES,
    "board.col.{}": ("actual", "attainment", "cell", "employee", "key_results", "level",
                     "metric", "objective", "objectives", "previous", "progress",
                     "red_key_results", "red_objectives", "since", "status", "streak",
                     "target", "team", "value"),
    "board.level.{}": ("employee", "key_result", "team"),
    "board.summary.{}": ("coached", "coverage", "figure", "flagged", "people", "red",
                         "red_people", "sessions", "title", "value", "window"),
    "cl.status.{}": ("open", "done", "dropped"),
    "cl.type.{}": SESSION_TYPES,
    "digest.compliance.{}": ("met", "missed"),
    "digest.day.{}": tuple(range(7)),
    "digest.subject.{}": ("daily", "weekly"),
    "digest.{}.summary": ("actions", "alerts", "attention", "compliance", "misses",
                          "red_cells", "red_people", "talks"),
    "digest.{}.title": ("actions", "alerts", "attention", "compliance", "misses", "red_cells",
                        "red_people", "talks"),
    "direction.{}": ("higher", "lower"),
    "forecast.grain.{}": ("month", "quarter", "year"),
    "forecast.status.{}": ("at_risk", "likely_to_miss", "on_track"),
    "evidence.{}": EVIDENCE_CODES,  # reports.flag_text writes analytics.flag_facts' codes
    "evidence.model.{}": ("last", "mean", "trend", "smooth"),
    "evidence.span.{}": ("month", "quarter", "year"),
    "ingest.field.{}": tuple({field for fields in FIELDS.values() for field in fields}),
    "note.word.{}": ("kept", "left_out", "day", "week", "month", "quarter", "year"),
    "fu.kind.{}": ("action", "first_session", "monthly_contact", "quarterly_formal",
                   "weekly_new_hire"),
    "fu.when.{}": ("overdue", "soon", "today"),
    "fu.when.{}_one": ("overdue", "soon"),
    "gap.{}.{}": tuple((d, s) for d in ("higher", "lower") for s in ("above", "below")),
    "grain.units.{}": GRAINS,
    "impact.lead.corr_{}": ("less", "more", "none"),
    "impact.lead.unit_{}": ("attainment", "z"),
    "impact.lead.{}": ("better", "worse", "few", "chance", "likely", "strong"),
    "kind.{}": SHEET_KINDS,
    "maintenance.{}": ("backup_done", "backup_not_empty", "backup_too_new", "import_busy",
                       "not_a_backup", "restore_done", "restore_incomplete",
                       "restore_not_empty", "schema_too_new", "undo_circle"),
    "mchart.q.{}": ("careful", "fast", "star", "support"),
    "mgr.reason.{}": REASONS,
    "period.hover.{}": GRAINS,
    "period.m{}": tuple(range(1, 13)),
    "prep.{}": ("basis.ratio", "basis.target", "basis.level_before", "basis.team_mean"),
    "prep.dimension.{}": ("efficiency", "quality", "output", "other"),
    "prep.observed.{}": REASONS,
    "prep.stage.{}": tuple("GROW"),
    "prep.summary.{}": REASONS,
    "prep.summary_everyone.{}": ("declining_trend", "below_team", "efficiency_quality_imbalance",
                                 "volatile"),
    "prep.support.{}": ("skill", "process", "habit", "mentor", "time"),
    "unit.{}": GRAINS,
    "units.{}": GRAINS,
    "rec.{}": ("date", "deadline", "employee", "item", "measure", "owner", "summary"),
    "role.{}": ("admin", "employee", "hr", "leadership", "local", "manager"),
    "sheets.recipe.{}": ("bad_file", "bad_name", "taken", "unknown"),
    "sheets.sum.{}": ("coaching_sessions", "employees", "goals", "metric_values"),
    "window.in.{}": GRAINS,
    "window.latest.{}": GRAINS,
    "window.recent.{}": GRAINS,
    "{}.team": ("strength", "weakness"),
    "{}.target": ("strength", "weakness"),
    "{}.none": ("weakness",),
    "period.{}": ("week", "month", "quarter", "year"),  # reports.periods.period_label
    # the pages (views/, ui/)
    "admin.{}": ("email", "role", "employee_id", "added_at", "added_by",  # users' columns
                 "logged_at", "actor", "action", "target", "rows", "detail"),  # the audit's
    "board.{}": ("team", "manager"),
    "board.by.{}": ("employee", "manager", "team"),
    "board.tile.{}": ("amber", "green", "flagged", "coverage"),
    "category.{}": ("efficiency", "quality", "output", "other"),
    "cl.as_of.{}": AS_OF_CHOICES,
    "cl.col.{}": ("version", "changed_by", "changed_at", "goal", "action", "owner", "deadline",
                  "status", "progress"),
    "cl.part.{}": ("goal", "reality", "options", "will", "behavior", "effect", "suggestion",
                   "timeframe", "situation", "task", "action", "result", "analysis",
                   "reinforcement"),  # the parts of GROW, BEST, STAR-AR and OKR
    "cl.rate.{}": ("employee", "manager"),
    "digest.channel.{}": ("email", "wecom", "dingtalk", "feishu", "slack", "teams"),
    "digest.err.{}": ("bad_email", "bad_frequency", "bad_hour", "bad_lang", "bad_port",
                      "bad_url", "bad_weekday", "unknown_channel", "unknown_field",
                      "unknown_user"),  # store.digest's codes
    "digest.freq.{}": ("daily", "weekly"),
    "digest.set.{}": ("host", "port", "sender", "username", "password", "base_url",
                      "ca_file"),  # ui.digest_channels' text fields
    "field.{}": (IGNORE, AS_METRIC, *{field for fields in FIELDS.values() for field in fields}),
    "flow.parts.{}": MODELS,
    "head.{}_help": ("flagged", "coverage"),
    "history.{}": ("import_id", "imported_at", "file_name", "kind", "status", "rows_read",
                   "rows_loaded", "rows_rejected", "rows_changed", "encoding"),
    "impact.m.{}": ("core_coverage", "coverage", "first_session", "formal_quarter",
                    "monthly_contact", "weekly_first_month"),
    "impact.reading_{}": ("negative", "no_sessions", "none", "positive", "same_sessions",
                          "too_few"),
    "impact.score_{}": ("attainment", "z"),
    "impact.weights_{}": ("equal", "goals"),
    "impact.why.{}": ("alone_in_team", "no_score", "no_values", "one_part"),
    "impact.y_change_{}": ("attainment", "z"),
    "emp.col.{}": SESSION_COLUMNS,  # ui.employee_sections.sessions' headers
    "me.chart.{}": ("me", "band", "median", "target"),
    "me.col.{}": ("action", "band", "deadline", "direction", "goal", "median", "metric",
                  "my_score", "n", "owner", "period", "position", "progress", "pulsed",
                  "session_date", "session_type", "status", "target", "value"),
    "me.fc.grain.{}": ("month", "quarter", "year", "none"),
    "me.fc.model.{}": ("last", "mean", "smooth", "trend"),
    "me.fc.status.{}": ("at_risk", "likely_to_miss", "on_track"),
    "me.plan.{}": ("measures", "milestones"),
    "me.pos.{}": ("better", "middle", "worse"),
    "mgr.session.{}": SESSION_TYPES,
    "mgr.trend.{}": ("falling", "rising", "stable", "volatile"),
    "numbers.{}": ("strength", "weakness"),
    "pl.{}": ("measures", "owner", "milestones", "deadline"),
    "pl.{}_side": ("employee", "manager"),
    "pl.confirm_as_{}": ("employee", "manager"),
    "pl.result.{}": ("met", "not_met", "partly"),
    "sheets.agg.{}": ("count", "mean", "rate", "sum"),
    "sheets.grain.{}": ("day", "week", "month"),
    "sheets.layout.{}": ("events", "long", "periods_across"),
    "sheets.recipes.col.{}": ("created_at", "created_by", "file_name", "name", "used_at"),
    "status.{}": ("failed", "loaded", "undone"),
    "upload.progress.{}": ("checked", "read", "stored"),
    "upload.year.{}": ("guess", "file", "kept"),
    "upload.grain.{}": ("day", "week", "month", "quarter", "why", "why_once"),
    "settings.range.{}": ("low", "low_open", "high", "high_open"),
    "settings.unit.{}": UNITS,
    # reports.settings.Setting's label_key and help_key: every number of the registry
    "{}.{}": tuple((row.section, row.name) for row in REGISTRY),
    "{}.{}.help": tuple((row.section, row.name) for row in REGISTRY),
}
# Codes the code builds and hands on bare, whose sentence is <namespace><code> (see _codes).
CODES: dict[str, tuple] = {
    "bad_{}": ("year", *PERIOD_PARTS),  # ingest.kinds._part, _year_period
    "org_{}": ORG_FIELDS,  # store.org_chart.org_changes
}


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
