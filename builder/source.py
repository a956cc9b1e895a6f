"""Reading course files: text, front matter and YAML with the position of every key and value.

This is the only module that knows YAML. It composes documents with libyaml (`CSafeLoader`) where
present, keeps each node's position, and turns the nodes into plain Python data itself, so that it
can refuse what PyYAML would silently accept: duplicate keys, and the YAML 1.1 booleans
`yes`/`no`/`on`/`off` (an answer `No` would otherwise become `false`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml.reader
from yaml.constructor import ConstructorError, SafeConstructor

from builder.diagnostics import Diagnostic, Pos, error

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Larger files are refused before parsing: a course file is never this big by accident.
MAX_BYTES = 20 * 1024 * 1024
#: Nodes one document may expand to (aliases can multiply a small file: "billion laughs").
MAX_NODES = 2_000_000

PathPart = str | int
DataPath = tuple[PathPart, ...]

_YAML11_BOOLS = {"yes", "no", "on", "off"}
_STR = "tag:yaml.org,2002:str"
_KNOWN_SCALARS = {
    _STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_FRONT_MATTER_END = re.compile(r"^(---|\.\.\.)[ \t]*$")


@dataclass
class Positions:
    """Where each value (and each mapping key) of a document starts, by data path.

    Holds the parser's marks (0-based) and turns one into a 1-based `Pos` only when asked:
    a large quiz has hundreds of thousands of nodes and few problems.
    """

    values: dict[DataPath, Any] = field(default_factory=dict)
    keys: dict[DataPath, Any] = field(default_factory=dict)
    line_offset: int = 0

    def _pos(self, mark: Any) -> Pos:
        return mark if isinstance(mark, Pos) else Pos(mark.line + 1 + self.line_offset, mark.column + 1)

    def of(self, path: DataPath, *, key: bool = False) -> Pos:
        """The position of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            sub = path[:end]
            if key and end == len(path) and sub in self.keys:
                return self._pos(self.keys[sub])
            if sub in self.values:
                return self._pos(self.values[sub])
        return Pos(1, 1)


@dataclass
class Document:
    """Plain data from one YAML document, with positions; `data` is None when it could not be read."""

    path: str
    data: Any
    positions: Positions
    problems: list[Diagnostic]


@dataclass
class TextFile:
    path: str
    text: str | None
    problems: list[Diagnostic]


def read_text(file: Path, rel: str) -> TextFile:
    """Read a UTF-8 file (a leading byte-order mark is accepted and dropped)."""
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            return TextFile(
                rel,
                None,
                [
                    error(
                        "file-too-large",
                        rel,
                        Pos(),
                        f"file is {size:,} bytes; the limit is {MAX_BYTES:,}",
                        "split the content into smaller files",
                    )
                ],
            )
        raw = file.read_bytes()
    except OSError as exc:
        return TextFile(
            rel,
            None,
            [
                error(
                    "unreadable",
                    rel,
                    Pos(),
                    f"cannot read the file: {exc.strerror or exc}",
                    "check that the file exists and can be read",
                )
            ],
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return TextFile(
            rel,
            None,
            [
                error(
                    "not-utf8",
                    rel,
                    Pos(line, col),
                    f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} cannot be read)",
                    "save the file as UTF-8 in your editor",
                )
            ],
        )
    return TextFile(rel, text.replace("\r\n", "\n").replace("\r", "\n"), [])


@dataclass
class FrontMatter:
    yaml_text: str
    yaml_line: int  # 1-based line where the YAML starts
    body: str
    body_line: int  # 1-based line where the body starts


