"""Material's instant navigation swaps pages without a reload: quizzes must still come to life."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from browser_support import pass_final_assessment, serve
from click.testing import CliRunner
from playwright.sync_api import Page, expect

from builder.cli import cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course_helpers import make_course  # noqa: E402


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    """This module's own site: the minimal course with `navigation.instant` on."""
    tmp = tmp_path_factory.mktemp("instant")
    (tmp / "site").mkdir()
    url, httpd = serve(tmp / "site")  # first, so that site_url (which instant loading needs) has the port
    root = make_course(
        tmp / "c",
        [
            ("mkdocs.yml", "    - navigation.footer\n", "    - navigation.footer\n    - navigation.instant\n"),
            ("mkdocs.yml", "site_name: Minimal course\n", f"site_name: Minimal course\nsite_url: {url}\n"),
        ],
    )
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--site-dir", str(tmp / "site")])
    assert result.exit_code == 0, result.output
    yield url
    httpd.shutdown()


def test_quiz_works_after_instant_navigation(page: Page, base_url, page_errors):
    page.goto(base_url)
    # Material intercepts only links listed in sitemap.xml, which it fetches after the load event:
    # a click before that response is an ordinary (full) page load (seen on a busy machine).
    page.wait_for_load_state("networkidle")
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-content").get_by_role("link", name="Basics", exact=True).click()
    expect(page.locator("h1")).to_contain_text("Basics")
    assert page.url.endswith("modules/basics.html")
    assert page.evaluate("window.__sameDocument") is True  # no full reload happened
    form = page.locator("form.cb-quiz__question").first
    form.get_by_label("It is simple.").check()
    form.get_by_role("button", name="Check answer").click()
    expect(form.get_by_role("status")).to_contain_text("Correct.")
    assert page_errors == []


def test_scenario_works_after_instant_navigation(page: Page, base_url, page_errors):
    """Scenario pages load their own script and stylesheet, also when reached without a reload."""
    page.goto(base_url + "modules/basics.html")
    page.wait_for_load_state("networkidle")  # sitemap.xml fetched: Material intercepts the link
    page.evaluate("window.__sameDocument = true")
    page.locator(".md-content").get_by_role("link", name="First call").first.click()
    assert page.evaluate("window.__sameDocument") is True
    expect(page.locator(".cb-scenario__step:visible")).to_have_count(1)  # enhanced: one step at a time
    step = page.locator(".cb-scenario__step:visible")
    step.locator("button.cb-scenario__option").first.click()
    expect(page.locator(".cb-scenario__step:visible .cb-scenario__feedback")).not_to_be_empty()
    assert page_errors == []


def test_certificate_with_storage_blocked_after_instant_navigation(page: Page, base_url):
    """The passing result's link carries the result (issue #18) also when Material swaps the page in."""
    page.add_init_script(
        "for (const name of ['localStorage', 'sessionStorage']) "
        "Object.defineProperty(window, name, {get() { throw new DOMException('blocked', 'SecurityError'); }});"
    )
    page.goto(base_url + "assessment.html")
    pass_final_assessment(page)
    page.evaluate("window.__sameDocument = true")
    page.locator(".cb-assessment__result").get_by_role("link", name="Print your certificate").click()
    expect(page.locator(".cb-certificate__sheet")).to_be_visible()
    expect(page.locator(".cb-certificate__details")).to_contain_text("score 100%")
    assert page.evaluate("window.__sameDocument") is True
