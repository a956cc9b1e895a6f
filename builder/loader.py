"""Walk a course folder and load every file into typed models, collecting every problem."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from builder.course import Body, Course, Module, Page, QuizFile, ScenarioFile
from builder.diagnostics import Pos, Report, error
from builder.diagrams import Diagram, load_diagram
from builder.models import Contacts, CourseMeta, Glossary, LocalSections, LocalSettings, ModuleMeta, Quiz, Scenario
from builder.source import Document, Positions, load_yaml, read_text, split_front_matter
from builder.validate import M, positions_without, validate, validate_items

MODULE_NAME = re.compile(r"^(\d+)-([a-z0-9]+(?:-[a-z0-9]+)*)\.md$")
COURSE_FILE = "course/course.yml"
HOME_PAGE = "course/index.md"
CONTACTS_FILE = "course/contacts.yml"
GLOSSARY_FILE = "course/glossary.yml"
DIAGRAMS_DIR = "course/diagrams"
SITE_CONFIG = "mkdocs.yml"
DIAGRAM_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.svg$")


@contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Loading makes hundreds of thousands of short-lived, acyclic objects (YAML nodes): the
    cyclic garbage collector would scan them again and again for nothing (2.5× the CPU time of
    checking 10,000 questions). Reference counting frees them; collection resumes afterwards."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            # Straight to the oldest generation (unfreeze moves frozen objects there), unscanned:
            # otherwise the first young collection after this walks every object made here.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


@contextmanager
def frozen() -> Iterator[None]:
    """While a loaded course is used (checked, rendered, built): every object that exists now is
    moved out of the cyclic garbage collector's way (`gc.freeze`), so that its collections scan
    only what is made after. A loaded course lives as long as the command and holds no cycles
    (reference counting frees it; tests/test_build.py checks), yet each full collection walked
    all of it: 0.4-0.5 s CPU of a 5.5 s build of 200 modules x 20 questions. Undone on leaving,
    since tests and `serve` run many of these in one process."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def load_course(root: Path) -> tuple[Course, Report]:
    """Load `course/`, `modules/` and `quizzes/` under `root`. Never raises on content."""
    with _no_gc_pauses():
        return _load_course(root)


def _load_course(root: Path) -> tuple[Course, Report]:
    report = Report()
    meta, meta_positions = _load_meta(root, report)
    modules, broken_modules, unread_bodies = _load_modules(root, report)
    quizzes, broken_quizzes = _load_quizzes(root, report)
    pages = _load_pages(root, report)
    contacts, contact_positions, contacts_broken = _load_optional(root, CONTACTS_FILE, Contacts, report)
    glossary, glossary_positions, _ = _load_optional(root, GLOSSARY_FILE, Glossary, report)
    diagrams, diagrams_broken = _load_diagrams(root, report)
    local_contacts, local_contact_positions, _ = _load_optional(root, "course/local/contacts.yml", Contacts, report)
    local_sections, local_section_positions, _ = _load_optional(
        root,
        "course/local/sections.yml",
        LocalSections,
        report,
    )
    course = Course(
        root,
        meta,
        meta_positions,
        tuple(modules),
        tuple(quizzes),
        tuple(pages),
        broken_modules,
        frozenset(broken_quizzes),
        contacts=tuple(contacts.contacts) if contacts else (),
        contact_positions=contact_positions,
        contacts_broken=contacts_broken,
        glossary=glossary,
        glossary_positions=glossary_positions,
        diagrams=tuple(diagrams),
        diagrams_broken=frozenset(diagrams_broken),
        site_config=_read_site_config(root, report),
        local=_load_optional(root, "course/local/local.yml", LocalSettings, report)[0],
        local_contacts=tuple(local_contacts.contacts) if local_contacts else (),
        local_contact_positions=local_contact_positions,
        local_sections=tuple(local_sections.sections) if local_sections else (),
        local_section_positions=local_section_positions,
        scenarios=tuple(_load_scenarios(root, report)),
        unread_bodies=tuple(unread_bodies),
        files=_course_files(root),
    )
    return course, report


def _read_site_config(root: Path, report: Report) -> str | None:
    file = root / SITE_CONFIG
    if not file.is_file():
        return None
    text = read_text(file, SITE_CONFIG)
    report.extend(text.problems)
    return text.text


