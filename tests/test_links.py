"""Links, images and citations: resolved where they are written (builder/links.py), and working on
every page of the built site that shows them. `course check`'s reports are golden files
(tests/check_cases.py: broken-link, broken-anchor, missing-image, quiz-…, scenario-…)."""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner
from links_course import build_linked_site, make_linked_course

from builder.check import check_course
from builder.cli import cli
from builder.links import SiteMap, Target, find_links, for_lms


class _Html(HTMLParser):
    """Every id, and every relative link and image URL, of a page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.urls: list[tuple[str, str]] = []  # (tag, url)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        url = values.get("href") if tag == "a" else values.get("src") if tag == "img" else None
        if url and not urlsplit(url).scheme and not url.startswith("//"):
            self.urls.append((tag, url))


def parse(html: str) -> _Html:
    parser = _Html()
    parser.feed(html)
    return parser


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_linked_site(tmp_path_factory.mktemp("links"))


def _assessment_fragments(site: Path) -> str:
    """The question texts the final assessment builds its forms from (HTML inside its JSON)."""
    page = (site / "assessment.html").read_text(encoding="utf-8")
    data = json.loads(
        re.search(
            r'<script type="application/json" class="cb-assessment__data">(.*?)</script>',
            page,
            re.DOTALL,
        ).group(1)
    )[0]
    return "".join(
        str(value)
        for q in data["questions"]
        for value in (q["prompt"], q["explanation"], *(o[1] for o in q.get("options", [])))
    )


def _broken(site: Path, page: str, html: str) -> list[str]:
    """The relative URLs of `html`, shown on `page`, that lead to no file of the site or to no id in it."""
    problems = []
    for tag, url in parse(html).urls:
        path, _, fragment = url.partition("#")
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(path))) if path else page
        if target.startswith("../") or not (site / target).is_file():
            problems.append(f"{page}: <{tag}> {url}: no file {target}")
        elif (
            fragment
            and target.endswith(".html")
            and fragment not in parse((site / target).read_text(encoding="utf-8")).ids
        ):
            problems.append(f"{page}: <{tag}> {url}: no id {fragment} in {target}")
    return problems


def test_every_link_and_image_of_every_page_resolves_in_the_site(site):
    """Relative URLs only, each to a file of the site (and an id in it): so they hold under a
    sub-path, from file:// and inside a SCORM package. The assessment's question texts too."""
    # 404: from the root, by design
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")
    problems = [problem for page in pages for problem in _broken(site, page, (site / page).read_text(encoding="utf-8"))]
    problems += _broken(site, "assessment.html", _assessment_fragments(site))
    assert problems == []


def test_quiz_text_links_are_written_for_the_page_that_shows_them(site):
    module = (site / "modules" / "basics.html").read_text(encoding="utf-8")
    printed = (site / "modules" / "all-modules.html").read_text(encoding="utf-8")
    assessment = _assessment_fragments(site)
    for html in (module, printed):  # one folder: the same HTML
        assert '<a href="../more.html#further-steps">more reading</a>' in html
        assert '<a href="basics.html#the-rule">rule</a>' in html  # the module by its file name
        assert '<a href="basics.html">the module</a>' in html  # and by its id
        assert '<img alt="The seal" src="../images/seal.png" />' in html
    assert '<a href="more.html#further-steps">more reading</a>' in assessment
    assert '<a href="modules/basics.html#the-rule">rule</a>' in assessment
    assert '<img alt="The seal" src="images/seal.png" />' in assessment
    assert (site / "images" / "seal.png").read_bytes().startswith(b"\x89PNG")
    scenario = (site / "scenarios" / "first-call.html").read_text(encoding="utf-8")
    assert '<a href="../modules/basics.html#the-rule">the rule</a>' in scenario
    glossary = (site / "glossary.html").read_text(encoding="utf-8")
    assert (
        '<a href="index.html#learning-path">the course</a>' in glossary
        and '<a href="modules/basics.html">one module</a>' in glossary
    )


