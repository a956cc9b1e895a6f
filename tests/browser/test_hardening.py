"""Every page survives blocked or corrupt storage and a strict Content-Security-Policy."""

from __future__ import annotations

import pytest
from browser_support import serve
from playwright.sync_api import Page, expect

BLOCK_STORAGE = """
for (const name of ["localStorage", "sessionStorage"]) {
  Object.defineProperty(window, name, {get() { throw new DOMException("blocked by the test", "SecurityError"); }});
}
"""
CORRUPT_STORAGE = """
for (const key of ["/.__palette", "/.__consent", "/.__tabs", "/.__search", "/__palette"]) {
  try { localStorage.setItem(key, "{not json"); } catch (e) {}
}
"""
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; worker-src 'self'; connect-src 'self'"
)
RECORD_CSP = (
    "window.__csp = []; "
    "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
    "e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));"
)


def _visit_everything(page: Page, base_url: str, paths: list[str]) -> None:
    for path in paths:
        page.goto(base_url + path, wait_until="networkidle")
        form = page.locator("section.cb-quiz form.cb-quiz__question:has(input[type=radio])").first
        if form.count():
            form.locator("input").first.check()
            form.get_by_role("button", name="Check answer").click()
            expect(form.get_by_role("status")).not_to_be_empty()
    page.locator('[data-md-component="palette"] label:not([hidden])').first.click()  # writes the palette
    page.keyboard.press("/")
    page.keyboard.type("visa")
    page.wait_for_load_state("networkidle")


@pytest.mark.parametrize("storage", ["blocked", "corrupt"])
def test_no_page_error_when_storage_fails(page: Page, base_url, all_paths, page_errors, storage):
    page.add_init_script(BLOCK_STORAGE if storage == "blocked" else CORRUPT_STORAGE)
    _visit_everything(page, base_url, all_paths)
    assert page_errors == []


def test_palette_choice_is_still_remembered(page: Page, base_url):
    page.emulate_media(color_scheme="light")
    page.goto(base_url)
    page.locator('label[title="Switch to dark mode"]').click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(base_url + "support.html")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")


def test_strict_content_security_policy(page: Page, site_dir, all_paths, page_errors):
    """script-src 'self' with no hashes: Material's inline scripts now come from files."""
    url, httpd = serve(site_dir, {"Content-Security-Policy": CSP})
    try:
        page.add_init_script(RECORD_CSP)
        violations = []
        for path in all_paths:
            page.goto(url + path, wait_until="networkidle")
            violations += page.evaluate("window.__csp")
        _visit_everything(page, url, all_paths[:1])
        violations += page.evaluate("window.__csp")
        assert violations == []
        assert page_errors == []
    finally:
        httpd.shutdown()


def test_csp_check_can_fail(page: Page, site_dir):
    """Canary: an inline script is reported under the same policy, so the test above can fail."""
    url, httpd = serve(site_dir, {"Content-Security-Policy": CSP})
    try:
        page.add_init_script(RECORD_CSP)
        page.goto(url)
        page.evaluate(
            "() => { const s = document.createElement('script'); s.textContent = '1'; document.body.append(s); }"
        )
        page.wait_for_timeout(200)
        assert any("script-src" in v for v in page.evaluate("window.__csp"))
    finally:
        httpd.shutdown()
