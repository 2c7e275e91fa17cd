"""UI texts of the manager's pages (overview flags, employee prep, settings): key -> (en, zh)."""

TEXTS: dict[str, tuple[str, str]] = {}
