"""Small HTML pieces shared by packets and the debrief: a page with print
CSS, escaped paragraphs and lists. Everything that comes from a scenario is
escaped here, so a scenario's text can never become markup."""
from __future__ import annotations

from html import escape

__all__ = ["escape", "page", "h", "p", "ul", "dl", "table"]
from typing import Iterable

CSS = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 46em; margin: 2em auto; color: #1d1a16;
       line-height: 1.45; padding: 0 1em; }
h1 { font-size: 1.7em; margin-bottom: .1em; } h2 { font-size: 1.2em; border-bottom: 1px solid #999;
     margin-top: 1.4em; } .sub { color: #555; margin-top: 0; }
.secret { border: 2px solid #1d1a16; padding: .6em 1em; } .note { font-style: italic; color: #444; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #aaa; padding: .3em .5em;
        text-align: left; vertical-align: top; }
dt { font-weight: bold; } dd { margin: 0 0 .4em 1.2em; }
.role { page-break-inside: avoid; margin-bottom: 1em; }
@media print { body { margin: 0; max-width: none; font-size: 11pt; } a { color: inherit; text-decoration: none; }
               .page { page-break-after: always; } h2 { page-break-after: avoid; } }
"""


def page(title: str, body: Iterable[str], lang: str = "en") -> str:
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n'
            + "\n".join(body) + "\n</body>\n</html>\n")


def h(level: int, text: str) -> str:
    return f"<h{level}>{escape(text)}</h{level}>"


def p(text: str, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f"<p{klass}>{escape(text)}</p>"


def ul(items: Iterable[str]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def dl(pairs: Iterable[tuple[str, str]]) -> str:
    return "<dl>" + "".join(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in pairs) + "</dl>"


def table(head: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    out = ["<table><thead><tr>" + "".join(f"<th>{escape(c)}</th>" for c in head) + "</tr></thead><tbody>"]
    out += ["<tr>" + "".join(f"<td>{escape(str(c))}</td>" for c in row) + "</tr>" for row in rows]
    return "".join(out) + "</tbody></table>"
