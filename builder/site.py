"""Running MkDocs for `course build` and `course serve` (the other MkDocs-aware module, with plugin.py).

A build goes into a fresh folder beside the site folder and replaces the old site only when it
succeeded, so a failed build never destroys the last good site.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
import time
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from builder.course import Course

PROTECTED = ("course", "modules", "quizzes", "scenarios", "builder", "tests")


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time (click's test runner swaps it)."""

    @property
    def stream(self):  # type: ignore[no-untyped-def]
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:  # type: ignore[no-untyped-def]
        pass


class BuildFailed(Exception):
    """The site could not be built; the message says why, for a trainer."""


@dataclass(frozen=True)
class BuildResult:
    site_dir: Path
    pages: int
    seconds: float


def _quiet() -> None:
    """Clean output: no MkDocs 2.0 notice, MkDocs' own warnings only (library warnings are silenced
    around the build and serve calls themselves)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_course", False) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
        handler.setLevel(logging.WARNING)
        handler._course = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)  # MkDocs counts warnings through its own handler; keep INFO flowing to it
    logger.propagate = False


def check_site_dir(root: Path, site_dir: Path) -> None:
    """Refuse an output folder that would overwrite the sources (the build deletes what it replaces)."""
    site = site_dir.resolve()
    root = root.resolve()
    if site == root or site in root.parents:
        raise BuildFailed(f"the site folder {site_dir} is the course repository or above it; choose a folder such as site/")
    for name in PROTECTED:
        source = (root / name).resolve()
        if site == source or source in site.parents or site in source.parents:
            raise BuildFailed(f"the site folder {site_dir} would overwrite {name}/; choose a folder such as site/")


def build_site(root: Path, site_dir: Path | None = None, edition: str = "trainee", checked: Course | None = None) -> BuildResult:
    """Build with `mkdocs build --strict` into a temporary folder, then swap it in.

    The instructor edition (instructor notes, open answer keys, the coverage report) goes to
    `site-instructor/` beside the site folder unless `site_dir` says otherwise. `checked` is the
    course as the caller has just checked it (no errors): the plugin uses it instead of loading
    the course again.
    """
    _quiet()
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    started = time.perf_counter()
    config_file = root / "mkdocs.yml"
    if not config_file.is_file():
        raise BuildFailed(f"{config_file} is missing: it sets the theme and the site's options")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            config = load_config(str(config_file), strict=True)
    except MkDocsException as exc:
        raise BuildFailed(f"mkdocs.yml: {exc}") from None
    target = Path(site_dir) if site_dir else Path(config.site_dir)
    if edition == "instructor" and not site_dir:
        target = target.with_name(target.name + "-instructor")
    if not target.is_absolute():
        target = Path.cwd() / target
    check_site_dir(root, target)
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".{target.name}-build-", dir=target.parent))
    try:
        config.site_dir = str(temp)
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
                build(config)
        except MkDocsException as exc:
            raise BuildFailed(str(exc) or "MkDocs reported warnings in strict mode (see above)") from None
        _swap(temp, target)
    finally:
        if temp.exists():
            shutil.rmtree(temp, ignore_errors=True)
    pages = sum(1 for _ in target.rglob("*.html"))
    return BuildResult(target, pages, time.perf_counter() - started)


def _swap(new: Path, target: Path) -> None:
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{os.getpid()}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def serve_site(root: Path, dev_addr: str) -> None:
    """`mkdocs serve` with live reload; the plugin adds modules/ and quizzes/ to what is watched."""
    _quiet()
    logging.getLogger("mkdocs").handlers[0].setLevel(logging.INFO)
    from mkdocs.commands.serve import serve

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)
