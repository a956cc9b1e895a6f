"""builder/minify.py: scripts shortened, yet their parts still join into one course.js."""

from __future__ import annotations

import pytest

from builder.minify import minified


def test_local_names_are_shortened_and_globals_kept():
    out = minified(
        "var cb = window.cb = {};\n(function (course) { var answers = course.answers; cb.seen = answers; })(cb);\n",
        "x.js",
    )
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


def test_minified_scripts_are_kept_on_disk_and_a_bad_cache_only_costs_time(tmp_path, monkeypatch):
    """The second build of the same builder reads the minified scripts (0.8 s of calmjs.parse
    per build); an unwritable or corrupt cache gives the same output."""
    from builder import minify

    source = "(function () { var answer = 42; cb.answer = answer; })();\n"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    expected = minify._minify_js(source)
    assert minify._cached_js(source) == expected
    [kept] = (tmp_path / "cache" / "course-builder" / "minified-js").glob("*.js")
    assert kept.read_text() == expected
    kept.write_text("cb.read_from_disk=1;\n")  # proves the second call reads the file
    assert minify._cached_js(source) == "cb.read_from_disk=1;\n"
    kept.write_bytes(b"\xff\xfe not utf-8")
    assert minify._cached_js(source) == expected  # unreadable: minified again
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert minify._cached_js(source) == expected  # cannot write: minified, no error
