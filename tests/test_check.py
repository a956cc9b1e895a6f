"""`course check`: every rule reports the exact message, line and column (golden files), and exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from check_cases import CASES
from click.testing import CliRunner
from course_helpers import HERE, MINIMAL, assert_golden, make_course

from builder.cli import cli

GOLDEN = HERE / "golden" / "check"


def run_check(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", "--root", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_valid_course_is_clean():
    code, out = run_check(MINIMAL, "--strict")
    assert (code, out) == (0, "No problems found in 1 module and 1 quiz (7 questions).\n")


@pytest.mark.parametrize("name, edits", CASES, ids=[c[0] for c in CASES])
def test_rule(tmp_path, name, edits):
    root = make_course(tmp_path / "c", edits)
    code, out = run_check(root)
    assert "Traceback" not in out and "<class" not in out
    assert_golden(GOLDEN / f"{name}.txt", out)
    warnings_only = "0 errors" in out.splitlines()[-1]
    accepted = out.startswith("No problems found")  # a variant that must stay valid
    assert code == (0 if warnings_only or accepted else 1)
    if warnings_only:
        assert run_check(root, "--strict")[0] == 2


def test_every_golden_file_has_a_case():
    names = {c[0] for c in CASES}
    assert len(names) == len(CASES), "case names must be unique"
    assert {p.stem for p in GOLDEN.glob("*.txt")} == names


def test_many_errors_are_all_reported(tmp_path):
    """Problems in several files are collected, not stopped at the first one."""
    root = make_course(
        tmp_path / "c",
        [
            ("quizzes/basics.yml", "    prompt: What is the rule?", "    promt: What is the rule?"),
            (
                "quizzes/basics.yml",
                "        correct: true\n        feedback: Yes",
                "        corect: true\n        feedback: Yes",
            ),
            ("modules/01-basics.md", "duration: 15", "duration: -1"),
            ("course/course.yml", 'version: "1.0"', "version: 1.0"),
        ],
    )
    code, out = run_check(root)
    assert code == 1
    assert out.splitlines()[-1] == "Found 4 errors and 0 warnings in 3 files."
    for fragment in (
        "unknown key `promt`",
        "unknown key `corect`",
        "`duration` must be more than 0",
        "`version` must be text, not the number 1.0",
    ):
        assert fragment in out


def test_output_is_capped_per_file(tmp_path):
    options = "".join(f"  - id: q{i}\n    type: single\n" for i in range(80))
    root = make_course(tmp_path / "c", [("quizzes/basics.yml", f"module: basics\nquestions:\n{options}")])
    code, out = run_check(root)
    lines = out.splitlines()
    assert code == 1
    assert sum(": error: " in line for line in lines) == 50
    assert "quizzes/basics.yml: … and 270 more problems in this file, not shown" in lines
    assert lines[-1] == "Found 320 errors and 0 warnings in 1 file."


def test_python_dash_m_entry_point():
    result = subprocess.run(
        [sys.executable, "-m", "builder", "check", "--root", str(MINIMAL)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("No problems found")


def test_a_quoted_line_separator_does_not_split_a_located_message():
    """A value holding U+2028 or another line-break character (quoted in a message) stays on the
    message's one line, as `\\u2028`: hypothesis found a `wrong-type` message split in two."""
    from builder.diagnostics import Pos, error

    text = error(
        "wrong-type",
        "quizzes/basics.yml",
        Pos(3, 5),
        "`prompt` must be text, not `a\u2028b\x85c`",
        "quote it\u2029",
    ).format()
    assert text.splitlines() == [
        "quizzes/basics.yml:3:5: error: `prompt` must be text, not `a\\u2028b\\u0085c` [wrong-type]",
        "  hint: quote it\\u2029",
    ]
