"""Checks on the bundled fonts, driven by the roles table in assets/fonts/README.md.

For every role listed there, the test checks that:
- the font file exists and pygame-ce's font module (SDL_ttf) opens it;
- it draws Latin and Cyrillic text into a non-empty surface, with real glyphs
  for each letter and no missing-glyph boxes;
- its licence file sits beside it.
It also checks that every font file in the folder is listed, and that the
bundle stays small.
"""

import os
import re
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
import pytest  # noqa: E402

FONTS_DIR = Path(__file__).resolve().parent.parent / "assets" / "fonts"
README = FONTS_DIR / "README.md"

EXPECTED_ROLES = {"body", "body-italic", "body-bold", "telegram", "telegram-bold", "ui"}
LATIN_SAMPLE = "Genoa 1922 — Rapallo, 16 April: 12,450 gold roubles"
CYRILLIC_SAMPLE = "Чичерин, Генуя 1922 — Наркоминдел ЁЖЩЫЭЮЯ ёжщыэюя"
# Letters whose glyphs must really exist, not fall back to the .notdef box.
REQUIRED_CHARS = (
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
    "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯабвгдеёжзийклмнопрстуфхцчшщъыьэюя"
    "—–«»“”’.,:;%№"
)
# Code points no font assigns a glyph to: they draw as .notdef.
UNASSIGNED = ("\u0378", "\U0010fffd")
LICENCE_MARKERS = {
    "OFL": "SIL OPEN FONT LICENSE",
    "ParaType": "ParaType Ltd grants you the right",
}
MAX_TOTAL_BYTES = 3 * 1024 * 1024
INK = (34, 28, 22)
PAPER = (0xEF, 0xE6, 0xD2)


def _read_roles():
    """Return {role: {"file": ..., "licence file": ..., ...}} from README's table."""
    lines = README.read_text(encoding="utf-8").splitlines()
    header = None
    roles = {}
    for line in lines:
        if not line.startswith("|"):
            header = None  # a table ended
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if header is None:
            header = [c.lower() for c in cells]
            continue
        if set("".join(cells)) <= set("-: "):
            continue  # separator row
        row = dict(zip(header, (c.strip("`").strip() for c in cells)))
        if "role" in row and "file" in row:
            roles[row["role"]] = row
    return roles


ROLES = _read_roles()


@pytest.fixture(scope="module", autouse=True)
def _pygame_font():
    pygame.font.init()
    yield
    pygame.font.quit()


def _pixels(font, text):
    surf = font.render(text, True, INK, PAPER)
    return surf, pygame.image.tobytes(surf, "RGB")


def _has_ink(surf):
    """True if any pixel differs from the paper colour."""
    w, h = surf.get_size()
    if w == 0 or h == 0:
        return False
    data = pygame.image.tobytes(surf, "RGB")
    paper = bytes(PAPER)
    return any(data[i : i + 3] != paper for i in range(0, len(data), 3))


def test_readme_lists_all_roles():
    assert set(ROLES) == EXPECTED_ROLES, f"roles in {README}: {sorted(ROLES)}"


def test_every_font_file_is_listed():
    listed = {row["file"] for row in ROLES.values()}
    on_disk = {
        p.name for p in FONTS_DIR.iterdir() if p.suffix.lower() in {".ttf", ".otf"}
    }
    assert on_disk - listed == set(), "font files without a role in README.md"
    assert listed - on_disk == set(), "roles naming files that are not there"


def test_bundle_is_small():
    total = sum(
        p.stat().st_size
        for p in FONTS_DIR.iterdir()
        if p.suffix.lower() in {".ttf", ".otf"}
    )
    assert total < MAX_TOTAL_BYTES, f"fonts total {total} bytes"


@pytest.mark.parametrize("role", sorted(EXPECTED_ROLES))
def test_font_opens_and_renders(role):
    row = ROLES[role]
    path = FONTS_DIR / row["file"]
    assert path.is_file(), path
    for size in (12, 16, 28):
        font = pygame.font.Font(str(path), size)
        for text in (LATIN_SAMPLE, CYRILLIC_SAMPLE):
            surf = font.render(text, True, INK, PAPER)
            assert surf.get_width() > size and surf.get_height() > 0, (role, size, text)
            assert _has_ink(surf), (role, size, text)


@pytest.mark.parametrize("role", sorted(EXPECTED_ROLES))
def test_font_has_latin_and_cyrillic_glyphs(role):
    font = pygame.font.Font(str(FONTS_DIR / ROLES[role]["file"]), 24)
    notdef = {_pixels(font, ch)[1] for ch in UNASSIGNED}
    missing = [ch for ch in REQUIRED_CHARS if _pixels(font, ch)[1] in notdef]
    assert not missing, f"{role}: no glyph for {''.join(missing)!r}"


@pytest.mark.parametrize("role", sorted(EXPECTED_ROLES))
def test_font_has_licence_beside_it(role):
    row = ROLES[role]
    font_path = FONTS_DIR / row["file"]
    licence = FONTS_DIR / row["licence file"]
    assert licence.parent == font_path.parent
    assert licence.is_file(), licence
    text = licence.read_text(encoding="utf-8")
    kinds = [k for k in LICENCE_MARKERS if k.lower() in row["licence"].lower()]
    assert kinds, f"{role}: unknown licence {row['licence']!r}"
    for kind in kinds:
        assert LICENCE_MARKERS[kind] in text, f"{licence.name} lacks the {kind} text"
    assert re.search(r"Copyright", text), f"{licence.name} lacks a copyright notice"
