"""Located problems in a course, collected rather than raised, and their text report.

Every content problem becomes a `Diagnostic` with a file, a 1-based line and column, a message in
the author's words, a short code and a hint on what to do. Nothing here knows about YAML or MkDocs.
"""

from __future__ import annotations

import difflib
import enum
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import NamedTuple

#: How many problems of one file are printed before the rest are summarised as a count.
MAX_PER_FILE = 50


class Level(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"


class Pos(NamedTuple):
    """A 1-based line and column in a file (a tuple: one is made for every YAML node)."""

    line: int = 1
    col: int = 1


@dataclass(frozen=True)
class Diagnostic:
    """One problem, located in a file of the course."""

    level: Level
    code: str
    path: str
    pos: Pos
    message: str
    hint: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.pos.line, self.pos.col, self.code)

    def format(self) -> str:
        text = (
            f"{self.path}:{self.pos.line}:{self.pos.col}: {self.level.value}: {_one_line(self.message)} [{self.code}]"
        )
        if self.hint:
            text += f"\n  hint: {_one_line(self.hint)}"
        return text


#: Characters that end a line for str.splitlines() and for editors and CI logs: a quoted value
#: holding one would split a located message in two.
_LINE_BREAKS = str.maketrans({c: f"\\u{ord(c):04x}" for c in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"})


def _one_line(text: str) -> str:
    """`text` on one line: line-break characters written as `\\uXXXX`."""
    return text.translate(_LINE_BREAKS)


def closest(word: str, options: list[str]) -> str:
    """"did you mean `x`? " for the option closest to a misspelt `word`, or nothing."""
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f"did you mean `{close[0]}`? " if close else ""


def error(code: str, path: str, pos: Pos, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(Level.ERROR, code, path, pos, message, hint)


def warning(code: str, path: str, pos: Pos, message: str, hint: str = "") -> Diagnostic:
    return Diagnostic(Level.WARNING, code, path, pos, message, hint)


@dataclass
class Report:
    """All problems found in one run, in file and line order."""

    diagnostics: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    def extend(self, diagnostics: Iterable[Diagnostic]) -> None:
        self.diagnostics.extend(diagnostics)

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(sorted(self.diagnostics, key=Diagnostic.sort_key))

    @property
    def errors(self) -> int:
        return sum(d.level is Level.ERROR for d in self.diagnostics)

    @property
    def warnings(self) -> int:
        return sum(d.level is Level.WARNING for d in self.diagnostics)

    def exit_code(self, strict: bool = False) -> int:
        """0 clean, 1 errors, 2 warnings only (under `strict`), as yamllint does."""
        if self.errors:
            return 1
        if strict and self.warnings:
            return 2
        return 0

    def format_text(self, max_per_file: int = MAX_PER_FILE) -> str:
        """Every problem, then a count; at most `max_per_file` lines of problems per file."""
        lines: list[str] = []
        shown: Counter[str] = Counter()
        hidden: Counter[str] = Counter()
        for diagnostic in self:
            if shown[diagnostic.path] >= max_per_file:
                hidden[diagnostic.path] += 1
                continue
            shown[diagnostic.path] += 1
            lines.append(diagnostic.format())
        for path, count in sorted(hidden.items()):
            lines.append(f"{path}: … and {count} more {_plural(count, 'problem')} in this file, not shown")
        lines.append(self.summary())
        return "\n".join(lines)

    def format_github(self, prefix: str = "") -> str:
        """GitHub Actions workflow commands: each problem becomes an annotation on its line."""

        def prop(value: str) -> str:
            return (
                value.replace("%", "%25")
                .replace("\r", "%0D")
                .replace("\n", "%0A")
                .replace(":", "%3A")
                .replace(",", "%2C")
            )

        def data(value: str) -> str:
            return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        lines = []
        for d in self:
            message = d.message + (f"\nhint: {d.hint}" if d.hint else "")
            lines.append(
                f"::{d.level.value} file={prop(prefix + d.path)},line={d.pos.line},col={d.pos.col},"
                f"title={prop(d.code)}::{data(message)}"
            )
        lines.append(self.summary())
        return "\n".join(lines)

    def to_json(self) -> dict[str, object]:
        """Plain data for tools: every problem (no cap), with the counts."""
        return {
            "errors": self.errors,
            "warnings": self.warnings,
            "diagnostics": [
                {
                    "path": d.path,
                    "line": d.pos.line,
                    "col": d.pos.col,
                    "level": d.level.value,
                    "code": d.code,
                    "message": d.message,
                    "hint": d.hint,
                }
                for d in self
            ],
        }

    def summary(self) -> str:
        if not self.diagnostics:
            return "No problems found."
        files = len({d.path for d in self.diagnostics})
        parts = [
            f"{self.errors} {_plural(self.errors, 'error')}",
            f"{self.warnings} {_plural(self.warnings, 'warning')}",
        ]
        return f"Found {' and '.join(parts)} in {files} {_plural(files, 'file')}."


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"
