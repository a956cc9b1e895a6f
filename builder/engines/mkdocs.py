"""The MkDocs adapter: `mkdocs build --strict` in this process, running our plugin (plugin.py).

The fast path: the course `course build` has just checked is handed to the plugin, so it is not
loaded twice. ProperDocs runs this same module in a child process (engines/properdocs.py).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import re
import sys
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

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
    """`mkdocs serve` with live reload; the plugin adds modules/ and quizzes/ to what is watched."""
    _quiet()
    for handler in _logger().handlers:
        if getattr(handler, "_course", False):
            handler.setLevel(logging.INFO)  # serve's "Serving on …" and rebuild lines
    from mkdocs.commands.serve import serve as mkdocs_serve

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mkdocs_serve(config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)


def notices() -> list[str]:
    """Material's end-of-life date, as the installed Material states it (none if it states none)."""
    spec = importlib.util.find_spec("material")
    if spec is None or spec.origin is None:
        return []
    banner = Path(spec.origin).parent / "templates" / "__init__.py"
    match = MATERIAL_EOL.search(banner.read_text(encoding="utf-8")) if banner.is_file() else None
    if match is None:
        return []
    return [f"Material for MkDocs, the theme of this site, reaches end of life on {match.group(1)}; `course build --engine zensical` builds without it (README: Platform)."]
