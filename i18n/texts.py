"""The one text catalogue: every sentence a user reads, key -> (English, 简体中文).

Each module of this package holds the texts of one page or feature as ``TEXTS``; they are merged
here. ``PARTS`` names each module's texts so tests/test_i18n.py can tell a key defined twice
(in two modules, or twice in one module's source) and a key no code uses.
"""

from i18n import (
    access,
    admit,
    audit,
    big5k,
    board,
    brief,
    catalog,
    clitexts,
    coaching,
    digest,
    events,
    evidence,
    flags,
    forecast,
    headcount,
    impact,
    impact_lead,
    import_files,
    import_lines,
    import_notes,
    logflow,
    maintenance,
    manager,
    me,
    org,
    overview,
    people,
    periods,
    pgsession,
    polish,
    prep,
    rerun,
    settings,
    sheets,
    signin,
    upload,
    windows,
)

PARTS: dict[str, dict[str, tuple[str, str]]] = {
    module.__name__.removeprefix("i18n."): module.TEXTS
    for module in (access, audit, big5k, board, brief, catalog, clitexts, coaching, digest, events,
                   evidence, flags, forecast, headcount, impact, impact_lead, import_files,
                   import_lines, import_notes, logflow, maintenance, manager, me, org, overview,
                   people, periods, pgsession, polish, prep, rerun, settings, sheets, signin,
                   upload, windows, admit)
}
TEXTS: dict[str, tuple[str, str]] = {key: pair for part in PARTS.values()
                                     for key, pair in part.items()}
