"""Plotly's own words (the chart toolbar's tooltips, month and day names on date axes) in
Simplified Chinese, handed to Plotly.js as a locale in each chart's config.

Plotly.js ships a zh-CN locale only as a separate script Streamlit does not load; these are its
keys, the English Plotly.js writes, with the translations this app uses. English needs none.
"""

from __future__ import annotations

_MONTHS = [f"{m}月" for m in range(1, 13)]
_DAYS = ["星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"]

ZH_CN: dict = {
    "dictionary": {
        "Autoscale": "自动缩放",
        "Box Select": "矩形选择",
        "Compare data on hover": "悬停时比较数据",
        "Double-click on legend to isolate one trace": "双击图例只显示这一条",
        "Double-click to zoom back out": "双击恢复缩放",
        "Download plot": "下载图表",
        "Download plot as a png": "下载图表为 PNG 图片",
        "Download plot as a PNG": "下载图表为 PNG 图片",
        "Lasso Select": "套索选择",
        "Pan": "平移",
        "Produced with Plotly.js": "由 Plotly.js 生成",
        "Reset": "重置",
        "Reset axes": "重置坐标轴",
        "Reset view": "重置视图",
        "Reset views": "重置视图",
        "Show closest data on hover": "悬停时显示最近的数据",
        "Snapshot succeeded": "图片已生成",
        "Sorry, there was a problem downloading your snapshot!": "抱歉，图片下载失败！",
        "Taking snapshot - this may take a few seconds": "正在生成图片，可能需要几秒钟",
        "Toggle Spike Lines": "显示或隐藏辅助线",
        "Toggle show closest data on hover": "切换悬停显示最近的数据",
        "Zoom": "缩放",
        "Zoom in": "放大",
        "Zoom out": "缩小",
    },
    "format": {
        "days": _DAYS,
        "shortDays": ["周日", "周一", "周二", "周三", "周四", "周五", "周六"],
        "months": _MONTHS,
        "shortMonths": _MONTHS,
        "date": "%Y-%m-%d",
    },
}


def chart_config(lang: str) -> dict:
    """The config of a Plotly chart for a reader of ``lang``: its toolbar and dates in it.

    >>> chart_config("en")
    {'displaylogo': False}
    >>> chart_config("zh")["locale"]
    'zh-CN'
    """
    if lang == "zh":
        return {"displaylogo": False, "locale": "zh-CN", "locales": {"zh-CN": ZH_CN}}
    return {"displaylogo": False}
