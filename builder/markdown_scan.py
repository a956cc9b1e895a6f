"""Find things in Markdown source text by position, ignoring code (where anything may be shown)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from builder.models import LocalSection

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})", re.MULTILINE)
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
CITATION = re.compile(r"\[(@[^\]\n]*)\]")
CITE_KEY = re.compile(r"^@([a-z0-9]+(?:-[a-z0-9]+)*)$")


@dataclass(frozen=True)
class Hit:
    line: int  # 0-based within the scanned text
    col: int  # 0-based
    text: str
    kind: str = ""


def mask_code(text: str) -> str:
    """The same text with fenced code blocks and code spans blanked out (positions unchanged)."""
    if "`" not in text and "~~~" not in text:
        return text  # no fence, no span: most module bodies (a tenth of `course check` otherwise)
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
        closing = re.compile(rf"^ {{0,3}}{re.escape(marker[0])}{{{len(marker)},}}[ \t]*$", re.MULTILINE).search(
            text, opening.end()
        )
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


def citations(text: str) -> Iterator[tuple[Hit, list[str]]]:
    """Each `[@a; @b]` with its keys; a key that is not `@slug` is returned as typed (to be reported)."""
    if "[@" not in text:
        return  # most texts cite nothing: no masking, no scan
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
        yield Directive(
            Hit(*_at(masked, match.start()), match.group(0)),
            match.group(1),
            match.group(2),
            line.strip() == match.group(0),
            match.start(),
            match.end(),
        )


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


_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")
_ATTR_ID = re.compile(r"\{:?\s*#([\w-]+)[^}]*\}\s*$")


def headings(text: str) -> list[tuple[int, str, int]]:
    """(level, id, line index) of each ATX heading outside code, with the ids the table of contents
    gives them (an explicit `{: #id }` wins; repeated slugs get _1, _2 as Python-Markdown does)."""
    from markdown.extensions.toc import slugify

    found: list[tuple[int, str, int]] = []
    seen: dict[str, int] = {}
    lines = text.split("\n")
    for index, line in enumerate(mask_code(text).split("\n")):
        if not _HEADING.match(line):
            continue  # (not a heading, or one inside a fenced code block)
        match = _HEADING.match(lines[index])  # the words as written: a code span's text is in the id
        if not match:
            continue
        title = match.group(2)
        explicit = _ATTR_ID.search(title)
        slug = explicit.group(1) if explicit else slugify(heading_text(title), "-")
        if slug in seen:
            seen[slug] += 1
            slug = f"{slug}_{seen[slug]}"
        else:
            seen[slug] = 0
        found.append((len(match.group(1)), slug, index))
    return found


_HEADING_MARKUP = re.compile(r"\[@[^\]]*\]|\[\[[^\]]*\]\]|\{:?[^{}]*\}\s*$|<[^>]+>|!?\[([^\]]*)\]\([^)]*\)")


def heading_text(title: str) -> str:
    """A heading's text as the table of contents reads it: link and image text without their
    URLs, no tags, citations, directives or trailing `{: … }`."""
    return _HEADING_MARKUP.sub(lambda m: m.group(1) or "", title)


def apply_local_sections(text: str, sections: list[LocalSection], label: str) -> str:
    """The body with an agency's sections inserted after, or in place of, the sections they name.

    A section runs from its heading to the next heading of the same or a higher level. Targets
    that do not exist are left alone here (`course check` reports them).
    """
    if not sections:
        return text
    lines = text.split("\n")
    marks = headings(text)
    inserts: dict[int, list[str]] = {}
    removed: set[int] = set()
    for section in sections:
        target = section.after or section.replace
        for n, (level, slug, start) in enumerate(marks):
            if slug != target:
                continue
            end = next((s for lv, _, s in marks[n + 1 :] if lv <= level), len(lines))
            block = ["", "#" * level + " " + section.title, "", f"*{label}*", "", section.text.rstrip(), ""]
            if section.replace:
                removed.update(range(start, end))
                inserts.setdefault(start, []).extend(block)
            else:
                inserts.setdefault(end, []).extend(block)
            break
    out: list[str] = []
    for index in range(len(lines) + 1):
        out.extend(inserts.get(index, []))
        if index < len(lines) and index not in removed:
            out.append(lines[index])
    return "\n".join(out)
