"""Find things in Markdown source text by position, ignoring code (where anything may be shown)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
CITATION = re.compile(r"\[(@[^\]\n]*)\]")
CITE_KEY = re.compile(r"^@([a-z0-9]+(?:-[a-z0-9]+)*)$")
_SCRIPT = re.compile(r"<\s*script\b", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z][a-zA-Z0-9-]*\b[^<>]*>")
_ON_ATTR = re.compile(r"\s(on[a-zA-Z]+)\s*=", re.IGNORECASE)
_JS_URL = re.compile(r"(?:java|vb)script\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Hit:
    line: int  # 0-based within the scanned text
    col: int  # 0-based
    text: str
    kind: str = ""


def mask_code(text: str) -> str:
    """The same text with fenced code blocks and code spans blanked out (positions unchanged)."""
    out = list(text)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if out[i] != "\n":
                out[i] = " "

    pos = 0
    while True:
        opening = _FENCE.search(text, pos)
        if not opening:
            break
        marker = opening.group(2)
        closing = re.compile(rf"^ {{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.MULTILINE).search(text, opening.end())
        end = closing.end() if closing else len(text)
        blank(opening.start(), end)
        pos = end
    masked = "".join(out)
    for span in _CODE_SPAN.finditer(masked):
        blank(span.start(), span.end())
    return "".join(out)


def _at(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index)
    return line, index - (text.rfind("\n", 0, index) + 1)


def unsafe_html(text: str) -> Iterator[Hit]:
    """`<script>`, `on…=` event handlers in tags, and `javascript:` URLs."""
    masked = mask_code(text)
    for match in _SCRIPT.finditer(masked):
        yield Hit(*_at(masked, match.start()), match.group(0), "script")
    for tag in _TAG.finditer(masked):
        for attr in _ON_ATTR.finditer(tag.group(0)):
            yield Hit(*_at(masked, tag.start() + attr.start(1)), attr.group(1), "handler")
    for match in _JS_URL.finditer(masked):
        yield Hit(*_at(masked, match.start()), match.group(0), "url")


def citations(text: str) -> Iterator[tuple[Hit, list[str]]]:
    """Each `[@a; @b]` with its keys; a key that is not `@slug` is returned as typed (to be reported)."""
    masked = mask_code(text)
    for match in CITATION.finditer(masked):
        keys = [k.strip() for k in match.group(1).split(";")]
        yield Hit(*_at(masked, match.start()), match.group(0)), keys


DIRECTIVE = re.compile(r"\[\[([a-z]+)(?::([^\]\n]*))?\]\]")
DIRECTIVES = ("contact", "contacts", "diagram")


@dataclass(frozen=True)
class Directive:
    hit: Hit
    name: str
    arg: str | None
    alone: bool  # the only thing on its line (required for block directives such as diagrams)
    start: int
    end: int


def directives(text: str) -> Iterator[Directive]:
    """Each `[[name]]` or `[[name:arg]]` outside code, with its position."""
    masked = mask_code(text)
    for match in DIRECTIVE.finditer(masked):
        line_start = masked.rfind("\n", 0, match.start()) + 1
        line_end = masked.find("\n", match.end())
        line = masked[line_start : len(masked) if line_end < 0 else line_end]
        yield Directive(Hit(*_at(masked, match.start()), match.group(0)), match.group(1), match.group(2), line.strip() == match.group(0), match.start(), match.end())


def words_at(text: str, word: str) -> Iterator[int]:
    """Offsets of `word` as a whole word outside code."""
    masked = mask_code(text)
    for match in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", masked):
        yield match.start()


def position(text: str, index: int) -> tuple[int, int]:
    """0-based line and column of an offset."""
    return _at(text, index)


_INSTRUCTOR = re.compile(r"^(?:!!!|\?\?\?\+?)\s+instructor\b")


def strip_instructor(text: str) -> str:
    """The text without its `!!! instructor` blocks (the trainee edition never sees them).

    A block is the admonition line and every following line that is blank or indented; it
    ends at the first non-blank line with no indentation. Line count is not preserved.
    """
    out: list[str] = []
    inside = False
    for line in text.split("\n"):
        if _INSTRUCTOR.match(line):
            inside = True
            continue
        if inside and (not line.strip() or line.startswith(("    ", "\t"))):
            continue
        inside = False
        out.append(line)
    return "\n".join(out)
