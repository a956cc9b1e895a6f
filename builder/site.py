"""Building and serving the site for `course build` and `course serve`, with any engine.

A build goes into a fresh folder beside the site folder and replaces the old site only when it
succeeded, so a failed build never destroys the last good site, whichever engine (engines/) runs.
No engine is imported here.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from builder.engines import DEFAULT, BuildFailed, EngineMissing, adapter

if TYPE_CHECKING:
    from builder.course import Course

__all__ = ["BuildFailed", "BuildResult", "EngineMissing", "build_site", "check_site_dir", "notices", "serve_site"]

PROTECTED = ("course", "modules", "quizzes", "scenarios", "builder", "tests")


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    pages: int
    seconds: float


def check_site_dir(root: Path, site_dir: Path) -> None:
    """Refuse an output folder that would overwrite the sources (the build deletes what it replaces)."""
    site = site_dir.resolve()
    root = root.resolve()
    if site == root or site in root.parents:
        raise BuildFailed(
            f"the site folder {site_dir} is the course repository or above it; choose a folder such as site/"
        )
    for name in PROTECTED:
        source = (root / name).resolve()
        if site == source or source in site.parents or site in source.parents:
            raise BuildFailed(f"the site folder {site_dir} would overwrite {name}/; choose a folder such as site/")


def _configured_site_dir(config_file: Path) -> Path:
    """`site_dir` of mkdocs.yml (default `site`), relative to its folder, as MkDocs reads it."""
    from builder.rules import SiteConfigLoader

    try:
        settings = yaml.load(config_file.read_text(encoding="utf-8"), Loader=SiteConfigLoader) or {}
    except yaml.YAMLError as exc:
        raise BuildFailed(f"mkdocs.yml: {exc}") from None
    value = settings.get("site_dir") if isinstance(settings, dict) else None
    return config_file.parent / (value if isinstance(value, str) and value else "site")


def build_site(
    root: Path,
    site_dir: Path | None = None,
    edition: str = "trainee",
    checked: Course | None = None,
    engine: str = DEFAULT,
) -> BuildResult:
    """Build with `engine` (strict: any warning fails) into a temporary folder, then swap it in.

    The instructor edition (instructor notes, open answer keys, the coverage report) goes to
    `site-instructor/` beside the site folder unless `site_dir` says otherwise. `checked` is the
    course as the caller has just checked it (no errors): engines that can use it do not load
    the course again.
    """
    run = adapter(engine)  # a missing engine stops here, before anything is written
    started = time.perf_counter()
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        raise BuildFailed(f"{config_file} is missing: it sets the theme and the site's options")
    target = Path(site_dir) if site_dir else _configured_site_dir(config_file)
    if edition == "instructor" and not site_dir:
        target = target.with_name(target.name + "-instructor")
    if not target.is_absolute():
        target = Path.cwd() / target
    check_site_dir(root, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))
    try:
        run.build(root, config_file, temp, edition, checked)
        _swap(temp, target)
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)
    pages = sum(1 for _ in target.rglob("*.html"))
    return BuildResult(target, pages, time.perf_counter() - started)


def notices(engine: str = DEFAULT) -> list[str]:
    """The platform notices a trainer needs about `engine` (each one line), such as Material's
    end-of-life date; none for an engine that is not installed."""
    try:
        return adapter(engine).notices()
    except EngineMissing:
        return []


def _swap(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def serve_site(root: Path, dev_addr: str, engine: str = DEFAULT) -> None:
    """Preview with live reload; the engine watches modules/, quizzes/ and scenarios/ too."""
    adapter(engine).serve(root, dev_addr)


#: What a preview watches: every source of the site.
WATCHED = ("course", "modules", "quizzes", "scenarios", "mkdocs.yml")


def _snapshot(root: Path) -> dict[str, int]:
    found: dict[str, int] = {}
    for name in WATCHED:
        path = root / name
        for file in [path] if path.is_file() else sorted(path.rglob("*")) if path.is_dir() else []:
            if file.is_file():
                found[file.relative_to(root).as_posix()] = file.stat().st_mtime_ns
    return found


def preview(root: Path, dev_addr: str, engine: str, interval: float = 1.0) -> None:
    """For an engine without a preview server of its own that knows the course (Zensical): build
    into a temporary folder, serve it on `dev_addr`, and build again (checked, and swapped in only
    when it succeeds) whenever a source changes. No live reload: reload the page."""
    import functools
    import http.server
    import sys
    import threading

    from builder.check import check_course

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    def rebuild() -> None:
        course, report = check_course(root)
        if report.diagnostics:
            say(report.format_text())
        if report.errors:
            say("Not rebuilt: fix the problems above; still serving the last good site.")
            return
        try:
            result = build_site(root, site, checked=course, engine=engine)
        except BuildFailed as exc:
            say(f"Build failed: {exc}; still serving the last good site.")
            return
        say(f"Built {result.pages} pages with {engine} in {result.seconds:.1f} s: reload the page to see the changes.")

    host, _, port = dev_addr.rpartition(":")
    handler = type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda self, *args: None})
    with tempfile.TemporaryDirectory(prefix="course-preview-") as temp:
        site = Path(temp) / "site"
        seen = _snapshot(root)
        rebuild()
        httpd = http.server.ThreadingHTTPServer(
            (host or "127.0.0.1", int(port)), functools.partial(handler, directory=str(site))
        )
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        say(
            f"Serving on http://{host or '127.0.0.1'}:{port}/ (rebuilt with {engine} when a file changes; Ctrl-C stops)"
        )
        try:
            while True:
                time.sleep(interval)
                now = _snapshot(root)
                if now != seen:
                    seen = now
                    rebuild()
        except KeyboardInterrupt:
            pass
        finally:
            httpd.shutdown()
            httpd.server_close()
