"""The MkDocs plugin: where the course meets MkDocs (and ProperDocs, which runs it unchanged).
Event routing only: what the site is made of is in docs_tree.py, shared with the other engines.

Loads and checks the course in `on_config` (per build, so `mkdocs serve` sees every edit), adds
one generated page per module and the quiz assets in `on_files`, fills the home page's overview
in `on_page_markdown`, and watches `modules/` and `quizzes/` in `on_serve`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import File, Files

from builder import docs_tree
from builder.cache import template_cache
from builder.check import check_course
from builder.course import Course
from builder.diagnostics import Report
from builder.docs_tree import ASSET_URIS, MATERIAL_SCRIPTS, ROBOTS_TXT
from builder.history import last_changed
from builder.links import published
from builder.minify import compact_html
from builder.pages import instructor
from builder.render import RenderContext

log = get_plugin_logger(__name__)

THEME = Path(__file__).parent / "theme"
#: Material's search index, and the same as a script: from file:// (a USB stick) a page cannot
#: fetch the JSON, and Material's bundle loads `search/search_index.js` there instead.
SEARCH_INDEX = ("search/search_index.json", "search/search_index.js")
#: The instructor edition is kept out of search engines: every page says so, and robots.txt.


class CourseProblems(PluginError):
    """The course has errors: the build stops, and `course serve` shows them in the browser."""

    def __init__(self, report: Report) -> None:
        super().__init__("The course has problems:\n" + report.format_text())
        self.report = report


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
        self.context: RenderContext | None = None
        self._banner: str | None = None  # the instructor edition's, rendered once per build

    def _root(self, config: Any) -> Path:
        base_dir = Path(config.config_file_path).parent
        return (base_dir / self.config.root).resolve() if self.config.root else base_dir.resolve()

    @event_priority(50)  # before the search plugin, which reads theme.language for its stemmer
    def on_config(self, config: Any) -> Any:
        """Priority 50. Check the course; stop the build on errors; set the language, the navigation and assets."""
        self.course, self.context, self._banner = None, None, None
        checked, self.checked = self.checked, None  # good for one build: `serve` reloads on every change
        if checked is not None and checked.root.resolve() == self._root(config):
            course = checked
        else:
            course, report = check_course(self._root(config))
            if report.errors:
                raise CourseProblems(report)
            if self.config.report_warnings:
                for diagnostic in report:
                    log.warning(diagnostic.format())
        assert course.meta is not None
        self.course = course
        # course.yml's `language` decides every string a trainee sees, Material's own included
        # (`course check` refuses a different `theme.language` in mkdocs.yml).
        config.theme["language"] = course.meta.language
        self.context = RenderContext(
            course,
            course.meta.language,
            last_changed(self._root(config)),
            self.config.edition,
        )
        t = self.context.t
        config.site_name = course.meta.title
        if not config.site_description:  # each page's meta description, unless it has its own
            config.site_description = docs_tree.site_description(course)
        if "attr_list" not in config.markdown_extensions:
            config.markdown_extensions.append("attr_list")  # the generated headings carry ids
        if str(THEME) not in config.theme.dirs:
            config.theme.dirs.insert(0, str(THEME))  # above Material's templates, below a custom_dir
            if config.theme.custom_dir:
                config.theme.dirs.insert(0, config.theme.dirs.pop(1))
        config.extra_css.append(ASSET_URIS["css"])
        config.extra_javascript.append(ASSET_URIS["js"])
        if config.nav is None:
            config.nav = docs_tree.nav(course, t, self.config.edition)
        return config

    def on_env(self, env: Any, config: Any, files: Files) -> Any:
        """Priority 0. The primary navigation's entries, each rendered once per folder
        (theme/partials/nav.html and nav-item.html): an entry that neither is nor holds the page
        shown comes out the same on every page of a folder (its links are relative to the
        folder). The theme's templates compiled once per user (builder/cache.py)."""
        rendered: dict[tuple[str, int, bool, str | None], Any] = {}

        def nav_item(render: Callable[..., Any], item: Any, path: str, level: int, parent: Any, page: Any) -> Any:
            """Material's `render(item, path, level, parent)`, kept per folder where it may be."""
            if item.active or getattr(item, "pages", None):  # the page shown, or a blog view's pages
                return render(item, path, level, parent)
            key = (
                path,
                level,
                bool(parent and parent.active),
                posixpath.dirname(page.url) if page is not None else None,
            )
            if key not in rendered:
                rendered[key] = render(item, path, level, parent)
            return rendered[key]

        env.globals["course_nav_item"] = nav_item
        if env.bytecode_cache is None:  # the theme's templates, compiled once per user, not per build
            env.bytecode_cache = template_cache()
        return env

    def on_files(self, files: Files, config: Any) -> Files:
        """Priority 0. Drop settings files; add the module pages and the quiz assets."""
        assert self.course is not None and self.context is not None
        for file in list(files):
            if not published(file.src_uri):
                files.remove(file)
        if self.config.edition == "instructor" and ROBOTS_TXT in files.src_uris:
            files.remove(files.src_uris[ROBOTS_TXT])  # the course's own would let search engines in
        tabs = "pymdownx.tabbed" in config.markdown_extensions  # material-content.js restores content tabs only
        scripts = tuple(m for m in MATERIAL_SCRIPTS if tabs or m != "material-content.js")
        for generated in docs_tree.generated_files(self.course, self.context, self.config.edition, scripts):
            files.append(File.generated(config, generated.uri, content=generated.content))
        return files

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        """Priority 0. Describe module pages; expand contacts and diagrams in course pages; put the
        overview into the home page."""
        module = (
            self.course.module(page.file.src_uri[len("modules/") : -len(".md")])
            if self.course and page.file.src_uri.startswith("modules/")
            else None
        )
        if module is not None and not page.meta.get("description"):
            page.meta["description"] = docs_tree.module_description(module)
        if self.context is None or page.file.generated_by is not None:
            return markdown  # generated pages are expanded when they are made
        return docs_tree.page_markdown(self.context, page.file.src_uri, markdown)

    def on_post_page(self, output: str, page: Any, config: Any) -> str:
        """Priority 0. Put the generated HTML of quizzes into its page; mark the instructor
        edition's pages; leave out the blank lines and indentation between tags (`compact_html`:
        a fifth of a module page).

        After the search plugin has indexed `page.content` (on_page_context), which keeps this
        HTML out of the index anyway (`data-search-exclude`, `search: exclude`): it need not parse it.
        """
        if self.context is None:
            return output
        if page.file.generated_by is not None:
            output = self.context.fill(output)
        return compact_html(self._instructor(output))

    def on_post_template(self, output_content: str, template_name: str, config: Any) -> str:
        """Priority 0. The instructor edition's 404 page, marked like every other page."""
        if self.context is None or not template_name.endswith(".html"):
            return output_content
        return self._instructor(output_content)

    def _instructor(self, output: str) -> str:
        """An instructor edition page: "do not publish" and kept out of search engines, as the
        Zensical adapter marks its pages (docs_tree.instructor_page)."""
        if self.config.edition != "instructor" or self.context is None:
            return output
        if self._banner is None:
            self._banner = instructor.banner(self.context)
        return docs_tree.instructor_page(output, self._banner)

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
