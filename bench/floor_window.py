"""The floor for the start benchmark: a bare pygame_gui window with seven buttons,
one frame drawn, then exit. Nothing of Rapallo is imported.

    SDL_VIDEODRIVER=dummy python bench/floor_window.py
"""
import sys
import time

import pygame
import pygame_gui


def main() -> None:
    pygame.display.init()
    pygame.font.init()
    surface = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
    manager = pygame_gui.UIManager((1280, 720))
    for i, label in enumerate(("New game", "Continue", "Load", "Classroom", "Scenarios", "Settings", "Quit")):
        pygame_gui.elements.UIButton(pygame.Rect(540, 180 + i * 52, 200, 44), label, manager)
    clock = pygame.time.Clock()
    clock.tick(60)
    pygame.event.get()
    manager.update(1 / 60)
    surface.fill((240, 232, 214))
    manager.draw_ui(surface)
    pygame.display.flip()
    print(f"first frame at {time.time():.6f}", file=sys.stderr, flush=True)
    pygame.quit()


if __name__ == "__main__":
    main()
