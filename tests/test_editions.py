"""The instructor edition: notes, answer keys and the coverage report, never in the trainee build."""

from __future__ import annotations

import zipfile

from click.testing import CliRunner
from course_helpers import make_course

from builder.cli import cli
from builder.markdown_scan import strip_instructor

SECRET = "ZQX-INSTRUCTOR-ONLY-7731"


def test_strip_instructor_blocks():
    text = (
        'Before.\n\n!!! instructor "Notes"\n    Secret.\n\n    More secret.\n\nAfter.\n\n'
        "??? instructor\n    Folded.\nEnd.\n"
    )
    assert strip_instructor(text) == "Before.\n\nAfter.\n\nEnd.\n"
    assert strip_instructor("!!! note\n    Kept.\n") == "!!! note\n    Kept.\n"


def test_trainee_build_never_contains_instructor_material(tmp_path):
    root = make_course(tmp_path / "c")
    runner = CliRunner()
    assert runner.invoke(cli, ["build", "--root", str(root), "--site-dir", str(tmp_path / "site")]).exit_code == 0
    leaks = [p for p in (tmp_path / "site").rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()]
    assert leaks == []  # pages, search index, sitemap, assets: everything
    for kind in ("gift", "qti"):  # and no export of the course
        out = tmp_path / f"bank.{kind}"
        assert runner.invoke(cli, ["export", kind, "--root", str(root), "-o", str(out)]).exit_code == 0
        data = out.read_bytes()
        assert SECRET.encode() not in (
            data if kind == "gift" else b"".join(zipfile.ZipFile(out).read(n) for n in zipfile.ZipFile(out).namelist())
        )
    searched = (tmp_path / "site" / "search" / "search_index.json").read_text()
    assert "The Example Rule Authority" in searched  # the index does hold the module text
    result = runner.invoke(
        cli, ["build", "--root", str(root), "--edition", "instructor", "--site-dir", str(tmp_path / "instructor")]
    )
    assert result.exit_code == 0 and "instructor edition: do not publish" in result.output
    page = (tmp_path / "instructor" / "modules" / "basics.html").read_text()
    assert SECRET in page and 'class="admonition instructor"' in page
    assert '<details class="cb-quiz__key" open>' in page and "cb-quiz--instructor" in page
    styles = {
        edition: (tmp_path / edition / "assets" / "course" / "course.css").read_text()
        for edition in ("site", "instructor")
    }
    assert ".instructor>" not in styles["site"] and ".instructor>" in styles["instructor"]  # its styles too
    report = (tmp_path / "instructor" / "instructor-report.html").read_text()
    assert (
        "<td><code>apply</code></td>" in report
        and "<td><code>rule</code>, <code>many</code>, <code>pairs</code>, <code>steps</code></td>" in report
    )


def test_instructor_edition_goes_beside_the_site_by_default(tmp_path, monkeypatch):
    root = make_course(tmp_path / "c")
    monkeypatch.chdir(root)
    assert CliRunner().invoke(cli, ["build", "--edition", "instructor"]).exit_code == 0
    assert (root / "site-instructor" / "modules" / "basics.html").is_file()
    assert not (root / "site").exists()
