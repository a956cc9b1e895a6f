"""What independent checkers and a trainee found (issue 18), on the default course: names read by
screen readers, meta descriptions, the phone layout, search from a USB stick, the navigation drawer."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from playwright.sync_api import Page, expect

from browser_support import REPO, run_axe, shot

sys.path.insert(0, str(REPO / "tests"))
from builder.check import check_course  # noqa: E402

#: The accessible names given by aria-labelledby, computed as a screen reader does (text of the
#: referenced elements, hidden ones included).
LABELLED_BY_NAMES = """() => Array.from(document.querySelectorAll('[aria-labelledby]')).map(el =>
  el.getAttribute('aria-labelledby').split(/\\s+/).map(id => { const t = document.getElementById(id); return t ? t.textContent : ''; }).join(' ').trim())"""


def test_knowledge_check_region_is_named_without_the_pilcrow(page: Page, base_url):
    page.goto(base_url + "modules/indicators.html")
    expect(page.get_by_role("region", name="Knowledge check", exact=True)).to_have_count(1)
    assert [name for name in page.evaluate(LABELLED_BY_NAMES) if "¶" in name] == []


def test_glossary_source_links_name_their_term(page: Page, base_url):
    page.goto(base_url + "glossary.html")
    expect(page.get_by_role("link", name="Source", exact=True)).to_have_count(0)
    sources = page.locator("dl.cb-glossary dd a", has_text="Source")
    assert sources.count() > 50
    names = [a.get_attribute("aria-label") for a in sources.all()]
    assert all(name and name.startswith("Source: ") for name in names)
    assert len(set(names)) == len(names)  # one name per term
    expect(page.get_by_role("link", name="Source: Debt bondage", exact=True)).to_have_count(1)


def test_search_dialog_has_a_name(page: Page, base_url):
    page.goto(base_url + "index.html")
    page.keyboard.press("/")
    expect(page.get_by_role("dialog", name="Search")).to_be_visible()


def test_every_page_has_a_meta_description(page: Page, base_url, all_paths):
    course, _ = check_course(REPO)
    summaries = {f"modules/{m.id}.html": " ".join(m.meta.summary.split()) for m in course.modules}
    for path in all_paths:
        page.goto(base_url + path, wait_until="domcontentloaded")
        description = page.locator('meta[name="description"]').get_attribute("content")
        if path in summaries:
            assert description == summaries[path], path
        else:
            assert description and description.startswith(course.meta.title), path
