"""`course serve` in a browser: a save that breaks the course shows its located problems in the
open page, and a save that fixes it brings the page back, both by MkDocs' live reload alone."""

from __future__ import annotations

from browser_support import run_axe
from course_helpers import free_port, make_course, start_serve, wait_for
from playwright.sync_api import expect

BROKEN = ("      - text: It is hard.\n", "      - text: It is hard.\n        correct: true\n")


def test_the_open_page_shows_the_errors_and_comes_back_when_fixed(browser, tmp_path, axe_source):
    root = make_course(tmp_path / "c")
    port = free_port()
    proc, lines = start_serve(root, port)
    context = browser.new_context()
    try:
        wait_for(lines, "Serving on", timeout=60)
        page = context.new_page()
        page.goto(f"http://127.0.0.1:{port}/modules/basics.html")
        expect(page.get_by_role("heading", name="Basics", level=1)).to_be_visible()
        page.wait_for_timeout(500)  # the live-reload script has started polling

        quiz = root / "quizzes" / "basics.yml"
        quiz.write_text(quiz.read_text().replace(*BROKEN))
        expect(page.get_by_role("heading", name="The course cannot be built", level=1)).to_be_visible(timeout=30_000)
        expect(page.locator(".problems li")).to_have_count(1)
        expect(page.locator(".problems li")).to_contain_text(
            "quizzes/basics.yml:12:18 error: single question `rule` has 2 correct options"
        )
        assert run_axe(page, axe_source) == []

        quiz.write_text(quiz.read_text().replace(BROKEN[1], BROKEN[0]))
        expect(page.get_by_role("heading", name="Basics", level=1)).to_be_visible(timeout=30_000)
        expect(page.locator(".cb-quiz__legend").first).to_contain_text("What is the rule?")
    finally:
        context.close()
        proc.terminate()
        proc.wait(timeout=10)