def test_citations_in_quiz_and_scenario_text_render_as_in_the_module_body(site):
    module = (site / "modules" / "basics.html").read_text(encoding="utf-8")
    body_cite = '<sup class="cb-cite">[<a href="#source-rulebook" aria-label="Source 1">1</a>]</sup>'
    assert body_cite in module  # the module body's own, for comparison
    assert '<sup class="cb-cite">[<a aria-label="Source 1" href="basics.html#source-rulebook">1</a>]</sup>' in module
    assert (
        '<sup class="cb-cite">[<a aria-label="Source 1" href="modules/basics.html#source-rulebook">1</a>]</sup>'
        in _assessment_fragments(site)
    )
    scenario = (site / "scenarios" / "first-call.html").read_text(encoding="utf-8")
    assert (
        '<sup class="cb-cite">[<a aria-label="Source 1" href="../modules/basics.html#source-rulebook">1</a>]</sup>'
        in scenario
    )
    assert "Step 1: A caller describes a problem." in scenario  # the step's heading, without the citation
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "[@" not in text and "@rulebook" not in text, page


def test_module_body_and_course_page_links_by_file_name_are_rewritten(site):
    module = (site / "modules" / "basics.html").read_text(encoding="utf-8")
    assert '<a href="../more.html#further-steps">more</a>' in module
    assert '<a href="basics.html#the-rule">the rule again</a>' in module
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<a href="modules/basics.html#the-rule">the basics</a>' in home


def test_the_scorm_package_holds_the_image_and_the_quiz_links_resolve_inside_it(tmp_path):
    root = make_linked_course(tmp_path / "course")
    result = CliRunner().invoke(cli, ["export", "scorm", "--root", str(root), "-o", str(tmp_path / "c.zip")])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(tmp_path / "c.zip") as archive:
        names = set(archive.namelist())
        module = archive.read("site/modules/basics.html").decode("utf-8")
    assert "site/images/seal.png" in names
    # the package carries the site: citations in quiz text are the module's numbered links, never `[@id]`
    assert '<a aria-label="Source 1" href="basics.html#source-rulebook">1</a>' in module and "[@" not in module
    for _, url in parse(module).urls:
        path = url.partition("#")[0]
        if path:
            assert posixpath.normpath(posixpath.join("site/modules", path)) in names, url


def test_the_ids_links_may_name_are_the_ids_the_pages_have(site, tmp_path):
    """What `course check` accepts as an anchor is on the built page, and every heading of the
    page is accepted: the check and the site agree."""
    root = site.parent
    course, report = check_course(root)
    assert not report.errors
    sitemap = SiteMap(course)
    for uri in ("modules/basics.md", "scenarios/first-call.md", "index.md", "more.md"):
        html = (site / (uri[:-3] + ".html")).read_text(encoding="utf-8")
        known = sitemap.anchors(uri)
        assert known is not None
        assert known <= parse(html).ids, uri
        headings = set(re.findall(r'<h[1-6] id="([^"]+)"', html))
        assert headings <= known, uri


def test_links_are_found_with_their_positions():
    text = (
        'A [link](a.md#x) and ![img](b.png "t").\n'
        "\n"
        "`[code](no.md)`\n"
        "\n"
        "[ref]: <c d.md>\n"
        "<a href=\"e.md\">e</a> <img src='f.png'>"
    )
    found = [(f.line, f.col, f.url, f.image, f.html) for f in find_links(text)]
    assert found == [
        (0, 9, "a.md#x", False, False),
        (0, 28, "b.png", True, False),
        (4, 8, "c d.md", False, False),
        (5, 9, "e.md", False, True),
        (5, 31, "f.png", True, True),
    ]


