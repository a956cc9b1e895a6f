"""The authoring formats as typed models: course.yml, module front matter and quizzes.

Plain data in, typed objects out; no I/O. Unknown keys are refused (`extra="forbid"`) and values
are not coerced (`strict=True`), so `correct: "yes"` or `duration: "60"` are reported, not guessed.
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, StringConstraints

from builder.fields import SLUG_PATTERN, Allow, Model, Slug, Text
from builder.questions import QUESTION_TYPES, Question
from builder.questions.choice import ChoiceQuestion, Multiple, Option, Single, TrueFalse
from builder.questions.matching import Matching, Pair
from builder.questions.ordering import Ordering
from builder.questions.short_answer import ANSWER_SPACE, ShortAnswer, normalize_answer

#: The question models live with their types (builder/questions/); these names stay importable here.
__all__ = [
    "ANSWER_SPACE",
    "QUESTION_TYPES",
    "SLUG_PATTERN",
    "Allow",
    "ChoiceQuestion",
    "Matching",
    "Model",
    "Multiple",
    "Option",
    "Ordering",
    "Pair",
    "Question",
    "ShortAnswer",
    "Single",
    "Slug",
    "Text",
    "TrueFalse",
    "normalize_answer",
]

Url = Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
Percent = Annotated[int, Field(ge=0, le=100)]
# Dates are read by YAML as dates when unquoted; quoted ISO dates are accepted too.
Date = Annotated[datetime.date, Field(strict=False)]


def _as_text(value: Any) -> Any:
    """A document date may be a year (2024), a date or free text ("April 2024")."""
    if isinstance(value, (int, datetime.date)) and not isinstance(value, bool):
        return str(value)
    return value


DocDate = Annotated[str, BeforeValidator(_as_text), StringConstraints(min_length=1)]


#: With `print_page: auto`, the whole-course print page is made for courses of up to this many
#: modules. At 200 modules it would be a 13 MB page (a quarter of the site) that a browser can
#: hardly print; each module page prints on its own.
PRINT_PAGE_AUTO_MODULES = 50


class FinalAssessment(Model):
    per_module: Annotated[int, Field(ge=1, le=100)] = 2
    """Questions drawn from each module's quiz for the final self-assessment."""


def _low_then_high(value: tuple[int, int]) -> tuple[int, int]:
    if value[0] > value[1]:
        raise ValueError(f"must give the lower share first, like [{value[1]}, {value[0]}]")
    return value


class ItemChecks(Model):
    """`item_checks` in course.yml: when the item-quality checks of `course check` warn."""

    min_items: Annotated[int, Field(ge=2, le=1000)] = 4
    """A quiz-wide pattern (key position, key length, true/false balance, right options first) is
    judged only on at least this many items of the kind."""
    key_position_factor: Annotated[float, Field(gt=1, le=10, strict=False)] = 2.0
    """Warn when one displayed position holds more than this many times its fair share of keys."""
    key_longest: Percent = 50
    """Warn when the key is the longest option in more than this share of single-choice items."""
    key_length_ratio: Annotated[float, Field(gt=1, le=10, strict=False)] = 1.5
    """Warn when one key is this many times as long as the longest wrong option (or more)."""
    true_share: Annotated[tuple[Percent, Percent], Field(strict=False), AfterValidator(_low_then_high)] = (30, 70)
    """The range of the share of true/false items keyed True (percent)."""
    correct_first: Percent = 50
    """Warn when the right options lead the list in more than this share of multiple-answer items."""
    absolute_words: Annotated[int, Field(ge=1, le=1000)] = 3
    """Warn when at least this many wrong answers of a quiz, and no right one, hold an absolute word."""
    similar_prompts: Percent = 80
    """Warn when two prompts share at least this share of their words (Jaccard similarity)."""


def _number_as_text(value: Any) -> Any:
    """A course or approval number may be written without quotes (`4021`): it is still text."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


Reference = Annotated[
    str, BeforeValidator(_number_as_text), StringConstraints(min_length=1, max_length=64, strip_whitespace=True)
]


class Credit(Model):
    """`credit` in course.yml: what a standards board or training office records when it gives
    training credit for the course. Every key is optional; each one given is shown on the home
    page, the certificate, the course outline and in the SCORM package's metadata."""

    hours: Annotated[float, Field(gt=0, le=1000, strict=False)] | None = None
    """Credit hours the course is approved (or submitted) for, e.g. 6 or 1.5."""
    course_number: Reference | None = None
    """The number the approving body or the provider gives the course, e.g. HT-101."""
    provider: Text | None = None
    """The academy or agency that offers the course."""
    approving_body: Text | None = None
    """Who approved the course for credit, e.g. a state POST commission."""
    approval_number: Reference | None = None
    """The approving body's number for the approval."""


