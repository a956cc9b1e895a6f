"""Shared fixtures (helpers live in course_helpers.py: conftest modules are not importable by name)."""

from __future__ import annotations

from pathlib import Path

import pytest
from course_helpers import Edit, make_course


@pytest.fixture
def course_dir(tmp_path: Path):
    """make_course bound to a fresh temporary folder."""

    def _make(edits: list[Edit] = ()) -> Path:  # type: ignore[assignment]
        return make_course(tmp_path / "course", edits)

    return _make


#: Builds of the default course for comparison and the browser tests use one fixed date.
DEFAULT_EPOCH = "1767225600"


@pytest.fixture(scope="session")
def default_site(tmp_path_factory):
    """The shipped default course built with `course build --engine <name>`, once per session
    and engine, only for the engines a test asks for: `default_site("zensical")` → site folder."""
    from click.testing import CliRunner
    from course_helpers import REPO

    from builder.cli import cli

    sites: dict[str, Path] = {}

    def _site(engine: str) -> Path:
        if engine not in sites:
            out = tmp_path_factory.mktemp(f"default-{engine}") / "site"
            args = ["build", "--root", str(REPO), "--site-dir", str(out), "--engine", engine]
            result = CliRunner().invoke(cli, args, env={"SOURCE_DATE_EPOCH": DEFAULT_EPOCH})
            assert result.exit_code == 0, result.output
            sites[engine] = out
        return sites[engine]

    return _site
