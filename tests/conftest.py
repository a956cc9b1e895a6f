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
