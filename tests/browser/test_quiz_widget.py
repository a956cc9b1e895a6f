"""The quiz as a trainee uses it: keyboard only, what a screen reader hears, retry, no JavaScript."""

from __future__ import annotations

import json
import os
import re

from browser_support import REPO, solve
from playwright.sync_api import Page, expect

MODULE = "modules/indicators.html"


def tab_until(page: Page, locator, max_presses: int = 200) -> None:
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        if locator.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"never reached {locator} with Tab")


def quiz_data(page: Page) -> dict:
    return json.loads(page.locator("script.cb-quiz__data").first.text_content())[0]


def test_answer_by_keyboard_alone_and_hear_the_feedback(page: Page, base_url, page_errors):
    page.goto(base_url + MODULE)
    data = quiz_data(page)
    first = data["questions"][0]
    form = page.locator("form.cb-quiz__question").first
    inputs = form.locator("input")
    tab_until(page, inputs.first)
    wrong = [i for i in range(inputs.count()) if inputs.nth(i).get_attribute("value") not in first["correct"]][0]
    for _ in range(wrong):
        page.keyboard.press("ArrowDown" if first["type"] != "multiple" else "Tab")
    page.keyboard.press("Space")
    expect(inputs.nth(wrong)).to_be_checked()
    button = form.get_by_role("button", name="Check answer")
    tab_until(page, button)
    page.keyboard.press("Enter")
    status = form.get_by_role("status")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_contain_text("Not quite")
    expect(status.locator(".cb-quiz__explanation")).to_be_visible()
    expect(button).to_be_focused()  # focus stays; the live region speaks
    expect(status.locator(".cb-quiz__icon")).to_have_attribute("aria-hidden", "true")
    assert form.get_attribute("data-result") == "wrong"
    assert page_errors == []


def test_retry_until_right_and_score_against_pass_mark(page: Page, base_url):
    page.goto(base_url + MODULE)
    data = quiz_data(page)
    forms = page.locator("form.cb-quiz__question")
    score = page.locator(".cb-quiz__score")
    expect(score).to_be_hidden()
    forms.first.get_by_role("button", name="Check answer").click()
    expect(forms.first.get_by_role("status")).to_have_text("Choose an answer first.")
    total = len(data["questions"])
    pass_mark = page.evaluate("m => cb.progress.passMark(m)", data["module"])  # course.js, not the page's data
    for index, question in enumerate(data["questions"]):
        form = forms.nth(index)
        solve(form, question)
        form.get_by_role("button", name="Check answer").click()
        expect(form.get_by_role("status")).to_contain_text("Correct.")
        if index == 0:
            expect(score).to_contain_text(
                f"Score: 1 of {total} questions right ({100 // total}%). Pass mark: {pass_mark}%. Not passed yet."
            )
    expect(score).to_contain_text(f"Score: {total} of {total} questions right (100%). Pass mark: {pass_mark}%. Passed.")
    # Retry: change the first answer to a wrong one and check again.
    first = forms.first
    solve(first, data["questions"][0], right=False)
    first.get_by_role("button", name="Check answer").click()
    expect(first.get_by_role("status")).to_contain_text("Not quite")
    expect(score).to_contain_text(f"Score: {total - 1} of {total}")
    if os.environ.get("UPDATE_SCREENSHOTS") == "1":
        page.set_viewport_size({"width": 1280, "height": 900})
        first.evaluate("el => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 72)")
        page.screenshot(path=str(REPO / "docs" / "images" / "module-quiz.png"))


def test_readable_and_answerable_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + MODULE)
    form = page.locator("form.cb-quiz__question").first
    expect(form.locator("legend")).to_be_visible()
    expect(form.locator("input").first).to_be_visible()
    expect(form.get_by_role("button", name="Check answer")).to_be_hidden()
    key = form.locator("details.cb-quiz__key")
    expect(key).to_be_visible()
    expect(key.locator(".cb-quiz__explanation")).to_be_hidden()  # until the trainee opens it
    key.locator("summary").click()
    expect(key.locator(".cb-quiz__explanation")).to_be_visible()
    context.close()


def test_print_hides_answers_and_buttons(page: Page, base_url):
    page.goto(base_url + MODULE)
    page.emulate_media(media="print")
    form = page.locator("form.cb-quiz__question").first
    expect(form.locator("legend")).to_be_visible()
    expect(form.get_by_role("button", name="Check answer")).to_be_hidden()
    expect(form.locator("details.cb-quiz__key")).to_be_hidden()


def test_fits_a_320px_phone(page: Page, base_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(base_url + MODULE)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_content_note_skip_link(page: Page, base_url):
    page.goto(base_url + MODULE)
    note = page.locator(".cb-note--content")
    expect(note).to_be_visible()
    note.get_by_role("link", name="Skip to the knowledge check").click()
    assert page.url.endswith("#knowledge-check")


def _pdf_pages(page: Page, paper: str) -> int:
    pdf = page.pdf(format=paper, margin={side: "0.5in" for side in ("top", "right", "bottom", "left")})
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_indicator_card_prints_on_one_sheet(page: Page, base_url):
    page.goto(base_url + "indicator-card.html")
    assert (_pdf_pages(page, "Letter"), _pdf_pages(page, "A4")) == (1, 1)


def test_short_page_prints_without_a_blank_second_sheet(page: Page, base_url):
    page.goto(base_url + "support.html")
    assert _pdf_pages(page, "Letter") == 1
