"""Links and images in quiz text, clicked and drawn in Chromium: on the module page and on the final
self-assessment (whose forms journey-pages.js builds), from file:// (a USB stick) and from a server
under a sub-path (a Pages project site)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from browser_support import local_only_context, serve
from playwright.sync_api import expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from links_course import build_linked_site  # noqa: E402

pytestmark = pytest.mark.browser

#: Every copy of the quiz text's image on the page is loaded and decoded (a missing file has no width).
IMAGE_DRAWN = (
    "sel => { const all = [...document.querySelectorAll(sel)]; "
    "return all.length > 0 && all.every(img => img.complete && img.naturalWidth === 4); }"
)


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory) -> Path:
    return build_linked_site(tmp_path_factory.mktemp("links"))


@pytest.fixture(scope="module")
def sub_path_url(linked_site):
    """The site served at http://127.0.0.1:<port>/site/: a sub-path, as a Pages project site."""
    url, httpd = serve(linked_site.parent)
    yield url + "site/"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("where", ["file", "sub-path"])
def test_quiz_text_links_and_images_work_on_the_module_page_and_the_assessment(
    browser,
    linked_site,
    sub_path_url,
    where,
):
    context, outside = local_only_context(browser)
    page = context.new_page()
    failed: list[str] = []
    # (a request cut short by leaving the page, such as the favicon's, is not a broken link)
    page.on(
        "requestfailed",
        lambda request: (
            failed.append(f"{request.url} {request.failure}") if "ERR_ABORTED" not in (request.failure or "") else None
        ),
    )
    root = linked_site.as_uri() + "/" if where == "file" else sub_path_url

    # the module page: the image in the answer key is drawn, the link in the prompt leads to its page
    page.goto(root + "modules/basics.html")
    question = page.locator("#q-basics-rule")
    page.wait_for_function(IMAGE_DRAWN, arg="#q-basics-rule img[alt='The seal']")
    question.locator("input").first.check()
    question.get_by_role("button", name="Check answer").click()  # the explanation, with its image, shows
    expect(question.get_by_role("status").locator("img[alt='The seal']")).to_be_visible()
    question.get_by_role("link", name="more reading").click()
    expect(page).to_have_url(root + "more.html#further-steps")
    expect(page.get_by_role("heading", name="Further steps")).to_be_visible()

    # the final self-assessment, one folder up: the same question, drawn by journey-pages.js
    page.goto(root + "assessment.html")
    page.get_by_role("button", name="Start the assessment").click()
    drawn = page.locator(".cb-assessment__questions form").filter(has_text="Read more reading first")
    expect(drawn).to_have_count(1)
    page.wait_for_function(IMAGE_DRAWN, arg=".cb-assessment__questions img[alt='The seal']")
    expect(drawn.get_by_role("link", name="1")).to_have_attribute("href", "modules/basics.html#source-rulebook")
    drawn.get_by_role("link", name="more reading").click()
    expect(page).to_have_url(root + "more.html#further-steps")
    expect(page.get_by_role("heading", name="Further steps")).to_be_visible()
    page.get_by_role("link", name="the rule", exact=True).click()  # and back, by a course page's own link
    expect(page).to_have_url(root + "modules/basics.html#the-rule")

    assert failed == [] and outside == []
    context.close()
