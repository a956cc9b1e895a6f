"""What every question type shares: the fields of its model and the hooks the builder calls.

A question type is one module of this package (its model, what the page shows, what quiz.js
grades, how the exports write it), one template partial (builder/templates/questions/) and one
script (builder/assets/questions/), found by `type` through the registry in `__init__.py`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Generic, Protocol, TypeVar

from markupsafe import Markup
from pydantic import Field

from builder.fields import Allow, Model, Slug, Text

if TYPE_CHECKING:
    import xml.etree.ElementTree as ET


class QuestionModel(Model):
    """The keys every question has; each type adds `type` (its name) and its own."""

    id: Slug
    prompt: Text
    objectives: Annotated[list[Slug], Field(min_length=1)]
    explanation: Text
    shuffle: bool = False
    allow: Allow = {}


Q = TypeVar("Q", bound=QuestionModel)
#: A rendered text of a question, by (field, index): ("text", 0) is the first option's text.
TextKey = tuple[str, int]


@dataclass(frozen=True)
class ViewContext:
    """What a type needs, beyond the question, to say what its form shows."""

    t: dict[str, str]
    #: `<module id>/<question id>`: the seed of builder/arrange.py's fixed orders
    seed: str
    #: a choice question's options as shown (indices, builder/arrange.py); None: as written
    order: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Entries:
    """A list of a question's entries that trainees must tell apart (`check`: duplicate-entry)."""

    key: str  # the YAML key holding them: "pairs", "items", "accepted"
    values: list[str]  # compared as they are (normalised by the type where it must be)
    side: str | None  # "left"/"right" for pairs
    noun: str  # "item", "left side of a pair" …


@dataclass(frozen=True)
class Problem:
    """An error `check` reports about one question (builder/rules.py locates it)."""

    code: str
    loc: tuple[str | int, ...]  # within the question: ("options", 1, "correct")
    message: str
    hint: str


class NotExpressible(Exception):
    """A question an export format cannot express; the message says why."""


class GiftWriter(Protocol):
    """Moodle GIFT's text helpers (builder/exports/gift.py), for a type's `gift` hook."""

    def markdown(self, text: str, *, arrow: bool = False) -> str: ...
    def escape(self, text: str) -> str: ...
    def line(self, text: str) -> str: ...
    def feedback(self, text: str | None) -> str: ...


class QtiItem(Protocol):
    """One QTI assessmentItem being written (builder/exports/qti.py), for a type's `qti` hook."""

    t: dict[str, str]
    module_id: str
    order: Any

    def response(self, root: ET.Element, cardinality: str, base_type: str, correct: list[str]) -> ET.Element: ...
    def outcomes(self, root: ET.Element, feedback_cardinality: str | None) -> None: ...
    def body(self, root: ET.Element, how: str) -> tuple[ET.Element, ET.Element]: ...
    def processing(self, root: ET.Element, *, mapped: bool = False, feedback: bool = False) -> None: ...
    def explanation(self, root: ET.Element) -> None: ...
    def choice_ids(self, option_ids: list[str]) -> dict[str, str]: ...
    def option_feedback(self, root: ET.Element, identifier: str, option: str, feedback: str) -> None: ...
    def element(self, parent: ET.Element | None, tag: str, text: str | None = None, **attrs: str) -> ET.Element: ...
    def append_html(self, parent: ET.Element, markdown: str, *, inline: bool = False) -> None: ...


class QuestionType(Generic[Q]):
    """One question type's hooks. Subclasses set `name`, `model` and `partial`, and override
    what differs; the defaults suit a type with no texts beyond its prompt and explanation."""

    name: ClassVar[str]
    model: ClassVar[type[QuestionModel]]
    #: builder/templates/questions/<partial>.html and builder/assets/questions/<partial>.js
    partial: ClassVar[str]
    #: The interface strings (builder/i18n.py) its script uses when it grades (on module pages).
    quiz_strings: ClassVar[tuple[str, ...]] = ()
    #: The interface strings its partial and its form builder use (the final assessment's forms).
    form_strings: ClassVar[tuple[str, ...]] = ()

    def texts(self, question: Q) -> dict[TextKey, str]:
        """The type's Markdown texts to render (in this order), beyond the prompt and explanation."""
        return {}

    def view(self, question: Q, inline: dict[TextKey, Markup], ctx: ViewContext) -> dict[str, Any]:
        """What its template partial needs (`inline`: each of `texts`, rendered, one paragraph unwrapped)."""
        raise NotImplementedError

    def data(self, question: Q) -> dict[str, Any]:
        """What its script needs to grade an answer (the page's quiz data)."""
        raise NotImplementedError

    def form(self, view: dict[str, Any]) -> dict[str, Any]:
        """What its script needs to build the form as its partial does (the final assessment's
        data): the view's text fragments, compactly."""
        raise NotImplementedError

    def arrange(self, question: Q, seed: str, used: dict[int, Counter[int]]) -> tuple[int, ...] | None:
        """Its options as shown, for a type with options (builder/arrange.py); None otherwise."""
        return None

    def scrambled_ids(self, question: Q) -> list[str]:
        """The ids of what its form lists in builder/arrange.py's fixed order (a matching
        question's right sides, an ordering question's items), in answer order; [] for none."""
        return []

    def problems(self, question: Q) -> list[Problem]:
        """What `check` reports as errors about the type's own keys (the model took the rest)."""
        return []

    def true_option_id(self, question: Q) -> str | None:
        """The id of its "True" option, for a question reported to an LMS as true-false (SCORM)."""
        return None

    def well_formed(self, question: Q) -> bool:
        """Whether it can be judged by the item-quality checks (`check` reports the others)."""
        return True

    def entries(self, question: Q) -> list[Entries]:
        """Lists of entries that must differ from each other (`check`: duplicate-entry)."""
        return []

    def gift(self, question: Q, order: tuple[int, ...] | None, w: GiftWriter) -> list[str] | str:
        """Its answers in Moodle GIFT, one a line (a text: written inline, as `{T}`), or
        NotExpressible with the reason."""
        raise NotExpressible(f"{self.name} questions are not supported by the GIFT export")

    def qti(self, question: Q, item: QtiItem, root: ET.Element) -> None:
        """Its response declaration, body, processing and feedback in a QTI 2.1 assessmentItem."""
        raise NotImplementedError(f"no QTI mapping for {self.name}")


def letter(index: int) -> str:
    letters = "abcdefghijklmnopqrstuvwxyz"
    return letters[index] if index < 26 else f"o{index + 1}"
