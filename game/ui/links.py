"""Names in the window's texts as links to the encyclopedia.

``linked(text, glossary)`` escapes a plain text for a pygame_gui text box
and makes the first mention of each glossary name a link
(``<a href='glossary:ID'>``); pygame_gui underlines links and posts
UI_TEXT_BOX_LINK_CLICKED when one is clicked, and the app opens the
encyclopedia at that entry (game.ui.app). ``names_on`` reads back which
entries a screen's widgets name, so a key can offer them to the keyboard
(links inside a text box are for the mouse only).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Iterable

from game.engine.glossary import Glossary, glossary_of

if TYPE_CHECKING:
    from game.ui.app import App

PREFIX = "glossary:"
_HREF = re.compile(r"href=['\"]" + PREFIX + r"([\w-]+)['\"]")
_TAG = re.compile(r"<[^>]*>")


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def linked(text: str, glossary: Glossary | None, seen: set[str] | None = None, skip: Iterable[str] = ()) -> str:
    """``text`` as text-box HTML with the first mention of each name a link. ``seen`` carries the entries
    already linked across several texts of one box (each is linked once); ``skip`` entries are never linked
    (an entry's own name in its text)."""
    if glossary is None:
        return esc(text)
    seen = set(skip) | (seen if seen is not None else set())
    out, at = [], 0
    for span in glossary.find(text):
        if span.entry in seen:
            continue
        seen.add(span.entry)
        out.append(esc(text[at:span.start]))
        out.append(f"<a href='{PREFIX}{span.entry}'>{esc(text[span.start:span.end])}</a>")
        at = span.end
    out.append(esc(text[at:]))
    return "".join(out)


def glossary_for(app: "App") -> Glossary | None:
    """The glossary of the game being played, or of the scenario the menus would start; None if the
    scenario has none."""
    rules = app.session.rules if app.session is not None else default_rules(app)
    if rules is None or not rules.scenario.glossary:
        return None
    return glossary_of(rules.scenario.glossary)


def default_rules(app: "App") -> Any:
    """Outside a game: the scenario the player chose last, or the default one (each loaded once)."""
    from game.scenario import load_rules
    for sid in (getattr(app, "preferred_scenario", None), getattr(app.settings, "last_scenario", None),
                "genoa_rapallo_1922"):
        if not sid:
            continue
        if sid not in _rules:
            try:
                _rules[sid] = load_rules(sid)
            except Exception:  # noqa: BLE001 - a broken or missing scenario: try the next one
                _rules[sid] = None
        if _rules[sid] is not None:
            return _rules[sid]
    return None


_rules: dict[str, Any] = {}


def link_target(event: Any) -> str | None:
    """The entry id of a clicked glossary link (a UI_TEXT_BOX_LINK_CLICKED event), else None."""
    target = str(getattr(event, "link_target", "") or "")
    return target[len(PREFIX):] if target.startswith(PREFIX) else None


def _elements(container: Any) -> list[Any]:
    out = []
    for el in list(getattr(container, "elements", []) or []):
        out.append(el)
        inner = el.get_container() if hasattr(el, "get_container") and el is not container else None
        if inner is not None and inner is not el and inner is not container:
            out.extend(_elements(inner))
    return out


def names_on(screen: Any, glossary: Glossary | None) -> list[str]:
    """The entries a screen names, in reading order: its links, then the names in its labels, buttons and
    their tooltips (a dispatch's headline, a power's panel)."""
    if glossary is None or getattr(screen, "root", None) is None:
        return []
    ids: list[str] = []
    texts: list[str] = []
    for el in _elements(screen.root):
        if not getattr(el, "visible", True):
            continue
        html = getattr(el, "html_text", None)
        if isinstance(html, str):
            ids += _HREF.findall(html)
            texts.append(_TAG.sub(" ", html).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"))
        for attr in ("text", "tool_tip_text"):
            value = getattr(el, attr, None)
            if isinstance(value, str):
                texts.append(value)
    for t in texts:
        ids += glossary.entries_in(t)
    extra = getattr(screen, "glossary_names", None)
    if callable(extra):
        ids += list(extra())
    return [i for i in dict.fromkeys(ids) if i in glossary.by_id]
