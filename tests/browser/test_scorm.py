"""The SCORM package at run time, in Debian's Chromium, under an LMS API we did not write
(scorm-again, npm): pass the final self-assessment and see passed and the score recorded; fail
and see failed; leave midway and resume; the progress fits SCORM 1.2's suspend data."""

from __future__ import annotations

import json
import re
import shutil
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from browser_support import REPO, run_axe, serve, solve
from click.testing import CliRunner
from playwright.sync_api import Frame, Page, expect

from builder.check import check_course
from builder.cli import cli

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course_helpers import make_course  # noqa: E402

from builder.exports.scorm import suspend_data_budget  # noqa: E402

SCORM_AGAIN = REPO / "node_modules" / "scorm-again" / "dist"
LAUNCH = "pkg/scorm-launch.html"


@pytest.fixture(scope="module")
def lms_url(tmp_path_factory):
    """A folder served on 127.0.0.1: the stand-in LMS page, scorm-again, and the default course's
    SCORM 1.2 and 2004 packages unzipped under 1.2/pkg/ and 2004/pkg/."""
    if not (SCORM_AGAIN / "scorm12.js").exists():
        pytest.fail(f"{SCORM_AGAIN} missing: run `npm ci` (CI does)")
    yield from _serve_packages(tmp_path_factory.mktemp("lms"), REPO)


def _serve_packages(root: Path, course: Path, engine: str = "mkdocs"):  # type: ignore[no-untyped-def]
    """Export `course` (built with `engine`) in both versions, unzip each beside the stand-in LMS, serve `root`."""
    root.mkdir(parents=True, exist_ok=True)
    for version in ("1.2", "2004"):
        out = root / f"course-{version}.zip"
        result = CliRunner().invoke(
            cli, ["export", "scorm", "--root", str(course), "-o", str(out), "--version", version, "--engine", engine]
        )
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


@pytest.fixture(scope="module")
def types_lms_url(tmp_path_factory):
    """As `lms_url`, for the minimal fixture course (one question of every type), with all seven
    of its questions drawn into the final self-assessment."""
    if not (SCORM_AGAIN / "scorm12.js").exists():
        pytest.fail(f"{SCORM_AGAIN} missing: run `npm ci` (CI does)")
    folder = tmp_path_factory.mktemp("types-lms")
    course = make_course(
        folder / "course",
        [("course/course.yml", "pass_mark: 80\n", "pass_mark: 80\nfinal_assessment:\n  per_module: 7\n")],
    )
    yield from _serve_packages(folder / "lms", course)


