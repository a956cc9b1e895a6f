"""The loaded course: typed and immutable, with lookups by id. No I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from builder.arrange import option_orders
from builder.diagrams import Diagram
from builder.models import (
    PRINT_PAGE_AUTO_MODULES,
    Contact,
    CourseMeta,
    Glossary,
    LocalSection,
    LocalSettings,
    ModuleMeta,
    Quiz,
    Scenario,
)
from builder.source import Positions


@dataclass(frozen=True)
class Module:
    """A module outline: its front matter, its Markdown body and where each came from."""

    meta: ModuleMeta
    path: str
    number: int
    body: str
    body_line: int
    positions: Positions = field(repr=False, compare=False)

    @property
    def id(self) -> str:
        return self.meta.id


@dataclass(frozen=True)
class QuizFile:
    quiz: Quiz
    path: str
    positions: Positions = field(repr=False, compare=False)
    #: Some questions could not be read (reported): `quiz` holds the others, for the rules that
    #: check each question; rules about the quiz as a whole skip it.
    partial: bool = False

    @cached_property
    def option_orders(self) -> dict[str, tuple[int, ...]]:
        """Each choice question's options in the order trainees see them (builder/arrange.py)."""
        return option_orders(self.quiz)


@dataclass(frozen=True)
class ScenarioFile:
    scenario: Scenario
    path: str
    positions: Positions = field(repr=False, compare=False)


@dataclass(frozen=True)
class Page:
    """A page of `course/` published as written (home page, glossary, resources …)."""

    path: str  # relative to the course root, e.g. "course/index.md"
    text: str


@dataclass(frozen=True)
class Body:
    """The Markdown body of a module whose front matter could not be read: its text is checked
    all the same (unsafe HTML, unknown diagrams and contacts), so that one mistake in the front
    matter does not hide the problems below it."""

    path: str
    text: str
    line: int  # 1-based line where the body starts


@dataclass(frozen=True)
class Course:
    root: Path
    meta: CourseMeta | None
    meta_positions: Positions | None
    modules: tuple[Module, ...]
    quizzes: tuple[QuizFile, ...]
    pages: tuple[Page, ...]
    #: Files that could not be loaded: rules that need them stay quiet rather than cascade.
    broken_modules: int = 0
    broken_quiz_modules: frozenset[str] = frozenset()
    contacts: tuple[Contact, ...] = ()
    contact_positions: Positions | None = field(default=None, repr=False, compare=False)
    contacts_broken: bool = False
    glossary: Glossary | None = None
    glossary_positions: Positions | None = field(default=None, repr=False, compare=False)
    diagrams: tuple[Diagram, ...] = ()
    diagrams_broken: frozenset[str] = frozenset()
    site_config: str | None = None  # the text of mkdocs.yml, for the privacy rules
    # Local adaptation (course/local/): the agency's settings, contacts that override or add to
    # course/contacts.yml by id, and sections added to or replacing sections of modules.
    local: LocalSettings | None = None
    local_contacts: tuple[Contact, ...] = ()
    local_contact_positions: Positions | None = field(default=None, repr=False, compare=False)
    local_sections: tuple[LocalSection, ...] = ()
    local_section_positions: Positions | None = field(default=None, repr=False, compare=False)
    scenarios: tuple[ScenarioFile, ...] = ()
    unread_bodies: tuple[Body, ...] = ()
    #: Every file under course/ (paths from the root, e.g. "course/images/seal.png"): what links
    #: and images may lead to.
    files: tuple[str, ...] = ()

    def scenarios_for(self, module_id: str) -> list[ScenarioFile]:
        return [s for s in self.scenarios if s.scenario.module == module_id]

    def contact(self, contact_id: str) -> Contact | None:
        """The agency's contact of that id if it has one, else the course's."""
        return next((c for c in self.local_contacts + self.contacts if c.id == contact_id), None)

    @property
    def all_contacts(self) -> tuple[Contact, ...]:
        """Every contact once: the course's, each replaced by the agency's of the same id, then the agency's own."""
        local = {c.id: c for c in self.local_contacts}
        merged = [local.pop(c.id, c) for c in self.contacts]
        return tuple(merged) + tuple(local.values())

    def diagram(self, name: str) -> Diagram | None:
        return next((d for d in self.diagrams if d.name == name), None)

    def quiz_for(self, module_id: str) -> QuizFile | None:
        return next((q for q in self.quizzes if q.quiz.module == module_id), None)

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    @property
    def has_print_page(self) -> bool:
        """Whether the site gets the whole-course print page (`print_page` in course.yml)."""
        setting = self.meta.print_page if self.meta else "auto"
        return setting == "always" or (setting == "auto" and len(self.modules) <= PRINT_PAGE_AUTO_MODULES)

    @property
    def question_count(self) -> int:
        return sum(len(q.quiz.questions) for q in self.quizzes)
