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
    return Environment(
        loader=PackageLoader("builder", "scaffold"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def slugify(title: str) -> str:
    return slug(title)[:48].rstrip("-") or "module"


def new_module(root: Path, title: str, module_id: str | None = None, today: datetime.date | None = None) -> Path:
    """modules/<next number>-<slug>.md; refuses to overwrite or to reuse an id."""
    day = today or datetime.date.today()
    module_id = module_id or slugify(title)
    folder = root / "modules"
    numbers = (
        [int(m.group(1)) for p in folder.glob("*.md") if (m := MODULE_NAME.match(p.name))] if folder.is_dir() else []
    )
    course, _ = load_course(root)
    if course.module(module_id) is not None:
        raise ScaffoldError(f"a module with id `{module_id}` already exists; choose another with --id")
    path = folder / f"{max(numbers, default=0) + 1:02d}-{module_id}.md"
    if path.exists():
        raise ScaffoldError(f"{path} already exists")
    review_by = (
        day.replace(year=day.year + 1) if not (day.month == 2 and day.day == 29) else day + datetime.timedelta(days=365)
    )
    text = (
        _env()
        .get_template("module.md")
        .render(id=module_id, title=title, today=day.isoformat(), review_by=review_by.isoformat())
    )
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _module(root: Path, module_id: str) -> Module:
    course, _ = load_course(root)
    module = course.module(module_id)
    if module is None:
        known = ", ".join(m.id for m in course.modules) or "none yet"
        raise ScaffoldError(
            f"no module with id `{module_id}` (modules: {known}); create it first with `course new module`"
        )
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


#: What `course init` writes: template under scaffold/init/ → path in the new course.
INIT_FILES = {
    "course.yml": "course/course.yml",
    "index.md": "course/index.md",
    "module.md": "modules/01-writing-the-course.md",
    "quiz.yml": "quizzes/writing-the-course.yml",
    "scenario.yml": "scenarios/writing-the-course-1.yml",
    "mkdocs.yml": "mkdocs.yml",
    "requirements.txt": "requirements.txt",
    "gitignore": ".gitignore",
    "README.md": "README.md",
    "github-publish.yml": ".github/workflows/publish.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
}
_PALETTE = {
    "en": ("Switch to dark mode", "Switch to light mode"),
    "es": ("Cambiar al modo oscuro", "Cambiar al modo claro"),
}


def init_course(folder: Path, title: str, language: str = "en", today: datetime.date | None = None) -> list[Path]:
    """A new, minimal course in `folder` that checks clean and builds: settings, a home page, one
    example module with a quiz of every question type and a scenario, mkdocs.yml, the builder
    pinned in requirements.txt, CI workflows and a README. Nothing of the default course comes
    along. Refuses a folder that already holds any of these files."""
    from builder import __version__

    day = today or datetime.date.today()
    existing = [rel for rel in INIT_FILES.values() if (folder / rel).exists()]
    if existing:
        raise ScaffoldError(
            f"{folder} already has {', '.join(existing)}; `course init` starts a course in an empty folder"
        )
    dark, light = _PALETTE[language]
    values = {
        "id": slugify(title) or "course",
        "title": title,
        "audience": "Describe who the course is for." if language == "en" else "Describa a quién se dirige el curso.",
        "language": language,
        "today": day.isoformat(),
        "review_by": (day + datetime.timedelta(days=182)).isoformat(),
        "version": __version__,
        "dark": dark,
        "light": light,
    }
    env = Environment(
        loader=PackageLoader("builder", "scaffold/init"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    written = []
    for template, rel in INIT_FILES.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(env.get_template(template).render(**values), encoding="utf-8")
        written.append(path)
    return written