def _load_optional(root: Path, rel: str, model, report: Report):  # type: ignore[no-untyped-def]
    """An optional YAML settings file: (value or None, positions, whether it exists but is broken)."""
    file = root / rel
    if not file.is_file():
        return None, None, False
    if not _inside(root, file, report):
        return None, None, True
    text = read_text(file, rel)
    report.extend(text.problems)
    if text.text is None:
        return None, None, True
    doc = load_yaml(text.text, rel)
    report.extend(doc.problems)
    if doc.data is None:
        return None, None, True
    value = _validated(model, doc, report)
    return value, doc.positions, value is None


def _load_diagrams(root: Path, report: Report) -> tuple[list[Diagram], set[str]]:
    diagrams: list[Diagram] = []
    broken: set[str] = set()
    for file in _files(root / DIAGRAMS_DIR, root, report):
        rel = _rel(root, file)
        if file.suffix != ".svg":
            continue
        if not DIAGRAM_NAME.match(file.name):
            report.add(
                error(
                    "diagram-file-name",
                    rel,
                    Pos(),
                    f"diagram file `{file.name}` is not named with lowercase letters, digits and hyphens",
                    "rename it, e.g. `definitions-act-means-purpose.svg`",
                )
            )
            continue
        text = read_text(file, rel)
        report.extend(text.problems)
        diagram, problems = load_diagram(file.stem, rel, text.text) if text.text is not None else (None, [])
        report.extend(problems)
        if diagram is None:
            broken.add(file.stem)
        else:
            diagrams.append(diagram)
    return diagrams, broken


def _validated(model: type[M], doc: Document, report: Report) -> M | None:
    """Validate; a problem the YAML reader already reported at the same place is not repeated."""
    value, problems = validate(model, doc)
    seen = {d.pos for d in doc.problems}
    report.extend(p for p in problems if p.pos not in seen)
    return value


def _rel(root: Path, file: Path) -> str:
    return file.relative_to(root).as_posix()


def _load_meta(root: Path, report: Report) -> tuple[CourseMeta | None, Positions | None]:
    file = root / COURSE_FILE
    if not file.is_file():
        report.add(
            error(
                "missing-file",
                COURSE_FILE,
                Pos(),
                "the course has no course/course.yml",
                "create it with id, title, audience and version; the README has an example",
            )
        )
        return None, None
    if not _inside(root, file, report):
        return None, None
    text = read_text(file, COURSE_FILE)
    report.extend(text.problems)
    if text.text is None:
        return None, None
    doc = load_yaml(text.text, COURSE_FILE)
    report.extend(doc.problems)
    if doc.data is None:
        return None, None
    return _validated(CourseMeta, doc, report), doc.positions


def _inside(root: Path, path: Path, report: Report) -> bool:
    """False (and an error) for a link that leads out of the course: the build would publish
    whatever it points at, from the trainer's machine or the CI runner."""
    try:
        path.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        report.add(
            error(
                "outside-link",
                _rel(root, path),
                Pos(),
                f"`{_rel(root, path)}` is a link to {path.resolve()}, outside the course",
                "copy the file into the course instead of linking to it",
            )
        )
        return False


def _files(folder: Path, root: Path, report: Report) -> list[Path]:
    if not folder.is_dir():
        return []
    found = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    return [p for p in found if _inside(root, p, report)]


