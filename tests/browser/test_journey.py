"""The trainee's journey on the minimal course: progress, the final self-assessment, the certificate."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from browser_support import build_and_serve, run_axe, solve
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course_helpers import MINIMAL, make_course  # noqa: E402

KEY = "minimal:1"


@pytest.fixture(scope="session")
def base_url(tmp_path_factory):
    yield from build_and_serve(MINIMAL, tmp_path_factory.mktemp("journey") / "site")


def module_data(page: Page) -> dict:
    return json.loads(page.locator("script.cb-quiz__data").text_content())[0]


def test_full_run_pass_reload_assess_certify(page: Page, base_url, page_errors, axe_source):
    page.goto(base_url + "modules/basics.html")
    data = module_data(page)
    for q in data["questions"]:
        form = page.locator(f'form[data-question="{q["id"]}"]')
        solve(form, q)
        form.get_by_role("button", name="Check answer").click()
        expect(form.get_by_role("status")).to_contain_text("Correct.")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved["schema"] == 1 and saved["best"] == {"basics": 100}
    assert saved["answers"] == {f"basics/{q['id']}": 1 for q in data["questions"]}
    # reload: the saved best score shows, and the navigation marks the module as passed
    page.reload()
    expect(page.locator(".cb-quiz__score")).to_have_text(
        "Your best score so far: 100% (passed). Answer the questions again to practise."
    )
    expect(page.locator("a.md-nav__link .cb-nav-passed").first).to_have_text("✓ (passed)")
    expect(page.locator(".cb-nav-passed")).to_have_count(1)  # the module's own link, not its sections
    page.goto(base_url + "progress.html")
    row = page.locator('tr[data-module="basics"]')
    expect(row.locator(".cb-progress__status")).to_have_text("Passed")
    expect(row.locator(".cb-progress__best")).to_have_text("100%")
    assert run_axe(page, axe_source) == []
    # the final self-assessment: two questions drawn from the module, answered right
    page.goto(base_url + "assessment.html")
    page.get_by_role("button", name="Start the assessment").click()
    pool = json.loads(page.locator("script.cb-assessment__data").text_content())[0]
    forms = page.locator(".cb-assessment__questions form")
    expect(forms).to_have_count(2)
    by_id = {f"a-q-{q['module']}-{q['id']}": q for q in pool["questions"]}
    for form in forms.all():
        solve(form, by_id[form.get_attribute("id")])
    page.get_by_role("button", name="Submit my answers").click()
    result = page.locator(".cb-assessment__result")
    expect(result).to_contain_text("You answered 2 of 2 questions right (100%). Pass mark: 80%. Passed.")
    expect(result).to_be_focused()
    ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    assert len(ids) == len(set(ids))
    assert run_axe(page, axe_source) == []
    result.get_by_role("link", name="Print your certificate").click()
    page.get_by_label("Your name, as it should appear (it is not saved)").fill("Dana Officer")
    sheet = page.locator(".cb-certificate__sheet")
    expect(sheet).to_contain_text("Dana Officer")
    expect(sheet).to_contain_text("Minimal course")
    expect(sheet).to_contain_text("score 100%")
    expect(sheet).to_contain_text("not a proctored examination")
    assert "Dana" not in page.evaluate("JSON.stringify(localStorage)")  # the name is never stored
    assert run_axe(page, axe_source) == []
    pdf = page.pdf(format="Letter", margin={k: "0.5in" for k in ("top", "right", "bottom", "left")})
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1  # one sheet, no chrome
    assert page_errors == []


def test_failed_assessment_links_missed_objectives(page: Page, base_url):
    page.goto(base_url + "assessment.html")
    page.get_by_role("button", name="Start the assessment").click()
    page.get_by_role("button", name="Submit my answers").click()  # nothing answered
    result = page.locator(".cb-assessment__result")
    expect(result).to_contain_text("You answered 0 of 2 questions right (0%). Pass mark: 80%. Not passed yet.")
    link = result.locator("a").first
    assert "modules/basics.html#objective-" in link.get_attribute("href")
    page.goto(base_url + "certificate.html")
    expect(page.locator(".cb-certificate__none")).to_be_visible()


def test_stale_answers_are_dropped_and_export_import_reset_forget(page: Page, base_url, tmp_path):
    page.goto(base_url)
    page.evaluate(f"""localStorage.setItem('{KEY}', JSON.stringify({{schema: 1,
                      answers: {{"basics/rule": 1, "basics/removed-question": 1, "gone/q": 0}},
                      best: {{"basics": 40, "gone": 90}}, final: {{}}}}));
                      localStorage.setItem('/.__palette', '{{}}'); localStorage.setItem('unrelated', 'keep');""")
    page.goto(base_url + "modules/basics.html")
    form = page.locator('form[data-question="tf"]')
    form.get_by_label("True").check()
    form.get_by_role("button", name="Check answer").click()
    # A module page knows its own questions: the removed one's answer goes. It does not know the
    # other modules (course.js does not list them): "gone" stays until a journey page, whose data
    # lists every module, drops it (journey.js, clean); counted nowhere meanwhile.
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert (
        saved["answers"] == {"basics/rule": 1, "basics/tf": 1, "gone/q": 0}
        and saved["best"] == {"basics": 40, "gone": 90}
    )
    expect(page.locator(".cb-nav-passed")).to_have_count(0)
    page.goto(base_url + "progress.html")
    expect(page.locator('tr[data-module="basics"] .cb-progress__status')).to_have_text("In progress")
    saved = json.loads(page.evaluate(f"localStorage.getItem('{KEY}')"))
    assert saved["answers"] == {"basics/rule": 1, "basics/tf": 1} and saved["best"] == {"basics": 40}
    with page.expect_download() as download:
        page.get_by_role("button", name="Export progress").click()
    exported = tmp_path / "progress.json"
    download.value.save_as(exported)
    assert json.loads(exported.read_text())["answers"] == saved["answers"]
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset progress").click()
    expect(page.locator('tr[data-module="basics"] .cb-progress__status')).to_have_text("Not started")
    page.get_by_label("Import progress from a file").set_input_files(str(exported))
    expect(page.locator(".cb-progress__message")).to_have_text("Progress imported.")
    expect(page.locator('tr[data-module="basics"] .cb-progress__status')).to_have_text("In progress")
    bad = tmp_path / "bad.json"
    bad.write_text('{"something": "else"}')
    page.get_by_label("Import progress from a file").set_input_files(str(bad))
    expect(page.locator(".cb-progress__message")).to_have_text("That file is not a progress file of this course.")
    page.get_by_role("button", name="Forget me on this computer").click()
    expect(page.locator(".cb-progress__message")).to_have_text(
        "Everything this site saved in this browser has been removed."
    )
    assert page.evaluate("Object.keys(localStorage)") == ["unrelated"]


def test_a_quiz_with_its_own_pass_mark_is_scored_and_marked_by_it(page: Page, tmp_path):
    """course.js states the course's pass mark (80) once and lists only the quizzes that set
    another: 4 of 7 right (57%) passes this one at 50, on the module page, in the navigation and
    on the progress page."""
    root = make_course(tmp_path / "c", [("quizzes/basics.yml", "module: basics", "module: basics\npass_mark: 50")])
    serving = build_and_serve(root, tmp_path / "site")
    url = next(serving)
    try:
        page.goto(url + "modules/basics.html")
        assert page.evaluate("[cb.course.passMark, cb.course.passMarks]") == [80, {"basics": 50}]
        data = module_data(page)
        for q in data["questions"][:4]:
            form = page.locator(f'form[data-question="{q["id"]}"]')
            solve(form, q)
            form.get_by_role("button", name="Check answer").click()
            expect(form.get_by_role("status")).to_contain_text("Correct.")
        expect(page.locator(".cb-quiz__score")).to_have_text(
            "Score: 4 of 7 questions right (57%). Pass mark: 50%. Passed."
        )
        expect(page.locator(".cb-nav-passed")).to_have_count(1)
        page.goto(url + "progress.html")
        expect(page.locator('tr[data-module="basics"] .cb-progress__status')).to_have_text("Passed")
    finally:
        next(serving, None)


def test_storage_blocked_quizzes_still_work_and_say_so(page: Page, base_url, page_errors):
    page.add_init_script(
        "Object.defineProperty(window, 'localStorage', "
        "{get() { throw new DOMException('blocked', 'SecurityError'); }});"
    )
    for path in ("modules/basics.html", "progress.html", "assessment.html", "certificate.html"):
        page.goto(base_url + path)
        expect(page.locator(".cb-storage-note").first).to_be_visible()
    page.goto(base_url + "modules/basics.html")
    form = page.locator('form[data-question="tf"]')
    form.get_by_label("True").check()
    form.get_by_role("button", name="Check answer").click()
    expect(form.get_by_role("status")).to_contain_text("Correct.")
    assert page_errors == []


def test_every_question_type_can_be_answered_in_the_assessment(page: Page, tmp_path):
    """A course that draws all seven questions of its module: each type is answered rightly."""
    root = make_course(
        tmp_path / "c",
        [("course/course.yml", "progress_epoch: 1", "progress_epoch: 1\nfinal_assessment:\n  per_module: 7")],
    )
    serving = build_and_serve(root, tmp_path / "site")
    url = next(serving)
    try:
        page.goto(url + "assessment.html")
        pool = json.loads(page.locator("script.cb-assessment__data").text_content())[0]
        page.get_by_role("button", name="Start the assessment").click()
        forms = page.locator(".cb-assessment__questions form")
        expect(forms).to_have_count(7)
        by_id = {f"a-q-{q['module']}-{q['id']}": q for q in pool["questions"]}
        assert {q["type"] for q in by_id.values()} == {
            "single",
            "multiple",
            "true_false",
            "matching",
            "ordering",
            "short_answer",
        }
        for form in forms.all():
            solve(form, by_id[form.get_attribute("id")])
        page.get_by_role("button", name="Submit my answers").click()
        expect(page.locator(".cb-assessment__result")).to_contain_text("You answered 7 of 7 questions right (100%).")
    finally:
        next(serving, None)


RICH_QUESTIONS = """
  - id: rich-block
    type: single
    objectives: [recall]
    prompt: |
      A case, in two paragraphs with *emphasis* & `code`.

      Which step comes first? See [the rulebook](https://example.org/rulebook).
    options:
      - text: "Call <script>alert(1)</script> at once"
        feedback: "No: *never* [this](javascript:alert(1))."
      - text: "**Listen** first"
        correct: true
      - text: None of the above
        pin: true
        feedback: The second one is right.
    explanation: |
      Listening comes first.

      - it builds trust
      - it keeps the person safe
  - id: rich-many
    type: multiple
    objectives: [apply]
    prompt: "Which are *signs*?"
    options:
      - {text: "Debt & fees", correct: true, feedback: "Yes."}
      - {text: "`id` kept by the boss", correct: true}
      - {text: Own phone}
    explanation: Two are signs.
  - id: rich-pairs
    type: matching
    objectives: [apply]
    prompt: Match.
    pairs:
      - {left: "*T* visa", right: "Trafficking & cooperation"}
      - {left: "U visa", right: "Qualifying crimes"}
    explanation: "See `8 U.S.C. 1101`."
  - id: rich-steps
    type: ordering
    objectives: [apply]
    prompt: Order them.
    items: ["**Safety**", "Needs & <b>rights</b>", "Interview"]
    explanation: Safety first.
  - id: rich-word
    type: short_answer
    objectives: [recall]
    prompt: Which word?
    accepted: ["trust", "*trust*"]
    explanation: Trust.
"""


def test_drawn_forms_are_the_module_pages_forms(page: Page, tmp_path):
    """journey-pages.js builds each drawn question's form from the assessment's data. For every
    question (all six types, block prompts, markup, unsafe text, pins, feedback on some options)
    the form is the one question.html renders on the module page, ids prefixed and renumbered."""
    quiz = (MINIMAL / "quizzes" / "basics.yml").read_text(encoding="utf-8") + RICH_QUESTIONS
    root = make_course(tmp_path / "c", [("quizzes/basics.yml", quiz)])
    serving = build_and_serve(root, tmp_path / "site")
    url = next(serving)
    try:
        page.goto(url + "assessment.html")
        pairs = page.evaluate(
            """async () => {
              const data = JSON.parse(document.querySelector("script.cb-assessment__data").textContent)[0];
              const text = await (await fetch("modules/basics.html")).text();
              const doc = new DOMParser().parseFromString(text, "text/html");
              const tidy = html => html.replace(/>\\s*\\n\\s*</g, "><");
              return data.questions.map(q => {
                const server = doc.querySelector('form[data-question="' + q.id + '"]');
                ["id", "for", "aria-describedby", "aria-labelledby"].forEach(attr => {
                  [server, ...server.querySelectorAll("[" + attr + "]")].filter(e => e.hasAttribute(attr))
                    .forEach(e => e.setAttribute(attr, e.getAttribute(attr).split(" ").map(v => "a-" + v).join(" ")));
                });
                server.querySelector(".cb-quiz__number").textContent = "Question 1 of 9.";
                const built = window.cb.journey.questionForm(q, "Question 1 of 9.", data.form);
                return [q.id, tidy(server.outerHTML), tidy(built.outerHTML)];
              });
            }"""
        )
        assert len(pairs) == 12
        for qid, server, built in pairs:
            assert built == server, qid
        assert "&lt;script&gt;" in dict((q, s) for q, s, _ in pairs)["rich-block"]  # the unsafe text stayed inert
    finally:
        next(serving, None)


def test_progress_without_javascript_says_it_needs_it(browser, base_url):
    """Without JavaScript the page cannot read the saved progress: it says so, and claims no
    status ("Not started") and offers no button that would do nothing."""
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + "progress.html")
    # (Playwright's text matching skips <noscript>: read what is rendered.)
    expect(page.locator(".cb-progress__no-js")).to_be_visible()
    shown = page.locator(".cb-progress").inner_text()
    assert "this page needs JavaScript to show it" in shown
    assert "Not started" not in shown
    expect(page.locator('tr[data-module="basics"] .cb-progress__status')).to_have_text("")
    expect(page.get_by_role("button", name="Export progress")).to_have_count(0)
    context.close()
