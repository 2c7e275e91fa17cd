"""The text keys the code builds, for tests/test_i18n.py: each f-string's pattern ({} for each
placeholder) -> every value it can take (a tuple for several placeholders), imported from the
code that builds the key where the code holds them. Add a line when code builds a new key.
"""

from __future__ import annotations

from analytics.coaching import EMPLOYEE_TYPES, REASONS
from analytics.compliance import MEASURES
from analytics.flag_facts import EVIDENCE_CODES
from analytics.impact_sample import REASONS as NOT_COUNTED
from analytics.numbers import UNITS
from analytics.prep import ACTION_COLUMNS, SESSION_COLUMNS
from analytics.prep_tables import PROBLEM_COLUMNS, TRACKING_COLUMNS
from commands.data import HISTORY_COLUMNS
from ingest.fields import AS_METRIC, FIELDS, IGNORE, KINDS, MODELS, PERIOD_PARTS, SESSION_TYPES
from ingest.plan import LAYOUTS, SHEET_KINDS
from reports.as_of import CHOICES as AS_OF_CHOICES
from reports.metric_names import NOUNS as PROPOSED_NOUNS
from reports.settings import REGISTRY
from store.audit import ACTIONS as AUDIT_ACTIONS
from store.digest import CHANNELS
from store.org_chart import ORG_FIELDS

GRAINS = ("day", "week", "month", "quarter", "year")

DECLARED: dict[str, tuple] = {
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
    "ingest.grain.{}": ("day", "week", "month", "quarter", "year"),  # analytics.frames.Grain
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
    "{}.team.everyone": ("strength", "weakness"),
    "{}.target": ("strength", "weakness"),
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
    "metric.proposed.{}": PROPOSED_NOUNS,  # reports.metric_names: an event log's count names
    "mgr.reason.{}.everyone": ("below_team",),  # reports.overview: someone without a team
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
