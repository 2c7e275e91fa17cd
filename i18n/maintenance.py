"""Texts of backups, restores, schema upgrades and concurrent imports: key -> (en, zh)."""

TEXTS: dict[str, tuple[str, str]] = {
    "maintenance.import_busy": (
        "Someone else is importing right now; try again in a moment. Nothing was stored.",
        "有人正在导入数据，请稍后再试。本次未保存任何数据。",
    ),
    "maintenance.schema_too_new": (
        "This database was written by a newer Coachboard (data format {found}; this version "
        "reads up to {supported}). Update Coachboard; the database was not changed.",
        "该数据库由更新版本的 Coachboard 创建（数据格式 {found}，当前版本最高支持 {supported}）。"
        "请升级 Coachboard；数据库未做任何更改。",
    ),
    "maintenance.backup_not_empty": (
        "{path} is not empty: choose a new folder for the backup.",
        "{path} 不是空文件夹：请为备份选择一个新文件夹。",
    ),
    "maintenance.not_a_backup": (
        "{path} is not a Coachboard backup (its manifest.json is missing or unreadable). "
        "Nothing was restored.",
        "{path} 不是 Coachboard 备份（缺少 manifest.json 或无法读取）。未恢复任何数据。",
    ),
    "maintenance.backup_too_new": (
        "This backup was made by a newer Coachboard (data format {found}; this version reads "
        "up to {supported}). Update Coachboard first. Nothing was restored.",
        "该备份由更新版本的 Coachboard 创建（数据格式 {found}，当前版本最高支持 {supported}）。"
        "请先升级 Coachboard。未恢复任何数据。",
    ),
    "maintenance.restore_not_empty": (
        "The database {path} already holds data. Restoring would replace it: use --force "
        "(the current file is kept as {kept}). Nothing was restored.",
        "数据库 {path} 中已有数据，恢复会替换这些数据：如确需恢复请使用 --force"
        "（当前文件将保留为 {kept}）。未恢复任何数据。",
    ),
    "maintenance.restore_incomplete": (
        "The backup in {path} is incomplete: table {table} has {found} rows, the manifest says "
        "{expected}. Nothing was restored.",
        "{path} 中的备份不完整：表 {table} 有 {found} 行，清单记录为 {expected} 行。未恢复任何数据。",
    ),
    "maintenance.backup_done": (
        "Backup written to {path}: {tables} tables, {rows} rows.",
        "备份已写入 {path}：{tables} 张表，共 {rows} 行。",
    ),
    "maintenance.restore_done": (
        "Restored {path} into {db}: {tables} tables, {rows} rows.",
        "已将 {path} 恢复到 {db}：{tables} 张表，共 {rows} 行。",
    ),
}
