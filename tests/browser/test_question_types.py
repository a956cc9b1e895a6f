"""Matching, ordering, short answers and shuffling, by keyboard, on the minimal fixture course."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from browser_support import build_and_serve, pass_final_assessment, run_axe, solve
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course_helpers import MINIMAL  # noqa: E402


@pytest.fixture(scope="session")
def types_site(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("types") / "site"


@pytest.fixture(scope="session")
def base_url(types_site):
    """This module's own site: the minimal course, which has one question of every type."""
    yield from build_and_serve(MINIMAL, types_site)


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
            # focus stays on the button pressed; at the top, where it is not offered, on Move down
            focused = page.evaluate(
                "[document.activeElement.textContent, document.activeElement.closest('li').textContent]"
            )
            assert focused[0] == ("Move down" if index == 1 else "Move up") and text in focused[1]
    assert items.all_text_contents() == wanted
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
    """questions/short_answer.js and builder/questions/short_answer.py normalize_answer agree on every shared vector."""
    cases = json.loads(
        (Path(__file__).parent.parent / "vectors" / "normalize.json").read_text(encoding="utf-8")
    )["cases"]
    page.goto(base_url + "modules/basics.html")
    got = page.evaluate("cases => cases.map(c => window.cb.types.short_answer.normalize(c.input))", cases)
    assert got == [case["expected"] for case in cases]


def offered(quiz) -> list[list[str]]:
    """The move buttons each item offers, as the accessibility tree has them."""
    return [item.get_by_role("button").all_text_contents() for item in quiz.locator(".cb-quiz__item").all()]


def test_first_up_and_last_down_are_never_offered(page: Page, base_url, page_errors):
    page.goto(base_url + "modules/basics.html")
    quiz = form(page, "steps")
    expected = [["Move down"], ["Move up", "Move down"], ["Move up"]]
    assert offered(quiz) == expected
    last = quiz.locator(".cb-quiz__item").last
    text = last.locator(".cb-quiz__item-text").text_content()
    last.get_by_role("button", name="Move up").focus()
    for position in (2, 1):  # the last item, moved up twice by keyboard, to the top
        page.keyboard.press("Enter")
        expect(quiz.locator(".cb-quiz__moved")).to_have_text(f"{text}: now {position} of 3.")
        assert offered(quiz) == expected  # still true after every move
    assert quiz.locator(".cb-quiz__item-text").first.text_content() == text
    # at the top its Move up is gone: focus went to its Move down, not lost to the page
    focused = page.evaluate("[document.activeElement.textContent, document.activeElement.closest('li').textContent]")
    assert focused[0] == "Move down" and text in focused[1]
    page.keyboard.press("Shift+Tab")  # the hidden Move up is not in the tab order: out of the list
    assert page.evaluate("!document.activeElement.closest('form[data-question=steps] .cb-quiz__order')")
    assert page_errors == []


def test_matching_feedback_names_the_wrong_pairs_and_gives_the_answer(page: Page, base_url):
    page.goto(base_url + "modules/basics.html")
    quiz = form(page, "pairs")
    for left, right in {"Learn": "Use the rule", "Apply": "Use the rule", "Review": "Check the result"}.items():
        quiz.get_by_label(left, exact=True).select_option(label=right)
    quiz.get_by_role("button", name="Check answer").click()
    status = quiz.get_by_role("status")
    expect(status.locator(".cb-quiz__verdict")).to_have_text("✗Not quite.")
    expect(status).to_contain_text("These matches are wrong:")
    expect(status.locator(".cb-quiz__wrong li")).to_have_text(["Learn — Use the rule"])  # only the wrong one
    expect(status.locator(".cb-quiz__answer-list li")).to_have_text(
        ["Learn — Read the rule", "Apply — Use the rule", "Review — Check the result"]
    )
    expect(status.locator(".cb-quiz__explanation")).to_have_text("You learn, then apply, then review.")
    quiz.get_by_label("Learn", exact=True).select_option(label="Read the rule")
    quiz.get_by_role("button", name="Check answer").click()
    expect(status).to_have_text("✓Correct.You learn, then apply, then review.")  # right: no list, no key


def test_ordering_feedback_names_the_items_out_of_place_and_gives_the_order(page: Page, base_url):
    page.goto(base_url + "modules/basics.html")
    quiz = form(page, "steps")
    shown = quiz.locator(".cb-quiz__item-text").all_text_contents()
    right = ["Learn the rule", "Apply the rule", "Review the result"]
    quiz.get_by_role("button", name="Check answer").click()
    status = quiz.get_by_role("status")
    expect(status).to_contain_text("Not quite.These items are in the wrong place:")
    wrong = [(n, t) for n, t in enumerate(shown, 1) if right[n - 1] != t]
    expect(status.locator(".cb-quiz__wrong li")).to_have_text([t for _, t in wrong])
    # numbered where each item is now
    assert status.locator(".cb-quiz__wrong li").evaluate_all("lis => lis.map(li => li.value)") == [n for n, _ in wrong]
    expect(status.locator(".cb-quiz__answer-list li")).to_have_text(right)
    expect(status.locator(".cb-quiz__explanation")).to_have_text("Learn first, review last.")


def test_short_answer_feedback_gives_the_accepted_answers(page: Page, base_url):
    page.goto(base_url + "modules/basics.html")
    quiz = form(page, "word")
    quiz.get_by_label("Your answer").fill("complicated")
    quiz.get_by_role("button", name="Check answer").click()
    status = quiz.get_by_role("status")
    expect(status).to_have_text("✗Not quite.Answer: Simple; very simpleThe rule is simple.")


def test_every_type_works_from_a_usb_stick(browser, base_url, types_site):
    """From file:// the site's scripts are classic scripts (module scripts are refused there):
    each type is graded on its module page, the final assessment builds every type's form
    (journey-pages.js, deferred, after course.js) and a scenario step opens, with no error."""
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    root = types_site.as_uri() + "/"
    page.goto(root + "modules/basics.html")
    data = json.loads(page.locator("section.cb-quiz script").text_content())[0]
    assert {q["type"] for q in data["questions"]} == {
        "single",
        "multiple",
        "true_false",
        "matching",
        "ordering",
        "short_answer",
    }
    for q in data["questions"]:
        quiz = form(page, q["id"])
        solve(quiz, q)
        quiz.get_by_role("button", name="Check answer").click()
        expect(quiz.locator(".cb-quiz__result")).to_contain_text("Correct")
    page.goto(root + "assessment.html")
    built = page.evaluate("""() => {
        const data = JSON.parse(document.querySelector(".cb-assessment script").textContent)[0];
        return data.questions.map(q => window.cb.journey.questionForm(q, "1.", data.form).className);
    }""")
    assert sorted(c.split("--")[-1] for c in built) == sorted(q["type"] for q in data["questions"])
    pass_final_assessment(page)
    expect(page.locator(".cb-assessment__summary")).to_contain_text("(100%)")
    page.goto(root + "scenarios/first-call.html")
    page.locator(".cb-scenario__option").first.click()
    expect(page.locator(".cb-scenario__chosen:visible")).to_have_count(1)
    assert errors == []
    context.close()
