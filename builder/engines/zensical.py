"""The Zensical adapter: the builder writes the whole docs tree, Zensical only renders it.

Zensical (Material's successor) reads mkdocs.yml but runs no third-party plugin and ignores the
`course` plugin without a word. So the builder writes what the plugin would give MkDocs into a
staging folder: the published files of course/ with their directives expanded, every generated
page and asset (docs_tree.py), and a configuration that inherits the course's mkdocs.yml and adds
the navigation. Zensical renders that with `--strict`, in a child process (it keeps its
configuration in a global and prints to the terminal itself); then the quizzes' HTML goes into
their pages, as the plugin's `on_post_page` does.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from builder import docs_tree
from builder.engines import BuildFailed
from builder.links import published

if TYPE_CHECKING:
    from builder.course import Course
    from builder.render import RenderContext

#: Material's look (Roboto, Material's icons), which the course's stylesheet is made for;
#: Zensical's default, "modern", restyles headers, navigation and admonitions.
VARIANT = "classic"
_ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: Zensical's command line ends a failed build with a Python traceback: not the trainer's to read.
_TRACEBACK = re.compile(r"^Traceback \(most recent call last\):\n(?:[ \t].*\n)*[\w.]+: .*$\n?", re.MULTILINE)


def build(root: Path, config_file: Path, out: Path, edition: str, checked: Course | None) -> None:
    """Write the docs tree into a staging folder, run `zensical build --strict`, fill the quizzes."""
    from builder.check import check_course
    from builder.history import last_changed
    from builder.pages import instructor
    from builder.render import RenderContext
    from builder.rules import SiteConfigLoader

    course = checked
    if course is None or course.root.resolve() != root.resolve():
        course, report = check_course(root)
        if report.errors:
            raise BuildFailed("the course has problems:\n" + report.format_text())
    assert course.meta is not None
    context = RenderContext(course, course.meta.language, last_changed(root), edition)
    try:
        site: dict[str, Any] = yaml.load(config_file.read_text(encoding="utf-8"), Loader=SiteConfigLoader) or {}
    except yaml.YAMLError as exc:
        raise BuildFailed(f"mkdocs.yml: {exc}") from None
    with tempfile.TemporaryDirectory(prefix="course-zensical-") as temp:
        stage = Path(temp)
        docs = stage / "docs"
        _write_docs(root / "course", docs, course, context, edition)
        theme: dict[str, Any] = {"language": course.meta.language, "variant": VARIANT}
        if isinstance(site.get("theme"), dict) and site["theme"].get("custom_dir"):
            theme["custom_dir"] = str((config_file.parent / site["theme"]["custom_dir"]).resolve())
        settings: dict[str, Any] = {
            "INHERIT": str(config_file.resolve()),
            "docs_dir": "docs",
            "site_dir": "site",  # Zensical wants it inside the project: copied to `out` below
            "site_name": course.meta.title,
            "nav": docs_tree.nav(course, context.t, edition),
            "theme": theme,
            "extra_css": [docs_tree.ASSET_URIS["css"]],  # INHERIT adds these to the course's own
            "extra_javascript": [
                *(f"assets/course/{name}" for name in docs_tree.ZENSICAL_SCRIPTS),
                docs_tree.ASSET_URIS["js"],
            ],
        }
        if not site.get("site_description"):
            settings["site_description"] = docs_tree.site_description(course)
        if "attr_list" not in (site.get("markdown_extensions") or []):
            settings["markdown_extensions"] = ["attr_list"]  # the generated headings carry ids
        config = stage / "mkdocs.yml"
        config.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
        _run(["build", "--strict", "-f", str(config)], stage)
        shutil.copytree(stage / "site", out, dirs_exist_ok=True)
    banner = instructor.banner(context) if edition == "instructor" else None
    for page in sorted(out.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        filled = context.fill(html)
        if banner is not None:  # as the MkDocs plugin does: out of search engines, "do not publish"
            filled = docs_tree.instructor_page(filled, banner)
        if filled != html:
            page.write_text(filled, encoding="utf-8")
    if context.unfilled():
        raise BuildFailed(
            f"Zensical left out {context.unfilled()} generated blocks (quizzes): use `--engine mkdocs`, and report this"
        )


def _write_docs(source: Path, docs: Path, course: Course, context: RenderContext, edition: str) -> None:
    """course/'s published files (pages expanded) and every generated file, into `docs`."""
    for path in sorted(source.rglob("*")):
        uri = path.relative_to(source).as_posix()
        if not path.is_file() or not published(uri):
            continue
        target = docs / uri
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix == ".md":
            target.write_text(docs_tree.page_markdown(context, uri, path.read_text(encoding="utf-8")), encoding="utf-8")
        else:
            shutil.copyfile(path, target)
    descriptions = {f"modules/{m.id}.md": docs_tree.module_description(m) for m in course.modules}
    for generated in docs_tree.generated_files(course, context, edition, docs_tree.ZENSICAL_SCRIPTS):
        target = docs / generated.uri
        target.parent.mkdir(parents=True, exist_ok=True)
        content = generated.content
        if generated.uri in descriptions:  # as the plugin's on_page_markdown sets page.meta
            content = (
                "---\n"
                + yaml.safe_dump({"description": descriptions[generated.uri]}, allow_unicode=True, width=10_000)
                + "---\n\n"
                + content
            )
        target.write_text(content, encoding="utf-8")


def _run(args: list[str], cwd: Path) -> None:
    """Zensical's command line in a child process; its report goes to stderr on failure."""
    env = {**os.environ, "NO_COLOR": "1"}
    result = subprocess.run([sys.executable, "-m", "zensical", *args], cwd=cwd, capture_output=True, text=True, env=env)
    if result.returncode == 0:
        return
    text = _TRACEBACK.sub("", _ANSI.sub("", result.stdout + result.stderr))
    report = [line for line in text.splitlines() if line.strip() and line != "Build started"]
    if report:
        sys.stderr.write("\n".join(report) + "\n")
    raise BuildFailed(
        "Zensical reported problems (above; paths are in the docs folder it was given, course/ for your pages)"
    )


def serve(root: Path, dev_addr: str) -> None:
    """Zensical's own server would watch the staging folder, not the course: the builder's
    preview instead (rebuilds on every edit; reload the page to see it)."""
    from builder.site import preview

    preview(root, dev_addr, "zensical")


def notices() -> list[str]:
    """Zensical gives none today."""
    return []
