"""`course check`: load and validate everything without rendering."""

from __future__ import annotations

import datetime
from pathlib import Path

from builder.course import Course
from builder.diagnostics import Report
from builder.loader import frozen, load_course
from builder.rules import run_rules


def check_course(root: Path, today: datetime.date | None = None) -> tuple[Course, Report]:
    course, report = load_course(root)
    with frozen():
        report.extend(run_rules(course, today))
    return course, report
