"""The paper every screen is printed on: a warm sheet with soft blotches,
fine fibres and a darker edge, generated with numpy (no image files) and
kept per window size."""
from __future__ import annotations

import numpy as np
import pygame

_cache: dict[tuple, pygame.Surface] = {}


def paper(size: tuple[int, int], base: pygame.Color | str, seed: int = 1922) -> pygame.Surface:
    key = (size, str(base), seed)
    surf = _cache.get(key)
    if surf is None:
        _cache.clear()
        surf = _make(size, pygame.Color(base), seed)
        _cache[key] = surf
    return surf


def _make(size: tuple[int, int], base: pygame.Color, seed: int) -> pygame.Surface:
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
