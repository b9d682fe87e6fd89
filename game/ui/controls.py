"""The widgets of one screen, built once: pygame_gui elements with the
action each one triggers, their tooltips, and keyboard focus.

Every control a mouse can use is also in the focus order: Tab and
Shift+Tab walk it, the arrow keys move to the nearest control in that
direction (or change a slider or a choice), Enter and Space activate.
Mouse and keyboard reach the same action. Values are pushed into widgets
only when they change (``set_text`` is slow in pygame_gui), and every
real re-layout is counted in ``stats``.
"""
from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

import pygame
import pygame_gui
from pygame_gui.core import ObjectID, UIContainer
from pygame_gui.elements import (UIButton, UICheckBox, UIDropDownMenu, UIHorizontalSlider, UILabel, UIPanel,
                                 UITextBox, UITextEntryLine)

from game.ui import stats

Action = Callable[[], None]


class Slider(UIHorizontalSlider):
    """A slider whose step buttons read − and + (the bundled fonts have no ◀ ▶)."""

    def rebuild(self) -> None:
        self.left_arrow_text, self.right_arrow_text = "\u2212", "+"
        super().rebuild()


@dataclass(eq=False)
class Control:
    kind: str                              # button, check, slider, choice, hotspot
    element: Any                           # the pygame_gui element (None for a hotspot)
    action: Action | None = None
    on_change: Callable[[Any], None] | None = None
    tooltip: str = ""
    rect: pygame.Rect | None = None        # hotspots only
    options: list[tuple[Any, str]] = field(default_factory=list)
    value: Any = None
    step: float = 1.0
    bounds: tuple[float, float] = (0.0, 1.0)
    enabled: bool = True
    group: str = ""
    power_id: str = ""          # for controls that stand for a power (the map's hotspots)
    seq: float = 0.0            # place in the reading order (Tab)

    @property
    def area(self) -> pygame.Rect:
        if self.element is not None:
            return pygame.Rect(self.element.rect)
        return pygame.Rect(self.rect or (0, 0, 0, 0))

    @property
    def visible(self) -> bool:
        if self.element is None:
            return True
        return bool(self.element.visible) and self.element.alive()

    @property
    def usable(self) -> bool:
        return self.enabled and self.visible


ELLIPSIS = "\u2026"
#: Groups read last whatever the order they were made in: the bar of buttons at the bottom.
LAST_GROUPS = ("nav",)
#: Groups read first: a card laid over the screen (the advisor's note) speaks before what it covers.
FIRST_GROUPS = ("advisor",)


def layer(c: "Control") -> int:
    """Tab reads the overlaid card, then the screen in reading order, then the bottom bar."""
    return 0 if c.group in FIRST_GROUPS else 2 if c.group in LAST_GROUPS else 1


def text_font(element: Any) -> Any:
    """The pygame_gui font an element draws its text with (a check box's is its label's)."""
    label = getattr(element, "text_label", None)
    return getattr(label if label is not None else element, "font", None)


def text_room(element: Any) -> int:
    """The width in pixels an element has for its text (inside padding and border)."""
    if isinstance(element, UICheckBox):
        return int(getattr(element, "room", element.rect.width))
    pad = int(getattr(element, "text_horiz_alignment_padding", 0) or 0)
    border = getattr(element, "border_width", 0) or 0
    if isinstance(border, dict):  # pygame_gui 0.6.14 keeps one width per side
        border = max([int(v) for v in border.values()] or [0])
    return int(element.rect.width) - 2 * (pad + border)


def text_width(element: Any, text: str) -> int:
    font = text_font(element)
    return int(font.get_rect(text).width) if font is not None and text else 0


def ellipsize(measure: Callable[[str], int], text: str, width: int) -> str:
    """The longest start of ``text`` that fits ``width`` with an ellipsis (the whole text if it fits)."""
    if width <= 0 or measure(text) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if measure(text[:mid].rstrip() + ELLIPSIS) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS


def _oid(object_id: str | None) -> ObjectID | None:
    if not object_id:
        return None
    return ObjectID(object_id=object_id if object_id.startswith("#") else "#" + object_id)


