"""builder/minify.py: scripts shortened, yet their parts still join into one course.js."""

from __future__ import annotations

import pytest

from builder.minify import minified


def test_local_names_are_shortened_and_globals_kept():
    out = minified("var cb = window.cb = {};\n(function (course) { var answers = course.answers; cb.seen = answers; })(cb);\n", "x.js")
    assert "var cb=window.cb" in out and "cb.seen=" in out
    assert "course" not in out and "answers" not in out.replace(".answers", "")


def test_each_part_ends_its_last_statement_so_parts_can_be_joined():
    """An object literal, then a call: without the `;` the call would apply to the object."""
    first = minified("cb.types.x = {a: 1};\n", "a.js")
    second = minified("(function () { cb.ran = true; })();\n", "b.js")
    assert first.endswith(";\n") and second.endswith(";\n")
    assert first + second == "cb.types.x={a:1};\n(function(){cb.ran=true})();\n"


def test_a_script_with_a_syntax_error_stops_the_build():
    with pytest.raises(Exception, match="Unexpected"):
        minified("var = ;\n", "broken.js")
