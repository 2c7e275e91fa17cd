"""Every write a page makes, in one layer: the pages and ``ui/`` call these, never the store.

One module per feature (the coaching log, plans, the employee's own page, imports, recipes,
users, digests, the catalog, the audit of page views and downloads). Each function takes the
viewer's scoped connection (``ui.context.cursor()``) and plain values (strings, numbers, dates,
frames a widget returned), so a page reads its widgets, calls one function and shows the answer.
The rights are checked below, in the store, through ``store.access.writer``/``row_writer`` as
for the CLI: a page that forgets a check cannot write around it.

The errors a form shows (``EntryError``, ``UserError`` …) are exported beside the writes that
raise them; the refusals any read or write can meet (a right, a busy database) are
``reports.errors``'. Reads live in ``reports/``. Nothing here knows Streamlit (an import-linter
contract checks it).
"""
