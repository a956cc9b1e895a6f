"""Printing the course, as the browser lays it out for paper (print media emulation and page.pdf):
worksheets to fill in with a pen, the answers appendix on its own sheets, and the instructor
edition's keys and warning. $SCREENSHOT_DIR keeps screenshots of what is printed."""

from __future__ import annotations

import re

import pytest
from browser_support import REPO, run_axe, serve, shot
from click.testing import CliRunner
from playwright.sync_api import Page, expect

from builder.cli import cli

#: A module of the default course with one question of each kind that prints differently.
MATCHING = "modules/case-studies.html"
ORDERING = "modules/indicators.html"


@pytest.fixture(scope="module")
def instructor_url(tmp_path_factory):
    out = tmp_path_factory.mktemp("instructor") / "site"
    result = CliRunner().invoke(cli, ["build", "--root", str(REPO), "--site-dir", str(out), "--edition", "instructor"])
    assert result.exit_code == 0, result.output
    url, httpd = serve(out)
    yield url
    httpd.shutdown()
    httpd.server_close()


def box(locator) -> dict:
    found = locator.bounding_box()
    assert found is not None, locator
    return found


def blank_before(locator) -> str:
    """The bottom border of the element's ::before: the line a trainee writes on ('' if none)."""
    return locator.evaluate(
        "el => { const s = getComputedStyle(el, '::before'); "
        "return s.content !== 'none' ? s.borderBottomStyle + ' ' + s.width : ''; }"
    )


def pdf_pages(page: Page) -> int:
    pdf = page.pdf(format="Letter", margin={side: "0.5in" for side in ("top", "right", "bottom", "left")})
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_matching_prints_as_two_columns_with_blanks(page: Page, base_url):
    page.goto(base_url + MATCHING)
    form = page.locator("form.cb-quiz__question--matching").first
    choices = form.locator("ol.cb-quiz__choices")
    paper = form.locator(".cb-quiz__how--print")
    expect(choices).to_be_hidden()  # on screen: the boxes to choose from
    expect(paper).to_be_hidden()
    expect(form.locator("select").first).to_be_visible()
    page.emulate_media(media="print")
    expect(form.locator("select")).to_have_count(3)
    for select in form.locator("select").all():
        expect(select).to_be_hidden()  # no empty "Choose…" boxes on paper
    expect(choices).to_be_visible()
    expect(paper).to_have_text("Write the letter of the matching answer in each blank.")
    expect(form.locator(".cb-quiz__how").first).to_be_hidden()  # "Choose the match…" is for the screen
    assert choices.evaluate("el => getComputedStyle(el).listStyleType") == "upper-alpha"
    labels = form.locator(".cb-quiz__pair label")
    assert all(blank_before(label).startswith("solid") for label in labels.all())
    # Two columns: the items on the left, the lettered answers on the right, side by side.
    pairs, answers = box(form.locator(".cb-quiz__pairs")), box(choices)
    assert answers["x"] >= pairs["x"] + pairs["width"] and abs(answers["y"] - pairs["y"]) < 20
    assert (
        choices.locator("li").all_inner_texts()
        == form.locator("select").first.locator("option:not([value=''])").all_inner_texts()
    )
    form.scroll_into_view_if_needed()
    shot(page, "print-matching")


def test_ordering_prints_a_blank_before_each_item_and_short_answer_a_line(page: Page, base_url):
    page.goto(base_url + ORDERING)
    ordering = page.locator("form.cb-quiz__question--ordering").first
    short = page.locator("form.cb-quiz__question--short_answer").first
    page.emulate_media(media="print")
    order = ordering.locator("ol.cb-quiz__order")
    assert order.evaluate("el => getComputedStyle(el).listStyleType") == "none"  # the screen's 1, 2, 3 would mislead
    items = ordering.locator(".cb-quiz__item")
    assert items.count() >= 3 and all(blank_before(item).startswith("solid") for item in items.all())
    expect(ordering.locator(".cb-quiz__how--print")).to_have_text(
        "Number the items in the right order: 1 for the first."
    )
    assert ordering.locator("button").count() > 0
    for button in ordering.locator("button").all():
        expect(button).to_be_hidden()
    line = short.locator("input[type=text]")
    expect(line).to_be_visible()
    assert (
        line.evaluate("el => [getComputedStyle(el).borderTopStyle, getComputedStyle(el).borderBottomStyle]")
        == ["none", "solid"]
    )
    assert box(line)["width"] > 0.8 * box(short)["width"]
    expect(short.locator(".cb-quiz__how--print")).to_have_text("Write your answer on the line.")
    ordering.scroll_into_view_if_needed()
    shot(page, "print-ordering")