@pytest.mark.parametrize(
    ("url", "written", "source", "expected"),
    [
        ("02-more.md", "modules/basics.md", "modules/01-basics.md", None),
        ("01-basics.md#the-rule", "modules/basics.md", "quizzes/basics.yml", Target("modules/basics.md", "the-rule")),
        ("../modules/01-basics.md", "scenarios/first-call.md", "scenarios/first-call.yml", Target("modules/basics.md")),
        ("../modules/01-basics.md", "index.md", "course/index.md", Target("modules/basics.md")),
        ("basics.html", "modules/basics.md", "modules/01-basics.md", Target("modules/basics.md")),
        ("../course/more.md", "modules/basics.md", "quizzes/basics.yml", None),
        ("../images/seal.png", "modules/basics.md", "quizzes/basics.yml", None),
        ("https://example.org/x.md", "modules/basics.md", "modules/01-basics.md", None),
        ("#sources", "modules/basics.md", "quizzes/basics.yml", Target("modules/basics.md", "sources")),
    ],
)
def test_resolve(tmp_path, url, written, source, expected):
    course, _ = check_course(make_linked_course(tmp_path / "c"))
    result = SiteMap(course).resolve(url, written, source)
    if url.startswith("https:"):
        assert result is None
    elif expected is None and url == "02-more.md":
        assert result is not None and not isinstance(result, Target) and result.code == "broken-link"
    elif expected is None:
        assert isinstance(result, Target)  # the repository's path, or the site's
    else:
        assert result == expected


def test_course_build_reports_a_broken_link_before_mkdocs_does(tmp_path, monkeypatch):
    """The trainer hears of it from the check, located, not from MkDocs' own warning."""
    from course_helpers import make_course

    root = make_course(
        tmp_path / "c",
        [
            (
                "modules/01-basics.md",
                "The ERA publishes it.",
                "The ERA publishes it. See [the missing page](../nowhere.md#top).",
            )
        ],
    )
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["build", "--root", str(root)])
    assert result.exit_code == 1
    assert (
        "modules/01-basics.md:24:116: error: "
        "the link `../nowhere.md#top` leads to no page or file of the course [broken-link]" in result.output
    )
    assert "WARNING" not in result.output and not (root / "site").exists()


def test_an_agencys_local_sections_are_checked_and_their_links_work(tmp_path, monkeypatch):
    from course_helpers import make_course

    section = (
        "sections:\n"
        "  - module: basics\n"
        "    after: the-rule\n"
        "    title: In Springfield\n"
        "    text: See [our card](../local/card.md) and [the rule](01-basics.md#the-rul).\n"
    )
    edits = [
        ("course/local/local.yml", "agency: Springfield Police Department\n"),
        ("course/local/card.md", "# Card\n"),
        ("course/local/sections.yml", section),
    ]
    root = make_course(tmp_path / "c", edits)
    monkeypatch.chdir(root)
    result = CliRunner().invoke(cli, ["build", "--root", str(root)])
    assert result.exit_code == 1
    assert (
        "course/local/sections.yml:5:59: error: "
        "`modules/basics.html` has no heading or id `the-rul` (in the link `01-basics.md#the-rul`) [broken-anchor]"
        in result.output
    )
    (root / "course/local/sections.yml").write_text(section.replace("#the-rul)", "#the-rule)"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output
    page = (root / "site" / "modules" / "basics.html").read_text(encoding="utf-8")
    assert '<a href="../local/card.html">our card</a>' in page and '<a href="basics.html#the-rule">the rule</a>' in page


def test_quiz_text_for_an_lms_keeps_other_sites_and_leaves_unknown_citations_to_the_check(tmp_path):
    """builder/links.py for_lms (the GIFT and QTI exports): only the course's own pages and
    pictures lose their links, only known citations are replaced, code stays as written."""
    course, report = check_course(make_linked_course(tmp_path / "course"))
    assert not report.errors, report.format_text()
    module = course.module("basics")
    assert module is not None
    sitemap = SiteMap(course)

    def lms(text: str) -> str:
        return for_lms(text, sitemap, "modules/basics.md", "quizzes/basics.yml", module)

    assert lms(
        'Call [the line](tel:+15555550100), mail [us](mailto:a@example.org), read [DHS](https://www.dhs.gov/x "t").'
    ) == ('Call [the line](tel:+15555550100), mail [us](mailto:a@example.org), read [DHS](https://www.dhs.gov/x "t").')
    assert (
        lms("[The rule (in full)](basics.md 'the rule') and [more](<../more.md#further-steps>).")
        == "The rule (in full) and more."
    )
    assert lms("So [@rulebook; @nowhere], but [@rulebook] and `[@rulebook]`.") == (
        "So [@rulebook; @nowhere], but ([The Rulebook](https://example.org/rulebook)) and `[@rulebook]`."
    )
    assert lms("No link here.") == "No link here."
