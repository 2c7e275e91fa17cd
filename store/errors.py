"""Errors of the store that a manager may read: each carries an i18n key, not just English."""

from __future__ import annotations

from i18n import t


class StoreError(RuntimeError):
    """A refusal or a retryable failure; ``message(lang)`` is the sentence to show.

    ``code`` names the text ``maintenance.<code>`` in ``i18n/maintenance.py``; ``params`` fill
    its placeholders. ``str(exc)`` is the English sentence (for logs and the CLI).
    """

    def __init__(self, code: str, **params: object) -> None:
        self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "en") -> str:
        return t(f"maintenance.{self.code}", lang, **self.params)


class ImportBusy(StoreError):
    """Another import wrote the same rows at the same moment; nothing was stored. Retry."""

    def __init__(self) -> None:
        super().__init__("import_busy")


class SchemaTooNew(StoreError):
    """The database was written by a newer Coachboard; this code must not touch it."""


class BackupError(StoreError):
    """A backup or restore was refused; nothing was changed."""


class CircleRefused(StoreError):
    """Undoing an import would put people in a circle of managers; nothing changed."""

    def __init__(self, import_id: int, ids: list[str]) -> None:
        shown = ", ".join(ids[:10]) + (" …" if len(ids) > 10 else "")
        super().__init__("undo_circle", import_id=import_id, ids=shown)
