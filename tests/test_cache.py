"""builder/cache.py: what builds keep on disk only makes the next build faster, never different."""

from __future__ import annotations

from course_helpers import make_course

from builder.site import build_site


def _pages(site):
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_compiled_templates_are_kept_and_a_bad_cache_builds_the_same_site(tmp_path, monkeypatch):
    """The first build keeps the compiled templates (the builder's and the theme's); a build from
    that cache, from a corrupt one and with no writable cache at all makes the same pages."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    root = make_course(tmp_path / "c")
    build_site(root, tmp_path / "first")
    kept = sorted((tmp_path / "cache" / "course-builder" / "templates").iterdir())
    assert len(kept) > 20  # Material's templates and partials, and the builder's own
    written = {file: file.stat().st_mtime_ns for file in kept}
    build_site(root, tmp_path / "cached")
    assert {file: file.stat().st_mtime_ns for file in kept} == written  # read, not compiled again
    for file in kept:
        file.write_bytes(b"not a compiled template")
    build_site(root, tmp_path / "corrupt")
    assert all(file.read_bytes() != b"not a compiled template" for file in kept)  # compiled and kept again
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    build_site(root, tmp_path / "unwritable")
    first = _pages(tmp_path / "first")
    assert len(first) > 5
    for other in ("cached", "corrupt", "unwritable"):
        assert _pages(tmp_path / other) == first, other
