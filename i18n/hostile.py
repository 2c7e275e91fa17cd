"""Texts about what an upload may be (size): key -> (en, zh)."""

TEXTS: dict[str, tuple[str, str]] = {
    "upload.limit": (
        "Files up to {mb} MB can be imported; split a bigger export (for example by quarter).",
        "可导入的文件最大为 {mb} MB；更大的导出文件请拆分（例如按季度）后导入。",
    ),
}
