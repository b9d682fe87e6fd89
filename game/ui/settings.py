"""Window settings kept between runs: a small JSON file in the user's
config folder (``game.content.config_dir``: ``$RAPALLO_CONFIG_DIR``, else the
user's config folder, such as ``~/.config/rapallo`` or ``%APPDATA%/rapallo``).

A missing or broken file gives the defaults; unknown keys are ignored and
values out of range are brought back into range, so an old or hand-edited
file never stops the game from starting.
"""
from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from game.content import config_dir

#: Window sizes offered in the settings screen.
WINDOW_SIZES: tuple[tuple[int, int], ...] = ((1280, 720), (1600, 900), (1920, 1080), (2560, 1440))
#: Text sizes: a factor on every font, on top of the UI scale.
TEXT_SIZES: dict[str, float] = {"small": 0.9, "normal": 1.0, "large": 1.15, "largest": 1.3}
UI_SCALE_RANGE = (0.75, 2.0)


@dataclass
class Settings:
    window_size: tuple[int, int] = (1280, 720)
    fullscreen: bool = False
    ui_scale: float = 1.0
    text_size: str = "normal"
    colour_blind: bool = False
    advisor: bool = True
    advisor_seen: list[str] = field(default_factory=list)
    last_scenario: str = ""
    last_power: str = ""
    difficulty: str = "normal"
    watch_scenario: bool = False
    #: The language of the game's own words ("" until a player picks one: English, or --lang).
    language: str = ""

    @property
    def text_factor(self) -> float:
        return TEXT_SIZES.get(self.text_size, 1.0)

    # --- reading and writing ------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Any) -> "Settings":
        s = cls()
        if not isinstance(data, dict):
            return s
        known = {f.name for f in fields(cls)}
        for key, value in data.items():
            if key in known:
                try:
                    setattr(s, key, _coerce(key, value, getattr(s, key)))
                except (TypeError, ValueError):
                    continue
        return s

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["window_size"] = list(self.window_size)
        return d

    @classmethod
    def load(cls, folder: Path | None = None) -> "Settings":
        path = (folder or config_dir()) / "settings.json"
        try:
            return cls.from_dict(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return cls()

    def save(self, folder: Path | None = None) -> Path | None:
        """Write atomically; a read-only home is not an error worth stopping for."""
        folder = folder or config_dir()
        path = folder / "settings.json"
        try:
            folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps(self.to_dict(), indent=2), encoding="utf-8")
            os.replace(tmp, path)
            return path
        except OSError:
            return None


def _coerce(key: str, value: Any, default: Any) -> Any:
    if key == "window_size":
        w, h = (int(v) for v in value)
        return (min(7680, max(800, w)), min(4320, max(450, h)))
    if key == "ui_scale":
        lo, hi = UI_SCALE_RANGE
        return round(min(hi, max(lo, float(value))), 2)
    if key == "text_size":
        return value if value in TEXT_SIZES else default
    if key == "language":
        from game.i18n import available
        return value if value in available() else default
    if key == "difficulty":
        return str(value)
    if key == "advisor_seen":
        return [str(v) for v in value]
    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise TypeError(key)
        return value
    return type(default)(value)
