"""Branching scenarios, one step at a time, by keyboard; readable without JavaScript."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from browser_support import build_and_serve, run_axe, shot
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course_helpers import MINIMAL  # noqa: E402


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    """This module's own site: the minimal course, which has one scenario."""
    yield from build_and_serve(MINIMAL, tmp_path_factory.mktemp("scenario") / "site")


def visible_steps(page: Page) -> list[str]:
    return page.locator(".cb-scenario__step:visible .cb-scenario__title").all_text_contents()


def test_one_step_at_a_time_by_keyboard(page: Page, base_url, page_errors, axe_source):
    page.goto(base_url + "scenarios/first-call.html")
    assert visible_steps(page) == ["Step 1: A caller describes a problem."]
    option = page.get_by_role("button", name="Tell the caller what the rule says.")
    option.focus()
    page.keyboard.press("Enter")
    assert visible_steps(page) == ["Step 3: The caller goes quiet."]
    expect(page.locator(".cb-scenario__step:visible .cb-scenario__title")).to_be_focused()  # focus moved to the heading
    feedback = page.locator(".cb-scenario__step:visible .cb-scenario__feedback")
    expect(feedback).to_contain_text("You chose: Tell the caller what the rule says.")
    expect(feedback).to_contain_text("Not yet. You do not know the situation.")
    page.get_by_role("button", name="Go back and listen.").click()  # a loop back is allowed
    page.get_by_role("button", name="Apply the rule.").click()
    assert visible_steps(page) == ["Outcome 1: The problem is solved."]
    expect(page.locator(".cb-scenario__outcome:visible")).to_contain_text("The problem is solved.")
    assert run_axe(page, axe_source) == []
    page.get_by_role("link", name="Start the scenario again").click()
    assert visible_steps(page) == ["Step 1: A caller describes a problem."]
    assert page_errors == []


def test_readable_without_javascript(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "scenarios/first-call.html")
    assert page.locator(".cb-scenario__step .cb-scenario__title").all_text_contents() == [
        "Step 1: A caller describes a problem.",
        "Step 2: The caller explains.",
        "Step 3: The caller goes quiet.",
        "Outcome 1: The problem is solved.",
    ]
    page.locator("summary", has_text="Listen and ask open questions.").click()
    page.get_by_role("link", name="Continue: Step 2: The caller explains.").click()
    assert page.url.endswith("#step-listen")
    page.get_by_role("link", name="Debrief", exact=True).click()
    assert page.url.endswith("#end-applied")
    context.close()


def test_debrief_link_shows_the_ends_and_moves_focus(page: Page, base_url, page_errors, axe_source):
    """The content note's "Debrief" link is the way out for a distressed trainee: with JavaScript
    on it shows every end (outcome and debrief) and moves focus to the first end's heading."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(base_url + "scenarios/first-call.html")
    note = page.get_by_role("complementary", name="Content note")
    note.get_by_role("link", name="Debrief", exact=True).focus()
    page.keyboard.press("Enter")
    assert visible_steps(page) == ["Outcome 1: The problem is solved."]
    expect(page.locator("#end-applied-title")).to_be_focused()
    expect(page.locator(".cb-scenario__debrief:visible")).to_contain_text("Listening first let you apply the rule")
    shot(page, "scenario-debrief-390")
    assert run_axe(page, axe_source) == []
    page.get_by_role("link", name="Start the scenario again").click()
    assert visible_steps(page) == ["Step 1: A caller describes a problem."]
    assert page_errors == []


def test_module_page_links_its_scenario(page: Page, base_url):
    page.goto(base_url + "modules/basics.html")
    page.get_by_role("link", name="The first call").first.click()
    expect(page.locator("h1")).to_contain_text("The first call")
