"""The MkDocs plugin: the one place where the course meets MkDocs. Event routing only.

Loads and checks the course in `on_config` (per build, so `mkdocs serve` sees every edit), adds
one generated page per module and the quiz assets in `on_files`, fills the home page's overview
in `on_page_markdown`, and watches `modules/` and `quizzes/` in `on_serve`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from markupsafe import escape
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from builder.check import check_course
from builder.course import Course
from builder.history import last_changed
from builder.minify import asset, compact_html, minified
from builder.render import Renderer
from builder.rules import PRINT_ID

log = get_plugin_logger(__name__)

THEME = Path(__file__).parent / "theme"
ASSET_URIS = {"css": "assets/course/course.css", "js": "assets/course/course.js"}
#: What every page's one script (`course.js`) is made of, in this order, after the course's data
#: (course-data.js): the progress store, the quiz widget, then the navigation drawer by keyboard.
#: One file, not three: two fewer requests on every first visit over a slow agency link, and
#: 0.5 KB less gzip.
SCRIPT_PARTS = ("journey.js", "quiz.js", "drawer.js")
JOURNEY_PAGES = {"progress.md": "progress_page", "assessment.md": "assessment_page", "certificate.md": "certificate_page"}
#: Material's inline scripts, moved to files by the partials in builder/theme/ (see there why).
MATERIAL_SCRIPTS = ("material-storage.js", "material-palette.js", "material-content.js", "file-worker.js")
#: Material's search index, and the same as a script: from file:// (a USB stick) a page cannot
#: fetch the JSON, and Material's bundle loads `search/search_index.js` there instead.
SEARCH_INDEX = ("search/search_index.json", "search/search_index.js")
OVERVIEW_MARKER = "<!-- course:overview -->"
#: Files of course/ that are settings, not pages to publish.
NOT_PUBLISHED = ("course.yml", "contacts.yml", "glossary.yml", "local/local.yml", "local/contacts.yml", "local/sections.yml")
GLOSSARY_PAGE = "glossary.md"
INSTRUCTOR_REPORT = "instructor-report.md"
PRINT_PAGE = f"modules/{PRINT_ID}.md"  # beside the modules, so their relative links work


class CourseConfig(base.Config):  # type: ignore[no-untyped-call]  # MkDocs' config base is untyped
    root = c.Optional(c.Type(str))
    """The course repository (holding course/, modules/, quizzes/); default: the folder of mkdocs.yml."""
    edition = c.Choice(("trainee", "instructor"), default="trainee")
    """"trainee" (the site to publish) or "instructor" (with instructor notes, open answer keys and
    the coverage report: never publish it)."""
    report_warnings = c.Type(bool, default=True)
    """Log the check's warnings (they count towards `mkdocs build --strict`); `course build` has
    printed them already and turns this off."""


class CoursePlugin(BasePlugin[CourseConfig]):  # type: ignore[no-untyped-call]
    #: A course `course build` has just checked (without errors), so that it is not loaded twice:
    #: a cache handed over for one build, not a setting.
    checked: Course | None = None

    def __init__(self) -> None:
        self.course: Course | None = None
        self.renderer: Renderer | None = None

    def _root(self, config: Any) -> Path:
        base_dir = Path(config.config_file_path).parent
        return (base_dir / self.config.root).resolve() if self.config.root else base_dir.resolve()

    @event_priority(50)  # before the search plugin, which reads theme.language for its stemmer
    def on_config(self, config: Any) -> Any:
        """Priority 50. Check the course; stop the build on errors; set the language, the navigation and assets."""
        self.course, self.renderer = None, None
        checked, self.checked = self.checked, None  # good for one build: `serve` reloads on every change
        if checked is not None and checked.root.resolve() == self._root(config):
            course = checked
        else:
            course, report = check_course(self._root(config))
            if report.errors:
                raise PluginError("The course has problems:\n" + report.format_text())
            if self.config.report_warnings:
                for diagnostic in report:
                    log.warning(diagnostic.format())
        assert course.meta is not None
        self.course = course
        # course.yml's `language` decides every string a trainee sees, Material's own included
        # (`course check` refuses a different `theme.language` in mkdocs.yml).
        config.theme["language"] = course.meta.language
        self.renderer = Renderer(course, course.meta.language, last_changed(self._root(config)), self.config.edition)
        t = self.renderer.t
        config.site_name = course.meta.title
        if not config.site_description:  # each page's meta description, unless it has its own
            config.site_description = escape(" ".join(f"{course.meta.title}. {course.meta.audience}".split()))
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")  # the generated headings carry ids
        if str(THEME) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(THEME))  # above Material's templates, below a custom_dir
            if config.theme.custom_dir:
                config.theme.dirs.insert(0, config.theme.dirs.pop(1))
        config.extra_css.append(ASSET_URIS["css"])
        config.extra_javascript.append(ASSET_URIS["js"])
        if config.nav is None:
            config.nav = self._nav(course, t)
            config.nav[2:2] = [{t["nav_progress"]: "progress.md"}, {t["nav_assessment"]: "assessment.md"}, {t["nav_certificate"]: "certificate.md"}]
            if course.has_print_page:
                config.nav.append({t["nav_print"]: PRINT_PAGE})
            if self.config.edition == "instructor":
                config.nav.append({t["nav_instructor"]: INSTRUCTOR_REPORT})
        return config

    @staticmethod
    def _nav(course: Course, t: dict[str, str]) -> list[Any]:
        pages = {p.path.removeprefix("course/") for p in course.pages}
        if course.glossary is not None:
            pages.add(GLOSSARY_PAGE)
        others = sorted(p for p in pages if p != "index.md" and not p.startswith("local/"))
        local = sorted(p for p in pages if p.startswith("local/"))
        agency = course.local.agency if course.local else t["nav_local"]
        scenarios = [{t["nav_scenarios"]: [f"scenarios/{s.scenario.id}.md" for s in course.scenarios]}] if course.scenarios else []
        return [{t["nav_home"]: "index.md"}, {t["nav_modules"]: [f"modules/{m.id}.md" for m in course.modules]}, *scenarios, *others, *([{agency: local}] if local else [])]

    def on_files(self, files: Files, config: Any) -> Files:
        """Priority 0. Drop settings files; add the module pages and the quiz assets."""
        assert self.course is not None and self.renderer is not None
        for file in list(files):
            if file.src_uri in NOT_PUBLISHED or file.src_uri.startswith("diagrams/"):
                files.remove(file)  # settings, and diagrams (inlined into the pages that use them)
        if self.config.edition == "instructor":
            files.append(File.generated(config, INSTRUCTOR_REPORT, content=self.renderer.instructor_report()))
        if self.course.has_print_page:
            files.append(File.generated(config, PRINT_PAGE, content=self.renderer.print_page()))
        script = minified(self.renderer.course_data_js(), "course-data.js") + "".join(asset(name) for name in SCRIPT_PARTS)
        files.append(File.generated(config, ASSET_URIS["js"], content=script))
        for uri, method in JOURNEY_PAGES.items():
            files.append(File.generated(config, uri, content=getattr(self.renderer, method)()))
        for sf in self.course.scenarios:
            files.append(File.generated(config, f"scenarios/{sf.scenario.id}.md", content=self.renderer.scenario_page(sf)))
        glossary = self.renderer.glossary_page()
        if glossary is not None:
            files.append(File.generated(config, GLOSSARY_PAGE, content=glossary))
        for module in self.course.modules:
            files.append(File.generated(config, f"modules/{module.id}.md", content=self.renderer.module_page(module)))
        tabs = "pymdownx.tabbed" in config.markdown_extensions  # material-content.js restores content tabs only
        scenarios = ("scenario.js", "scenario.css") if self.course.scenarios else ()  # linked by scenario pages only
        for name in ("journey-pages.js", "journey.css", *scenarios, *(m for m in MATERIAL_SCRIPTS if tabs or m != "material-content.js")):
            files.append(File.generated(config, f"assets/course/{name}", content=asset(name)))
        styles = asset("course.css") + (asset("instructor.css") if self.config.edition == "instructor" else "")
        files.append(File.generated(config, ASSET_URIS["css"], content=styles))
        return files

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        """Priority 0. Describe module pages; expand contacts and diagrams in course pages; put the
        overview into the home page."""
        module = self.course.module(page.file.src_uri[len("modules/") : -len(".md")]) if self.course and page.file.src_uri.startswith("modules/") else None
        if module is not None and not page.meta.get("description"):
            # Material writes it into <meta name="description" content="…"> without escaping it.
            page.meta["description"] = escape(" ".join(module.meta.summary.split()))
        if self.renderer is None or page.file.generated_by is not None:
            return markdown  # generated pages are expanded when they are made
        markdown = self.renderer.expand(markdown)
        if page.file.src_uri != "index.md":
            return markdown
        overview = self.renderer.overview()
        if OVERVIEW_MARKER in markdown:
            return markdown.replace(OVERVIEW_MARKER, overview, 1)
        return markdown.rstrip() + "\n\n" + overview

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        """Priority 0. Put the generated HTML of quizzes into its page; leave out the blank lines
        and indentation between tags (`compact_html`: a fifth of a module page).

        After the search plugin has indexed `page.content` (on_page_context), which keeps this
        HTML out of the index anyway (`data-search-exclude`, `search: exclude`): it need not parse it.
        """
        if self.renderer is None:
            return output
        return compact_html(self.renderer.fill(output) if page.file.generated_by is not None else output)

    def on_post_build(self, config: Any) -> None:
        """Priority 0. Write the search index as a script too, for search from file://."""
        index = Path(config.site_dir) / SEARCH_INDEX[0]
        if index.is_file():
            text = index.read_text(encoding="utf-8").replace("</", "<\\/")
            (Path(config.site_dir) / SEARCH_INDEX[1]).write_text(f"var __index = {text};\n", encoding="utf-8")

    def on_serve(self, server: Any, config: Any, builder: Any) -> Any:
        """Priority 0. `mkdocs serve` watches docs_dir (course/) only: add modules/ and quizzes/."""
        root = self._root(config)
        for folder in ("modules", "quizzes", "scenarios"):
            if (root / folder).is_dir():
                server.watch(str(root / folder))
        return server
