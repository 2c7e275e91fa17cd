"""UI texts of the board pages: key -> (en, zh)."""

TEXTS: dict[str, tuple[str, str]] = {}
