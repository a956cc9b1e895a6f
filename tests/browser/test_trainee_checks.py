"""What independent checkers and a trainee found (issue 18), on the default course: names read by
screen readers, meta descriptions, the phone layout, search from a USB stick, the navigation drawer."""

from __future__ import annotations

import re

import pytest
from browser_support import REPO, local_only_context, run_axe, shot
from playwright.sync_api import Page, expect

from builder.check import check_course

#: The accessible names given by aria-labelledby, computed as a screen reader does (text of the
#: referenced elements, hidden ones included).
LABELLED_BY_NAMES = """() => Array.from(document.querySelectorAll('[aria-labelledby]')).map(el =>
  el.getAttribute('aria-labelledby').split(/\\s+/)
    .map(id => { const t = document.getElementById(id); return t ? t.textContent : ''; }).join(' ').trim())"""


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


@pytest.mark.parametrize("width", [390, 320])
def test_wide_diagram_on_a_phone_says_it_scrolls_and_scrolls_by_keyboard(page: Page, base_url, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + "modules/indicators.html")
    figure = page.locator("figure.cb-diagram").first
    figure.scroll_into_view_if_needed()
    scroller = figure.locator(".cb-diagram__scroll")
    assert scroller.evaluate("el => el.scrollWidth > el.clientWidth + 20")  # it is cut on a phone…
    expect(figure.locator(".cb-diagram__hint")).to_be_visible()  # …and says so
    expect(figure.locator(".cb-diagram__hint")).to_contain_text("scroll the diagram sideways")
    expect(page.get_by_role("group", name=re.compile("^From indicators to action"))).to_have_count(1)
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width  # the page itself does not scroll
    shot(page, f"diagram-{width}")
    scroller.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("el => el.scrollLeft > 0", arg=scroller.element_handle())


def test_diagram_hint_is_hidden_where_the_diagram_fits(page: Page, base_url):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(base_url + "modules/indicators.html")
    scroller = page.locator(".cb-diagram__scroll").first
    assert scroller.evaluate("el => el.scrollWidth <= el.clientWidth")
    expect(page.locator(".cb-diagram__hint").first).to_be_hidden()


@pytest.mark.parametrize("width", [390, 320])
def test_progress_table_and_buttons_have_room_on_a_phone(page: Page, base_url, axe_source, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(base_url + "progress.html")
    cell = page.locator('tr[data-module] td.cb-progress__status').first
    expect(cell).not_to_be_empty()
    paddings = cell.evaluate(
        "el => ['Top', 'Right', 'Bottom', 'Left'].map(s => parseFloat(getComputedStyle(el)['padding' + s]))"
    )
    assert min(paddings) >= 4, paddings
    boxes = [b.bounding_box() for b in page.locator(".cb-progress__actions button").all()]
    assert len(boxes) == 3
    for a, b in zip(boxes, boxes[1:]):
        apart_x = b["x"] - (a["x"] + a["width"])
        apart_y = b["y"] - (a["y"] + a["height"])
        assert max(apart_x, apart_y) >= 8, (a, b)  # side by side or wrapped, never touching
    assert page.evaluate("() => document.documentElement.scrollWidth") <= width
    page.locator(".cb-progress__actions").scroll_into_view_if_needed()
    shot(page, f"progress-{width}")
    assert run_axe(page, axe_source) == []


@pytest.mark.parametrize("path", ["index.html", "modules/indicators.html"])
def test_search_index_and_worker_load_only_when_search_is_used(page: Page, base_url, network_log, page_errors, path):
    """The search index is over half a page's weight: a visit that never searches never fetches it
    (nor starts the search worker); the keyboard shortcut fetches it and search finds pages."""
    page.goto(base_url + path, wait_until="networkidle")
    page.wait_for_timeout(500)  # Material subscribes to its index right after the page's load
    assert [u for u in network_log if "search" in u] == []
    page.keyboard.press("/")  # Material's search shortcut
    page.keyboard.type("interpreter")
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching documents", timeout=15_000)
    assert page.locator(".md-search-result__item").count() > 3
    searched = [u.rsplit("/", 1)[-1] for u in network_log if "search" in u]
    assert searched[0] == "search_index.json" and searched[1].startswith("search.")  # index, worker
    assert page_errors == []


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("where", ["file", "http"])
def test_search_finds_pages_from_a_usb_stick_and_a_server(browser, base_url, site_dir, where, width):
    """From file:// Chromium refuses Material's search worker: search must still find pages (the
    worker runs in a frame, the index comes as a script), on a desktop and on a phone."""
    context, outside = local_only_context(browser, viewport={"width": width, "height": 800})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    root = site_dir.as_uri() + "/" if where == "file" else base_url
    page.goto(root + "modules/indicators.html")
    toggle = page.locator('label.md-header__button[for="__search"]')
    (toggle if toggle.is_visible() else page.locator(".md-search__input")).click()
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.type("interpreter")
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching documents", timeout=15_000)
    assert page.locator(".md-search-result__item").count() > 3
    shot(page, f"search-{where}-{width}")
    page.locator(".md-search-result__item a").first.click()
    expect(page.locator("h1")).to_be_visible()
    if width < 600:  # the phone's palette toggle is back once search is closed
        expect(page.locator("form.md-header__option[data-md-component='palette'] label:visible")).to_have_count(1)
    assert errors == [] and outside == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_navigation_drawer_by_keyboard_at_200_percent_zoom(page: Page, base_url, page_errors, axe_source, scheme):
    """1280 × 800 at 200% zoom is 640 × 400 CSS pixels: Material's drawer layout. The menu button
    is reached by Tab, opens the drawer with Enter, Escape closes it and gives focus back, and a
    closed drawer's ~40 links are not in the Tab order."""
    page.set_viewport_size({"width": 640, "height": 400})
    page.emulate_media(color_scheme=scheme)
    page.goto(base_url + "modules/indicators.html")
    menu = page.get_by_role("button", name="Navigation")
    expect(menu).to_have_attribute("aria-expanded", "false")
    focused_in_drawer = []
    for _ in range(6):  # skip link, logo, menu button…: the drawer's links never get focus
        page.keyboard.press("Tab")
        focused_in_drawer.append(page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')"))
        if page.evaluate("() => document.activeElement.classList.contains('cb-menu')"):
            break
    expect(menu).to_be_focused()
    assert not any(focused_in_drawer)
    assert menu.evaluate("el => getComputedStyle(el).outlineStyle") != "none"  # focus is seen
    page.keyboard.press("Enter")
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.locator(".md-sidebar--primary a[href]").first).to_be_focused()
    page.wait_for_timeout(400)  # the drawer slides in
    shot(page, f"drawer-open-640-{scheme}")
    assert run_axe(page, axe_source) == []
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    assert page.evaluate("() => document.getElementById('__drawer').checked") is False
    # Closed: Tab from the menu button leaves the header without entering the drawer.
    for _ in range(8):
        page.keyboard.press("Tab")
        assert not page.evaluate("() => !!document.activeElement.closest('.md-sidebar--primary')")
    assert page_errors == []
