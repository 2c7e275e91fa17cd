"""Texts of ``cli.py migrate-to`` (moving a DuckDB workspace onto PostgreSQL): key -> (en, zh)."""

TEXTS: dict[str, tuple[str, str]] = {
    "migrate.col.table": ("table", "数据表"),
    "migrate.col.source_rows": ("rows in the file", "文件中的行数"),
    "migrate.col.target_rows": ("rows on the server", "服务器上的行数"),
    "migrate.col.checksum": ("checksum (file)", "校验和（文件）"),
    "migrate.col.result": ("result", "结果"),
    "migrate.same": ("same", "一致"),
    "migrate.differs": ("DIFFERS", "不一致"),
    "migrate.done": (
        "Moved {tables} tables ({rows} rows) from {source} to {target}: every table has the "
        "same rows and checksum on both sides.",
        "已将 {tables} 张数据表（共 {rows} 行）从 {source} 迁移到 {target}：每张表两边的行数和"
        "校验和都一致。",
    ),
    "migrate.differs_sentence": (
        "The copy does not match the file in {tables}, so nothing was kept: {target} is as "
        "empty as before. Keep using the file and report this.",
        "复制结果与文件不一致（{tables}），因此未保留任何数据：{target} 仍与之前一样为空。"
        "请继续使用该文件，并报告此问题。",
    ),
    "migrate.not_empty": (
        "{target} already holds data (in {tables}): moving needs an empty database. Nothing "
        "was copied.",
        "{target} 中已有数据（{tables}）：迁移需要一个空数据库。未复制任何数据。",
    ),
    "migrate.not_a_server": (
        "{url} is not a PostgreSQL address: give one like "
        "postgresql://user@host:5432/database.",
        "{url} 不是 PostgreSQL 地址：请提供类似 postgresql://user@host:5432/database 的地址。",
    ),
    "migrate.source_is_server": (
        "The database to move from is a DuckDB file: COACHBOARD_DB names a server, so give "
        "the file with --from FILE.",
        "迁移的来源必须是 DuckDB 文件：COACHBOARD_DB 指向的是服务器，请用 --from FILE 指定文件。",
    ),
    "migrate.no_source": (
        "There is no database file {path}. Nothing was copied.",
        "数据库文件 {path} 不存在。未复制任何数据。",
    ),
    "migrate.stopped": (
        "The copy stopped ({reason}) and was rolled back: {target} is as empty as before.",
        "复制中断（{reason}），已全部撤销：{target} 仍与之前一样为空。",
    ),
}
