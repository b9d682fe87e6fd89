"""Look and feel: the paper-and-ink palettes, the bundled fonts, the UI
scale, and the pygame_gui theme built from ``assets/theme/rapallo.json``.

Layout is written in logical units for a 1280x720 window; ``Scale`` turns
them into pixels for the real window (and a UI-scale setting on top), so
the same screen is legible at 1280x720 and sharp at 2560x1440. Text has a
factor of its own (the text-size setting). No information is carried by
colour alone: statuses also have patterns (``PATTERNS``) and words.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, fields
from typing import Any

import pygame

from game.content import FONTS, THEME_FILE

#: Font roles (see assets/fonts/README.md): name -> style -> file.
FONT_FILES: dict[str, dict[str, str]] = {
    "body": {"regular": "OldStandard-Regular.ttf", "bold": "OldStandard-Bold.ttf",
             "italic": "OldStandard-Italic.ttf"},
    "telegram": {"regular": "PTMono-Regular.ttf", "bold": "PTMono-Bold.ttf"},
    "ui": {"regular": "PTSansCaption-Regular.ttf"},
}

#: The logical canvas layouts are written for, and the smallest one allowed.
BASE = (1280, 720)
MIN_LOGICAL = (1024, 576)


@dataclass(frozen=True)
class Palette:
    paper: str
    paper_dark: str
    paper_light: str
    card: str
    ink: str
    ink_soft: str
    ink_faint: str
    rule: str
    accent: str
    accent_dark: str
    positive: str
    sea: str
    sea_line: str
    land: str
    status_none: str
    status_de_facto: str
    status_de_jure: str
    status_full: str
    hub: str
    focus: str
    # Lines of the charts: told apart by dash and marker too, never by colour alone.
    series: tuple[str, ...] = ()

    def rgb(self, name: str) -> pygame.Color:
        return pygame.Color(getattr(self, name))

    def status(self, level: int) -> pygame.Color:
        names = ("status_none", "status_de_facto", "status_de_jure", "status_full")
        return self.rgb(names[max(0, min(3, level))])

    def as_dict(self) -> dict[str, str]:
        return {f.name: getattr(self, f.name) for f in fields(self) if isinstance(getattr(self, f.name), str)}


STANDARD = Palette(
    paper="#EDE3CB", paper_dark="#DED0AF", paper_light="#F7F1E3", card="#F3EAD4",
    ink="#2A2119", ink_soft="#5B4C3C", ink_faint="#9A8A74", rule="#8C7B63",
    accent="#9E2B25", accent_dark="#74201B", positive="#3D6A39",
    sea="#C9D2C8", sea_line="#A9B7AC", land="#E7DCC2",
    status_none="#D2C3A2", status_de_facto="#D8AB55", status_de_jure="#8EAE89", status_full="#5A8A9C",
    hub="#B4473D", focus="#234A7A",
    series=("#2A2119", "#9E2B25", "#3D6A39", "#234A7A", "#8A5A14", "#6B3F7A", "#4F6E78", "#7A6A3A",
            "#A4533F", "#375A2F"),
)

#: After the Okabe-Ito set, toned towards paper: safe for the common colour-vision deficiencies.
COLOUR_BLIND = Palette(
    paper="#EDE5D2", paper_dark="#DCD2BC", paper_light="#F8F4EA", card="#F3ECDC",
    ink="#1F1B16", ink_soft="#4E463C", ink_faint="#938A7C", rule="#857B6C",
    accent="#B84F12", accent_dark="#8A3A0C", positive="#0F5F95",
    sea="#D3DADF", sea_line="#B6C1C8", land="#E8E1D0",
    status_none="#D5CDBB", status_de_facto="#E8B84A", status_de_jure="#86BCE0", status_full="#2F6FA6",
    hub="#C8612A", focus="#0F5F95",
    series=("#1F1B16", "#D55E00", "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#8C7A00",
            "#6B4C9A", "#4D4D4D"),
)


def palette_for(colour_blind: bool) -> Palette:
    return COLOUR_BLIND if colour_blind else STANDARD


#: Status level -> pattern drawn over the colour (see widgets.patterns).
PATTERNS: dict[int, str] = {0: "plain", 1: "dots", 2: "lines", 3: "cross"}
HUB_PATTERN = "diagonal"


class Scale:
    """Logical units (a 1280x720 layout) to pixels, with the UI and text factors."""

    def __init__(self, size: tuple[int, int], ui_scale: float = 1.0, text_factor: float = 1.0) -> None:
        w, h = max(320, size[0]), max(240, size[1])
        fit = min(w / BASE[0], h / BASE[1])
        s = fit * ui_scale
        # Never shrink the logical canvas below what the layouts can hold.
        s = min(s, w / MIN_LOGICAL[0], h / MIN_LOGICAL[1])
        self.size = (w, h)
        self.s = max(0.4, s)
        self.text = text_factor
        self.width = w / self.s
        self.height = h / self.s

    def px(self, v: float) -> int:
        return int(round(v * self.s))

    def font(self, v: float) -> int:
        return max(8, int(round(v * self.s * self.text)))

    def rect(self, x: float, y: float, w: float, h: float) -> pygame.Rect:
        x0, y0 = self.px(x), self.px(y)
        return pygame.Rect(x0, y0, max(1, self.px(x + w) - x0), max(1, self.px(y + h) - y0))

    def to_logical(self, pos: tuple[int, int]) -> tuple[float, float]:
        return pos[0] / self.s, pos[1] / self.s

    def key(self) -> tuple:
        return (self.size, round(self.s, 4), self.text)


_SCALED = {"size", "border_width", "text_horiz_alignment_padding", "text_vert_alignment_padding",
           "shape_corner_radius", "rect_width"}


def _template() -> dict[str, Any]:
    return json.loads(THEME_FILE.read_text(encoding="utf-8"))


def gui_theme(palette: Palette, scale: Scale) -> dict[str, Any]:
    """The theme as pygame_gui wants it: colours filled in, sizes scaled, font files named."""
    colours = palette.as_dict()
    out: dict[str, Any] = {}
    for key, block in _template().items():
        if key.startswith("_"):
            continue
        out[key] = _fill(block, colours, scale)
    return out


def _fill(node: Any, colours: dict[str, str], scale: Scale, key: str = "") -> Any:
    if isinstance(node, dict):
        filled = {k: _fill(v, colours, scale, k) for k, v in node.items()}
        if key == "font":
            filled = _font_block(filled, scale)
        return filled
    if isinstance(node, str) and node.startswith("@"):
        return colours[node[1:]]
    if key in _SCALED and isinstance(node, str) and node.isdigit() and key != "size":
        return str(max(1, scale.px(int(node)))) if int(node) else "0"
    if key == "padding" and isinstance(node, str):
        return ",".join(str(scale.px(int(p))) for p in node.split(","))
    return node


def _font_block(block: dict[str, Any], scale: Scale) -> dict[str, Any]:
    name = block.get("name", "ui")
    files = FONT_FILES[name]
    block = dict(block)
    block["size"] = str(scale.font(int(block.get("size", "15"))))
    block["regular_path"] = str(FONTS / files["regular"])
    block["bold_path"] = str(FONTS / files.get("bold", files["regular"]))
    block["italic_path"] = str(FONTS / files.get("italic", files["regular"]))
    block["bold_italic_path"] = str(FONTS / files.get("bold", files["regular"]))
    return block


def make_manager(size: tuple[int, int], palette: Palette, scale: Scale):  # type: ignore[no-untyped-def]
    """A fresh pygame_gui manager for this size, palette and scale."""
    import pygame_gui
    manager = pygame_gui.UIManager(size, gui_theme(palette, scale), enable_live_theme_updates=False)
    for name, files in FONT_FILES.items():
        manager.add_font_paths(name, str(FONTS / files["regular"]), str(FONTS / files.get("bold", files["regular"])),
                               str(FONTS / files.get("italic", files["regular"])),
                               str(FONTS / files.get("bold", files["regular"])))
    return manager


def font_spec(element: str, object_id: str | None = None) -> tuple[str, int, str]:
    """The font (role, size at UI scale 1, style) the theme gives an element type or object id,
    so that a layout can measure its text before making the widget."""
    theme = _template()
    block: dict[str, Any] = {}
    for key in ("defaults", element, f"#{object_id}" if object_id else "", f"{element}.#{object_id}" if object_id else ""):
        block.update(theme.get(key, {}).get("font", {}) if key else {})
    style = "bold" if block.get("bold") == "1" else "italic" if block.get("italic") == "1" else "regular"
    return str(block.get("name", "ui")), int(block.get("size", "15")), style
