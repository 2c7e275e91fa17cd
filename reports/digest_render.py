"""A digest as the words each channel carries: plain text, HTML (e-mail) and chat markup.

User text (names, teams, metric names, evidence) is never markup: HTML escapes it, chat markup
makes its link and emphasis characters inert. Chat messages never carry coaching texts
(``Line.private``); they say so and link to the app instead.
"""

from __future__ import annotations

import html

from i18n import t
from reports.digest import Digest, Line

# Chat markup characters that could make a name a link, a mention or emphasis, and the
# look-alike shown instead (the full-width forms Chinese text uses anyway).
_INERT = str.maketrans({"[": "［", "]": "］", "<": "‹", ">": "›", "*": "＊", "_": "＿",
                        "`": "｀", "#": "＃", "~": "～", "|": "｜", "@": "＠", "&": "＆"})
STYLES = ("markdown", "slack", "plain")


def url(base: str | None, link: str | None) -> str | None:
    """The full address of an app path, or None without a base URL or a path."""
    if not base or not link:
        return None
    return f"{base.rstrip('/')}/{link}"


def _footer(d: Digest, base: str | None) -> list[str]:
    opener = t("digest.open_app", d.lang, url=base) if base else t("digest.no_link", d.lang)
    return [opener, t("digest.footer", d.lang, email=d.email)]


def _intro(d: Digest) -> str:
    if d.as_of is None:
        return t("digest.empty", d.lang)
    return t("digest.hello", d.lang, date=f"{d.as_of:%Y-%m-%d}")


def _rest(count: int, shown: int, lang: str) -> list[str]:
    return [t("digest.more", lang, n=count - shown)] if count > shown else []


def plain_text(d: Digest, base: str | None = None) -> str:
    """The e-mail's text part: every section, its lines with their links."""
    out = [d.subject, "", _intro(d)]
    for s in d.sections:
        out += ["", f"## {s.title}", s.summary]
        for line in s.lines:
            out.append(f"- {line.text}")
            if line.private:
                out.append(f"  {line.private}")
            if link := url(base, line.link):
                out.append(f"  {link}")
        out += _rest(s.count, len(s.lines), d.lang)
    out += ["", *d.notes, "", *_footer(d, base)]
    return "\n".join(out).strip() + "\n"


def _html_line(line: Line, base: str | None) -> str:
    text = html.escape(line.text)
    if link := url(base, line.link):
        text = f'<a href="{html.escape(link, quote=True)}">{text}</a>'
    if line.private:
        text += f'<br><span style="color:#555">{html.escape(line.private)}</span>'
    return f"<li>{text}</li>"


def html_body(d: Digest, base: str | None = None, image: str | None = None) -> str:
    """The e-mail's HTML part, every piece of data escaped; ``image`` is the Content-ID of the
    key chart's inline PNG (``d.chart``), shown under the greeting."""
    e = html.escape
    parts = [f"<!doctype html><html lang=\"{'zh-CN' if d.lang == 'zh' else 'en'}\">"
             '<head><meta charset="utf-8"></head><body style="font-family:sans-serif">',
             f"<h1 style=\"font-size:18px\">{e(d.subject)}</h1><p>{e(_intro(d))}</p>"]
    if image and d.chart is not None:
        alt = t("dchart.alt", d.lang, title=d.chart.title)
        parts.append(f'<p><img src="cid:{e(image, quote=True)}" alt="{e(alt, quote=True)}" '
                     'width="640" style="max-width:100%;height:auto"></p>')
    for s in d.sections:
        parts.append(f"<h2 style=\"font-size:16px\">{e(s.title)}</h2><p>{e(s.summary)}</p>")
        if s.lines:
            parts.append("<ul>" + "".join(_html_line(x, base) for x in s.lines) + "</ul>")
        parts += [f"<p>{e(x)}</p>" for x in _rest(s.count, len(s.lines), d.lang)]
    parts += [f"<p style=\"color:#555\">{e(x)}</p>" for x in (*d.notes, *_footer(d, base))]
    return "\n".join(parts) + "</body></html>\n"


def inert(text: str, style: str) -> str:
    """``text`` with no chat markup left in it (plain style: as it is). Slack's documented
    way is to write its three control characters as HTML entities."""
    if style == "slack":
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text if style == "plain" else text.translate(_INERT)


def _chat_link(label: str, link: str | None, style: str) -> str:
    if link is None:
        return label
    if style == "slack":
        return f"<{link}|{label}>"
    if style == "markdown":
        return f"[{label}]({link})"
    return f"{label} {link}"


def chat_text(d: Digest, base: str | None = None, *, style: str = "markdown") -> str:
    """One chat message: sections with their lines, no coaching texts, links to the app."""
    if style not in STYLES:
        raise ValueError(f"style must be one of {STYLES}, got {style!r}")
    bold = {"markdown": "**{}**", "slack": "*{}*", "plain": "{}"}[style]
    out = [bold.format(inert(d.subject, style)), inert(_intro(d), style)]
    private = False
    for s in d.sections:
        out += ["", bold.format(inert(s.title, style)), inert(s.summary, style)]
        for line in s.lines:
            out.append("- " + _chat_link(inert(line.text, style), url(base, line.link), style))
            private |= bool(line.private)
        out += [inert(x, style) for x in _rest(s.count, len(s.lines), d.lang)]
    if private:
        out += ["", inert(t("digest.private_note", d.lang), style)]
    out += ["", *(inert(x, style) for x in d.notes)]
    out.append(_chat_link(inert(t("digest.open", d.lang), style), base, style) if base
               else inert(t("digest.no_link", d.lang), style))
    return "\n".join(out).strip() + "\n"
