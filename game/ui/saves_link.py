"""The window's side of saving and loading (the saves package, game/saves/,
does the work): continue the latest game, load a save, save under a name,
quick save and quick load, undo. Every failure is shown to the player as
the saves package words it; none stops the window."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from game.i18n import S

if TYPE_CHECKING:
    from game.ui.app import App


def listing(app: "App") -> list[Any]:
    """The saves in the folder, newest first (SaveInfo), or [] without a saves folder."""
    if app.store is None:
        return []
    try:
        return list(app.store.list())
    except OSError:
        return []


def saves_status(app: "App") -> tuple[bool, bool, str]:
    """(can continue, can load, why not) for the menus."""
    if app.store is None:
        return False, False, S["ui.menu.no_saves_module"]
    entries = [i for i in listing(app) if i.ok]
    if not entries:
        return False, False, S["ui.menu.no_saves"]
    return True, True, ""


def continue_latest(app: "App") -> None:
    entries = [i for i in listing(app) if i.ok and not i.finished] or [i for i in listing(app) if i.ok]
    if not entries:
        app.toast(S["ui.menu.no_saves"])
        return
    open_save(app, str(entries[0].path))


def open_save(app: "App", ref: str) -> bool:
    """Load a save and play it; the current game (if any) is autosaved first by the saves package."""
    from game.saves import SaveError
    from game.saves.session import Session
    try:
        if app.session is not None and app.session.store is not None:
            notices = app.session.load(ref)
            session = app.session
            session.notices += notices
        else:
            session = Session.open(ref, app.store)
    except SaveError as e:
        app.toast(S["ui.save.failed_load"].format(reason=str(e)))
        return False
    app.start(session)
    app.toast(S["ui.toast.loaded"].format(name=_name(ref)))
    return True


def save_as(app: "App", name: str) -> bool:
    from game.saves import SaveError
    s = app.session
    if s is None or app.store is None:
        app.toast(S["ui.menu.no_saves_module"])
        return False
    if s.store is None:
        s.store = app.store
    try:
        path = s.save(name.strip() or None)
    except SaveError as e:
        app.toast(S["ui.save.failed"].format(reason=str(e)))
        return False
    app.toast(S["ui.toast.saved"].format(name=path.stem))
    return True


def default_name(app: "App") -> str:
    s = app.session
    if s is None:
        return ""
    return f"{s.power}-{s.state.date}"


def quick(app: "App", save: bool) -> None:
    """F5 / F9: quick save and quick load."""
    from game.saves import SaveError
    s = app.session
    if s is None or app.store is None:
        app.toast(S["ui.menu.no_saves_module"])
        return
    if s.store is None:
        s.store = app.store
    try:
        if save:
            s.quicksave()
            app.toast(S["ui.save.quicksaved"])
        else:
            notices = s.quickload()
            s.notices += notices
            app.start(s)
            app.toast(S["ui.save.quickloaded"])
    except SaveError as e:
        app.toast(S["ui.save.failed"].format(reason=str(e)))


def undo(app: "App") -> None:
    s = app.session
    if s is None:
        return
    done = s.undo()
    app.toast(S["ui.save.undone"].format(command=done) if done else S["ui.save.nothing_to_undo"])


def _name(ref: str) -> str:
    from pathlib import Path
    return Path(ref).stem
