"""Trainer toolkit: check formats for CI, JSON Schemas, the coverage report, skeletons."""

from __future__ import annotations

import datetime
import json
import re

import jsonschema
import pytest
import yaml
from click.testing import CliRunner
from course_helpers import MINIMAL, REPO, make_course

from builder.cli import cli
from builder.schema import SCHEMAS, schema_text
from builder.source import load_yaml, split_front_matter

BROKEN = [
    (
        "quizzes/basics.yml",
        "        correct: true\n        feedback: Yes",
        "        corect: true\n        feedback: Yes",
    )
]


def run(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def test_check_json_format(tmp_path):
    root = make_course(tmp_path / "c", BROKEN)
    result = run("check", "--root", str(root), "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    assert report["errors"] == 1 and report["warnings"] == 0
    assert report["diagnostics"] == [
        {
            "path": "quizzes/basics.yml",
            "line": 9,
            "col": 9,
            "level": "error",
            "code": "unknown-key",
            "message": "unknown key `corect` (question `rule`, option 1)",
            "hint": "did you mean `correct`?",
        }
    ]


def test_check_github_format_is_automatic_under_github_actions(tmp_path, monkeypatch):
    root = make_course(tmp_path / "c", BROKEN)
    monkeypatch.chdir(root)
    result = run("check", env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        (
            "::error file=quizzes/basics.yml,line=9,col=9,title=unknown-key::"
            "unknown key `corect` (question `rule`, option 1)%0Ahint: did you mean `correct`?"
        ),
        "Found 1 error and 0 warnings in 1 file.",
    ]
    assert run("check", "--format", "text", env={"GITHUB_ACTIONS": "true"}).output.startswith(
        "quizzes/basics.yml:9:9: error:"
    )


def test_shipped_schemas_are_current():
    for name in SCHEMAS:
        assert (REPO / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8") == schema_text(name), (
            f"run `course schema` ({name})"
        )


def _as_json(data):
    return json.loads(json.dumps(data, default=lambda v: v.isoformat() if isinstance(v, datetime.date) else str(v)))


def test_schemas_accept_the_fixture_and_underline_a_typo():
    quiz_schema = json.loads(schema_text("quiz"))
    quiz = _as_json(load_yaml((MINIMAL / "quizzes" / "basics.yml").read_text(), "q").data)
    jsonschema.validate(quiz, quiz_schema)
    quiz["questions"][0]["options"][0]["corect"] = True
    with pytest.raises(jsonschema.ValidationError, match="corect"):
        jsonschema.validate(quiz, quiz_schema)
    front = split_front_matter((MINIMAL / "modules" / "01-basics.md").read_text())
    assert front is not None
    jsonschema.validate(_as_json(load_yaml(front.yaml_text, "m").data), json.loads(schema_text("module")))
    jsonschema.validate(
        _as_json(load_yaml((MINIMAL / "course" / "course.yml").read_text(), "c").data),
        json.loads(schema_text("course")),
    )


def test_report_text_and_markdown(tmp_path):
    text = run("report", "--root", str(MINIMAL))
    assert text.exit_code == 0
    assert "   recall  rule, many, tf, word, shuffled" in text.output
    assert "7 questions (single 2, multiple 1, true_false 1, matching 1, ordering 1, short_answer 1)" in text.output
    markdown = run("report", "--root", str(MINIMAL), "--format", "markdown").output
    assert (
        "| 01 | `basics` Basics | 15 | 7 |" in markdown
        and "| `apply` | quiz | `rule`, `many`, `pairs`, `steps` |" in markdown
    )
    # an objective nothing assesses is shown, even though check reports it as an error
    root = make_course(
        tmp_path / "c",
        [
            (
                "modules/01-basics.md",
                "  - id: apply\n    text: Apply the rule to a case.\n",
                "  - id: apply\n    text: Apply the rule to a case.\n  - id: explain\n    text: Explain it.\n",
            )
        ],
    )
    result = run("report", "--root", str(root))
    assert result.exit_code == 1 and "   explain  NOT ASSESSED" in result.output


def test_new_module_and_quiz_pass_check_once_filled_in(tmp_path):
    root = make_course(tmp_path / "c")
    created = run("new", "module", "Working with Interpreters", "--root", str(root))
    assert created.exit_code == 0, created.output
    module = root / "modules" / "02-working-with-interpreters.md"
    assert module.is_file()
    assert run("new", "quiz", "working-with-interpreters", "--root", str(root)).exit_code == 0
    quiz = root / "quizzes" / "working-with-interpreters.yml"
    singles = [q for q in yaml.safe_load(quiz.read_text())["questions"] if q["type"] == "single"]
    keys = [next(i for i, o in enumerate(q["options"]) if o.get("correct")) for q in singles]
    assert len(singles) >= 2 and keys == [0, 1, 2, 0, 1, 2][: len(singles)]  # not always the first option
    unfilled = run("check", "--root", str(root))
    assert unfilled.exit_code == 1 and "[placeholder]" in unfilled.output
    for path in (module, quiz):
        text = path.read_text().replace("https://example.org/TODO", "https://example.org/guide")
        path.write_text(re.sub(r"TODO:? ?", "", text))
    assert run("check", "--root", str(root), "--strict").exit_code == 0, run("check", "--root", str(root)).output
    again = run("new", "quiz", "working-with-interpreters", "--root", str(root))
    assert again.exit_code == 1 and "already exists" in again.output
    assert run("new", "quiz", "nothing-here", "--root", str(root)).exit_code == 1


def test_new_scenario_passes_check_once_filled_in(tmp_path):
    root = make_course(tmp_path / "c")
    result = run("new", "scenario", "basics", "--root", str(root))
    assert result.exit_code == 0, result.output
    path = root / "scenarios" / "basics-1.yml"
    assert path.is_file()
    assert "[placeholder]" in run("check", "--root", str(root)).output
    path.write_text(re.sub(r"TODO:? ?", "", path.read_text()))
    assert run("check", "--root", str(root), "--strict").exit_code == 0, run("check", "--root", str(root)).output
    assert run("new", "scenario", "basics", "--root", str(root)).exit_code == 0
    assert (root / "scenarios" / "basics-2.yml").is_file()


def test_new_module_id_keeps_the_letters_of_accented_words(tmp_path):
    root = make_course(tmp_path / "c")
    result = run("new", "module", "Recolección de evidencia", "--root", str(root))
    assert result.exit_code == 0, result.output
    assert (root / "modules" / "02-recoleccion-de-evidencia.md").is_file()
