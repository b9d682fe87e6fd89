"""The paper every screen is printed on: a warm sheet with soft blotches,
fine fibres and a darker edge, generated with numpy (no image files) and
kept per window size.

Making a sheet (and importing numpy for it) is most of what the main menu
would wait for, so a sheet once made is kept (raw RGB) in the user's cache
folder and read from there on later starts: the same pixels, made once."""
from __future__ import annotations

import os
from pathlib import Path

import pygame

from game.content import cache_dir

#: Part of the cached file's name: change it when the recipe below changes.
RECIPE = 1
#: Sheets kept in the cache (a few window sizes and both palettes).
KEEP = 4

_cache: dict[tuple, pygame.Surface] = {}


def paper(size: tuple[int, int], base: pygame.Color | str, seed: int = 1922) -> pygame.Surface:
    key = (size, str(base), seed)
    surf = _cache.get(key)
    if surf is None:
        _cache.clear()
        surf = _kept_or_made(size, pygame.Color(base), seed)
        _cache[key] = surf
    return surf


def _kept_or_made(size: tuple[int, int], base: pygame.Color, seed: int) -> pygame.Surface:
    w, h = size
    # Raw RGB bytes, not PNG: reading them back is a copy, where decoding a PNG took longer than the menu.
    path = cache_dir() / f"paper-{RECIPE}-{w}x{h}-{base.r:02x}{base.g:02x}{base.b:02x}-{seed}.rgb"
    try:
        kept = pygame.image.frombytes(path.read_bytes(), (w, h), "RGB")
        return kept.convert() if pygame.display.get_surface() is not None else kept
    except (OSError, ValueError, pygame.error):
        pass
    made = _make(size, base, seed)
    try:  # a cache that cannot be written only costs the next start its time
        path.parent.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        part.write_bytes(pygame.image.tobytes(made, "RGB"))
        os.replace(part, path)
        _forget_old(path)
    except (OSError, pygame.error):
        pass
    return made


def _forget_old(kept: Path) -> None:
    """Keep the few sheets last made: dragging a window's edge makes a new size at every step."""
    sheets = sorted(kept.parent.glob("paper-*.rgb"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in sheets[KEEP:]:
        if old != kept:
            old.unlink(missing_ok=True)


def _make(size: tuple[int, int], base: pygame.Color, seed: int) -> pygame.Surface:
    import numpy as np  # only to make a sheet that is not in the cache yet
    w, h = size
    rng = np.random.default_rng(seed)
    # Soft blotches: coarse noise scaled up smoothly.
    cw, ch = max(2, w // 48 + 2), max(2, h // 48 + 2)
    coarse = rng.normal(0.0, 1.0, (cw, ch)).astype(np.float32)
    coarse_img = ((coarse - coarse.min()) / max(1e-6, np.ptp(coarse)) * 255).astype(np.uint8)
    cs = pygame.surfarray.make_surface(np.dstack([coarse_img] * 3))
    cs = pygame.transform.smoothscale(cs, (w, h))
    blot = pygame.surfarray.array3d(cs)[:, :, 0].astype(np.float32) / 255.0 - 0.5
    # Fine fibres: noise stretched a little along x.
    fine = rng.normal(0.0, 1.0, (w // 2 + 1, h)).astype(np.float32)
    fine = np.repeat(fine, 2, axis=0)[:w, :]
    # Darker towards the edges.
    xs = np.linspace(-1.0, 1.0, w, dtype=np.float32)[:, None]
    ys = np.linspace(-1.0, 1.0, h, dtype=np.float32)[None, :]
    vignette = 1.0 - 0.10 * (xs ** 2 + ys ** 2) ** 1.5
    shade = (1.0 + 0.045 * blot + 0.012 * fine) * vignette
    rgb = np.empty((w, h, 3), dtype=np.float32)
    for i, c in enumerate((base.r, base.g, base.b)):
        rgb[:, :, i] = c * shade
    out = pygame.surfarray.make_surface(np.clip(rgb, 0, 255).astype(np.uint8))
    return out.convert() if pygame.display.get_surface() is not None else out
