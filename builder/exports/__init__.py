"""Exports of a checked course for learning management systems (no MkDocs here).

Each format module provides `export(course: Course) -> Export`: the file's bytes and the
questions it could not express (reported to the trainer, never silently dropped).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from builder.course import Course, QuizFile
from builder.links import MARKDOWN_KEYS, SiteMap, for_lms
from builder.models import Question

#: Zip entries get this fixed time, so the same course gives a byte-identical file.
FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Export:
    data: bytes
    #: "<module>/<question>: reason" for each question the format cannot express
    skipped: list[str] = field(default_factory=list)
    items: int = 0


def deterministic_zip(files: dict[str, bytes]) -> bytes:
    """A zip with sorted entries, fixed timestamps and fixed permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()


class LmsText:
    """A course's quiz text as a learning management system shows it, without the course's site:
    links to the course's own pages as their text, `[@id]` citations as their sources' titles
    (builder/links.py `for_lms`). Shared by the GIFT and QTI exports; the SCORM package carries
    the site itself, whose pages have these links and citations working."""

    def __init__(self, course: Course) -> None:
        self.course = course
        self.sitemap = SiteMap(course)

    def question(self, question: Question, quiz_file: QuizFile) -> Question:
        """`question` with each of its Markdown texts made for the LMS (itself when none changes)."""
        module_id = quiz_file.quiz.module
        module = self.course.module(module_id)
        changed = False

        def convert(value: Any, markdown: bool) -> Any:
            nonlocal changed
            if isinstance(value, str):
                if not markdown:
                    return value
                new = for_lms(value, self.sitemap, f"modules/{module_id}.md", quiz_file.path, module)
                changed = changed or new != value
                return new
            if isinstance(value, dict):
                return {
                    k: convert(v, k in MARKDOWN_KEYS and k != "accepted") for k, v in value.items()
                }  # accepted answers are compared, not shown
            if isinstance(value, list):
                return [convert(v, markdown) for v in value]
            return value

        data = convert(question.model_dump(by_alias=True, exclude_unset=True), False)
        return type(question).model_validate(data) if changed else question
