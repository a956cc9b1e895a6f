"""The MkDocs adapter: `mkdocs build --strict` in this process, running our plugin (plugin.py).

The fast path: the course `course build` has just checked is handed to the plugin, so it is not
loaded twice. ProperDocs runs this same module in a child process (engines/properdocs.py).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import shutil
import sys
import tempfile
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from builder.engines import BuildFailed

if TYPE_CHECKING:
    from builder.course import Course

#: The end-of-life sentence Material for MkDocs 9.8 prints on every `mkdocs build` (earlier
#: releases gave November 5, 2026; 9.8 gives May 5, 2027).
#: Hack: Material has no API for it, and prints it only when the program is called `mkdocs`;
#: the date is read from the installed Material's banner code, where a new release changes it.
MATERIAL_EOL = re.compile(r"Material for MkDocs reaches end of life on ([A-Z][a-z]+ \d{1,2}, \d{4})")


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time (click's test runner swaps it)."""

    @property
    def stream(self):  # type: ignore[no-untyped-def]
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:  # type: ignore[no-untyped-def]
        pass


def _logger() -> logging.Logger:
    import mkdocs  # under ProperDocs (engines/properdocs.py) this is `properdocs`, and so are its loggers

    return logging.getLogger(mkdocs.__name__)


def _quiet() -> None:
    """Clean output: MkDocs' own warnings only (library warnings are silenced around the build and
    serve calls themselves). Material's end-of-life banner is not printed here: `course build`
    gives it in one line (`notices`)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = _logger()
    if not any(getattr(h, "_course", False) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._course = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)  # MkDocs counts warnings through its own handler; keep INFO flowing to it
    logger.propagate = False


def build(root: Path, config_file: Path, out: Path, edition: str, checked: Course | None) -> None:
    """Build with `mkdocs build --strict` into `out`; `checked` is the course as just checked."""
    _quiet()
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            config = load_config(str(config_file), strict=True)
    except MkDocsException as exc:
        raise BuildFailed(f"mkdocs.yml: {exc}") from None
    config.site_dir = str(out)
    plugin = config.plugins.get("course")
    if plugin is not None:
        plugin.config.report_warnings = False
        plugin.config.edition = edition
        plugin.checked = checked
    try:
        with warnings.catch_warnings():
            # Libraries' own Python warnings (MkDocs', Material's) are not the trainer's to fix;
            # scoped to the build, so the rest of the process keeps its warning filters.
            warnings.simplefilter("ignore")
            mkdocs_build(config)
    except MkDocsException as exc:
        raise BuildFailed(str(exc) or "MkDocs reported warnings in strict mode (see above)") from None


def serve(root: Path, dev_addr: str) -> None:
    """`mkdocs serve` with live reload; the plugin adds modules/ and quizzes/ to what is watched.

    MkDocs' own `serve` stops at a course with problems, and after a rebuild that failed it leaves
    every request waiting ("the server will appear stuck"). Here a failed build is shown instead:
    every page of the preview becomes the list of located problems, and reloads by itself into
    the real page once a save fixes them. This is `mkdocs.commands.serve.serve` (MkDocs 1.6) with
    that one change.
    """
    _quiet()
    for handler in _logger().handlers:
        if getattr(handler, "_course", False):
            handler.setLevel(logging.INFO)  # serve's "Serving on …" and rebuild lines
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import _serve_url

    log = logging.getLogger("mkdocs.commands.serve")
    site_dir = tempfile.mkdtemp(prefix="course-serve-")

    def get_config() -> Any:
        config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=site_dir, dev_addr=dev_addr)
        config.site_url = serve_url
        return config

    serve_url = ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    host, port = config.dev_addr
    mount_path = urlsplit(config.site_url or "/").path
    config.site_url = serve_url = _serve_url(host, port, mount_path)

    def builder(config: Any = None) -> None:
        log.info("Building documentation...")
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                build(config or get_config(), serve_url=serve_url)
        except Exception as exc:  # whatever stops the build is shown, and the server goes on
            server.error_page = error_page(exc)
            log.error("The course cannot be built: the preview shows why until it builds again.")
        else:
            server.error_page = None

    server = _preview_server(builder=builder, host=host, port=port, root=site_dir, mount_path=mount_path)
    try:
        builder(config)
        server.watch(config.docs_dir)
        server.watch(config.config_file_path)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)


def error_page(exc: BaseException) -> bytes:
    """The preview's page for a build that failed: the course's located problems when that is
    why (builder/templates/serve-error.html), else what MkDocs said."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    from builder.plugin import CourseProblems

    cause: BaseException | None = exc
    while cause is not None and not isinstance(cause, CourseProblems):
        cause = cause.__context__  # MkDocs turns a plugin's error into its own `Abort`
    env = Environment(loader=PackageLoader("builder", "templates"), autoescape=select_autoescape(["html"]))
    if isinstance(cause, CourseProblems):
        report = cause.report
        problems = sorted(report, key=lambda d: d.sort_key())
        html = env.get_template("serve-error.html").render(summary=report.summary(), problems=problems, text="")
    else:
        html = env.get_template("serve-error.html").render(
            summary="MkDocs stopped the build of the site.", problems=[], text=str(exc) or type(exc).__name__
        )
    return html.encode("utf-8")


def _preview_server(**kwargs: Any) -> Any:
    """MkDocs' live-reload server, serving `error_page` while it is set (imported here, when
    serving: it costs 0.1 s that `course build` need not pay)."""
    from mkdocs.livereload import LiveReloadServer

    class PreviewServer(LiveReloadServer):
        """Hack: MkDocs 1.6's LiveReloadServer has no hook for a failed build; while
        `error_page` is set, every page request gets it, with the live-reload script the server
        adds to pages (private API of MkDocs 1.x, which will not change: 2.0 drops plugins)."""

        error_page: bytes | None = None

        def _serve_request(self, environ: Any, start_response: Any) -> Any:
            page = self.error_page
            path = environ.get("PATH_INFO", "")
            if page is None or path.startswith("/livereload/") or not path.endswith(("/", ".html")):
                return super()._serve_request(environ, start_response)
            with self._epoch_cond:
                epoch = self._visible_epoch
            content: bytes = self._inject_js_into_html(page, epoch)  # type: ignore[no-untyped-call]
            start_response(
                "500 Internal Server Error",
                [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(content)))],
            )
            return [content]

    return PreviewServer(**kwargs)


def notices() -> list[str]:
    """Material's end-of-life date, as the installed Material states it (none if it states none)."""
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        return []
    banner = Path(spec.origin).parent / "templates" / "__init__.py"
    match = MATERIAL_EOL.search(banner.read_text(encoding="utf-8")) if banner.is_file() else None
    if match is None:
        return []
    return [
        (
            f"Material for MkDocs, the theme of this site, reaches end of life on {match.group(1)}; "
            "`course build --engine zensical` builds without it (README: Platform)."
        )
    ]