def test_the_whole_course_prints_its_answers_on_new_sheets(page: Page, base_url):
    """(tests/browser/test_site.py runs axe on this page, as on every page.)"""
    page.goto(base_url + "modules/all-modules.html")
    appendix = page.locator("section.cb-answers")
    # On screen too (it is the page to print): headings a screen reader can jump between.
    expect(page.get_by_role("heading", level=1, name="Answers")).to_be_visible()
    expect(page.get_by_role("region", name="Answers")).to_be_visible()
    expect(appendix.locator("h2")).to_have_count(page.locator("section.cb-quiz").count())
    numbers = [n.rstrip(".") for n in page.locator("form .cb-quiz__number").all_inner_texts()]
    assert appendix.locator("h3").all_inner_texts() == numbers and len(numbers) > 100
    page.emulate_media(media="print")
    expect(appendix).to_be_visible()
    expect(page.locator("form .cb-quiz__key").first).to_be_hidden()  # the worksheets stay without answers
    assert appendix.evaluate("el => getComputedStyle(el).breakBefore") == "page"
    assert appendix.locator(".cb-answers__item").first.evaluate("el => getComputedStyle(el).breakInside") == "avoid"
    appendix.scroll_into_view_if_needed()
    shot(page, "print-answers")


def test_a_module_page_prints_its_answers_after_the_module(page: Page, base_url, axe_source):
    page.goto(base_url + ORDERING)
    appendix = page.locator("section.cb-answers")
    expect(appendix).to_be_hidden()  # on screen each question has its own answer
    assert run_axe(page, axe_source) == []
    page.emulate_media(media="print")
    expect(appendix).to_be_visible()
    expect(appendix.get_by_role("heading", level=2, name="Answers")).to_be_visible()
    questions = page.locator("form.cb-quiz__question").count()
    expect(appendix.locator("h3")).to_have_count(questions)
    expect(appendix.locator("h3").first).to_have_text(f"Question 1 of {questions}")
    assert appendix.evaluate("el => getComputedStyle(el).breakBefore") == "page"
    with_answers = pdf_pages(page)
    appendix.evaluate("el => el.remove()")
    assert with_answers > pdf_pages(page)  # the answers are on the sheets


def test_the_instructor_edition_prints_keys_and_its_warning(page: Page, instructor_url, axe_source):
    page.goto(instructor_url + MATCHING)
    banner = page.get_by_role("note").filter(has_text="Instructor edition: do not publish.")
    expect(banner).to_be_visible()
    assert box(banner)["y"] < box(page.locator("article h1").first)["y"]  # above the title
    assert run_axe(page, axe_source) == []
    assert page.locator('meta[name="robots"]').get_attribute("content") == "noindex, nofollow"
    page.emulate_media(media="print")
    expect(banner).to_be_visible()
    form = page.locator("form.cb-quiz__question--matching").first
    key = form.locator(".cb-quiz__key")
    expect(key).to_be_visible()
    expect(key.locator(".cb-quiz__answer-list")).to_be_visible()
    expect(key.locator(".cb-quiz__explanation")).to_be_visible()
    expect(key.locator("summary")).to_be_hidden()  # no "Show the answer" on paper
    expect(page.locator("section.cb-answers")).to_have_count(0)  # the key is under each question
    form.scroll_into_view_if_needed()
    shot(page, "print-instructor")
    page.emulate_media(media="screen")
    page.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
    assert run_axe(page, axe_source) == []  # the banner in the dark palette too