def launch(page: Page, lms_url: str, version: str, cmi: dict, broken: bool = False) -> Frame:
    """Open the LMS page, start the API with the learner's stored data, and wait for the site."""
    page.goto(f"{lms_url}{version}/player.html")
    page.evaluate("([v, cmi, launch, broken]) => startLms(v, cmi, launch, broken)", [version, cmi, LAUNCH, broken])
    page.wait_for_function(
        "() => { const f = document.querySelector('#lms-frame'); "
        "const s = f && f.contentDocument && f.contentDocument.querySelector('#cb-sco'); "
        "return s && s.contentDocument && s.contentDocument.readyState === 'complete' "
        "&& s.contentWindow.cb && s.contentWindow.cb.journey; }"
    )
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
    site = launch(
        page,
        lms_url,
        "1.2",
        {
            "suspend_data": stored["suspend_data"],
            "core": {"lesson_location": core["lesson_location"], "lesson_status": "incomplete", "entry": "resume"},
        },
    )
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
          const data = {schema: 1, answers: {}, best: {},
                        final: {score: 100, passed: true, date: '2026-11-29', version}};
          for (const [id, questions] of modules) {
            data.best[id] = 100;
            for (const q of questions) data.answers[id + '/' + q] = 1;
          }
          return cb.journey.save(data);
        }""",
        [[[m.id, [q.id for q in course.quiz_for(m.id).quiz.questions]] for m in course.modules], course.meta.version],
    )
    suspend = cmi(page, "1.2")["suspend_data"]
    assert len(suspend) == suspend_data_budget(course) < 4096, len(suspend)
    site.goto(site.url.rsplit("/", 1)[0] + "/progress.html")
    expect(site.locator(".cb-progress__status").filter(has_text="Passed")).to_have_count(len(course.modules))
    assert site.evaluate("Object.keys(cb.journey.load().answers).length") == course.question_count


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
    saved = json.loads(frame.evaluate("localStorage.getItem(cb.journey.KEY)"))
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
    expect(note).to_have_text(
        "Your learning management system did not accept your progress, so it may not be kept. "
        "The knowledge checks still work."
    )
    page.evaluate("stopLms()")
    page.wait_for_function("() => calls.some(c => c[0] === 'LMSFinish')")
    assert page_errors == []



# -- interactions: each checked question, for the LMS's item analysis ----------------------------

#: What differs between the versions: the response element, "wrong", the list and pair delimiters,
#: true and false, and how long a fill-in response may be.
FORMAT = {
    "1.2": {"response": "student_response", "wrong": "wrong", "list": ",", "pair": ".", "true": "t", "false": "f"},
    "2004": {
        "response": "learner_response",
        "wrong": "incorrect",
        "list": "[,]",
        "pair": "[.]",
        "true": "true",
        "false": "false",
    },
}
#: A typed answer whose cut at 250 (2004) and at 255 (1.2) characters would each split an emoji
#: (two UTF-16 units) in half: the bridge drops the half.
LONG = "x" * 249 + "\N{GRINNING FACE}" + "xxx" + "\N{GRINNING FACE}" + "tail" * 20
LONG_STORED = {"1.2": "x" * 249 + "\N{GRINNING FACE}" + "xxx", "2004": "x" * 249}


def interactions(page: Page, version: str) -> list[dict]:
    """The interaction records scorm-again stored, in order, with objectives and correct
    patterns as lists."""
    stored = cmi(page, version)["interactions"]
    records = [stored[key] for key in sorted((k for k in stored if k.isdigit()), key=int)]
    for record in records:
        record["objectives"] = [o["id"] for _, o in sorted(record["objectives"].items(), key=lambda kv: int(kv[0]))]
        record["patterns"] = [
            c["pattern"] for _, c in sorted(record["correct_responses"].items(), key=lambda kv: int(kv[0]))
        ]
    return records


def wait_for_results(page: Page, count: int) -> None:
    """Until the bridge has written `count` interaction results in all."""
    page.wait_for_function(
        "n => calls.filter(c => /^cmi\\.interactions\\.\\d+\\.result$/.test(c[1])).length === n", arg=count
    )


def wait_for_commit(page: Page) -> None:
    """Until the LMS has been asked to commit after the last interaction (else a timeout fails)."""
    page.wait_for_function(
        (
            "() => { const last = calls.map(c => /\\.result$/.test(c[1])).lastIndexOf(true); "
            "return last >= 0 && calls.slice(last).some(c => /Commit$/.test(c[0])); }"
        ),
        timeout=5000,
    )


def seconds(text: str, version: str) -> float:
    """A 1.2 CMITimespan (HHHH:MM:SS.SS) or a 2004 duration (PT…S, as the bridge writes it)."""
    if version == "2004":
        match = re.fullmatch(r"PT(\d+(?:\.\d{1,2})?)S", text)
        assert match, text
        return float(match[1])
    match = re.fullmatch(r"(\d{2,4}):(\d\d):(\d\d(?:\.\d{1,2})?)", text)
    assert match, text
    return int(match[1]) * 3600 + int(match[2]) * 60 + float(match[3])


def assert_recent(record: dict, version: str) -> None:
    """1.2 `time` is the clock time of the check; 2004 `timestamp` when the question was shown."""
    if version == "2004":
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d\dZ", record["timestamp"]), record["timestamp"]
        age = datetime.now(timezone.utc) - datetime.fromisoformat(record["timestamp"].replace("Z", "+00:00"))
        assert timedelta(0) <= age < timedelta(minutes=5), record["timestamp"]
    else:
        assert re.fullmatch(r"\d\d:\d\d:\d\d", record["time"]), record["time"]
        h, m, s = map(int, record["time"].split(":"))
        now = datetime.now()
        assert abs((now.hour * 3600 + now.minute * 60 + now.second) - (h * 3600 + m * 60 + s)) % 86400 < 300, (
            record["time"]
        )
    assert 0 <= seconds(record["latency"], version) < 300, record["latency"]


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_each_module_check_is_appended_as_an_interaction(page: Page, types_lms_url, version, page_errors):
    """Every type of question, right and wrong, a long typed answer, and a retry (a new record)."""
    f = FORMAT[version]
    site = launch(page, types_lms_url, version, {})
    site.goto(site.url.rsplit("/", 1)[0] + "/modules/basics.html")
    questions = {q["id"]: q for q in json.loads(site.locator("script.cb-quiz__data").text_content())[0]["questions"]}
    plan = [
        ("rule", True),
        ("many", False),
        ("tf", False),
        ("pairs", True),
        ("steps", False),
        ("word", LONG),
        ("shuffled", True),
        ("rule", False),
    ]
    for count, (qid, how) in enumerate(plan, 1):
        form = site.locator(f'form[data-question="{qid}"]')
        if isinstance(how, str):
            form.locator('input[type="text"]').fill(how)
        else:
            solve(form, questions[qid], how)
        form.get_by_role("button", name="Check answer").click()
        wait_for_results(page, count)
    wait_for_commit(page)
    leave(page)
    records = interactions(page, version)
    L, P, wrong = f["list"], f["pair"], f["wrong"]
    both = ["basics/recall", "basics/apply"]
    expected = [
        ("basics/rule", "choice", "a", "correct", ["a"], both),
        ("basics/many", "choice", "c", wrong, [f"a{L}b"], both),
        ("basics/tf", "true-false", f["false"], wrong, [f["true"]], ["basics/recall"]),
        (
            "basics/pairs",
            "matching",
            f"l1{P}r1{L}l2{P}r2{L}l3{P}r3",
            "correct",
            [f"l1{P}r1{L}l2{P}r2{L}l3{P}r3"],
            ["basics/apply"],
        ),
        ("basics/steps", "sequencing", f"i3{L}i2{L}i1", wrong, [f"i1{L}i2{L}i3"], ["basics/apply"]),
        ("basics/word", "fill-in", LONG_STORED[version], wrong, ["Simple", "very simple"], ["basics/recall"]),
        ("basics/shuffled", "choice", "a", "correct", ["a"], ["basics/recall"]),
        ("basics/rule", "choice", "b", wrong, ["a"], both),
    ]
    got = [(r["id"], r["type"], r[f["response"]], r["result"], r["patterns"], r["objectives"]) for r in records]
    assert got == expected
    for record in records:
        assert_recent(record, version)
    if version == "2004":
        assert [r["description"] for r in records[:3]] == [
            "{lang=en}What is the rule?",
            "{lang=en}Which are true?",
            "{lang=en}The rule is simple.",
        ]
        # when each question was shown: the page's load, for the retry the first check
        assert len({r["timestamp"] for r in records[:7]}) == 1 and records[7]["timestamp"] > records[0]["timestamp"]
    else:
        assert [r["time"] for r in records] == sorted(r["time"] for r in records)
    # the LMS accepted every value the bridge wrote
    assert [c for c in page.evaluate("calls") if c[3] != "true"] == []
    assert page_errors == []


@pytest.mark.parametrize("version", ["1.2", "2004"])
def test_each_final_assessment_question_is_an_interaction_on_submit(page: Page, types_lms_url, version, page_errors):
    """One wrong, one unanswered, the rest right: seven records the LMS can tell from the checks."""
    f = FORMAT[version]
    site = launch(page, types_lms_url, version, {})
    site.goto(site.url.rsplit("/site/", 1)[0] + "/site/assessment.html")
    site.get_by_role("button", name="Start the assessment").click()
    pool = json.loads(site.locator("script.cb-assessment__data").text_content())[0]
    by_id = {f"a-q-{q['module']}-{q['id']}": q for q in pool["questions"]}
    forms = site.locator(".cb-assessment__questions form").all()
    assert len(forms) == 7
    for form in forms:
        q = by_id[form.get_attribute("id")]
        if q["id"] != "word":  # left unanswered
            solve(form, q, right=q["id"] != "tf")
    site.get_by_role("button", name="Submit my answers").click()
    wait_for_results(page, 7)
    # a second, worse attempt: the progress is not saved again, yet its records reach the LMS
    site.get_by_role("button", name="Start the assessment").click()
    site.get_by_role("button", name="Submit my answers").click()
    wait_for_results(page, 14)
    wait_for_commit(page)
    calls = page.evaluate("calls")
    last_save = max(i for i, c in enumerate(calls) if c[1] == "cmi.suspend_data")
    assert sum(c[1].endswith(".result") for c in calls[last_save:]) == 7  # the commit was not the save's
    leave(page)
    L, P, wrong = f["list"], f["pair"], f["wrong"]
    stored = interactions(page, version)
    assert len(stored) == 14
    assert sorted(r["id"] for r in stored[7:]) == sorted(r["id"] for r in stored[:7])
    assert {r["result"] for r in stored[7:]} == {wrong}
    records = {r["id"]: r for r in stored[:7]}
    assert len(records) == 7
    expected = {
        "final/basics/rule": ("choice", "a", "correct", ["a"]),
        "final/basics/many": ("choice", f"a{L}b", "correct", [f"a{L}b"]),
        "final/basics/tf": ("true-false", f["false"], wrong, [f["true"]]),
        "final/basics/pairs": ("matching", f"l1{P}r1{L}l2{P}r2{L}l3{P}r3", "correct", [f"l1{P}r1{L}l2{P}r2{L}l3{P}r3"]),
        "final/basics/steps": ("sequencing", f"i1{L}i2{L}i3", "correct", [f"i1{L}i2{L}i3"]),
        "final/basics/word": ("fill-in", "", wrong, ["Simple", "very simple"]),
        "final/basics/shuffled": ("choice", "a", "correct", ["a"]),
    }
    assert {k: (r["type"], r[f["response"]], r["result"], r["patterns"]) for k, r in records.items()} == expected
    assert records["final/basics/rule"]["objectives"] == ["basics/recall", "basics/apply"]
    assert records["final/basics/pairs"]["objectives"] == ["basics/apply"]
    if version == "2004":  # the prompt, for the LMS's reports (1.2 has no description)
        assert records["final/basics/steps"]["description"] == "{lang=en}Put the steps in order."
    for record in records.values():
        assert_recent(record, version)
    assert [c for c in page.evaluate("calls") if c[3] != "true"] == []
    assert page_errors == []
