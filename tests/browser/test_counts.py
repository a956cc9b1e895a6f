"""Counts agree with their nouns in what a trainee reads: a quiz of one question says
"1 of 1 question right", never "1 of 1 questions"."""

from __future__ import annotations

import json

from browser_support import pass_final_assessment, serve, solve
from click.testing import CliRunner
from course_helpers import make_course
from playwright.sync_api import expect

from builder.cli import cli

ONE_QUESTION = """module: basics
questions:
  - id: tf
    type: true_false
    objectives: [recall, apply]
    prompt: The rule is simple.
    options:
      - text: "True"
        correct: true
      - text: "False"
    explanation: It is.
"""


def test_one_question_is_counted_in_the_singular(browser, tmp_path):
    root = make_course(tmp_path / "c", [("quizzes/basics.yml", ONE_QUESTION)])
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--site-dir", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    url, httpd = serve(tmp_path / "site")
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(url + "modules/basics.html")
        data = json.loads(page.locator("script.cb-quiz__data").first.text_content())[0]
        form = page.locator("form.cb-quiz__question").first
        solve(form, data["questions"][0])
        form.get_by_role("button", name="Check answer").click()
        expect(page.locator(".cb-quiz__score")).to_contain_text(
            "Score: 1 of 1 question right (100%). Pass mark: 80%. Passed."
        )
        page.goto(url + "assessment.html")
        pass_final_assessment(page)
        expect(page.locator(".cb-assessment__result")).to_contain_text(
            "You answered 1 of 1 question right (100%). Pass mark: 80%. Passed."
        )
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()
