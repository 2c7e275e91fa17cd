"""UI texts of the coaching pages: key -> (en, zh)."""

TEXTS: dict[str, tuple[str, str]] = {}
