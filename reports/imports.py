"""What the Import page reads: the import history, an import's rejected lines, the words of an
import's result, and the saved recipes (the one fitting a file's shape, the list, their JSON)."""

from __future__ import annotations

from store.import_log import ImportResult, describe_row, history, rejected, summary
from store.recipes import Recipe, export_json, find, list_recipes

__all__ = ["ImportResult", "Recipe", "describe_row", "export_json", "find", "history",
           "list_recipes", "rejected", "summary"]
