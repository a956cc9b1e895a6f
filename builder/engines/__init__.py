"""The engines that render a course's site: one small adapter each, chosen by name.

- `mkdocs` (default): MkDocs 1.x with Material, in this process, running our plugin (plugin.py).
- `properdocs`: ProperDocs, the maintained fork of MkDocs 1.x, running the same plugin in a child
  process (it redirects every `mkdocs.*` import of a process to itself).
- `zensical`: Zensical, Material's successor, which runs no plugins: the builder writes the whole
  docs tree (docs_tree.py) and Zensical only renders it; its preview is the builder's own
  (site.preview: rebuilt on every change, no live reload).

Each adapter is a module with `build(root, config_file, out, edition, checked)`, which writes a
complete site into the empty folder `out` or raises `BuildFailed`, `serve(root, dev_addr)`, and
`notices()`, the platform notices its tools give that a trainer needs. Importing this package
imports no engine.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Protocol, cast

if TYPE_CHECKING:
    from builder.course import Course

DEFAULT = "mkdocs"


class BuildFailed(Exception):
    """The site could not be built; the message says why, for a trainer."""


class EngineMissing(BuildFailed):
    """The chosen engine is not installed; the message says what to install."""


@dataclass(frozen=True)
class Engine:
    """An engine: the Python modules it needs, and what to install to get them."""

    name: str
    label: str
    needs: tuple[str, ...]
    install: str


#: The engines, by the name `--engine` takes. `install` is one line a trainer can paste.
ENGINES = {
    "mkdocs": Engine("mkdocs", "MkDocs with Material for MkDocs", ("mkdocs", "material"), "pip install course-builder"),
    "properdocs": Engine(
        "properdocs",
        "ProperDocs",
        ("properdocs", "material"),
        "pip install 'course-builder[properdocs]'",
    ),
    "zensical": Engine("zensical", "Zensical", ("zensical",), "pip install 'course-builder[zensical]'"),
}


class Adapter(Protocol):
    build: Callable[[Path, Path, Path, str, Course | None], None]
    serve: Callable[[Path, str], None]
    notices: Callable[[], list[str]]


def adapter(name: str) -> Adapter:
    """The adapter module of engine `name`; `EngineMissing` (one line) when it is not installed."""
    engine = ENGINES[name]
    missing = [module for module in engine.needs if importlib.util.find_spec(module) is None]
    if missing:
        raise EngineMissing(f"{engine.label} is not installed (no Python module `{missing[0]}`): {engine.install}")
    module: ModuleType = importlib.import_module(f"builder.engines.{name}")
    return cast(Adapter, module)
