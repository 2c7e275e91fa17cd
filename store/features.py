"""Which right (``store.access.CAN``) opens each feature, for its page and its command alike.

One table for both doors: ``ui/navigation.py`` registers a page only for the roles holding one of
its rights, and ``cli.py`` refuses a command (``--as``) to the same roles, so the command line
can never give a role what the app refuses it (``impact --as`` a manager).
"""

from __future__ import annotations

from store.access import AccessDenied, Viewer

# feature -> the rights of which any one opens it. Pages are named after their file in views/.
NEEDS: dict[str, tuple[str, ...]] = {
    "overview": ("people",),
    "employee": ("people",),
    "forecast": ("people",),  # cli.py forecast: what the prep page's trend shows
    "coaching": ("notes",),
    "coaching_due": ("notes",),
    "coaching_plans": ("notes",),
    "impact": ("impact",),
    "board": ("aggregates",),
    "upload": ("import",),
    "catalog": ("catalog",),
    "settings": ("settings",),
    "digest": ("digest",),
    "me": ("self",),
    "admin": ("users", "audit"),
    # the two halves of the admin page, each a command of its own
    "users": ("users",),
    "audit": ("audit",),
}


def opens(viewer: Viewer, feature: str) -> bool:
    """Whether ``viewer`` may use ``feature`` (an unknown feature opens for nobody)."""
    return any(viewer.can(right) for right in NEEDS.get(feature, ()))


def require(viewer: Viewer, feature: str) -> None:
    """Raise ``AccessDenied("denied")`` unless ``viewer`` may use ``feature``."""
    if not opens(viewer, feature):
        needs = NEEDS.get(feature, (feature,))
        raise AccessDenied("denied", capability=" / ".join(needs), role=viewer.role)
