"""A course whose module body, course page, quiz and scenario text link to pages, sections and an
image in every way a trainer may write them (shared by tests/test_links.py and the browser test)."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from course_helpers import make_course


def png(width: int = 4, height: int = 3) -> bytes:
    """A small, valid PNG (solid indigo), so that a browser can draw it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = b"".join(b"\x00" + b"\x3f\x51\xb5" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


Q = "quizzes/basics.yml"
ERA = "The ERA publishes it."
EDITS = [
    ("course/images/seal.png", png()),
    (
        "course/more.md",
        "# More reading\n\n## Further steps\n\nBack to [the rule](modules/basics.md#the-rule).\n\n"
        "## The *rule* of the [ERA](https://example.org/era) and `code` {: .cb-x }\n\n"
        "See [above](#the-rule-of-the-era-and-code).\n",
    ),
    ("course/course.yml", "progress_epoch: 1", "progress_epoch: 1\nfinal_assessment:\n  per_module: 7"),
    # a module body: another page by its repository path, its own section by its file name, the image
    (
        "modules/01-basics.md",
        ERA,
        ERA
        + (
            " Read [more](../course/more.md#further-steps) and [the rule again](01-basics.md#the-rule).\n\n"
            "![The seal](../images/seal.png)"
        ),
    ),
    # a course page: a module by its file name in the repository
    ("course/index.md", "A tiny valid course", "A tiny valid course ([the basics](../modules/01-basics.md#the-rule))"),
    # quiz text, written for the module's page: a course page, a section by the module's file
    # name and by its id, a citation and the image
    (
        Q,
        "    prompt: What is the rule?",
        "    prompt: What is the rule? Read [more reading](../more.md#further-steps) first [@rulebook].",
    ),
    (
        Q,
        "    explanation: The rulebook says the rule is simple.",
        (
            "    explanation: |\n      The [rule](01-basics.md#the-rule) says it is simple [@rulebook].\n\n"
            "      ![The seal](../images/seal.png)"
        ),
    ),
    (Q, "      - text: It is hard.", "      - text: It is hard, says [the module](basics.md)."),
    # a glossary definition, written for the glossary page
    (
        "course/glossary.yml",
        "    definition: What the course is about.",
        "    definition: What [the course](index.md#learning-path) teaches, in [one module](modules/01-basics.md).",
    ),
    # scenario text, written for the scenario's page
    (
        "scenarios/first-call.yml",
        "    situation: A caller describes a problem. What do you do first?",
        (
            "    situation: A caller describes a problem [@rulebook]. "
            "Recall [the rule](../modules/01-basics.md#the-rule). What do you do first?"
        ),
    ),
]


def make_linked_course(dest: Path) -> Path:
    return make_course(dest, EDITS)  # type: ignore[arg-type]


def build_linked_site(base: Path) -> Path:
    """The linked course made in `base/course` and built with `course build`: its site folder."""
    from click.testing import CliRunner

    from builder.cli import cli

    root = make_linked_course(base / "course")
    result = CliRunner().invoke(cli, ["build", "--root", str(root)])
    assert result.exit_code == 0, result.output
    return root / "site"
