"""``cli.py recipes list|show|export|import|rename|delete``: the saved import recipes.

A recipe is how a file of a known shape was imported; ``export`` writes recipes as JSON that
another installation reads with ``import``, so one manager can share theirs.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from commands.views import emit
from i18n import t
from store import recipes
from store.recipes import RecipeError


def parsers(sub) -> list[argparse.ArgumentParser]:
    """``recipes`` and its subcommands (cli.py adds ``--db`` and ``--as`` to it)."""
    rec = sub.add_parser("recipes", help="saved import recipes (how a file shape is imported)")
    act = rec.add_subparsers(dest="recipes_command", required=True)
    lst = act.add_parser("list", help="every recipe, the most recently used first")
    lst.add_argument("--format", choices=["csv", "json"], default="csv")
    lst.set_defaults(recipes_func=cmd_list)
    show = act.add_parser("show", help="one recipe's settings as JSON")
    show.add_argument("name", metavar="NAME")
    show.set_defaults(recipes_func=cmd_show)
    exp = act.add_parser("export", help="recipes as JSON (all, or those named)")
    exp.add_argument("names", nargs="*", metavar="NAME")
    exp.add_argument("--out", metavar="FILE", help="write to FILE instead of stdout")
    exp.set_defaults(recipes_func=cmd_export)
    imp = act.add_parser("import", help="add the recipes of an exported JSON file")
    imp.add_argument("file", metavar="FILE")
    imp.set_defaults(recipes_func=cmd_import)
    ren = act.add_parser("rename", help="rename a recipe")
    ren.add_argument("old", metavar="OLD")
    ren.add_argument("new", metavar="NEW")
    ren.set_defaults(recipes_func=cmd_rename)
    dele = act.add_parser("delete", help="delete a recipe")
    dele.add_argument("name", metavar="NAME")
    dele.set_defaults(recipes_func=cmd_delete)
    leaves = [lst, show, exp, imp, ren, dele]
    for leaf in leaves:
        leaf.set_defaults(func=run, feature="upload")  # recipes belong to the Import page
        leaf.add_argument("--lang", choices=["en", "zh"], default="en")
    return leaves


def run(args: argparse.Namespace, con) -> int:
    """Run the subcommand; an unknown recipe or a change that cannot be made exits 1 with a
    sentence (like an unknown employee)."""
    try:
        return args.recipes_func(args, con)
    except RecipeError as exc:
        print(exc.message(args.lang), file=sys.stderr)
        return 1


def cmd_list(args: argparse.Namespace, con) -> int:
    emit(recipes.list_recipes(con), args.format)
    return 0


def cmd_show(args: argparse.Namespace, con) -> int:
    recipe = recipes.get(con, args.name)
    print(json.dumps({"name": recipe.name, "file_name": recipe.file_name,
                      "plan": json.loads(recipe.plan.to_json())}, ensure_ascii=False, indent=1))
    return 0


def cmd_export(args: argparse.Namespace, con) -> int:
    text = recipes.export_json(con, args.names or None)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


def cmd_import(args: argparse.Namespace, con) -> int:
    path = Path(args.file)
    if not path.is_file():
        print(t("cli.no_file", args.lang, file=args.file), file=sys.stderr)
        return 2
    for name in recipes.import_json(con, path.read_text(encoding="utf-8", errors="replace")):
        print(t("cli.recipe.added", args.lang, name=name))
    return 0


def cmd_rename(args: argparse.Namespace, con) -> int:
    print(t("cli.recipe.renamed", args.lang, name=recipes.rename(con, args.old, args.new)))
    return 0


def cmd_delete(args: argparse.Namespace, con) -> int:
    recipes.delete(con, args.name)
    print(t("cli.recipe.deleted", args.lang, name=args.name))
    return 0
