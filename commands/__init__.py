"""The subcommands of ``cli.py``: ``data`` (import, demo, history, undo) and ``views`` (the
same analyses as the pages: flags, brief, board, impact, due). Each takes the parsed arguments
and an open connection and returns the exit code."""
