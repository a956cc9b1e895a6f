"""The question types are found by name: each is one Python module (builder/questions/), one
template partial and one script, and nothing else in the builder tells the types apart."""

from __future__ import annotations

import ast
import re
import typing
from pathlib import Path

import pytest
from jinja2 import Environment, PackageLoader

from builder.minify import FORM_MARK, LMS_MARK, question_script
from builder.questions import PARTIALS, TYPES, Question, question_type
from builder.questions.base import QuestionModel

BUILDER = Path(__file__).parent.parent / "builder"
MODELS = {kind.model.__name__ for kind in TYPES.values()} | {"ChoiceQuestion"}


def test_every_type_is_found_by_the_name_its_model_declares():
    union = typing.get_args(typing.get_args(Question)[0])
    assert {model.model_fields["type"].annotation.__args__[0] for model in union} == set(TYPES)
    for name, kind in TYPES.items():
        assert kind.name == name
        assert issubclass(kind.model, QuestionModel)
        example = kind.model.model_construct(type=name)
        assert question_type(example) is kind


@pytest.mark.parametrize("partial", PARTIALS)
def test_every_partial_has_its_template_macros_and_its_script(partial):
    module = Environment(loader=PackageLoader("builder", "templates")).get_template(f"questions/{partial}.html").module
    assert callable(module.inputs) and callable(module.key)
    source = (BUILDER / "assets" / "questions" / f"{partial}.js").read_text(encoding="utf-8")
    grading, rest = source.split(FORM_MARK)
    form, lms = rest.split(LMS_MARK)
    for name in (n for n, kind in TYPES.items() if kind.partial == partial):
        assert f"cb.types.{name} =" in grading, f"{partial}.js does not register {name}"
        assert f"window.cbLmsTypes.{name} =" in lms, f"{partial}.js gives {name} no SCORM interaction"
    assert re.search(r"cb\.types\.\w+\.build = function", form)
    assert "build" not in question_script(partial) and "build" in question_script(partial, "form")
    assert "cbLmsTypes" not in question_script(partial) + question_script(
        partial, "form"
    ) and "cbLmsTypes" in question_script(partial, "lms")


def test_a_script_without_its_form_mark_is_refused(tmp_path, monkeypatch):
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "odd.js").write_text("cb.types.odd = {};\n", encoding="utf-8")
    monkeypatch.setattr("builder.minify.ASSETS", tmp_path)
    with pytest.raises(ValueError, match="odd.js needs a /\\* @form \\*/ line, then a /\\* @lms \\*/ line"):
        question_script("odd")


def _type_tests(path: Path, root: Path = BUILDER.parent) -> list[str]:
    """`isinstance(x, <a question model>)` used to choose what to do (if/elif/while tests)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, (ast.If, ast.IfExp, ast.While)):
            for call in ast.walk(node.test):
                if (
                    isinstance(call, ast.Call)
                    and getattr(call.func, "id", None) == "isinstance"
                    and len(call.args) == 2
                ):
                    names = {n.id for n in ast.walk(call.args[1]) if isinstance(n, ast.Name)}
                    if names & MODELS:
                        found.append(f"{path.relative_to(root)}:{node.lineno}")
    return found


def test_no_module_outside_the_types_tells_question_types_apart_by_class():
    outside = [p for p in BUILDER.rglob("*.py") if "questions" not in p.relative_to(BUILDER).parts]
    assert [hit for path in outside for hit in _type_tests(path)] == []


def test_the_scan_finds_a_type_chain(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "if isinstance(q, Matching):\n    pass\nelif isinstance(q, (Single, Ordering)):\n    pass\n", encoding="utf-8"
    )
    assert _type_tests(sample, tmp_path) == ["sample.py:1", "sample.py:3"]
