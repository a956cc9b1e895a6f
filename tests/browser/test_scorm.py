"""The SCORM package at run time, in Debian's Chromium, under an LMS API we did not write
(scorm-again, npm): pass the final self-assessment and see passed and the score recorded; fail
and see failed; leave midway and resume; the progress fits SCORM 1.2's suspend data."""

from __future__ import annotations

import json
import shutil
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from playwright.sync_api import Frame, Page, expect

from browser_support import REPO, run_axe, serve, solve
from builder.check import check_course
from builder.cli import cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from builder.exports.scorm import suspend_data_budget  # noqa: E402

SCORM_AGAIN = REPO / "node_modules" / "scorm-again" / "dist"
LAUNCH = "pkg/scorm-launch.html"


@pytest.fixture(scope="module")
def lms_url(tmp_path_factory):
    """A folder served on 127.0.0.1: the stand-in LMS page, scorm-again, and the default course's
    SCORM 1.2 and 2004 packages unzipped under 1.2/pkg/ and 2004/pkg/."""
    if not (SCORM_AGAIN / "scorm12.js").exists():
        pytest.fail(f"{SCORM_AGAIN} missing: run `npm ci` (CI does)")
    root = tmp_path_factory.mktemp("lms")
    for version in ("1.2", "2004"):
        out = root / f"course-{version}.zip"
        result = CliRunner().invoke(cli, ["export", "scorm", "--root", str(REPO), "-o", str(out), "--version", version])
        assert result.exit_code == 0, result.output
        folder = root / version
        with zipfile.ZipFile(out) as archive:
            archive.extractall(folder / "pkg")
        shutil.copy(Path(__file__).with_name("scorm_player.html"), folder / "player.html")
        for name in ("scorm12.js", "scorm2004.js"):
            shutil.copy(SCORM_AGAIN / name, folder / name)
    url, httpd = serve(root)
    yield url
    httpd.shutdown()
    httpd.server_close()


def launch(page: Page, lms_url: str, version: str, cmi: dict, broken: bool = False) -> Frame:
    """Open the LMS page, start the API with the learner's stored data, and wait for the site."""
    page.goto(f"{lms_url}{version}/player.html")
    page.evaluate("([v, cmi, launch, broken]) => startLms(v, cmi, launch, broken)", [version, cmi, LAUNCH, broken])
    page.wait_for_function("() => { const f = document.querySelector('#lms-frame'); const s = f && f.contentDocument && f.contentDocument.querySelector('#cb-sco'); return s && s.contentDocument && s.contentDocument.readyState === 'complete' && s.contentWindow.cbJourney; }")
    return site_frame(page)


def site_frame(page: Page) -> Frame:
    return next(f for f in page.frames if "/pkg/site/" in f.url)


def leave(page: Page) -> None:
    """The LMS closes the course: the launch page unloads, the bridge reports and finishes."""
    page.evaluate("stopLms()")
    page.wait_for_function("() => calls.some(c => c[0] === 'LMSFinish' || c[0] === 'Terminate')")


def cmi(page: Page, version: str) -> dict:
    name = "API_1484_11" if version == "2004" else "API"
    return json.loads(page.evaluate(f"JSON.stringify(window.{name}.cmi)"))


def take_assessment(site: Frame, right: bool) -> None:
    site.goto(site.url.rsplit("/site/", 1)[0] + "/site/assessment.html")
    site.get_by_role("button", name="Start the assessment").click()
    pool = json.loads(site.locator("script.cb-assessment__data").text_content())[0]
    by_id = {f"a-q-{q['module']}-{q['id']}": q for q in pool["questions"]}
    for form in site.locator(".cb-assessment__questions form").all():
        solve(form, by_id[form.get_attribute("id")], right)
    site.get_by_role("button", name="Submit my answers").click()
    expect(site.locator(".cb-assessment__result")).to_contain_text("Passed." if right else "Not passed yet.")


def test_scorm12_pass_records_passed_and_the_score(page: Page, lms_url, page_errors, axe_source):
    site = launch(page, lms_url, "1.2", {"student_data": {"mastery_score": "80"}})
    take_assessment(site, right=True)
    leave(page)
    data = cmi(page, "1.2")
    core = data["core"]
    assert core["lesson_status"] == "passed"
    assert core["score"] == {"raw": "100", "min": "0", "max": "100"}
    assert core["exit"] == ""  # finished: no resume needed
    assert core["session_time"].count(":") == 2
    assert data["suspend_data"].startswith("c1|100,p,")
    methods = [c[0] for c in page.evaluate("calls")]
    assert methods[0] == "LMSInitialize" and methods[-1] == "LMSFinish" and methods.count("LMSFinish") == 1
    assert all(c[3] == "true" for c in page.evaluate("calls")), page.evaluate("calls")
    # inside the LMS nothing is kept in the browser
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('trafficking-migration:'))") == []
    assert page_errors == []


def test_scorm12_fail_records_failed_and_keeps_resume_data(page: Page, lms_url, page_errors):
    site = launch(page, lms_url, "1.2", {})
    take_assessment(site, right=False)
    leave(page)
    core = cmi(page, "1.2")["core"]
    assert core["lesson_status"] == "failed"
    assert core["score"]["raw"] == "0" and core["score"]["max"] == "100"
    assert core["exit"] == "suspend"
    assert page_errors == []


def test_the_lms_mastery_score_wins_over_the_course_pass_mark(page: Page, lms_url):
    """An LMS administrator may set a lower mastery score: 0% then passes."""
    site = launch(page, lms_url, "1.2", {"student_data": {"mastery_score": "0"}})
    take_assessment(site, right=False)
    leave(page)
    assert cmi(page, "1.2")["core"]["lesson_status"] == "passed"


