"""The Import page's writes: an upload stored by its plan, an import undone, the demo loaded.
Rights: ``import`` (and ``org`` for reporting lines), checked in ``store.plan_import``/``store.imports``."""

from __future__ import annotations

from store.demo_data import load_demo
from store.imports import undo_import
from store.plan_import import import_plan

__all__ = ["import_plan", "load_demo", "undo_import"]
