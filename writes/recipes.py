"""Recipes' writes on the Import page: renamed, deleted, added from a shared JSON file.
Rights: ``import``, checked in ``store.recipes``."""

from __future__ import annotations

from store.recipes import RecipeError, delete, import_json, rename

__all__ = ["RecipeError", "delete", "import_json", "rename"]
