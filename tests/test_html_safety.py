"""URLs as a browser reads them: entities decoded, tabs and newlines dropped, C0 controls and
spaces at the ends stripped, scheme case ignored (the HTML living standard's URL parser)."""

from __future__ import annotations

import pytest

from builder.html_safety import unsafe_html, url_problem


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JavaScript:alert(1)", "&#106;avascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "\x01javascript:alert(1)", " \x00\x1fjavascript:alert(1)", "&#x6A;avascript&#58;alert(1)",
    "vbscript:msgbox(1)",
])
def test_script_urls_are_refused_however_they_are_written(url):
    assert url_problem(url, embedded=False) == "javascript"


@pytest.mark.parametrize("url, embedded, problem", [
    ("data:text/html;base64,PHNjcmlwdD4=", False, "scheme"),
    ("file:///etc/passwd", False, "scheme"),
    ("https://www.dhs.gov/blue-campaign", False, None),
    ("mailto:training@example.org", False, None),
    ("tel:+18883737888", False, None),
    ("../modules/indicators.html#what-to-do", False, None),
    ("images/seal.png", True, None),
    ("https://example.org/seal.png", True, "external"),
    ("//example.org/pixel.gif", True, "external"),
])
def test_links_may_go_anywhere_on_the_web_but_files_come_from_the_site(url, embedded, problem):
    assert url_problem(url, embedded=embedded) == problem


def test_markdown_that_is_not_html_is_left_alone():
    text = (
        "If a < b and c > d, see <https://www.dhs.gov> or write to <name@example.org>.\n\n"
        "```html\n<script>shown as code</script>\n```\n"
    )
    assert list(unsafe_html(text)) == []
