"""`course new`: skeleton files numbered into the learning path, with TODO placeholders that
`course check` reports until they are filled in."""

from __future__ import annotations

import datetime
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from builder.course import Module
from builder.loader import MODULE_NAME, load_course
from builder.render import slug


class ScaffoldError(Exception):
    """Nothing was written; the message says why."""


def _env() -> Environment:
    return Environment(loader=PackageLoader("builder", "scaffold"), undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)


def slugify(title: str) -> str:
    return slug(title)[:48].rstrip("-") or "module"


def new_module(root: Path, title: str, module_id: str | None = None, today: datetime.date | None = None) -> Path:
    """modules/<next number>-<slug>.md; refuses to overwrite or to reuse an id."""
    day = today or datetime.date.today()
    module_id = module_id or slugify(title)
    folder = root / "modules"
    numbers = [int(m.group(1)) for p in folder.glob("*.md") if (m := MODULE_NAME.match(p.name))] if folder.is_dir() else []
    course, _ = load_course(root)
    if course.module(module_id) is not None:
        raise ScaffoldError(f"a module with id `{module_id}` already exists; choose another with --id")
    path = folder / f"{max(numbers, default=0) + 1:02d}-{module_id}.md"
    if path.exists():
        raise ScaffoldError(f"{path} already exists")
    review_by = day.replace(year=day.year + 1) if not (day.month == 2 and day.day == 29) else day + datetime.timedelta(days=365)
    text = _env().get_template("module.md").render(id=module_id, title=title, today=day.isoformat(), review_by=review_by.isoformat())
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _module(root: Path, module_id: str) -> Module:
    course, _ = load_course(root)
    module = course.module(module_id)
    if module is None:
        known = ", ".join(m.id for m in course.modules) or "none yet"
        raise ScaffoldError(f"no module with id `{module_id}` (modules: {known}); create it first with `course new module`")
    return module


def new_quiz(root: Path, module_id: str) -> Path:
    """quizzes/<module-id>.yml with two questions per objective of the module."""
    module = _module(root, module_id)
    path = root / "quizzes" / f"{module_id}.yml"
    if path.exists():
        raise ScaffoldError(f"{path} already exists")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(_env().get_template("quiz.yml").render(module=module), encoding="utf-8")
    return path


def new_scenario(root: Path, module_id: str) -> Path:
    """scenarios/<module-id>-<n>.yml, a two-step skeleton with one end."""
    module = _module(root, module_id)
    folder = root / "scenarios"
    n = 1
    while (folder / f"{module_id}-{n}.yml").exists():
        n += 1
    path = folder / f"{module_id}-{n}.yml"
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(_env().get_template("scenario.yml").render(id=path.stem, module=module), encoding="utf-8")
    return path
