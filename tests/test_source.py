"""Reading files: positions (1-based, front-matter offset, flow collections), encodings, YAML traps."""

from __future__ import annotations

import datetime

from course_helpers import make_course
from test_check import run_check

from builder.diagnostics import Pos
from builder.source import load_yaml, read_text, split_front_matter


def test_positions_are_one_based_for_keys_and_values():
    doc = load_yaml("a: 1\nlist:\n  - x: hello\n    y: [p, q]\n", "f.yml")
    assert doc.problems == []
    assert doc.positions.of(("a",), key=True) == Pos(1, 1)
    assert doc.positions.of(("a",)) == Pos(1, 4)
    assert doc.positions.of(("list", 0)) == Pos(3, 5)
    assert doc.positions.of(("list", 0, "y", 1)) == Pos(4, 12)  # inside a flow sequence
    assert doc.positions.of(("list", 0, "nothing", "here")) == Pos(3, 5)  # nearest ancestor


def test_front_matter_offset_counts_the_lines_above():
    front = split_front_matter("---\nid: m\ntitle: [\n---\nbody\n")
    assert front is not None and front.yaml_line == 2 and front.body_line == 5
    doc = load_yaml(front.yaml_text, "m.md", line_offset=front.yaml_line - 1)
    assert doc.problems[0].pos.line == 4  # the closing bracket is missing by the end of the block


def test_front_matter_missing_or_unclosed():
    assert split_front_matter("# Title\n") is None
    assert split_front_matter("---\nid: m\n") is None


def test_dates_and_quoted_booleans():
    doc = load_yaml('d: 2026-11-29\nt: "No"\nb: false\n', "f.yml")
    assert doc.data == {"d": datetime.date(2026, 11, 29), "t": "No", "b": False}
    assert doc.problems == []


def test_on_as_a_key_is_text():
    doc = load_yaml("on: 2026-11-29\n", "f.yml")
    assert doc.data == {"on": datetime.date(2026, 11, 29)} and doc.problems == []


def test_alias_bomb_is_refused_not_expanded():
    lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}"] * 10) + "]")
    doc = load_yaml("\n".join(lines) + "\n", "f.yml")
    assert [(p.code, p.pos.line) for p in doc.problems] == [("yaml-alias", 1)]


def test_byte_order_mark_and_crlf_are_accepted(tmp_path):
    file = tmp_path / "q.yml"
    file.write_bytes(b"\xef\xbb\xbfmodule: basics\r\nx: 1\r\n")
    text = read_text(file, "q.yml")
    assert text.problems == [] and text.text == "module: basics\nx: 1\n"


def test_course_with_bom_and_crlf_checks_clean(tmp_path):
    source = (make_course(tmp_path / "a") / "quizzes" / "basics.yml").read_text(encoding="utf-8")
    root = make_course(
        tmp_path / "b", [("quizzes/basics.yml", b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode())]
    )
    assert run_check(root)[0] == 0


def test_unknown_tag_is_reported():
    doc = load_yaml("a: !python/object x\n", "f.yml")
    assert [(p.code, p.pos) for p in doc.problems] == [("yaml-tag", Pos(1, 4))]
