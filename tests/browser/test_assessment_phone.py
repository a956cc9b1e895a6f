"""The final self-assessment and a module's knowledge check on a 390 px phone, by keyboard and
as a screen reader meets them: nothing under Material's fixed header, no lost answers, results in
words, named forms and live regions that are in the page before they speak (issue #14)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from browser_support import build_and_serve, run_axe, serve, solve
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course_helpers import make_course  # noqa: E402

PHONE = {"width": 390, "height": 844}
TOTAL = 7  # the minimal course's quiz, all of it drawn


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    """The minimal course (one question of every type), drawing all seven into the assessment."""
    tmp = tmp_path_factory.mktemp("phone")
    root = make_course(
        tmp / "c", [("course/course.yml", "progress_epoch: 1", "progress_epoch: 1\nfinal_assessment:\n  per_module: 7")]
    )
    yield from build_and_serve(root, tmp / "site")


@pytest.fixture
def phone(page: Page) -> Page:
    page.set_viewport_size(PHONE)
    return page


def header_bottom(page: Page) -> float:
    box = page.locator(".md-header").bounding_box()
    return box["y"] + box["height"]


def assert_on_screen(page: Page, locator) -> None:
    """The element's top is below Material's fixed header and above the bottom of the screen."""
    top = locator.bounding_box()["y"]
    assert header_bottom(page) <= top < page.viewport_size["height"], (top, header_bottom(page))


def start(page: Page, base_url: str, total: int = TOTAL) -> dict[str, dict]:
    """Open the assessment and draw; the drawn questions by form id."""
    page.goto(base_url + "assessment.html")
    pool = json.loads(page.locator("script.cb-assessment__data").text_content())[0]
    page.get_by_role("button", name="Start the assessment").click()
    expect(page.locator(".cb-assessment__questions form")).to_have_count(total)
    return {f"a-q-{q['module']}-{q['id']}": q for q in pool["questions"]}


def drawn(page: Page):
    return page.locator(".cb-assessment__questions form").all()


def test_question_one_is_below_the_header_after_start(phone: Page, base_url):
    start(phone, base_url)
    first = phone.locator(".cb-assessment__questions form").first
    phone.wait_for_function("() => window.scrollY > 0")
    assert_on_screen(phone, first.locator("legend"))
    assert_on_screen(phone, first)  # its border too


@pytest.fixture(scope="session")
def default_url(site_dir):
    """The default course (24 questions drawn, twelve modules in the breakdown)."""
    url, httpd = serve(site_dir)
    yield url
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("width", [390, 320])
def test_result_is_on_screen_focused_and_announced_after_submit(page: Page, default_url, width):
    page.set_viewport_size({"width": width, "height": PHONE["height"]})
    by_id = start(page, default_url, total=24)
    # the live region is in the page, empty and rendered, before it is filled
    summary = page.locator(".cb-assessment__summary")
    expect(summary).to_have_attribute("role", "status")
    expect(summary).to_be_empty()
    assert summary.evaluate("e => getComputedStyle(e).display") != "none"
    for index, form in enumerate(drawn(page)):
        solve(form, by_id[form.get_attribute("id")], right=index >= 2)
    page.get_by_role("button", name="Submit my answers").click()
    result = page.locator(".cb-assessment__result")
    expect(result).to_be_focused()
    expect(result).to_contain_text("You answered 22 of 24 questions right (91%). Pass mark: 80%. Passed.")
    assert_on_screen(page, result)
    # announced: its first sentence is that live region
    expect(page.get_by_role("status").filter(has_text="You answered")).to_have_text(
        "You answered 22 of 24 questions right (91%). Pass mark: 80%. Passed.")
    expect(page.get_by_role("button", name="Submit my answers")).to_be_hidden()  # the attempt is over


def test_a_second_start_asks_before_drawing_new_questions(phone: Page, base_url):
    by_id = start(phone, base_url)
    first = drawn(phone)[0]
    solve(first, by_id[first.get_attribute("id")])
    ids = [f.get_attribute("id") for f in drawn(phone)]
    answered = first.evaluate("f => [...f.elements].map(e => e.checked || e.value)")
    asked = []
    phone.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    phone.get_by_role("button", name="Start the assessment").click()
    assert asked == ["Start again with new questions? Your answers in this attempt will be lost."]
    assert [f.get_attribute("id") for f in drawn(phone)] == ids  # nothing redrawn, nothing lost
    assert drawn(phone)[0].evaluate("f => [...f.elements].map(e => e.checked || e.value)") == answered
    phone.once("dialog", lambda dialog: dialog.accept())
    phone.get_by_role("button", name="Start the assessment").click()
    expect(phone.locator(".cb-assessment__questions :checked:not(option)")).to_have_count(0)  # a new attempt
    # after Submit the attempt is over: Start draws again without asking
    phone.get_by_role("button", name="Submit my answers").click()
    phone.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    phone.get_by_role("button", name="Start the assessment").click()
    expect(phone.locator(".cb-assessment__result")).to_be_empty()
    assert len(asked) == 1


def test_enter_in_a_short_answer_never_leaves_the_page(phone: Page, base_url, browser):
    by_id = start(phone, base_url)
    for form in drawn(phone):
        if by_id[form.get_attribute("id")]["type"] != "short_answer":
            solve(form, by_id[form.get_attribute("id")])
    url = phone.url
    checked = phone.locator(".cb-assessment__questions :checked:not(option)").count()
    phone.evaluate("window.cbStillHere = true")
    box = phone.locator(".cb-quiz__question--short_answer input[type=text]")
    box.fill("simple")
    box.press("Enter")
    phone.wait_for_timeout(500)
    assert phone.url == url and phone.evaluate("window.cbStillHere === true")
    expect(box).to_have_value("simple")
    expect(phone.locator(".cb-assessment__questions :checked:not(option)")).to_have_count(checked)  # answers kept
    phone.get_by_role("button", name="Submit my answers").click()
    expect(phone.locator(".cb-assessment__summary")).to_contain_text(f"You answered {TOTAL} of {TOTAL}")
    # module page: Enter checks the answer, here too without leaving the page
    phone.goto(base_url + "modules/basics.html")
    url = phone.url
    form = phone.locator('form[data-question="word"]')
    form.get_by_label("Your answer").fill("simple")
    form.get_by_label("Your answer").press("Enter")
    expect(form.get_by_role("status")).to_contain_text("Correct.")
    assert phone.url == url
    # and without JavaScript, where nothing can check it, Enter does nothing at all
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    plain = context.new_page()
    plain.goto(base_url + "modules/basics.html")
    plain.locator('form[data-question="word"] input[type=text]').fill("simple")
    plain.locator('form[data-question="word"] input[type=text]').press("Enter")
    plain.wait_for_timeout(500)
    assert plain.url == base_url + "modules/basics.html"
    context.close()


def test_each_question_says_right_or_wrong_in_words_after_submit(phone: Page, base_url):
    by_id = start(phone, base_url)
    plan = {}
    for index, form in enumerate(drawn(phone)):
        q = by_id[form.get_attribute("id")]
        # matching and ordering wrong, short answer wrong, the choices alternately right and unanswered
        plan[q["id"]] = {"matching": "wrong", "ordering": "wrong", "short_answer": "wrong"}.get(
            q["type"], ("right", "none")[index % 2]
        )
        if plan[q["id"]] != "none":
            solve(form, q, right=plan[q["id"]] == "right")
    phone.get_by_role("button", name="Submit my answers").click()
    verdicts = {"right": "✓Correct.", "wrong": "✗Not quite.", "none": "✗Not answered."}
    for number in range(1, TOTAL + 1):
        form = phone.get_by_role("form", name=f"Question {number} of {TOTAL}.")
        q = by_id[form.get_attribute("id")]
        result = form.locator(".cb-quiz__result")
        expect(result.locator(".cb-quiz__verdict")).to_have_text(verdicts[plan[q["id"]]])
        expect(result.locator(".cb-quiz__icon")).to_have_attribute("aria-hidden", "true")
        expect(result.locator(".cb-quiz__explanation")).to_be_visible()
        # what a screen reader reaches, reading the form: the verdict in words
        assert verdicts[plan[q["id"]]][1:] in form.aria_snapshot()
        if plan[q["id"]] != "right":
            expect(result).to_contain_text("Answer:")
        if q["type"] == "matching":
            expect(result).to_contain_text("These matches are wrong:")
            expect(result.locator(".cb-quiz__answer-list li")).to_have_text(
                ["Learn — Read the rule", "Apply — Use the rule", "Review — Check the result"]
            )
        if q["type"] == "ordering":
            expect(result).to_contain_text("These items are in the wrong place:")
            expect(result.locator(".cb-quiz__answer-list li")).to_have_text(
                ["Learn the rule", "Apply the rule", "Review the result"]
            )
        if q["type"] == "short_answer":
            expect(result).to_contain_text("Answer: Simple; very simple")
    expect(phone.locator(".cb-assessment .cb-quiz__key").first).to_be_hidden()  # the result replaces the key


def test_a_passed_module_revisited_states_one_consistent_score(phone: Page, base_url):
    phone.goto(base_url + "modules/basics.html")
    data = json.loads(phone.locator("script.cb-quiz__data").text_content())[0]
    for q in data["questions"]:
        form = phone.locator(f'form[data-question="{q["id"]}"]')
        solve(form, q, right=q["id"] != "tf")  # 6 of 7: 85%, passed
        form.get_by_role("button", name="Check answer").click()
        expect(form.get_by_role("status")).not_to_be_empty()
    score = phone.locator(".cb-quiz__score")
    expect(score).to_have_text("Score: 6 of 7 questions right (85%). Pass mark: 80%. Passed.")
    phone.reload()
    expect(score).to_have_text("Your best score so far: 85% (passed). Answer the questions again to practise.")
    expect(score).to_have_class("cb-quiz__score cb-quiz__score--passed")
    form = phone.locator('form[data-question="rule"]')
    solve(form, data["questions"][0], right=False)
    form.get_by_role("button", name="Check answer").click()
    expect(score).to_have_text(
        "Score: 0 of 7 questions right (0%). Pass mark: 80%. Your best score so far: 85% (passed)."
    )
    solve(form, data["questions"][0], right=True)
    form.get_by_role("button", name="Check answer").click()
    expect(score).to_have_text(
        "Score: 1 of 7 questions right (14%). Pass mark: 80%. Your best score so far: 85% (passed)."
    )


def test_every_form_is_named_and_every_status_region_waits_in_the_page(phone: Page, base_url):
    phone.goto(base_url + "modules/basics.html")
    forms = phone.locator("form.cb-quiz__question")
    expect(forms).to_have_count(TOTAL)
    for number in range(1, TOTAL + 1):
        expect(phone.get_by_role("form", name=f"Question {number} of {TOTAL}.", exact=True)).to_have_count(1)
    regions = phone.locator("form.cb-quiz__question [role=status]")
    expect(regions).to_have_count(TOTAL)  # one result region per question, from the start
    assert (
        regions.evaluate_all(
            "rs => rs.filter(r => r.textContent !== '' || getComputedStyle(r).display === 'none').length"
        )
        == 0
    )
    start(phone, base_url)
    for number in range(1, TOTAL + 1):
        expect(phone.get_by_role("form", name=f"Question {number} of {TOTAL}.", exact=True)).to_have_count(1)
    # the ordering question's live region for moves is there, empty, before the first move
    moved = phone.locator(".cb-assessment__questions .cb-quiz__moved")
    expect(moved).to_have_attribute("aria-live", "polite")
    expect(moved).to_be_empty()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_on_the_phone_after_submit_and_after_checking(phone: Page, base_url, axe_source, scheme):
    phone.emulate_media(color_scheme=scheme)
    by_id = start(phone, base_url)
    for index, form in enumerate(drawn(phone)):
        if index % 3:
            solve(form, by_id[form.get_attribute("id")], right=index % 3 == 1)
    phone.get_by_role("button", name="Submit my answers").click()
    expect(phone.locator(".cb-assessment__questions .cb-quiz__result")).to_have_count(TOTAL)
    assert run_axe(phone, axe_source) == []
    phone.goto(base_url + "modules/basics.html")
    data = {q["id"]: q for q in json.loads(phone.locator("script.cb-quiz__data").text_content())[0]["questions"]}
    for qid in ("pairs", "steps", "word"):
        form = phone.locator(f'form[data-question="{qid}"]')
        solve(form, data[qid], right=False)
        form.get_by_role("button", name="Check answer").click()
        expect(form.get_by_role("status")).to_contain_text("Answer:")
    assert run_axe(phone, axe_source) == []