def _load_modules(root: Path, report: Report) -> tuple[list[Module], int, list[Body]]:
    modules: list[tuple[int, str, Module]] = []
    unread: list[Body] = []
    broken = 0
    for file in _files(root / "modules", root, report):
        rel = _rel(root, file)
        if file.suffix != ".md":
            continue
        match = MODULE_NAME.match(file.name)
        if not match:
            report.add(
                error(
                    "module-file-name",
                    rel,
                    Pos(),
                    f"module file `{file.name}` is not named `<number>-<slug>.md`",
                    "name it like `03-recognizing-indicators.md`: the number sets the order",
                )
            )
            continue
        broken += 1  # until it loads
        text = read_text(file, rel)
        report.extend(text.problems)
        if text.text is None:
            continue
        front = split_front_matter(text.text)
        if front is None:
            if text.text.startswith("---"):
                report.add(
                    error(
                        "front-matter-unclosed",
                        rel,
                        Pos(),
                        "the front matter that starts on line 1 is never closed",
                        "end the YAML with a line of three dashes `---`, then write the module's text",
                    )
                )
            else:
                report.add(
                    error(
                        "no-front-matter",
                        rel,
                        Pos(),
                        "the module has no front matter",
                        "start the file with a `---` line, the module's YAML (id, title …), and another `---` line",
                    )
                )
            continue
        doc = load_yaml(front.yaml_text, rel, line_offset=front.yaml_line - 1)
        report.extend(doc.problems)
        meta = _validated(ModuleMeta, doc, report) if doc.data is not None else None
        if meta is None:
            unread.append(Body(rel, front.body, front.body_line))
        else:
            broken -= 1
            module = Module(meta, rel, int(match.group(1)), front.body, front.body_line, doc.positions)
            modules.append((module.number, file.name, module))
    return [m for _, _, m in sorted(modules, key=lambda t: (t[0], t[1]))], broken, unread


def _yaml_files(root: Path, folder: str, kind: str, report: Report) -> Iterator[tuple[Path, str, Document | None]]:
    """Each `.yml` file of `folder` with its parsed YAML (None if unreadable), problems reported;
    a `.yaml` file is reported as misnamed and skipped."""
    for file in _files(root / folder, root, report):
        rel = _rel(root, file)
        if file.suffix == ".yaml":
            report.add(
                error(
                    f"{kind}-file-name",
                    rel,
                    Pos(),
                    f"{kind} file `{file.name}` ends in .yaml",
                    f"rename it to `{file.stem}.yml`",
                )
            )
            continue
        if file.suffix != ".yml":
            continue
        text = read_text(file, rel)
        report.extend(text.problems)
        doc = load_yaml(text.text, rel) if text.text is not None else None
        if doc is not None:
            report.extend(doc.problems)
        yield file, rel, doc


def _load_quizzes(root: Path, report: Report) -> tuple[list[QuizFile], set[str]]:
    """The quizzes that loaded, and the module ids claimed by those that did not."""
    quizzes: list[QuizFile] = []
    broken: set[str] = set()
    for file, rel, doc in _yaml_files(root, "quizzes", "quiz", report):
        quiz, dropped = None, frozenset[int]()
        if doc is not None and doc.data is not None:
            quiz, problems, dropped = validate_items(Quiz, doc, "questions")
            seen = {d.pos for d in doc.problems}
            report.extend(p for p in problems if p.pos not in seen)
        if quiz is not None and doc is not None:
            quizzes.append(
                QuizFile(
                    quiz,
                    rel,
                    positions_without(doc.positions, "questions", dropped),
                    partial=bool(dropped),
                )
            )
        else:
            claimed = doc.data.get("module") if doc is not None and isinstance(doc.data, dict) else None
            broken.add(claimed if isinstance(claimed, str) else file.stem)
    return quizzes, broken


def _load_scenarios(root: Path, report: Report) -> list[ScenarioFile]:
    scenarios: list[ScenarioFile] = []
    for _, rel, doc in _yaml_files(root, "scenarios", "scenario", report):
        if doc is None or doc.data is None:
            continue
        scenario = _validated(Scenario, doc, report)
        if scenario is not None:
            scenarios.append(ScenarioFile(scenario, rel, doc.positions))
    return scenarios


def _course_files(root: Path) -> tuple[str, ...]:
    """Every file under course/ that stays inside the course (links out are reported with the pages)."""
    folder = root / "course"
    if not folder.is_dir():
        return ()
    inside = root.resolve()
    return tuple(_rel(root, f) for f in sorted(folder.rglob("*")) if f.is_file() and f.resolve().is_relative_to(inside))


def _load_pages(root: Path, report: Report) -> list[Page]:
    folder = root / "course"
    if not (root / HOME_PAGE).is_file() and folder.is_dir():
        report.add(
            error(
                "missing-file",
                HOME_PAGE,
                Pos(),
                "the course has no home page course/index.md",
                "create it: it is the first page trainees see",
            )
        )
    pages: list[Page] = []
    for file in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
        if not _inside(root, file, report):
            continue
        rel = _rel(root, file)
        text = read_text(file, rel)
        report.extend(text.problems)
        if text.text is not None:
            pages.append(Page(rel, text.text))
    return pages