class CourseMeta(Model):
    """`course/course.yml`."""

    id: Slug
    title: Text
    audience: Text
    version: Text
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] = "en"
    pass_mark: Percent = 80
    progress_epoch: Annotated[int, Field(ge=0)] = 1
    final_assessment: FinalAssessment = FinalAssessment()
    item_checks: ItemChecks = ItemChecks()
    credit: Credit = Credit()
    draft_banner: Annotated[str, StringConstraints(min_length=1, max_length=200, strip_whitespace=True)] | None = None
    """The banner's words on each module no named reviewer has signed off (`reviewed.by`), in
    place of the language's own ("Draft: not yet reviewed by a subject-matter expert."): plain text.
    The default course says "Draft: not yet legally reviewed."."""
    print_page: Literal["auto", "always", "never"] = "auto"
    """The whole-course print page `modules/all-modules.html`: "auto" makes it for courses of up
    to `PRINT_PAGE_AUTO_MODULES` modules (a longer course is too big to print from one page)."""


class Objective(Model):
    id: Slug
    text: Text
    assessed_by: Literal["quiz", "scenario", "classroom"] = "quiz"


class Source(Model):
    id: Slug | None = None
    title: Text
    url: Url
    publisher: Text | None = None
    date: DocDate | None = None
    accessed: Date | None = None


class Review(Model):
    on: Date
    by: Text | None = None


class ModuleMeta(Model):
    """The YAML front matter of `modules/<nn>-<slug>.md`."""

    id: Slug
    title: Text
    summary: Text
    duration: Annotated[int, Field(gt=0, le=10_000)]
    objectives: Annotated[list[Objective], Field(min_length=1)]
    sources: Annotated[list[Source], Field(min_length=1)]
    content_note: Text | None = None
    reviewed: Review | None = None
    review_by: Date | None = None


class Quiz(Model):
    """`quizzes/<module-id>.yml`."""

    module: Slug
    pass_mark: Percent | None = None
    allow: Allow = {}
    questions: Annotated[list[Question], Field(min_length=1)]


class Contact(Model):
    """A phone number or reporting channel, written once in `course/contacts.yml`."""

    id: Slug
    name: Text
    phone: Annotated[str, StringConstraints(pattern=r"^[0-9][0-9 ()-]*[0-9]$")] | None = None
    sms: Annotated[str, StringConstraints(pattern=r"^[0-9]+$")] | None = None
    url: Url | None = None
    description: Text | None = None
    checked_on: Date
    source: Url


class Contacts(Model):
    """`course/contacts.yml`."""

    contacts: Annotated[list[Contact], Field(min_length=1)]


class Term(Model):
    term: Text
    abbr: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9&./-]*$")] | None = None
    definition: Text
    source: Url | None = None


class Glossary(Model):
    """`course/glossary.yml`: terms and acronyms; abbreviations must be written out at first use."""

    terms: Annotated[list[Term], Field(min_length=1)]


class Choice(Model):
    text: Text
    goto: Slug
    feedback: Text


class Step(Model):
    situation: Text
    choices: Annotated[list[Choice], Field(min_length=1)]


class End(Model):
    outcome: Text
    debrief: Text


class Scenario(Model):
    """`scenarios/<id>.yml`: a branching scenario, one step at a time."""

    id: Slug
    module: Slug
    title: Text
    content_note: Text | None = None
    start: Slug
    steps: Annotated[dict[Slug, Step], Field(min_length=1)]
    ends: Annotated[dict[Slug, End], Field(min_length=1)]


class LocalSettings(Model):
    """`course/local/local.yml`: what an agency says about its own delivery of the course."""

    agency: Text
    credit_hours: Annotated[float, Field(gt=0, le=1000, strict=False)] | None = None
    note: Text | None = None


class LocalSection(Model):
    """A section an agency adds after, or puts in place of, a section of a module (by heading id)."""

    module: Slug
    after: Slug | None = None
    replace: Slug | None = None
    title: Text
    text: Text


class LocalSections(Model):
    """`course/local/sections.yml`."""

    sections: Annotated[list[LocalSection], Field(min_length=1)]

