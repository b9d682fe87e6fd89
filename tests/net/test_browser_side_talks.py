"""A student sitting for Germany proposes reparations relief to Britain from the student page: the side-talk
terms are in the clause list for the parties of their topic only, and the estimate gives Britain's reasons."""
from __future__ import annotations

from typing import Any

from tests.net.conftest import Host
from tests.net.test_browser import browser, open_as, pytestmark  # noqa: F401  (the browser fixture and its skip)


def test_a_german_student_proposes_relief_to_britain(browser: Any, host: Host) -> None:  # noqa: F811
    german = open_as(browser, host, "germany_2")
    offered = german.eval_on_selector_all("#add-type option", "os => os.map(o => o.value)")
    assert "partial_moratorium" in offered and "renounce_claims" in offered
    german.select_option("#add-type", "partial_moratorium")
    german.click("#add")
    german.check("#to-britain")
    assert german.text_content("#draft-text") == "germany: propose britain: partial_moratorium"
    german.click("#estimate")
    german.wait_for_selector("#estimates .clause")
    assert "support for a partial moratorium" in german.text_content("#estimates")
    german.click("#propose")
    german.wait_for_function("document.getElementById('result').textContent === 'Done.'", timeout=90_000)


def test_a_term_of_relief_talks_is_not_offered_to_a_power_outside_them(browser: Any, host: Host) -> None:  # noqa: F811
    italian = open_as(browser, host, "italy_1")
    offered = italian.eval_on_selector_all("#add-type option", "os => os.map(o => o.value)")
    assert "renounce_claims" in offered and "partial_moratorium" not in offered
