"""The independent checkers of issue 18 on the pages a trainee meets: Lighthouse (mobile preset)
accessibility and best practices 100, pa11y (HTML_CodeSniffer, WCAG2AA) no errors, IBM Equal
Access (accessibility-checker-engine) no violations. What they report that is not the site's to
fix is listed, with the reason, in checker_exceptions.json; every entry must still be needed.

Lighthouse and pa11y run from npm in one Node process (scripts/independent-checkers.mjs: one
Debian chromium, one Lighthouse user flow for all pages; the submitted assessment is a snapshot
step after answering in that flow); IBM's engine is injected with Playwright. The states: the
pages as first loaded, the final assessment drawn, then answered right and submitted, and the
certificate that result links to.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time

import pytest
from browser_support import REPO, pass_final_assessment
from playwright.sync_api import Page, expect

EXCEPTIONS = json.loads((REPO / "tests/browser/checker_exceptions.json").read_text(encoding="utf-8"))["exceptions"]
ACE_JS = REPO / "node_modules/accessibility-checker-engine/ace.js"
PAGES = {
    "home": "index.html",
    "module": "modules/indicators.html",
    "progress": "progress.html",
    "assessment": "assessment.html",
    "scenario": "scenarios/first-interview.html",
    "glossary": "glossary.html",
}
STATES = [*PAGES, "assessment-submitted", "certificate"]
IBM_STATES = [*PAGES, "assessment-drawn", "assessment-submitted", "certificate"]

#: IBM's violations, each with the exception whose selector the element matches (or null).
IBM_CHECK = r"""async (exceptions) => {
  const report = await new ace.Checker().check(document, ["WCAG_2_1"]);
  return report.results.filter(r => r.value[0] === "VIOLATION" && r.value[1] === "FAIL").map(r => {
    // SVG elements are in another namespace: an XPath name test would not find them.
    const xpath = r.path.dom.replace(/\/(svg|g|path|use|title)\[/g, '/*[local-name()="$1"][');
    const element = document.evaluate(xpath, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null).singleNodeValue;
    const match = exceptions.find(e =>
      e.rule === r.ruleId && element instanceof Element && element.matches(e.selector));
    return {rule: r.ruleId, path: r.path.dom, snippet: r.snippet, message: r.message,
            exception: match ? match.selector : null};
  });
}"""


@pytest.fixture(scope="session")
def node_checkers(base_url, tmp_path_factory) -> dict:
    """Lighthouse and pa11y over every state, once per test session (about 1.5-2 min here)."""
    node = shutil.which("node")
    if node is None or not (REPO / "node_modules/lighthouse").is_dir():
        pytest.fail("node and node_modules/lighthouse are needed: npm ci --ignore-scripts (CI does)")
    out = tmp_path_factory.mktemp("checkers") / "checkers.json"
    started = time.monotonic()
    run = subprocess.run([node, str(REPO / "scripts/independent-checkers.mjs"), base_url, str(out)],
                         capture_output=True, text=True, timeout=900, cwd=REPO)
    assert run.returncode == 0, run.stdout + run.stderr
    report = json.loads(out.read_text(encoding="utf-8"))
    print(f"\nindependent checkers (node): {time.monotonic() - started:.0f} s, {report['seconds']}")
    return report


@pytest.mark.parametrize("state", STATES)
def test_lighthouse_accessibility_and_best_practices_are_100(node_checkers, state):
    result = node_checkers["lighthouse"][state]
    failed = {k: v for k, v in result.items() if k.endswith("-failed") and v}
    print(f"\nLighthouse {state} ({result['mode']}): accessibility {result['accessibility']}, "
          f"best practices {result['best-practices']}")
    assert (result["accessibility"], result["best-practices"]) == (1, 1), json.dumps(failed, indent=1)


def test_lighthouse_checked_the_submitted_assessment_in_its_state(node_checkers):
    """The snapshot step is the page after Submit, not a fresh load of it."""
    assert node_checkers["lighthouse"]["assessment-submitted"]["mode"] == "snapshot"
    assert node_checkers["lighthouse"]["certificate"]["mode"] == "navigation"


@pytest.mark.parametrize("state", STATES)
def test_pa11y_wcag2aa_finds_no_errors(node_checkers, state):
    issues = node_checkers["pa11y"][state]
    errors = [i for i in issues if i["type"] == "error" and not i["exception"]]
    print(f"\npa11y {state}: {len(errors)} errors ({len(issues) - len(errors)} listed exceptions)")
    assert errors == [], json.dumps([{k: i[k] for k in ("code", "selector", "message")} for i in errors], indent=1)


@pytest.fixture(scope="session")
def ibm_results(browser, base_url) -> dict[str, list[dict]]:
    """IBM Equal Access on every state, on a phone (390 px: Material shows the most of its
    markup there, the drawer and the search icon)."""
    ace = ACE_JS.read_text(encoding="utf-8")
    exceptions = [e for e in EXCEPTIONS if e["checker"] == "ibm"]
    context = browser.new_context(viewport={"width": 390, "height": 844}, service_workers="block")
    page = context.new_page()
    results: dict[str, list[dict]] = {}
    started = time.monotonic()

    def check(state: str) -> None:
        page.add_script_tag(content=ace)
        results[state] = page.evaluate(IBM_CHECK, exceptions)

    for state, path in PAGES.items():
        page.goto(base_url + path, wait_until="networkidle")
        check(state)
    page.goto(base_url + PAGES["assessment"])
    page.get_by_role("button", name="Start the assessment").click()
    check("assessment-drawn")
    page.goto(base_url + "assessment.html")
    pass_final_assessment(page)
    check("assessment-submitted")
    page.locator(".cb-assessment__result").get_by_role("link", name="Print your certificate").click()
    expect(page.locator(".cb-certificate__sheet")).to_be_visible()
    check("certificate")
    print(f"\nIBM Equal Access: {time.monotonic() - started:.0f} s")
    context.close()
    return results


@pytest.mark.parametrize("state", IBM_STATES)
def test_ibm_equal_access_finds_no_violations(ibm_results, state):
    found = ibm_results[state]
    violations = [v for v in found if not v["exception"]]
    print(f"\nIBM {state}: {len(violations)} violations ({len(found) - len(violations)} listed exceptions)")
    assert violations == [], json.dumps(violations, indent=1)


def test_every_listed_exception_is_still_needed(node_checkers, ibm_results):
    """A listed exception that matches nothing any more hides nothing: drop it. (This also shows
    that both checkers do report: each exception is something they found.)"""
    used = {(i["code"], i["exception"]) for issues in node_checkers["pa11y"].values() for i in issues}
    used |= {(v["rule"], v["exception"]) for found in ibm_results.values() for v in found}
    assert [e["rule"] for e in EXCEPTIONS if (e["rule"], e["selector"]) not in used] == []


def test_ibm_reports_a_violation_planted_in_a_page(page: Page, base_url):
    """Canary: the injected engine does find a plain violation (an image without a text alternative)."""
    page.goto(base_url + "index.html")
    page.evaluate("() => document.querySelector('article').append(Object.assign(new Image(), {src: 'data:,'}))")
    page.add_script_tag(content=ACE_JS.read_text(encoding="utf-8"))
    rules = {v["rule"] for v in page.evaluate(IBM_CHECK, []) if not v["exception"]}
    assert "img_alt_valid" in rules
