"""The `course` commands in the GitHub Actions and GitLab CI workflows run as written on a copy of
the default course: a renamed option or a broken export fails here, not in a trainer's CI."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from course_helpers import REPO

from builder.cli import cli

pytestmark = pytest.mark.slow  # runs the CI templates' commands: whole builds

WORKFLOWS = [REPO / ".github" / "workflows" / "publish.yml", REPO / ".gitlab-ci.yml"]
ENV_PREFIX = re.compile(r'^(?:export\s+)?[A-Z_]+="\$\(git log[^)]*\)"\s*')


def _scripts(node) -> list[str]:  # type: ignore[no-untyped-def]
    """Every shell line under a `run:` (GitHub) or `script:` (GitLab) key."""
    lines: list[str] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("run", "script"):
                for text in value if isinstance(value, list) else [value]:
                    lines += str(text).splitlines()
            else:
                lines += _scripts(value)
    elif isinstance(node, list):
        for value in node:
            lines += _scripts(value)
    return lines


def _course_commands(path: Path) -> list[list[str]]:
    commands = []
    for line in _scripts(yaml.safe_load(path.read_text(encoding="utf-8"))):
        line = ENV_PREFIX.sub("", line.split(" #", 1)[0].strip())
        if line.startswith("course "):
            words = shlex.split(line.split(">>", 1)[0])
            commands.append(words[1:])
    return commands


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_course_commands_run_on_the_default_course(workflow, tmp_path, monkeypatch):
    commands = _course_commands(workflow)
    assert any(c[0] == "build" for c in commands) and any(c[:2] == ["export", "scorm"] for c in commands), commands
    course = tmp_path / "course"
    for name in ("course", "modules", "quizzes", "scenarios"):
        shutil.copytree(REPO / name, course / name)
    shutil.copy(REPO / "mkdocs.yml", course / "mkdocs.yml")
    monkeypatch.chdir(course)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764400000")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    for words in commands:
        result = CliRunner().invoke(cli, words)
        assert result.exit_code == 0, f"course {' '.join(words)}\n{result.output}"
        for i, word in enumerate(words[:-1]):
            if word in ("-o", "--site-dir"):
                assert (course / words[i + 1]).exists(), f"course {' '.join(words)} wrote no {words[i + 1]}"
    assert (course / "site" / "index.html").exists() or (course / "public" / "index.html").exists()


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_new_course_checks_clean_and_its_own_workflows_run(language, tmp_path, monkeypatch):
    """`course init` in an empty folder, then every `course` command of the workflows it wrote,
    as a trainer's CI runs them in a repository that holds only the course."""
    course = tmp_path / "new"
    result = CliRunner().invoke(
        cli,
        [
            "init",
            str(course),
            "--title",
            "Recolección de evidencia" if language == "es" else "Digital evidence",
            "--language",
            language,
        ],
    )
    assert result.exit_code == 0, result.output
    check = CliRunner().invoke(cli, ["check", "--root", str(course), "--strict"])
    assert (check.exit_code, check.output.splitlines()[-1]) == (
        0,
        "No problems found in 1 module and 1 quiz (6 questions).",
    )
    types = {
        q["type"]
        for q in yaml.safe_load((course / "quizzes" / "writing-the-course.yml").read_text(encoding="utf-8"))[
            "questions"
        ]
    }
    assert types == {"single", "multiple", "true_false", "matching", "ordering", "short_answer"}
    assert not any(p.name in ("contacts.yml", "glossary.yml", "diagrams") for p in (course / "course").iterdir())
    requirement = (course / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1]
    from builder import __version__

    assert requirement == f"course-builder=={__version__}"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764400000")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    for workflow, site in ((".github/workflows/publish.yml", "site"), (".gitlab-ci.yml", "public")):
        clone = tmp_path / site
        shutil.copytree(course, clone)  # each CI job starts from a fresh checkout
        monkeypatch.chdir(clone)
        for words in _course_commands(clone / workflow):
            run = CliRunner().invoke(cli, words)
            assert run.exit_code == 0, f"course {' '.join(words)}\n{run.output}"
        assert f'<html lang="{language}"' in (clone / site / "index.html").read_text(encoding="utf-8")
        module_page = (clone / site / "modules" / "writing-the-course.html").read_text(encoding="utf-8")
        assert ("subject-matter expert" if language == "en" else "experto en la materia") in module_page
        assert "legally" not in module_page and "jurídica" not in module_page  # not the default course's banner


def test_init_refuses_a_folder_that_holds_a_course(tmp_path):
    course = tmp_path / "new"
    assert CliRunner().invoke(cli, ["init", str(course)]).exit_code == 0
    again = CliRunner().invoke(cli, ["init", str(course)])
    assert again.exit_code == 1 and "already has course/course.yml" in again.output