def split_front_matter(text: str) -> FrontMatter | None:
    """Split `---`-fenced YAML front matter from a Markdown body; None when there is none."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if _FRONT_MATTER_END.match(lines[index]):
            return FrontMatter("\n".join(lines[1:index]), 2, "\n".join(lines[index + 1 :]), index + 2)
    return None


def load_yaml(text: str, rel: str, *, line_offset: int = 0) -> Document:
    """Compose one YAML document and convert it to plain data; never raises on content."""
    positions = Positions(line_offset=line_offset)
    problems: list[Diagnostic] = []
    def unread(problem: Diagnostic) -> Document:
        return Document(rel, None, positions, [problem])

    try:
        node = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        return unread(syntax_error(text, exc, rel, line_offset))
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow (NUL, other controls)
        index = max(0, min(exc.position, len(text)))
        line = text.count("\n", 0, index)
        col = index - (text.rfind("\n", 0, index) + 1)
        code = f"#x{exc.character:04x}" if isinstance(exc.character, int) else repr(exc.character)
        message = f"YAML syntax: the control character {code} is not allowed"
        hint = "remove it; it is often left by copying from a PDF or a word processor"
        return unread(error("yaml-syntax", rel, Pos(line + 1 + line_offset, col + 1), message, hint))
    except yaml.YAMLError as exc:
        message = "YAML syntax: " + " ".join(str(exc).split())
        return unread(error("yaml-syntax", rel, Pos(1 + line_offset, 1), message, "check the file in a text editor"))
    if node is None:
        hint = "see the README for a complete example"
        return unread(error("empty-file", rel, Pos(1 + line_offset, 1), "the file has no content", hint))
    converter = _Converter(rel, line_offset, positions, problems)
    data = converter.convert(node, ())
    return Document(rel, data, positions, problems)


class _Converter:
    """Composed nodes → plain data, recording positions and refusing YAML traps."""

    def __init__(self, rel: str, line_offset: int, positions: Positions, problems: list[Diagnostic]):
        self.rel = rel
        self.offset = line_offset
        self.positions = positions
        self.problems = problems
        self.constructor = SafeConstructor()
        self.count = 0
        self.collections: set[int] = set()

    def pos(self, node: yaml.Node) -> Pos:
        return Pos(node.start_mark.line + 1 + self.offset, node.start_mark.column + 1)

    def convert(self, node: yaml.Node, path: DataPath) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            if self.count == MAX_NODES + 1:
                self.problems.append(
                    error(
                        "too-large",
                        self.rel,
                        self.pos(node),
                        f"the document expands to more than {MAX_NODES:,} values",
                        "avoid deeply repeated YAML aliases (*name)",
                    )
                )
            return None
        self.positions.values.setdefault(path, node.start_mark)
        kind = type(node)
        if kind is yaml.ScalarNode:
            assert isinstance(node, yaml.ScalarNode)
            if node.tag == _STR:
                return node.value  # the common case, without the constructor's overhead
            return self.scalar(node)
        if kind is yaml.MappingNode or kind is yaml.SequenceNode:
            # The same collection node twice means a YAML alias (*name): repeated expansion is how
            # a small file becomes billions of values, and course files have no use for it.
            if id(node) in self.collections:
                if not any(p.code == "yaml-alias" for p in self.problems):
                    self.problems.append(
                        error(
                            "yaml-alias",
                            self.rel,
                            self.pos(node),
                            (
                                "this list or mapping is reused elsewhere through a YAML alias (`&name` … `*name`), "
                                "which course files do not support"
                            ),
                            "write the values out in full where they are used",
                        )
                    )
                return None
            self.collections.add(id(node))
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, path + (index,)) for index, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, path: DataPath) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        first: dict[Any, yaml.Node] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(
                    error(
                        "bad-key",
                        self.rel,
                        self.pos(key_node),
                        "a key must be a plain word, not a list or mapping",
                        "write `key: value`",
                    )
                )
                continue
            # Keys are names, always text: `on:` (a YAML 1.1 boolean) is the key "on".
            key = str(key_node.value)
            if key in first:
                earlier = self.pos(first[key])
                self.problems.append(
                    error(
                        "duplicate-key",
                        self.rel,
                        self.pos(key_node),
                        f"key `{key}` appears twice in the same mapping; first at line {earlier.line}",
                        "remove one of them: YAML would silently keep only the last",
                    )
                )
                continue
            first[key] = key_node
            self.positions.keys[path + (key,)] = key_node.start_mark
            result[key] = self.convert(value_node, path + (key,))
        return result

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag = node.tag
        if tag == "tag:yaml.org,2002:bool" and not node.style and node.value.lower() in _YAML11_BOOLS:
            self.problems.append(
                error(
                    "yaml-boolean",
                    self.rel,
                    self.pos(node),
                    (
                        f"`{node.value}` without quotes is read by YAML as "
                        f"{'true' if node.value.lower() in ('yes', 'on') else 'false'}"
                    ),
                    f'write "{node.value}" in quotes if you mean the text, or true/false for a yes-or-no setting',
                )
            )
            return node.value
        if tag == "tag:yaml.org,2002:bool":
            return node.value.lower() == "true"
        if tag not in _KNOWN_SCALARS:
            self.problems.append(
                error(
                    "yaml-tag",
                    self.rel,
                    self.pos(node),
                    f"unsupported YAML tag `{tag}`",
                    "remove the `!tag` before the value",
                )
            )
            return node.value
        try:
            return self.constructor.construct_object(node, deep=True)
        except (ConstructorError, ValueError, OverflowError):
            # e.g. a timestamp-looking value that is not a real date (2026-02-30)
            self.problems.append(
                error(
                    "bad-value",
                    self.rel,
                    self.pos(node),
                    f"`{node.value}` cannot be read",
                    "check the value; put text in quotes",
                )
            )
            return node.value


def _syntax_hint(problem: str) -> str:
    if "mapping values are not allowed" in problem:
        return "a colon followed by a space inside text ends the key; put the whole text in quotes"
    if "could not find expected ':'" in problem:
        return "every line inside a mapping needs `key: value`; check the indentation and quotes of the lines above"
    if "found undefined alias" in problem or "alias" in problem:
        return "`*` starts a YAML alias; put text that starts with `*` in quotes"
    if "found character" in problem and "cannot start any token" in problem:
        return "text that starts with a special character (@, `, %, |, >) must be in quotes"
    if "expected ',' or ']'" in problem or "expected ',' or '}'" in problem:
        return "close it on the same line, or put text that starts with `[` or `{` in quotes"
    return "check the indentation and quoting around this position"


def syntax_error(text: str, exc: yaml.MarkedYAMLError, rel: str, offset: int = 0) -> Diagnostic:
    """A YAML syntax error in the author's terms: an unclosed quote at the line that opens it, a
    line that does not line up as indentation, and the parser's own words only where nothing
    better is known (reworded where they are jargon)."""
    mark = exc.problem_mark or exc.context_mark
    problem = str(exc.problem or exc.context or "cannot be read")
    if mark is None:
        return error("yaml-syntax", rel, Pos(1 + offset, 1), f"YAML syntax: {_plain(problem)}", _syntax_hint(problem))
    at = text[mark.index] if mark.index < len(text) else ""
    explained = _unclosed_quote(text, mark.line, offset) if problem.startswith(_QUOTE_PROBLEMS) else None
    if explained is None and at != "\t":
        explained = _misaligned(text, mark.line, mark.column, problem, offset)
    if explained is None and problem.startswith("could not find expected ':'") and exc.context_mark is not None:
        explained = _continuation(text, exc.context_mark.line, offset)
    if explained is not None:
        pos, message, hint = explained
        return error(
            "yaml-indentation" if message.startswith("YAML indentation") else "yaml-syntax",
            rel,
            pos,
            message,
            hint,
        )
    hint = "indent with spaces, not tabs" if at == "\t" else _syntax_hint(problem)
    if problem.startswith("found character") and at:
        problem = f"a value cannot start with the character {at} unless it is in quotes"
    return error(
        "yaml-syntax",
        rel,
        Pos(mark.line + 1 + offset, mark.column + 1),
        f"YAML syntax: {_plain(problem)}",
        hint,
    )


#: The parser's errors that a line indented too far or not far enough leads to.
_INDENTATION_PROBLEMS = (
    "mapping values are not allowed",
    "did not find expected key",
    "did not find expected '-' indicator",
)
#: The parser's errors that a quote left open leads to (it reads on into the lines below).
_QUOTE_PROBLEMS = (*_INDENTATION_PROBLEMS, "could not find expected ':'", "found unexpected end of stream")
_BARE_KEY = re.compile(r"^\s*(?:-\s+)?[A-Za-z_][A-Za-z0-9_-]*$")
_LINE_START = re.compile(r"^( *)(- +)?([A-Za-z_][A-Za-z0-9_-]*:)?")


def _misaligned(text: str, line: int, column: int, problem: str, offset: int) -> tuple[Pos, str, str] | None:
    """A line that does not line up with the lines above it, told in the author's terms: where
    it is, how far it is indented, and how far the entry it probably belongs to is indented.
    None when the problem is not about indentation (a colon inside text, say)."""
    if not problem.startswith(_INDENTATION_PROBLEMS):
        return None
    lines = text.split("\n")
    if line >= len(lines):
        return None
    current = lines[line]
    if problem.startswith("mapping values") and not _BARE_KEY.match(current[:column]):
        return None  # `prompt: What is: the rule?`: a colon inside text, not indentation
    if re.match(r"^\s*-[^\s-]", current):
        pos = Pos(line + 1 + offset, len(current) - len(current.lstrip()) + 1)
        return (
            pos,
            f"YAML syntax: the `-` on line {line + 1 + offset} has no space after it, so it does not start an entry",
            "write `- ` (a dash and a space) before the entry",
        )
    found = _LINE_START.match(current)
    assert found is not None  # the pattern matches the empty start of any line
    indent, dash, key = len(found.group(1)), found.group(2), found.group(3)
    # The columns the lines above use, latest first: for a new entry (`- `) those of other
    # entries; for a key, those of other keys (after a `- ` too).
    columns: list[tuple[int, int, str]] = []
    for number in range(line - 1, -1, -1):
        above = _LINE_START.match(lines[number])
        if above is None or not lines[number].strip() or lines[number].lstrip().startswith("#"):
            continue
        if dash and above.group(2):
            columns.append((len(above.group(1)), number, "-"))
        elif not dash and above.group(3):
            columns.append((len(above.group(1)) + len(above.group(2) or ""), number, above.group(3)))
    if not columns:
        return None
    nearest = min(columns, key=lambda c: (abs(c[0] - indent), -c[1]))
    if nearest[0] == indent:
        return None
    # The line just above is the other likely place (a key of the same entry), when it differs.
    choices = [nearest] + [c for c in columns[:1] if c[0] not in (nearest[0], indent)]
    what = "the `- ` of this entry" if dash else (f"`{key}`" if key else "this line")
    spaces = f"is indented by {indent} space{'s' if indent != 1 else ''}" if indent else "is not indented"
    message = f"YAML indentation: line {line + 1 + offset} {spaces}, which does not line up with the lines above it"
    moves = []
    for index, (column, number, word) in enumerate(choices):
        like = f"the `- ` on line {number + 1 + offset}" if word == "-" else f"`{word}` on line {number + 1 + offset}"
        it = what if index == 0 else "it"
        moves.append(
            (
                f"indent {it} by {column} space{'s' if column != 1 else ''}"
                if column
                else f"put {it} at the start of the line"
            )
            + f", like {like}"
        )
    hint = f"YAML reads the structure from the indentation: {', or '.join(moves)} (spaces only, no tabs)"
    return Pos(line + 1 + offset, indent + 1), message, hint


_QUOTED_VALUE = re.compile(r"^\s*(?:-\s+)?(?:[A-Za-z_][A-Za-z0-9_-]*:\s+)?([\"'])(.*)$")


def _unclosed_quote(text: str, line: int, offset: int) -> tuple[Pos, str, str] | None:
    """A value that opens a quote and does not close it on its line: YAML reads on into the
    lines below, and reports the problem where the quoted text finally ends."""
    lines = text.split("\n")
    for number in range(min(line, len(lines) - 1), -1, -1):
        found = _QUOTED_VALUE.match(lines[number])
        if found is None:
            continue
        quote, rest = found.group(1), found.group(2)
        body = rest.replace("''", "") if quote == "'" else re.sub(r"\\.", "", rest)
        if quote not in body:
            where = Pos(number + 1 + offset, found.start(1) + 1)
            return (
                where,
                f"YAML syntax: the quoted text that starts on line {number + 1 + offset} is not closed",
                f"end it with `{quote}` on the same line"
                + (' (a `"` inside it is written `\\"`)' if quote == '"' else " (a `'` inside it is written `''`)"),
            )
        if number < line:
            return None  # the nearest quoted value above is closed: not this problem
    return None


def _continuation(text: str, line: int, offset: int) -> tuple[Pos, str, str] | None:
    """A line of text that was meant to continue the value above it but is not indented under
    its key (`prompt: What is` / `the rule?` at the key's indentation)."""
    lines = text.split("\n")
    if line >= len(lines) or not lines[line].strip():
        return None
    indent = len(lines[line]) - len(lines[line].lstrip(" "))
    above = next(
        (n for n in range(line - 1, -1, -1) if lines[n].strip() and not lines[n].lstrip().startswith("#")), None
    )
    key = _LINE_START.match(lines[above]) if above is not None else None
    if above is None or key is None or not key.group(3):
        return None
    column = len(key.group(1)) + len(key.group(2) or "")
    message = (
        f"YAML indentation: line {line + 1 + offset} is neither `key: value` nor indented as part of the text above it"
    )
    hint = (
        f"to continue the text of `{key.group(3)}` on line {above + 1 + offset}, "
        f"indent this line by more than {column} spaces (or write it on one line); otherwise write it as `key: value`"
    )
    return Pos(line + 1 + offset, indent + 1), message, hint


def _plain(problem: str) -> str:
    """The parser's wording, where it is jargon, in the author's terms."""
    if problem.startswith("mapping values are not allowed"):
        return "a colon followed by a space (`: `) inside a value ends it and starts a new key"
    if problem.startswith("could not find expected ':'"):
        return "a line here should be `key: value`, but has no colon"
    if problem.startswith("did not find expected ',' or ']'"):
        return "a list in square brackets `[…]` is not closed with `]`"
    if problem.startswith("did not find expected ',' or '}'"):
        return "a mapping in braces `{…}` is not closed with `}`"
    if problem.startswith("found undefined alias"):
        return "`*` at the start of a value names a YAML alias, and there is none of that name"
    if problem.startswith("found unexpected end of stream"):
        return "the file ends inside a quoted text"
    return problem
