"""The `course` command: check, build and serve a course. Thin: the work is done elsewhere."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click


def _root_option(func):  # type: ignore[no-untyped-def]
    return click.option(
        "--root",
        type=click.Path(file_okay=False, path_type=Path),
        default=".",
        show_default=True,
        help="The course repository: the folder holding course/, modules/, quizzes/ and mkdocs.yml.",
    )(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="course-builder", prog_name="course")
def cli() -> None:
    """Check and build a training course kept as Markdown and YAML."""


@cli.command()
@_root_option
@click.option("--strict", is_flag=True, help="Exit with 2 when there are warnings but no errors.")
def check(root: Path, strict: bool) -> None:
    """Check every file of the course and report every problem."""
    from builder.check import check_course

    course, report = check_course(root)
    click.echo(report.format_text() if report.diagnostics else _clean_summary(course))
    sys.exit(report.exit_code(strict))


def _clean_summary(course) -> str:  # type: ignore[no-untyped-def]
    return f"No problems found in {len(course.modules)} modules and {len(course.quizzes)} quizzes ({course.question_count} questions)."


@cli.command()
@_root_option
@click.option("--strict", is_flag=True, help="Treat check warnings as errors.")
@click.option("-d", "--site-dir", type=click.Path(file_okay=False, path_type=Path), default=None, help="Where to write the site (default: site/).")
def build(root: Path, strict: bool, site_dir: Path | None) -> None:
    """Check the course, then build the trainee site (the last good site stays if the build fails)."""
    from builder.check import check_course
    from builder.site import BuildFailed, build_site

    course, report = check_course(root)
    if report.diagnostics:
        click.echo(report.format_text(), err=True)
    if report.exit_code(strict):
        click.echo("Build stopped: fix the problems above. The last good site was left as it was.", err=True)
        sys.exit(1)
    try:
        result = build_site(root, site_dir)
    except BuildFailed as exc:
        click.echo(f"Build failed: {exc}\nThe last good site was left as it was.", err=True)
        sys.exit(1)
    click.echo(f"Built {result.pages} pages for {len(course.modules)} modules ({course.question_count} questions) into {result.site_dir} in {result.seconds:.1f} s.")


@cli.command()
@_root_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(root: Path, dev_addr: str) -> None:
    """Preview the site with live reload when course/, modules/ or quizzes/ change."""
    from builder.site import serve_site

    serve_site(root, dev_addr)


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cli(prog_name="course")


if __name__ == "__main__":
    main()
