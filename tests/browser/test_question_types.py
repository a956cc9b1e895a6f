"""Matching, ordering, short answers and shuffling, by keyboard, on the minimal fixture course."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from browser_support import build_and_serve, run_axe

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course_helpers import MINIMAL  # noqa: E402


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    """This module's own site: the minimal course, which has one question of every type."""
    yield from build_and_serve(MINIMAL, tmp_path_factory.mktemp("types") / "site")


def form(page: Page, qid: str):
    return page.locator(f'form[data-question="{qid}"]')


def test_matching_by_keyboard(page: Page, base_url, page_errors):
    page.goto(base_url + "modules/basics.html")
    quiz = form(page, "pairs")
    check = quiz.get_by_role("button", name="Check answer")
    check.click()
    expect(quiz.get_by_role("status")).to_have_text("Choose a match for every item first.")
    answers = {"Learn": "Read the rule", "Apply": "Use the rule", "Review": "Check the result"}
    for left, right in answers.items():
        select = quiz.get_by_label(left, exact=True)
        select.focus()
        for _ in range(5):  # arrow keys change a closed <select> without a mouse
            if select.evaluate("s => s.options[s.selectedIndex].text") == right:
                break
            page.keyboard.press("ArrowDown")
        assert select.evaluate("s => s.options[s.selectedIndex].text") == right
    check.focus()
    page.keyboard.press("Enter")
    expect(quiz.get_by_role("status")).to_contain_text("Correct.")
    quiz.get_by_label("Learn", exact=True).select_option(label="Use the rule")
    check.click()
    expect(quiz.get_by_role("status")).to_contain_text("Not quite.")
    assert page_errors == []


def test_ordering_by_keyboard_with_announcements(page: Page, base_url, page_errors):
    page.goto(base_url + "modules/basics.html")
    quiz = form(page, "steps")
    items = quiz.locator(".cb-quiz__item-text")
    wanted = ["Learn the rule", "Apply the rule", "Review the result"]
    assert items.all_text_contents() != wanted  # never shown in the right order
    for position, text in enumerate(wanted):
        while items.all_text_contents().index(text) > position:
            index = items.all_text_contents().index(text)
            up = quiz.locator(".cb-quiz__item").nth(index).get_by_role("button", name="Move up")
            up.focus()
            page.keyboard.press("Enter")
            expect(quiz.locator(".cb-quiz__moved")).to_contain_text(f"{text}: now")
    assert items.all_text_contents() == wanted
    assert page.evaluate("document.activeElement.textContent") == "Move up"  # focus stayed on the button
    quiz.get_by_role("button", name="Check answer").click()
    expect(quiz.get_by_role("status")).to_contain_text("Correct.")
    assert page_errors == []


def test_short_answer_is_normalized(page: Page, base_url):
    page.goto(base_url + "modules/basics.html")
    quiz = form(page, "word")
    box = quiz.get_by_label("Your answer")
    check = quiz.get_by_role("button", name="Check answer")
    check.click()
    expect(quiz.get_by_role("status")).to_have_text("Type an answer first.")
    box.fill("complicated")
    check.click()
    expect(quiz.get_by_role("status")).to_contain_text("Not quite.")
    box.fill("  VERY   Ｓimple ")  # spaces, case and a full-width letter (NFKC)
    check.click()
    expect(quiz.get_by_role("status")).to_contain_text("Correct.")


def test_shuffle_keeps_pinned_options_in_place(page: Page, base_url):
    page.add_init_script("Math.random = () => 0")  # deterministic shuffle for the test
    page.goto(base_url + "modules/basics.html")
    # Built in the arranged order (hard, simple, then the pinned option); `shuffle: true` then
    # reshuffles the two movable ones in the browser, and the pinned one stays last.
    labels = form(page, "shuffled").locator(".cb-quiz__option label").all_text_contents()
    assert labels == ["The rule is simple.", "The rule is hard.", "None of the above."]
    unshuffled = form(page, "rule").locator(".cb-quiz__option label").all_text_contents()
    assert unshuffled == ["It is hard.", "It is simple."]  # arranged at build time, not reshuffled


def test_axe_on_every_question_type(page: Page, base_url, axe_source):
    page.goto(base_url + "modules/basics.html")
    assert run_axe(page, axe_source) == []
    form(page, "steps").get_by_role("button", name="Move down").first.click()
    form(page, "word").get_by_label("Your answer").fill("simple")
    form(page, "word").get_by_role("button", name="Check answer").click()
    assert run_axe(page, axe_source) == []


def test_typed_answers_are_normalized_as_the_builder_does(page: Page, base_url):
    """quiz.js and builder/models.py normalize_answer agree on every shared vector."""
    cases = json.loads((Path(__file__).parent.parent / "vectors" / "normalize.json").read_text(encoding="utf-8"))["cases"]
    page.goto(base_url + "modules/basics.html")
    got = page.evaluate("cases => cases.map(c => window.cbQuiz.normalize(c.input))", cases)
    assert got == [case["expected"] for case in cases]
