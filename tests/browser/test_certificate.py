"""The certificate with training credit: typed fields (never stored), one printed page on Letter
and A4 in both palettes, the roster file, and the certificate when storage is blocked."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest
from browser_support import REPO, build_and_serve, pass_final_assessment, run_axe
from playwright.sync_api import Page, expect

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from course_helpers import make_course  # noqa: E402

KEY = "minimal:1"
CREDIT = (
    "course/course.yml",
    "progress_epoch: 1",
    (
        "progress_epoch: 1\n"
        "credit:\n"
        "  hours: 1.5\n"
        "  course_number: HT-101\n"
        "  provider: Springfield Police Academy\n"
        "  approving_body: State POST Commission\n"
        "  approval_number: 2026-114"
    ),
)
PASSED = json.dumps(
    {
        "schema": 1,
        "answers": {},
        "best": {},
        "final": {"score": 90, "passed": True, "date": "2026-12-01", "version": "1.0"},
    }
)
BLOCK_STORAGE = """for (const name of ['localStorage', 'sessionStorage'])
  Object.defineProperty(window, name, {get() { throw new DOMException('blocked by the test', 'SecurityError'); }});"""
NAME, AGENCY, BADGE = "Dana Officer", "Springfield PD", "=4471"


@pytest.fixture(scope="module")
def cert_url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("certificate")
    yield from build_and_serve(make_course(folder / "c", [CREDIT]), folder / "site")


def pages_in(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def fill(page: Page) -> None:
    page.get_by_label("Your name, as it should appear (it is not saved)").fill(NAME)
    page.get_by_label("Agency (optional)").fill(AGENCY)
    page.get_by_label("Officer or badge number (optional)").fill(BADGE)


def test_typed_certificate_prints_on_one_page_and_downloads_the_roster(
    page: Page,
    cert_url,
    page_errors,
    axe_source,
    tmp_path,
):
    page.goto(cert_url)
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(PASSED)})")
    page.goto(cert_url + "certificate.html")
    expect(page.locator(".cb-certificate__privacy")).to_have_text(
        "Nothing you type here is saved or sent anywhere: it stays on this page until you leave it. "
        "Type it again next time."
    )
    fill(page)
    sheet = page.locator(".cb-certificate__sheet")
    expect(sheet.locator(".cb-certificate__name")).to_have_text(NAME)
    expect(sheet.locator(".cb-certificate__officer")).to_have_text(f"{AGENCY} · Officer or badge number {BADGE}")
    expect(sheet.locator(".cb-certificate__course")).to_have_text("Minimal course")
    expect(sheet.locator(".cb-certificate__details")).to_have_text("Version 1.0 · 2026-12-01 · score 90%")
    expect(sheet.locator(".cb-certificate__credit")).to_have_text(
        "Credit hours: 1.5 · Course number: HT-101 · Provider: Springfield Police Academy · "
        "Approved by: State POST Commission · Approval number: 2026-114"
    )
    expect(sheet).to_contain_text("It is not a proctored examination")
    stored = page.evaluate("JSON.stringify(localStorage) + JSON.stringify(sessionStorage)")
    assert all(typed not in stored for typed in (NAME, AGENCY, BADGE))  # nothing typed is stored
    assert run_axe(page, axe_source) == []
    if os.environ.get("UPDATE_SCREENSHOTS") == "1" or os.environ.get("CERTIFICATE_SCREENSHOT"):
        page.set_viewport_size({"width": 1280, "height": 1100})
        page.screenshot(
            path=os.environ.get("CERTIFICATE_SCREENSHOT") or str(REPO / "docs" / "images" / "certificate.png"),
            full_page=True,
        )

    # The roster files: what the page shows, plus the typed fields; the CSV's "=" made inert.
    with page.expect_download() as download:
        page.get_by_role("button", name="JSON file").click()
    assert download.value.suggested_filename == "minimal-2026-12-01.json"
    download.value.save_as(tmp_path / "roster.json")
    record = json.loads((tmp_path / "roster.json").read_text())
    assert record == {
        "course": "minimal",
        "title": "Minimal course",
        "version": "1.0",
        "date": "2026-12-01",
        "score": 90,
        "passMark": 80,
        "passed": True,
        "creditHours": 1.5,
        "courseNumber": "HT-101",
        "provider": "Springfield Police Academy",
        "approvingBody": "State POST Commission",
        "approvalNumber": "2026-114",
        "name": NAME,
        "agency": AGENCY,
        "badge": BADGE,
        "kind": "self-assessment",
    }
    expect(page.locator(".cb-certificate__message")).to_have_text("The file minimal-2026-12-01.json was downloaded.")
    with page.expect_download() as download:
        page.get_by_role("button", name="CSV file").click()
    download.value.save_as(tmp_path / "roster.csv")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "roster.csv").read_text())))
    assert len(rows) == 1 and rows[0]["name"] == NAME and rows[0]["score"] == "90" and rows[0]["passed"] == "true"
    assert rows[0]["badge"] == "'=4471" and rows[0]["courseNumber"] == "HT-101" and rows[0]["creditHours"] == "1.5"

    # One printed sheet, with the typed fields and none of the form, on both paper sizes and palettes.
    for scheme in ("default", "slate"):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        if scheme == "slate":
            assert run_axe(page, axe_source) == []
        for paper in ("Letter", "A4"):
            pdf = page.pdf(format=paper, margin={k: "0.5in" for k in ("top", "right", "bottom", "left")})
            assert pages_in(pdf) == 1, (scheme, paper)
    page.emulate_media(media="print")
    expect(page.get_by_label("Agency (optional)")).to_be_hidden()
    expect(sheet.locator(".cb-certificate__officer")).to_be_visible()
    assert sheet.evaluate("el => getComputedStyle(el).color") == "rgb(0, 0, 0)"  # black on white in slate too
    assert page_errors == []


def test_storage_blocked_the_passing_visit_still_gets_its_certificate(page: Page, cert_url, page_errors):
    page.add_init_script(BLOCK_STORAGE)
    page.goto(cert_url + "assessment.html")
    pass_final_assessment(page)
    result = page.locator(".cb-assessment__result")
    expect(result).to_contain_text("(100%). Pass mark: 80%. Passed.")
    result.get_by_role("link", name="Print your certificate").click()
    page.wait_for_url("**/certificate.html#score=100&*")
    sheet = page.locator(".cb-certificate__sheet")
    expect(sheet).to_be_visible()
    expect(page.locator(".cb-certificate__none")).to_be_hidden()
    fill(page)
    expect(sheet.locator(".cb-certificate__name")).to_have_text(NAME)
    expect(sheet.locator(".cb-certificate__details")).to_contain_text("Version 1.0 · ")
    expect(sheet.locator(".cb-certificate__details")).to_contain_text(" · score 100%")
    expect(page.locator(".cb-certificate .cb-storage-note")).to_be_visible()  # and it says nothing is saved
    assert pages_in(page.pdf(format="Letter")) == 1
    assert page_errors == []


@pytest.mark.parametrize("fragment", ["", "#score=79&date=2026-12-01&version=1.0", "#score=abc", "#score=101"])
def test_no_certificate_without_a_passing_result(page: Page, cert_url, fragment):
    page.add_init_script(BLOCK_STORAGE)
    page.goto(cert_url + "certificate.html" + fragment)
    expect(page.locator(".cb-certificate__none")).to_be_visible()
    expect(page.locator(".cb-certificate__sheet")).to_be_hidden()


def test_filled_certificate_fits_a_320px_phone(page: Page, cert_url):
    page.set_viewport_size({"width": 320, "height": 640})
    page.goto(cert_url)
    page.evaluate(f"localStorage.setItem('{KEY}', {json.dumps(PASSED)})")
    page.goto(cert_url + "certificate.html")
    fill(page)
    page.get_by_label("Agency (optional)").fill("Springfield Metropolitan Police Department Training Division")
    expect(page.locator(".cb-certificate__sheet")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320  # no sideways scrolling (WCAG 1.4.10)