def test_leave_midway_then_resume_where_the_trainee_was(page: Page, lms_url, page_errors):
    site = launch(page, lms_url, "1.2", {})
    module_url = site.url.rsplit("/site/", 1)[0] + "/site/modules/indicators.html"
    site.goto(module_url)
    data = json.loads(site.locator("script.cb-quiz__data").text_content())[0]
    for q in data["questions"][:3]:
        form = site.locator(f'form[data-question="{q["id"]}"]')
        solve(form, q)
        form.get_by_role("button", name="Check answer").click()
        expect(form.get_by_role("status")).to_contain_text("Correct.")
    leave(page)
    stored = cmi(page, "1.2")
    core = stored["core"]
    assert core["lesson_status"] == "incomplete" and core["exit"] == "suspend"
    assert core["lesson_location"] == "site/modules/indicators.html"
    assert ":111|" in stored["suspend_data"] + "|" or stored["suspend_data"].endswith(":111"), stored["suspend_data"]
    # the next launch: the LMS hands back what it stored
    site = launch(page, lms_url, "1.2", {"suspend_data": stored["suspend_data"], "core": {"lesson_location": core["lesson_location"], "lesson_status": "incomplete", "entry": "resume"}})
    assert site.url.endswith("/site/modules/indicators.html")
    expect(site.locator(".cb-quiz__score")).to_contain_text("Your best score so far:")
    site.goto(site.url.rsplit("/site/", 1)[0] + "/site/progress.html")
    expect(site.locator('tr[data-module="indicators"] .cb-progress__status')).to_have_text("In progress")
    expect(site.locator(".cb-progress__where-lms")).to_be_visible()
    expect(site.locator(".cb-progress__where")).to_be_hidden()
    assert page_errors == []


def test_a_whole_course_of_progress_fits_scorm_12_suspend_data(page: Page, lms_url):
    """Every question answered, every best score and the final result: the bridge writes exactly
    the budget the exporter computed, under SCORM 1.2's 4,096 characters, and reads it back."""
    course, _ = check_course(REPO)
    site = launch(page, lms_url, "1.2", {})
    site.evaluate(
        """([modules, version]) => {
          const data = {schema: 1, answers: {}, best: {}, final: {score: 100, passed: true, date: '2026-11-29', version}};
          for (const [id, questions] of modules) { data.best[id] = 100; for (const q of questions) data.answers[id + '/' + q] = 1; }
          return cbJourney.save(data);
        }""",
        [[[m.id, [q.id for q in course.quiz_for(m.id).quiz.questions]] for m in course.modules], course.meta.version],
    )
    suspend = cmi(page, "1.2")["suspend_data"]
    assert len(suspend) == suspend_data_budget(course) < 4096, len(suspend)
    site.goto(site.url.rsplit("/", 1)[0] + "/progress.html")
    expect(site.locator(".cb-progress__status").filter(has_text="Passed")).to_have_count(len(course.modules))
    assert site.evaluate("Object.keys(cbJourney.load().answers).length") == course.question_count


def test_scorm2004_pass_and_fail(page: Page, lms_url, page_errors):
    site = launch(page, lms_url, "2004", {"scaled_passing_score": "0.8"})
    take_assessment(site, right=True)
    leave(page)
    data = cmi(page, "2004")
    assert (data["completion_status"], data["success_status"]) == ("completed", "passed")
    assert data["score"]["scaled"] == "1" and data["score"]["raw"] == "100"
    assert data["exit"] == "normal" and data["session_time"].startswith("PT")
    assert [c[0] for c in page.evaluate("calls")].count("Terminate") == 1
    site = launch(page, lms_url, "2004", {})
    take_assessment(site, right=False)
    leave(page)
    data = cmi(page, "2004")
    assert (data["completion_status"], data["success_status"], data["exit"]) == ("completed", "failed", "suspend")
    assert page_errors == []


def test_outside_an_lms_the_package_keeps_progress_in_the_browser(page: Page, lms_url, page_errors, axe_source):
    page.goto(f"{lms_url}1.2/{LAUNCH}")
    assert run_axe(page, axe_source) == []
    site = page.frame_locator("#cb-sco")
    expect(site.locator("h1").first).to_be_visible()
    frame = site_frame(page)
    frame.goto(frame.url.rsplit("/", 1)[0] + "/modules/definitions.html")
    q = json.loads(frame.locator("script.cb-quiz__data").text_content())[0]["questions"][0]
    form = frame.locator(f'form[data-question="{q["id"]}"]')
    solve(form, q)
    form.get_by_role("button", name="Check answer").click()
    saved = json.loads(frame.evaluate("localStorage.getItem(cbJourney.KEY)"))
    assert saved["answers"] == {f"definitions/{q['id']}": 1}
    assert page_errors == []


def test_an_lms_that_throws_leaves_the_course_usable(page: Page, lms_url, page_errors):
    """SetValue throws: quizzes still work, the page says progress cannot be saved, no page error."""
    site = launch(page, lms_url, "1.2", {}, broken=True)
    site.goto(site.url.rsplit("/", 1)[0] + "/modules/definitions.html")
    q = json.loads(site.locator("script.cb-quiz__data").text_content())[0]["questions"][0]
    form = site.locator(f'form[data-question="{q["id"]}"]')
    solve(form, q)
    form.get_by_role("button", name="Check answer").click()
    expect(form.get_by_role("status")).to_contain_text("Correct.")
    note = site.locator(".cb-quiz .cb-storage-note")
    expect(note).to_be_visible()
    expect(note).to_have_text("Your learning management system did not accept your progress, so it may not be kept. The knowledge checks still work.")
    page.evaluate("stopLms()")
    page.wait_for_function("() => calls.some(c => c[0] === 'LMSFinish')")
    assert page_errors == []
