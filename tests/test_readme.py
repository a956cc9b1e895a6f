"""The README's format examples are valid, and the quiz example shows every question type and
every key a quiz can have (so the README cannot fall behind the models)."""

from __future__ import annotations

import re
import typing

from course_helpers import REPO
from pydantic import BaseModel

from builder.models import (
    QUESTION_TYPES,
    Contacts,
    CourseMeta,
    Glossary,
    Matching,
    ModuleMeta,
    Multiple,
    Option,
    Ordering,
    Pair,
    Quiz,
    Scenario,
    ShortAnswer,
    Single,
    TrueFalse,
)
from builder.source import load_yaml, split_front_matter
from builder.validate import validate

README = (REPO / "README.md").read_text(encoding="utf-8")


def _first_block(heading: str, language: str) -> str:
    """The first ```language block after `heading`."""
    start = README.index(heading)
    match = re.compile(rf"^```{language}\n(.*?)^```$", re.M | re.S).search(README, start)
    assert match, f"no ```{language} block after {heading}"
    return match.group(1)


def _valid(model: type[BaseModel], text: str, name: str) -> typing.Any:
    doc = load_yaml(text, name)
    value, problems = validate(model, doc)
    assert not doc.problems and not problems, [p.format() for p in doc.problems + problems]
    return doc.data


def _keys(data: typing.Any) -> set[str]:
    if isinstance(data, dict):
        return set(data) | {k for v in data.values() for k in _keys(v)}
    if isinstance(data, list):
        return {k for v in data for k in _keys(v)}
    return set()


def test_quiz_example_shows_every_type_and_every_key():
    data = _valid(Quiz, _first_block("### Quiz: `quizzes/<module-id>.yml`", "yaml"), "quiz")
    assert [q["type"] for q in data["questions"]] and {q["type"] for q in data["questions"]} == set(QUESTION_TYPES)
    used = _keys(data)
    for model in (Quiz, Single, Multiple, TrueFalse, Matching, Ordering, ShortAnswer, Option, Pair):
        assert set(model.model_fields) - {"allow"} <= used, (model.__name__, set(model.model_fields) - used)
    assert "allow" in data and any("allow" in q for q in data["questions"])  # quiz-wide and per question


def test_other_examples_are_valid():
    _valid(CourseMeta, _first_block("### Course: `course/course.yml`", "yaml"), "course.yml")
    module = split_front_matter(_first_block("### Module: `modules/<nn>-<slug>.md`", "markdown"))
    assert module is not None
    _valid(ModuleMeta, module.yaml_text, "module")
    _valid(Scenario, _first_block("### Scenario: `scenarios/<id>.yml`", "yaml"), "scenario")
    _valid(Contacts, _first_block("### Contacts: `course/contacts.yml`", "yaml"), "contacts.yml")
    _valid(Glossary, _first_block("### Glossary: `course/glossary.yml`", "yaml"), "glossary.yml")


def test_every_course_setting_is_documented():
    for field in CourseMeta.model_fields:
        assert re.search(rf"^\s*{field}:", README, re.M), f"`{field}` of course.yml is not in the README"
