"""Broken input loses nothing: for every broken course of tests/check_cases.py, `course build`
exits 1 with located messages and no traceback, and the sources and the last good site stay
byte-identical."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from check_cases import CASES
from click.testing import CliRunner
from course_helpers import GOLDEN_CHECK, apply_edits, make_course

from builder.cli import cli

ERROR_CASES = [(name, edits) for name, edits in CASES if ": error: " in (GOLDEN_CHECK / f"{name}.txt").read_text()]
LOCATED = re.compile(r"^[\w./-]+:\d+:\d+: (error|warning): .+ \[[a-z0-9-]+\]$")


def tree(folder: Path) -> dict[str, str]:
    """Every file and link under `folder` with a digest of its content (links by their target)."""
    out = {}
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if path.is_symlink():
            out[rel] = "link:" + str(path.readlink())
        elif path.is_file():
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> Path:
    root = make_course(tmp_path_factory.mktemp("good") / "c")
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--site-dir", str(root / "site")])
    assert result.exit_code == 0, result.output
    return root / "site"


def test_corpus_is_large_enough():
    assert len(ERROR_CASES) >= 40


@pytest.mark.parametrize("name, edits", ERROR_CASES, ids=[c[0] for c in ERROR_CASES])
def test_broken_course_loses_nothing(tmp_path, good_site, name, edits):
    root = make_course(tmp_path / "c")
    shutil.copytree(good_site, root / "site")
    apply_edits(root, edits)
    before = tree(root)
    result = CliRunner().invoke(cli, ["build", "--root", str(root), "--site-dir", str(root / "site")])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    problems = [
        line for line in result.output.splitlines() if not line.startswith(("  hint:", "Found ", "Build stopped"))
    ]
    assert problems and all(LOCATED.match(line) for line in problems), problems
    assert tree(root) == before
