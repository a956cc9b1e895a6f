"""Every page: no request leaves the site, no page error, zero axe-core WCAG 2.1 AA violations."""

from __future__ import annotations

import json

import pytest
from browser_support import is_local, run_axe, solve
from playwright.sync_api import Page, expect


def test_no_page_makes_a_request_outside_the_site(page: Page, base_url, all_paths, network_log, page_errors):
    for path in all_paths:
        page.goto(base_url + path, wait_until="networkidle")
    page.keyboard.press("/")  # Material's search hotkey starts the search worker and index
    page.keyboard.type("interpreter")
    page.wait_for_load_state("networkidle")
    assert len(network_log) > len(all_paths)
    assert [u for u in network_log if not is_local(u)] == []
    assert page_errors == []


def test_network_guard_can_fail(page: Page, base_url, network_log):
    """Canary: a request to another host is seen (and aborted), so the test above can fail."""
    page.goto(base_url)
    page.evaluate("fetch('https://fonts.googleapis.com/css').catch(() => null)")
    page.wait_for_timeout(300)
    assert any("fonts.googleapis.com" in u for u in network_log)


def _answer_some(page: Page) -> None:
    """Answer the first two questions: one right, one wrong, so both result styles are on screen."""
    data = json.loads(page.locator("script.cb-quiz__data").first.text_content())[0]
    forms = page.locator("section.cb-quiz form.cb-quiz__question")
    for index, right in ((0, True), (1, False)):
        solve(forms.nth(index), data["questions"][index], right=right)
        forms.nth(index).get_by_role("button", name="Check answer").click()
        expect(forms.nth(index).get_by_role("status")).not_to_be_empty()


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_every_page_before_and_after_answering(page: Page, base_url, all_paths, axe_source, scheme):
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")  # mkdocs.yml follows the system
    found = {}
    for path in all_paths:
        page.goto(base_url + path, wait_until="networkidle")
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", scheme)
        found[path] = run_axe(page, axe_source)
        if page.locator("section.cb-quiz form.cb-quiz__question").count():
            _answer_some(page)
            found[path + " (answered)"] = run_axe(page, axe_source)
        if page.locator(".cb-assessment__start").count():
            # the forms the script builds, then every question's result it shows (all are unanswered)
            page.get_by_role("button", name="Start the assessment").click()
            expect(page.locator(".cb-assessment__questions form").first).to_be_visible()
            found[path + " (drawn)"] = run_axe(page, axe_source)
            page.get_by_role("button", name="Submit my answers").click()
            expect(
                page.locator('.cb-assessment__questions form[data-result="wrong"] .cb-quiz__result').first
            ).to_be_visible()
            found[path + " (submitted)"] = run_axe(page, axe_source)
    assert {k: v for k, v in found.items() if v} == {}
    assert len(found) >= 2 * 3 + 1


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_hovered_and_focused_links_keep_their_contrast(page: Page, base_url, axe_source, scheme):
    """Material colours a hovered link with its accent (indigo: 4.25:1 on white); axe checks the
    page as it is, so a link, a navigation link and a heading anchor are checked under the mouse."""
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    page.goto(base_url + "modules/indicators.html", wait_until="networkidle")
    targets = {
        "content link": page.locator(".md-content a[href^='http']").first,
        "navigation link": page.locator(".md-sidebar--primary a.md-nav__link[href]").nth(2),
        "table of contents link": page.locator(".md-sidebar--secondary a.md-nav__link[href]").first,
    }
    found = {}
    for name, link in targets.items():
        link.scroll_into_view_if_needed()
        link.hover()
        found[name] = [v for v in run_axe(page, axe_source) if v["id"] == "color-contrast"]
        link.focus()
        found[name + " (focused)"] = [v for v in run_axe(page, axe_source) if v["id"] == "color-contrast"]
    assert {k: v for k, v in found.items() if v} == {}
