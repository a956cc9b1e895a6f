"""The `course` command: check, build and serve a course. Thin: the work is done elsewhere."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

F = TypeVar("F", bound=Callable[..., Any])


def _root_option(func: F) -> F:
    return click.option(
        "--root",
        type=click.Path(file_okay=False, path_type=Path),
        default=".",
        show_default=True,
        help="The course repository: the folder holding course/, modules/, quizzes/ and mkdocs.yml.",
    )(func)


def _engine_option(func: F) -> F:
    from builder.engines import DEFAULT, ENGINES

    return click.option(
        "--engine",
        type=click.Choice(list(ENGINES)),
        default=DEFAULT,
        show_default=True,
        envvar="COURSE_ENGINE",
        help=(
            "What renders the site: mkdocs (MkDocs 1.x + Material), properdocs (its maintained fork) "
            'or zensical (Material\'s successor); also $COURSE_ENGINE. See "Platform" in the README.'
        ),
    )(func)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="course-builder", prog_name="course")
def cli() -> None:
    """Check and build a training course kept as Markdown and YAML."""


@cli.command()
@_root_option
@click.option("--strict", is_flag=True, help="Exit with 2 when there are warnings but no errors.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json", "github"]),
    default=None,
    help="Report format; default: github when GITHUB_ACTIONS is set, else text.",
)
def check(root: Path, strict: bool, output_format: str | None) -> None:
    """Check every file of the course and report every problem."""
    import json

    from builder.check import check_course

    course, report = check_course(root)
    output_format = output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if output_format == "json":
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    elif output_format == "github":
        prefix = "" if root.resolve() == Path.cwd().resolve() else os.path.relpath(root) + "/"
        click.echo(report.format_github(prefix) if report.diagnostics else _clean_summary(course))
    else:
        click.echo(report.format_text() if report.diagnostics else _clean_summary(course))
    sys.exit(report.exit_code(strict))


def _clean_summary(course) -> str:  # type: ignore[no-untyped-def]
    return (
        f"No problems found in {_count(len(course.modules), 'module')} and {_count(len(course.quizzes), 'quiz')} "
        f"({_count(course.question_count, 'question')})."
    )


@cli.command()
@_root_option
@click.option("--strict", is_flag=True, help="Treat check warnings as errors.")
@click.option(
    "-d",
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to write the site (default: site/, or site-instructor/).",
)
@click.option(
    "--edition",
    type=click.Choice(["trainee", "instructor"]),
    default="trainee",
    show_default=True,
    help="instructor: with instructor notes, answer keys and the coverage report. Never publish it.",
)
@_engine_option
def build(root: Path, strict: bool, site_dir: Path | None, edition: str, engine: str) -> None:
    """Check the course, then build the trainee site (the last good site stays if the build fails)."""
    from builder.check import check_course
    from builder.engines import EngineMissing, adapter
    from builder.loader import frozen
    from builder.site import BuildFailed, build_site, notices

    try:
        adapter(engine)
    except EngineMissing as exc:
        raise click.ClickException(str(exc)) from None

    course, report = check_course(root)
    if report.diagnostics:
        click.echo(report.format_text(), err=True)
    if report.exit_code(strict):
        click.echo("Build stopped: fix the problems above. The last good site was left as it was.", err=True)
        sys.exit(1)
    for notice in notices(engine):
        click.echo(f"Notice: {notice}", err=True)
    try:
        with frozen():
            result = build_site(root, site_dir, edition, checked=course, engine=engine)
    except BuildFailed as exc:
        click.echo(f"Build failed: {exc}\nThe last good site was left as it was.", err=True)
        sys.exit(1)
    edition_note = " (instructor edition: do not publish)" if edition == "instructor" else ""
    with_engine = "" if engine == "mkdocs" else f" with {engine}"
    click.echo(
        f"Built {_count(result.pages, 'page')} for {_count(len(course.modules), 'module')} "
        f"({_count(course.question_count, 'question')}) "
        f"into {result.site_dir}{with_engine} in {result.seconds:.1f} s{edition_note}."
    )


@cli.command()
@_root_option
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@_engine_option
def serve(root: Path, dev_addr: str, engine: str) -> None:
    """Preview the site with live reload when course/, modules/ or quizzes/ change."""
    from builder.site import BuildFailed, notices, serve_site

    for notice in notices(engine):
        click.echo(f"Notice: {notice}", err=True)
    try:
        serve_site(root, dev_addr, engine)
    except BuildFailed as exc:
        raise click.ClickException(str(exc)) from None


@cli.command()
@_root_option
@click.argument("kind", type=click.Choice(["scorm", "gift", "qti", "outline"]))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="The file to write.",
)
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option(
    "--version",
    "scorm_version",
    type=click.Choice(["1.2", "2004"]),
    default="1.2",
    show_default=True,
    help="scorm only: SCORM 1.2, or SCORM 2004 4th edition.",
)
@_engine_option
def export(root: Path, kind: str, output: Path, force: bool, scorm_version: str, engine: str) -> None:
    """Export for an LMS: the site as a SCORM package (zip), or the question banks as Moodle GIFT
    or an IMS QTI 2.1 package (zip); or the course outline for a credit submission (.md or .html)."""
    import importlib

    from builder.check import check_course

    if output.exists() and not force:
        raise click.ClickException(f"{output} exists; pass --force to overwrite it")
    if kind == "outline" and output.suffix.lower() not in (".md", ".html", ".htm"):
        raise click.ClickException(f"{output}: the outline is written as Markdown or HTML; name the file .md or .html")
    course, report = check_course(root)
    if report.errors:
        click.echo(report.format_text(), err=True)
        click.echo("Export stopped: fix the problems above.", err=True)
        sys.exit(1)
    if kind == "scorm":
        result = _export_scorm(root, course, scorm_version, engine)
    elif kind == "outline":
        from builder.exports.outline import export as outline

        result = outline(course, html=output.suffix.lower() != ".md")
    else:
        result = importlib.import_module(f"builder.exports.{kind}").export(course)
    for line in result.skipped:
        click.echo(f"not exported: {line}", err=True)
    output.parent.mkdir(parents=True, exist_ok=True)
    temp = output.with_name(f".{output.name}.tmp")
    temp.write_bytes(result.data)
    temp.replace(output)
    if kind == "scorm":
        click.echo(
            f"Wrote a SCORM {scorm_version} package of the course ({_count(len(course.modules), 'module')}, "
            f"{_count(result.items, 'question')}) to {output}."
        )
        return
    if kind == "outline":
        click.echo(f"Wrote the course outline ({_count(len(course.modules), 'module')}) to {output}.")
        return
    skipped = f"; {len(result.skipped)} not expressible in {kind.upper()} (listed above)" if result.skipped else ""
    click.echo(f"Wrote {_count(result.items, 'question')} to {output}{skipped}.")


def _export_scorm(root: Path, course, version: str, engine: str):  # type: ignore[no-untyped-def]
    """Build the trainee site (with `engine`) into a temporary folder, then package it."""
    import tempfile

    from builder.exports.scorm import ScormError
    from builder.exports.scorm import export as package
    from builder.site import BuildFailed, build_site

    with tempfile.TemporaryDirectory(prefix="course-scorm-") as temp:
        try:
            build_site(root, Path(temp) / "site", checked=course, engine=engine)
            return package(course, Path(temp) / "site", version)
        except (BuildFailed, ScormError) as exc:
            raise click.ClickException(f"SCORM export failed: {exc}") from None


@cli.command()
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--title", default="My course", show_default=True, help="The course's title.")
@click.option(
    "--language",
    type=click.Choice(["en", "es"]),
    default="en",
    show_default=True,
    help="The language of everything trainees see.",
)
def init(folder: Path, title: str, language: str) -> None:
    """Start a new course in FOLDER: settings, a home page, an example module with its quiz and a
    scenario, mkdocs.yml, the builder pinned in requirements.txt, CI workflows and a README."""
    from builder.scaffold import ScaffoldError, init_course

    try:
        written = init_course(folder, title, language)
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"Created a course in {folder} ({_count(len(written), 'file')}). Next: "
        f"`course check --root {folder}`, then replace the example module with your own."
    )


@cli.group()
def new() -> None:
    """Create skeleton files numbered into the learning path."""


def _scaffold(make, *args: object, then: str) -> None:  # type: ignore[no-untyped-def]
    """Run a `builder.scaffold` function; its refusals become a one-line error (exit 1)."""
    from builder.scaffold import ScaffoldError

    try:
        path = make(*args)
    except ScaffoldError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Created {path}. Fill in the TODOs, then run `{then.format(stem=path.stem)}`.")


@new.command("module")
@_root_option
@click.argument("title")
@click.option("--id", "module_id", default=None, help="The module's id (default: from the title).")
def new_module_command(root: Path, title: str, module_id: str | None) -> None:
    """A module outline, numbered after the last one."""
    from builder.scaffold import new_module, slugify

    _scaffold(new_module, root, title, module_id, then=f"course new quiz {module_id or slugify(title)}")


@new.command("quiz")
@_root_option
@click.argument("module_id")
def new_quiz_command(root: Path, module_id: str) -> None:
    """A quiz with two questions per objective of the module."""
    from builder.scaffold import new_quiz

    _scaffold(new_quiz, root, module_id, then="course check")


@new.command("scenario")
@_root_option
@click.argument("module_id")
def new_scenario_command(root: Path, module_id: str) -> None:
    """A branching scenario for the module, with two steps and one end."""
    from builder.scaffold import new_scenario

    _scaffold(new_scenario, root, module_id, then="course check")


@cli.command()
@_root_option
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="markdown: for a pull-request comment; json: as data.",
)
def report(root: Path, output_format: str) -> None:
    """Per module: objectives and the questions that assess them, counts, the score without reading, sources,
    review dates."""
    import json

    from builder.check import check_course
    from builder.report import format_json, format_markdown, format_text

    course, problems = check_course(root)
    if output_format == "json":
        click.echo(json.dumps(format_json(course), indent=2, ensure_ascii=False))
    else:
        click.echo(format_markdown(course) if output_format == "markdown" else format_text(course))
    if problems.diagnostics:
        click.echo(problems.summary() + " Run `course check` for details.", err=True)
    sys.exit(problems.exit_code())


@cli.command()
@_root_option
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Folder for the schemas (default: schemas/ in the course).",
)
def schema(root: Path, output: Path | None) -> None:
    """Write JSON Schemas of course.yml, module front matter, quizzes, scenarios, contacts, the glossary and the
    local-adaptation files."""
    from builder.schema import write_schemas

    for path in write_schemas(output or root / "schemas"):
        click.echo(f"Wrote {path}")


def main() -> None:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cli(prog_name="course")


if __name__ == "__main__":
    main()


def _count(n: int, noun: str) -> str:
    """"1 module", "2 modules", "1 quiz", "3 quizzes": the trainer's messages count right."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}zes" if noun == "quiz" else f"{n} {noun}s"
