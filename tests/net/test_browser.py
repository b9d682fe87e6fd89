"""The student page in a real browser (Playwright driving Debian's chromium): two students in two browser
contexts negotiate, the teacher advances, and each page shows only its own secrets."""
from __future__ import annotations

import io
import shutil
from pathlib import Path
from typing import Any

import pytest

from tests.net.conftest import CODE, Host, mark

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (apt-get install -y chromium); "
                                                         "Playwright cannot download its own browsers here")


@pytest.fixture(scope="module")
def browser() -> Any:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


def open_as(browser: Any, host: Host, role: str, size: tuple[int, int] = (1366, 768)) -> Any:
    page = browser.new_context(viewport={"width": size[0], "height": size[1]}).new_page()
    page.goto(host.url)
    page.fill("#code", CODE)
    page.press("#code", "Enter")                      # the keyboard is enough to join
    page.click(f"[data-role={role}]")
    page.wait_for_selector("#briefing")
    return page


def test_two_students_negotiate_and_the_teacher_advances(browser: Any, host: Host) -> None:
    german = open_as(browser, host, "germany_0")
    soviet = open_as(browser, host, "soviet_russia_0", size=(1280, 800))   # a 10-inch tablet
    teacher = browser.new_context().new_page()
    teacher.goto(host.url)
    teacher.fill("#code", CODE)
    teacher.click("#teacher summary")
    teacher.fill("#key", host.key)
    teacher.click("text=Join as facilitator")
    teacher.wait_for_selector("#advance")

    german.select_option("#add-type", "renounce_claims")
    german.click("#add")
    german.check("#to-soviet_russia")
    german.click("#estimate")
    german.wait_for_selector("#estimates .clause")
    german.click("#propose")
    german.wait_for_function("document.getElementById('result').textContent === 'Done.'", timeout=90_000)
    teacher.click("#advance")                          # the proposal reaches Moscow when the round ends
    soviet.wait_for_selector("[data-answer=accept]")
    soviet.click("[data-answer=accept]")
    soviet.wait_for_function("document.getElementById('result').textContent === 'Done.'", timeout=90_000)
    teacher.click("#advance")
    # The accepted treaty is signed, or refused at home by one side's ratification (a person's deal binds as the
    # AI's does: Berlin will not ratify before Genoa): either way both delegations read the outcome.
    for page in (german, soviet):
        page.wait_for_function("[...document.querySelectorAll('#treaties li')].some(li => "
                               "li.textContent.includes('Germany') && li.textContent.includes('renounce_claims')) || "
                               "[...document.querySelectorAll('#news li')].some(li => "
                               "li.textContent.includes('refuses to ratify'))", timeout=90_000)
    g, s = german.content(), soviet.content()
    assert mark("germany_0") in g and mark("soviet_russia_0") not in g
    assert mark("soviet_russia_0") in s and mark("germany_0") not in s
    assert "SECRETMARK" not in teacher.content()        # the facilitator's page has no student's brief either


def test_the_page_renders_with_a_role_not_blank(browser: Any, host: Host, tmp_path: Path) -> None:
    page = open_as(browser, host, "italy_0")
    page.wait_for_selector("#powers tr")
    page.wait_for_selector("#map-figure svg [data-power=germany][data-status]")   # the map, shaded by standing
    shot = tmp_path / "student.png"
    page.screenshot(path=str(shot), full_page=True)
    import pygame
    image = pygame.image.load(io.BytesIO(shot.read_bytes()))
    w, h = image.get_size()
    colours = {tuple(image.get_at((x, y)))[:3] for x in range(0, w, 7) for y in range(0, h, 7)}
    assert len(colours) > 20, "the page looks blank"
    assert page.locator("#powers tr").count() == 8
    assert page.is_visible("text=Negotiation table") and page.is_visible("#briefing")
