"""What a course's site is made of, for any engine: the generated pages and assets, which files of
course/ are published, the navigation. No engine here: the MkDocs plugin (plugin.py, also run by
ProperDocs) hands these to MkDocs as generated files; the Zensical adapter (engines/zensical.py)
writes them into a plain docs folder that Zensical only renders.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from markupsafe import escape

from builder.course import Course, Module
from builder.links import PRINT_ID
from builder.minify import asset, minified, question_script
from builder.pages import instructor
from builder.pages.course import course_page, overview
from builder.pages.glossary import glossary_page
from builder.pages.journey import JourneyPages
from builder.pages.module import ModulePages
from builder.pages.scenario import scenario_page
from builder.questions import PARTIALS
from builder.render import RenderContext

ASSET_URIS = {"css": "assets/course/course.css", "js": "assets/course/course.js"}
#: What every page's one script (`course.js`) is made of, in this order: the shared helpers
#: (core.js, window.cb), the course's data (course-data.js), the progress store, the question
#: types' grading parts (questions/<partial>.js), the quiz widget, then the navigation drawer by
#: keyboard. One file: fewer requests on every first visit over a slow agency link, less gzip.
SCRIPT_PARTS = ("journey.js", "quiz.js", "drawer.js")
JOURNEY_PAGES = {
    "progress.md": "progress_page",
    "assessment.md": "assessment_page",
    "certificate.md": "certificate_page",
}
#: Material's inline scripts, moved to files by the partials in builder/theme/ (see there why).
MATERIAL_SCRIPTS = ("material-storage.js", "material-palette.js", "material-content.js", "file-worker.js")
#: What Zensical's pages load before course.js: its header's menu label made a button.
ZENSICAL_SCRIPTS = ("zensical-menu.js",)
OVERVIEW_MARKER = "<!-- course:overview -->"
GLOSSARY_PAGE = "glossary.md"
INSTRUCTOR_REPORT = "instructor-report.md"
PRINT_PAGE = f"modules/{PRINT_ID}.md"  # beside the modules, so their relative links work
#: The instructor edition's robots.txt keeps search engines out (its pages also say noindex).
ROBOTS_TXT = "robots.txt"
NOINDEX = '<meta name="robots" content="noindex, nofollow">'
#: Where the theme's page template opens the content (Material's and Zensical's alike).
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">')


@dataclass(frozen=True)
class GeneratedFile:
    """A file of the site that the builder makes: its path in the docs tree and its text."""

    uri: str
    content: str


def instructor_page(html: str, banner: str = "") -> str:
    """A finished page of the instructor edition: kept out of search engines, and `banner` ("do
    not publish") at the top of its content."""
    html = html.replace("<head>", "<head>\n" + NOINDEX, 1)
    return ARTICLE.sub(lambda m: m.group(0) + banner, html, count=1) if banner else html


def site_description(course: Course) -> str:
    """Each page's meta description unless it has its own: the course's title and audience."""
    assert course.meta is not None
    return str(escape(" ".join(f"{course.meta.title}. {course.meta.audience}".split())))


def module_description(module: Module) -> str:
    """A module page's meta description: its summary (escaped: Material writes it unescaped)."""
    return str(escape(" ".join(module.meta.summary.split())))


def nav(course: Course, t: dict[str, str], edition: str) -> list[Any]:
    """The navigation, in MkDocs' `nav` form: home, modules, the journey pages, scenarios, other
    pages of course/, the agency's pages, the print page and (instructor edition) the report."""
    pages = {p.path.removeprefix("course/") for p in course.pages}
    if course.glossary is not None:
        pages.add(GLOSSARY_PAGE)
    others = sorted(p for p in pages if p != "index.md" and not p.startswith("local/"))
    local = sorted(p for p in pages if p.startswith("local/"))
    agency = course.local.agency if course.local else t["nav_local"]
    scenarios = (
        [{t["nav_scenarios"]: [f"scenarios/{s.scenario.id}.md" for s in course.scenarios]}] if course.scenarios else []
    )
    journey = [
        {t["nav_progress"]: "progress.md"},
        {t["nav_assessment"]: "assessment.md"},
        {t["nav_certificate"]: "certificate.md"},
    ]
    items: list[Any] = [
        {t["nav_home"]: "index.md"},
        {t["nav_modules"]: [f"modules/{m.id}.md" for m in course.modules]},
        *journey,
        *scenarios,
        *others,
    ]
    items += [{agency: local}] if local else []
    if course.has_print_page:
        items.append({t["nav_print"]: PRINT_PAGE})
    if edition == "instructor":
        items.append({t["nav_instructor"]: INSTRUCTOR_REPORT})
    return items


def page_markdown(context: RenderContext, src_uri: str, markdown: str) -> str:
    """A page of course/ as the site shows it: directives expanded, the overview in the home page."""
    markdown = course_page(context, markdown, src_uri)
    if src_uri != "index.md":
        return markdown
    home = overview(context)
    if OVERVIEW_MARKER in markdown:
        return markdown.replace(OVERVIEW_MARKER, home, 1)
    return markdown.rstrip() + "\n\n" + home


def generated_files(
    course: Course,
    context: RenderContext,
    edition: str,
    theme_scripts: tuple[str, ...] = (),
) -> list[GeneratedFile]:
    """Every page and asset the builder makes, in a fixed order.

    `theme_scripts` are the scripts in builder/assets/ that the engine's pages load besides
    course.js: the names from MATERIAL_SCRIPTS that the theme overrides load (MkDocs), or
    ZENSICAL_SCRIPTS.
    Module pages come without their meta description: see `module_description`.
    """
    out: list[GeneratedFile] = []
    if edition == "instructor":
        out.append(GeneratedFile(INSTRUCTOR_REPORT, instructor.report(context)))
        out.append(GeneratedFile(ROBOTS_TXT, "User-agent: *\nDisallow: /\n"))
    modules = ModulePages(context)
    if course.has_print_page:
        out.append(GeneratedFile(PRINT_PAGE, modules.print_page()))
    grading = "".join(question_script(partial) for partial in PARTIALS)
    journey = JourneyPages(context)
    script = (
        asset("core.js")
        + journey.course_data_js()
        + "\n"
        + asset(SCRIPT_PARTS[0])
        + grading
        + "".join(asset(name) for name in SCRIPT_PARTS[1:])
    )
    out.append(GeneratedFile(ASSET_URIS["js"], script))
    # The pages that build question forms (the final assessment) get the types' form builders.
    pages_script = "".join(question_script(partial, "form") for partial in PARTIALS) + asset("journey-pages.js")
    out.append(GeneratedFile("assets/course/journey-pages.js", pages_script))
    for uri, method in JOURNEY_PAGES.items():
        out.append(GeneratedFile(uri, getattr(journey, method)()))
    for sf in course.scenarios:
        out.append(GeneratedFile(f"scenarios/{sf.scenario.id}.md", scenario_page(context, sf)))
    glossary = glossary_page(context)
    if glossary is not None:
        out.append(GeneratedFile(GLOSSARY_PAGE, glossary))
    for module in course.modules:
        out.append(GeneratedFile(f"modules/{module.id}.md", modules.module_page(module)))
    scenarios = ("scenario.js", "scenario.css") if course.scenarios else ()  # linked by scenario pages only
    for name in ("journey.css", *scenarios, *theme_scripts):
        out.append(GeneratedFile(f"assets/course/{name}", asset(name)))
    styles = asset("course.css") + asset("print.css")
    if edition == "instructor":
        styles += asset("instructor.css") + minified(instructor.page_css(context), "instructor.css")
    out.append(GeneratedFile(ASSET_URIS["css"], styles))
    return out