class Controls:
    """Factory and registry for one screen's widgets."""

    def __init__(self, manager: pygame_gui.UIManager, container: UIContainer, text_factor: float = 1.0) -> None:
        self.text_factor = text_factor
        self.manager = manager
        self.container = container
        self.order: list[Control] = []
        self.by_element: dict[int, Control] = {}
        self.focus: Control | None = None
        self.keyboard_mode = False
        #: Boxes that scroll (Controls.scrolling), with the height of what they hold: PageUp/PageDown scroll
        #: them, and a control that takes the keyboard's focus inside one is scrolled into view.
        self.scrollers: list[tuple[Any, int]] = []
        #: Text as the screen meant it, and the tooltip it gave, for elements whose text was cut to fit.
        self.full_text: dict[int, str] = {}
        self.base_tip: dict[int, str] = {}
        self.cut: set[int] = set()
        #: Width in pixels of a text in an element type's font, padding included (set by the screen).
        self.measure: Callable[..., int] | None = None
        self.pointer: tuple[int, int] | None = None
        self.counter = 0
        self.group_seq: dict[str, float] = {}
        self.group_n: dict[str, int] = {}
        #: Elements the screen has hidden: showing the screen again (a modal closed) must not show them.
        self.hidden: dict[int, Any] = {}

    # --- making widgets ---------------------------------------------------------------

    def reserve(self, group: str) -> None:
        """Keep a place in the reading order for a group made later (rows rebuilt on refresh)."""
        if group not in self.group_seq:
            self.group_seq[group] = float(self.counter)
            self.counter += 1

    def _add(self, c: Control) -> Control:
        # Reading order is the order a screen lays its controls out, top to bottom; a group made again
        # later (a list refreshed) keeps the place it first had.
        if c.group and c.group in self.group_seq:
            self.group_n[c.group] = self.group_n.get(c.group, 0) + 1
            c.seq = self.group_seq[c.group] + self.group_n[c.group] / 100000.0
        else:
            c.seq = float(self.counter)
            self.counter += 1
            if c.group:
                self.group_seq[c.group] = c.seq
                self.group_n[c.group] = 0
        self.order.append(c)
        if c.element is not None:
            self.by_element[id(c.element)] = c
        return c

    def button(self, rect: pygame.Rect, text: str, action: Action | None, tooltip: str = "",
               object_id: str | None = None, enabled: bool = True, group: str = "") -> UIButton:
        b = UIButton(rect, text, self.manager, container=self.container, object_id=_oid(object_id),
                     tool_tip_text=tooltip or None)
        if not enabled:
            b.disable()
        self._add(Control("button", b, action=action, tooltip=tooltip, enabled=enabled, group=group))
        self.fit(b, text, tooltip)
        return b

    def label(self, rect: pygame.Rect, text: str, object_id: str | None = None, tooltip: str = "") -> UILabel:
        if self.text_factor > 1.0:
            # Larger text needs taller lines; the layout keeps the top of each label where it was.
            rect = pygame.Rect(rect.x, rect.y, rect.width, int(rect.height * self.text_factor))
        lab = UILabel(rect, "", self.manager, container=self.container, object_id=_oid(object_id))
        if tooltip:
            lab.set_tooltip(tooltip)
        self.fit(lab, text, tooltip)
        return lab

    @contextmanager
    def scrolling(self, rect: pygame.Rect, content_height: int) -> Iterator[pygame.Rect]:
        """Widgets made inside the block go into a box that scrolls up and down when the content is taller
        than ``rect`` (large UI scale and text): room runs out, the text keeps its size. Inside, positions
        are relative to the box; the block gets the box's inner area (narrower by the scroll bar if any)."""
        from pygame_gui.elements import UIScrollingContainer
        box = UIScrollingContainer(rect, self.manager, container=self.container, allow_scroll_x=False)
        scroll_w = 20 if content_height > rect.height else 0
        box.set_scrollable_area_dimensions((rect.width - scroll_w, max(rect.height, content_height)))
        self.scrollers.append((box, max(rect.height, content_height)))
        outer, self.container = self.container, box.get_container()
        try:
            yield pygame.Rect(0, 0, rect.width - scroll_w, max(rect.height, content_height))
        finally:
            self.container = outer

    def text_box(self, rect: pygame.Rect, html: str, object_id: str | None = None) -> UITextBox:
        stats.bump("html")
        return UITextBox(html, rect, self.manager, container=self.container, object_id=_oid(object_id))

    def panel(self, rect: pygame.Rect, object_id: str | None = None) -> UIPanel:
        return UIPanel(rect, starting_height=0, manager=self.manager, container=self.container,
                       object_id=_oid(object_id))

    def check(self, rect: pygame.Rect, text: str, value: bool, on_change: Callable[[bool], None],
              tooltip: str = "", enabled: bool = True, group: str = "") -> UICheckBox:
        size = rect.height
        box = UICheckBox(pygame.Rect(rect.x, rect.y + (rect.height - size) // 2, size, size), text, self.manager,
                         container=self.container, initial_state=bool(value), tool_tip_text=tooltip or None)
        # The label runs right of the box; it may use the rest of the rect and no more.
        box.room = rect.right - (box.text_label.rect.x if box.text_label is not None else rect.x + size)  # type: ignore[attr-defined]
        if not enabled:
            box.disable()
        self._add(Control("check", box, on_change=on_change, tooltip=tooltip, value=bool(value),
                          enabled=enabled, group=group))
        self.fit(box, text, tooltip)
        return box

    def slider(self, rect: pygame.Rect, value: float, lo: float, hi: float, step: float,
               on_change: Callable[[float], None], tooltip: str = "", enabled: bool = True,
               group: str = "") -> UIHorizontalSlider:
        s = Slider(rect, value, (lo, hi), self.manager, container=self.container, click_increment=step)
        if tooltip:
            s.set_tooltip(tooltip)
        if not enabled:
            s.disable()
        self._add(Control("slider", s, on_change=on_change, tooltip=tooltip, value=value, step=step,
                          bounds=(lo, hi), enabled=enabled, group=group))
        return s

    def choice(self, rect: pygame.Rect, options: list[tuple[Any, str]], value: Any,
               on_change: Callable[[Any], None], tooltip: str = "", enabled: bool = True,
               group: str = "") -> UIDropDownMenu:
        c = Control("choice", None, on_change=on_change, tooltip=tooltip, options=list(options), value=value,
                    enabled=enabled, group=group, rect=pygame.Rect(rect))
        c.element = self._make_dropdown(c)
        return self._add(c).element

    def _make_dropdown(self, c: Control) -> UIDropDownMenu:
        measure = self.measure
        room = c.rect.width
        labels = [(label if measure is None else ellipsize(lambda t: measure(t, "drop_down_menu"), label, room),
                   str(i)) for i, (_, label) in enumerate(c.options)] or [("-", "0")]
        idx = next((i for i, (v, _) in enumerate(c.options) if v == c.value), 0)
        d = self._dropdown_menu(labels, labels[idx], c.rect)
        full = c.options[idx][1] if c.options else ""
        tip = c.tooltip if full == labels[idx][0] or not full else f"{full}\n{c.tooltip}".strip()
        if tip:
            d.set_tooltip(tip)
        if not c.enabled or not c.options:
            d.disable()
        return d

    def _dropdown_menu(self, labels: list[tuple[str, str]], selected: tuple[str, str],
                       rect: pygame.Rect) -> UIDropDownMenu:
        """A drop-down whose list stays inside the window: it opens downwards if its options fit below,
        else towards the side with more room, limited to that room (the list scrolls)."""
        window = self.container.get_container().get_rect() if self.container is not None else None
        height = window.height if window is not None else rect.bottom + rect.height * 8
        top = rect.y + (window.y if window is not None else 0)
        below = height - (top + rect.height) - 4
        above = top - 4
        need = rect.height * len(labels) + 4
        up = need > below and above > below
        limit = max(rect.height, min(need, int(above if up else below)))
        return UIDropDownMenu(labels, selected, rect, self.manager, container=self.container,
                              expansion_height_limit=limit, object_id=_oid("opens_up") if up else None)

    def text_entry(self, rect: pygame.Rect, text: str, submit: Action, tooltip: str = "") -> UITextEntryLine:
        """A line of text; Enter submits. While it has the focus, keys type into it (Tab still moves on)."""
        e = UITextEntryLine(rect, self.manager, container=self.container, initial_text=text)
        if tooltip:
            e.set_tooltip(tooltip)
        self._add(Control("text", e, action=submit, tooltip=tooltip))
        return e

    def adopt(self, kind: str, element: Any, action: Action | None, tooltip: str = "", group: str = "") -> Control:
        """Register a widget made elsewhere (inside a panel of its own)."""
        return self._add(Control(kind, element, action=action, tooltip=tooltip, group=group))

    def hotspot(self, rect: pygame.Rect, action: Action, tooltip: str = "", group: str = "") -> Control:
        """A focusable area of something drawn by hand (a power on the map, a chart)."""
        return self._add(Control("hotspot", None, action=action, tooltip=tooltip, rect=pygame.Rect(rect),
                                 group=group))

    # --- changing widgets (only when the value changed) -------------------------------------

    def set_text(self, element: Any, text: str) -> None:
        if element is None or self.full_text.get(id(element), getattr(element, "text", None)) == text:
            return
        stats.bump("set_text")
        self.fit(element, text)

    def fit(self, element: Any, text: str, tooltip: str | None = None) -> str:
        """Show ``text`` in the element, cut with an ellipsis if it is wider than the element;
        the whole text then goes into the tooltip. Returns what is shown."""
        key = id(element)
        shown = ellipsize(lambda t: text_width(element, t), text, text_room(element))
        if getattr(element, "text", None) != shown:
            element.set_text(shown)
        was_cut = key in self.cut
        self.full_text[key] = text
        if shown != text:
            self.cut.add(key)
        else:
            self.cut.discard(key)
        if tooltip is not None:
            self.base_tip[key] = tooltip
        if tooltip is not None or was_cut or key in self.cut:
            tip = self.tooltip_of(element)
            element.set_tooltip(tip or None)
        return shown

    def set_tooltip(self, element: Any, tooltip: str) -> None:
        """A new tooltip for an element (kept together with the whole text if the text was cut)."""
        self.base_tip[id(element)] = tooltip
        c = self.by_element.get(id(element))
        if c is not None:
            c.tooltip = tooltip
        element.set_tooltip(self.tooltip_of(element) or None)

    def tooltip_of(self, element: Any) -> str:
        """The text a hover shows for this element: the whole text if it was cut, then its tooltip."""
        key = id(element)
        c = self.by_element.get(key)
        base = self.base_tip.get(key) or (c.tooltip if c is not None else "")
        full = self.full_text.get(key, "")
        if key in self.cut and full not in base:
            return f"{full}\n{base}" if base else full
        return base

    def set_html(self, box: UITextBox, html: str) -> None:
        if box.html_text == html:
            return
        stats.bump("html")
        box.set_text(html)

    def set_enabled(self, element: Any, on: bool, tooltip: str | None = None) -> None:
        c = self.by_element.get(id(element))
        if c is not None:
            if c.enabled == on and (tooltip is None or tooltip == c.tooltip):
                return
            c.enabled = on
            if tooltip is not None and tooltip != c.tooltip:
                self.set_tooltip(element, tooltip)
        element.enable() if on else element.disable()

    def set_visible(self, element: Any, on: bool) -> None:
        if on:
            self.hidden.pop(id(element), None)
        else:
            self.hidden[id(element)] = element
        if bool(element.visible) != on:
            element.show() if on else element.hide()

    def rehide(self) -> None:
        """pygame_gui shows every child when a container is shown again: hide once more what the screen hid,
        or a button it had put away comes back without its action (a "Use this package" after saving)."""
        for element in self.hidden.values():
            if element.alive() and element.visible:
                element.hide()

    def set_choice(self, element: UIDropDownMenu, value: Any, options: list[tuple[Any, str]] | None = None) -> UIDropDownMenu:
        """Select a value (and optionally new options): the drop-down is made again, as pygame_gui needs."""
        c = self.by_element.get(id(element))
        if c is None:
            return element
        if c.value == value and (options is None or options == c.options):
            return element
        c.value = value
        if options is not None:
            c.options = list(options)
        rect = pygame.Rect(c.rect)
        self.by_element.pop(id(element), None)
        element.kill()
        stats.bump("rebuild")
        c.element = self._make_dropdown(c)
        c.rect = rect
        self.by_element[id(c.element)] = c
        return c.element

    def set_slider(self, element: UIHorizontalSlider, value: float) -> None:
        c = self.by_element.get(id(element))
        if c is not None and c.value == value:
            return
        if c is not None:
            c.value = value
        element.set_current_value(value, warn=False)

    def set_check(self, element: UICheckBox, value: bool) -> None:
        c = self.by_element.get(id(element))
        if c is not None:
            c.value = bool(value)
        if element.get_state() != bool(value):
            element.is_checked = bool(value)
            element._update_visual_state()

    def remove(self, element: Any) -> None:
        c = self.by_element.pop(id(element), None)
        if c is not None:
            self.order.remove(c)
            if self.focus is c:
                self.focus = None
        element.kill()

    def remove_group(self, group: str) -> None:
        for c in [c for c in self.order if c.group == group]:
            self.order.remove(c)
            if c.element is not None:
                self.by_element.pop(id(c.element), None)
                c.element.kill()
            if self.focus is c:
                self.focus = None

    def control_of(self, element: Any) -> Control | None:
        return self.by_element.get(id(element))

    # --- events --------------------------------------------------------------------------

    def handle_gui_event(self, event: pygame.event.Event) -> bool:
        """pygame_gui's events: a press, a toggle, a slider, a choice. True if one of ours."""
        if event.type == pygame.MOUSEMOTION:
            self.pointer = tuple(event.pos)  # type: ignore[assignment]
        element = getattr(event, "ui_element", None)
        if element is None:
            return False
        c = self.by_element.get(id(element))
        if c is None:
            return False
        if event.type == pygame_gui.UI_BUTTON_PRESSED and c.kind == "button":
            self.keyboard_mode = False
            self.focus = c
            if c.action and c.enabled:
                c.action()
            return True
        if event.type in (pygame_gui.UI_CHECK_BOX_CHECKED, pygame_gui.UI_CHECK_BOX_UNCHECKED) and c.kind == "check":
            c.value = event.type == pygame_gui.UI_CHECK_BOX_CHECKED
            self.focus = c
            if c.on_change:
                c.on_change(c.value)
            return True
        if event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED and c.kind == "slider":
            value = self._snap(c, float(event.value))
            self.focus = c
            if value != c.value:
                c.value = value
                if value != float(element.get_current_value()):
                    element.set_current_value(value, warn=False)
                if c.on_change:
                    c.on_change(value)
            return True
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED and c.kind == "choice":
            idx = int(getattr(event, "selected_option_id", "0") or 0)
            self.focus = c
            if 0 <= idx < len(c.options):
                value = c.options[idx][0]
                if value != c.value:
                    c.value = value
                    if c.on_change:
                        c.on_change(value)
            return True
        return False

    def _snap(self, c: Control, value: float) -> float:
        lo, hi = c.bounds
        v = lo + round((value - lo) / c.step) * c.step
        return float(min(hi, max(lo, round(v, 6))))

    def handle_key(self, event: pygame.event.Event) -> bool:
        """Keyboard navigation and activation. True if the key was used."""
        if event.type != pygame.KEYDOWN:
            return False
        key = event.key
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if key == pygame.K_TAB:
            self.keyboard_mode = True
            self.move(-1 if shift else 1)
            self._sync_text_focus()
            self._scroll_into_view(self.focus)
            return True
        if key in (pygame.K_PAGEDOWN, pygame.K_PAGEUP) and self._typing() is None:
            return self.page(1 if key == pygame.K_PAGEDOWN else -1)
        c = self.focus if self.focus in self.order and self.focus is not None and self.focus.visible else None
        typing = self._typing()
        if typing is not None:
            if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
                self.focus = typing
                if typing.action:
                    typing.action()
                return True
            return False  # the text entry types it
        if key in (pygame.K_LEFT, pygame.K_RIGHT) and c is not None and c.kind in ("slider", "choice"):
            self.keyboard_mode = True
            self.adjust(c, 1 if key == pygame.K_RIGHT else -1)
            return True
        if key in (pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT):
            self.keyboard_mode = True
            if c is None:
                self.move(1)
            else:
                self.move_direction({pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1), pygame.K_LEFT: (-1, 0),
                                     pygame.K_RIGHT: (1, 0)}[key])
            self._scroll_into_view(self.focus)
            return True
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) and c is not None:
            self.keyboard_mode = True
            self.activate(c, back=shift)
            return True
        return False

    def page(self, direction: int) -> bool:
        """Scroll every scrolling box on the screen by a page (PageDown: 1, PageUp: -1). True if one moved."""
        moved = False
        for box, _total in self.scrollers:
            bar = getattr(box, "vert_scroll_bar", None)
            if bar is None or not box.alive():
                continue
            top = max(0.0, 1.0 - bar.visible_percentage)
            new = min(top, max(0.0, bar.start_percentage + direction * bar.visible_percentage))
            if new != bar.start_percentage:
                bar.set_scroll_from_start_percentage(new)
                moved = True
        return moved

    def _scroll_into_view(self, c: Control | None) -> None:
        """Scroll the box that holds ``c`` (if one does) so that the keyboard's focus can be seen."""
        if c is None:
            return
        for box, total in self.scrollers:
            bar = getattr(box, "vert_scroll_bar", None)
            if bar is None or not box.alive() or getattr(c.element, "ui_container", None) is not box.get_container():
                continue
            view = box.rect.height
            top = bar.start_percentage * total
            y0 = c.element.relative_rect.top
            y1 = c.element.relative_rect.bottom
            if y0 < top:
                top = y0
            elif y1 > top + view:
                top = y1 - view
            else:
                return
            bar.set_scroll_from_start_percentage(min(max(0.0, 1.0 - bar.visible_percentage), max(0.0, top / total)))
            return

    def _typing(self) -> Control | None:
        """The text entry that has pygame_gui's focus (so keys type into it), if any."""
        focused = self.manager.get_focus_set() or set()
        for c in self.order:
            if c.kind == "text" and c.element in focused:
                return c
        return None

    def _sync_text_focus(self) -> None:
        c = self.focus
        if c is not None and c.kind == "text":
            self.manager.set_focus_set(c.element)
        elif self._typing() is not None:
            self.manager.set_focus_set(None)

    def usable(self) -> list[Control]:
        return [c for c in self.order if c.usable]

    def reachable(self) -> list[Control]:
        """What Tab walks, in reading order: every visible control, disabled ones too (their focus
        shows why they are disabled)."""
        items = [c for c in self.order if c.kind != "label" and c.visible]
        return sorted(items, key=lambda c: (layer(c), c.seq))

    def hint(self) -> Control | None:
        """The control whose tooltip the window should draw itself: the keyboard's focus, or a disabled
        control under the mouse (pygame_gui shows no tooltip for those)."""
        c = self.focus
        if self.keyboard_mode and c is not None and c in self.order and c.visible:
            return c
        if self.pointer is not None:
            for c in self.order:
                if c.kind != "label" and not c.enabled and c.visible and c.area.collidepoint(self.pointer):
                    return c
        return None

    def hint_text(self, c: Control) -> str:
        from game.i18n import S
        tip = self.tooltip_of(c.element) if c.element is not None else c.tooltip
        if not c.enabled and tip:
            return S["ui.hint.disabled"].format(reason=tip[:1].upper() + tip[1:])
        return tip

    def move(self, delta: int) -> None:
        items = self.reachable()
        if not items:
            self.focus = None
            return
        if self.focus not in items:
            self.focus = items[0] if delta > 0 else items[-1]
            return
        i = items.index(self.focus)  # type: ignore[arg-type]
        self.focus = items[(i + delta) % len(items)]

    def move_direction(self, d: tuple[int, int]) -> None:
        items = [c for c in self.reachable() if c is not self.focus]
        if not items or self.focus is None:
            self.move(1)
            return
        fx, fy = self.focus.area.center
        best, best_score = None, None
        for c in items:
            cx, cy = c.area.center
            dx, dy = cx - fx, cy - fy
            along = dx * d[0] + dy * d[1]
            if along <= 0:
                continue
            across = abs(dx * d[1]) + abs(dy * d[0])
            score = along + 2.5 * across
            if best_score is None or score < best_score:
                best, best_score = c, score
        if best is not None:
            self.focus = best

    def focus_on(self, element: Any) -> None:
        c = self.by_element.get(id(element))
        if c is not None:
            self.focus = c
            self._sync_text_focus()

    def activate(self, c: Control, back: bool = False) -> None:
        if not c.usable:
            return  # a disabled control keeps the focus; its hint says why
        if c.kind in ("button", "hotspot", "text"):
            if c.action:
                c.action()
        elif c.kind == "check":
            value = not c.value
            self.set_check(c.element, value)
            if c.on_change:
                c.on_change(value)
        elif c.kind in ("slider", "choice"):
            self.adjust(c, -1 if back else 1)

    def adjust(self, c: Control, direction: int) -> None:
        if not c.usable:
            return
        if c.kind == "slider":
            value = self._snap(c, float(c.value) + direction * c.step)
            if value != c.value:
                c.value = value
                c.element.set_current_value(value, warn=False)
                if c.on_change:
                    c.on_change(value)
        elif c.kind == "choice" and c.options:
            idx = next((i for i, (v, _) in enumerate(c.options) if v == c.value), 0)
            value = c.options[(idx + direction) % len(c.options)][0]
            element = self.set_choice(c.element, value)
            self.focus = self.by_element.get(id(element), c)
            if c.on_change:
                c.on_change(value)

    # --- drawing the focus -----------------------------------------------------------------

    def draw_focus(self, surface: pygame.Surface, colour: pygame.Color, width: int) -> None:
        c = self.focus
        if c is None or not self.keyboard_mode or c not in self.order or not c.visible:
            return
        r = c.area.inflate(width * 2 + 2, width * 2 + 2)
        pygame.draw.rect(surface, colour, r, width)
