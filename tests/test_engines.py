"""`course build --engine mkdocs|properdocs|zensical`: the same site, the same guarantees."""

from __future__ import annotations

import ast
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from course_helpers import REPO, make_course

from builder import engines
from builder.cli import cli

pytestmark = pytest.mark.slow  # builds with ProperDocs and Zensical in child processes

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def build(root: Path, *args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, ["build", "--root", str(root), *args], env=env)


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def checksums(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256(data).hexdigest() for name, data in files(folder).items()}


def test_properdocs_site_is_the_mkdocs_site_but_for_the_generator_tag(default_site):
    mkdocs, properdocs = files(default_site("mkdocs")), files(default_site("properdocs"))
    assert sorted(mkdocs) == sorted(properdocs)
    differ = sorted(name for name in mkdocs if mkdocs[name] != properdocs[name])
    assert differ == sorted(name for name in mkdocs if name.endswith(".html"))  # the tag is in every page
    for name in differ:
        assert GENERATOR.sub(b"", mkdocs[name]) == GENERATOR.sub(b"", properdocs[name]), name
    assert b'content="mkdocs-ProperDocs' in properdocs["index.html"]


def test_zensical_site_has_every_page_quiz_and_no_settings(default_site):
    mkdocs, zensical = default_site("mkdocs"), default_site("zensical")
    pages = sorted(p.relative_to(mkdocs).as_posix() for p in mkdocs.rglob("*.html"))
    assert pages == sorted(p.relative_to(zensical).as_posix() for p in zensical.rglob("*.html"))
    assert len(pages) == 26
    for page in pages:
        ours, theirs = (site.joinpath(page).read_text(encoding="utf-8") for site in (mkdocs, zensical))
        for marker in (
            '<form class="cb-quiz__question ',
            'class="cb-scenario__step',
            'class="cb-diagram__svg"',
            'href="tel:',
        ):
            assert ours.count(marker) == theirs.count(marker), (page, marker)
        assert "<!-- course:html" not in theirs and "[[contact" not in theirs, page
        assert '<meta name="generator" content="zensical-' in theirs
    page = (zensical / "modules" / "indicators.html").read_text(encoding="utf-8")
    # Zensical's menu label is made a button before course.js's drawer.js looks for it; MkDocs
    # pages have a real button, and neither the script nor its file.
    assert 0 <= page.index("assets/course/zensical-menu.js") < page.index("assets/course/course.js")
    assert "zensical-menu.js" not in (mkdocs / "modules" / "indicators.html").read_text(encoding="utf-8")
    assert not (mkdocs / "assets" / "course" / "zensical-menu.js").exists()
    for settings in ("course.yml", "contacts.yml", "glossary.yml", "diagrams"):
        assert not (zensical / settings).exists()
    assert not [p for p in zensical.rglob("*") if p.suffix in (".yml", ".md")]


def test_engine_builds_are_reproducible_and_keep_the_last_good_site(tmp_path, monkeypatch):
    """Per engine: two builds with one SOURCE_DATE_EPOCH give the same bytes; a page that links
    nowhere fails the strict build and leaves the last good site and no temporary folder."""
    root = make_course(tmp_path / "c")
    monkeypatch.chdir(root)
    epoch = {"SOURCE_DATE_EPOCH": "1767225600"}
    for engine in ("properdocs", "zensical"):
        first, second = root / f"{engine}-1", root / f"{engine}-2"
        for out in (first, second):
            result = build(root, "--engine", engine, "-d", str(out), env=epoch)
            assert result.exit_code == 0, result.output
            assert result.stdout.endswith(f" with {engine} in {result.stdout.split(' in ')[-1]}")
        assert checksums(first) == checksums(second), engine
        assert (first / "modules" / "basics.html").is_file() and not (first / "course.yml").exists()
    page = root / "modules" / "01-basics.md"
    page.write_text(page.read_text() + "\nSee [the missing page](../nowhere.md).\n")
    for engine in ("properdocs", "zensical"):
        before = checksums(root / f"{engine}-1")
        result = build(root, "--engine", engine, "-d", str(root / f"{engine}-1"))
        assert result.exit_code == 1, (engine, result.output)
        assert "nowhere.md" in result.output and "The last good site was left as it was." in result.output, (
            result.output
        )
        assert "Traceback" not in result.output
        assert checksums(root / f"{engine}-1") == before
    assert not [p for p in root.iterdir() if p.name.startswith(".")]


def test_a_missing_engine_is_one_line_naming_what_to_install(tmp_path, monkeypatch):
    root = make_course(tmp_path / "c")
    real = engines.importlib.util.find_spec
    monkeypatch.setattr(
        engines.importlib.util,
        "find_spec",
        lambda name, *a: None if name == "zensical" else real(name, *a),
    )
    result = build(root, "--engine", "zensical")
    assert result.exit_code == 1
    assert (
        result.output
        == "Error: Zensical is not installed (no Python module `zensical`): pip install 'course-builder[zensical]'\n"
    )
    assert not (root / "site").exists()
    result = CliRunner().invoke(
        cli, ["export", "scorm", "--root", str(root), "-o", str(tmp_path / "x.zip"), "--engine", "zensical"]
    )
    assert result.exit_code == 1 and "pip install 'course-builder[zensical]'" in result.output
    assert CliRunner().invoke(cli, ["build", "--root", str(root), "--engine", "hugo"]).exit_code == 2


def test_engine_comes_from_the_environment(tmp_path, monkeypatch):
    root = make_course(tmp_path / "c")
    monkeypatch.chdir(root)
    result = build(root, env={"COURSE_ENGINE": "zensical", "SOURCE_DATE_EPOCH": "1767225600"})
    assert result.exit_code == 0 and " with zensical in " in result.stdout, result.output
    assert '<meta name="generator" content="zensical-' in (root / "site" / "index.html").read_text(encoding="utf-8")


def test_scorm_export_with_each_other_engine(tmp_path):
    import zipfile

    root = make_course(tmp_path / "c")
    for engine in ("properdocs", "zensical"):
        out = tmp_path / f"{engine}.zip"
        result = CliRunner().invoke(cli, ["export", "scorm", "--root", str(root), "-o", str(out), "--engine", engine])
        assert result.exit_code == 0, result.output
        names = zipfile.ZipFile(out).namelist()
        assert "imsmanifest.xml" in names and "site/modules/basics.html" in names and "site/assessment.html" in names, (
            engine
        )
        assert not [n for n in names if n.endswith(("course.yml", "contacts.yml", "glossary.yml"))]


def test_properdocs_run_directly_runs_our_plugin(tmp_path):
    """`properdocs build` (no `course`): ProperDocs loads our `mkdocs.plugins` entry point."""
    root = make_course(tmp_path / "c")
    result = subprocess.run(
        [sys.executable, "-m", "properdocs", "build", "--strict", "-q", "-f", "mkdocs.yml"],
        cwd=root,
        capture_output=True,
        text=True,
        env={"DISABLE_MKDOCS_2_WARNING": "true", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    page = (root / "site" / "modules" / "basics.html").read_text(encoding="utf-8")
    assert page.count('<form class="cb-quiz__question ') == 7 and 'content="mkdocs-ProperDocs' in page
    assert not (root / "site" / "course.yml").exists()


def test_only_the_adapters_import_an_engine():
    """The core knows no engine: only the plugin (MkDocs and ProperDocs) and engines/<name>.py
    import mkdocs, material, properdocs or zensical."""
    importers = set()
    for path in sorted((REPO / "builder").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and node.level == 0
                else []
            )
            if any(n.split(".")[0] in ("mkdocs", "material", "properdocs", "zensical") for n in names):
                importers.add(path.relative_to(REPO).as_posix())
    assert importers == {"builder/plugin.py", "builder/engines/mkdocs.py", "builder/engines/properdocs.py"}
    code = (
        "import sys, builder.site, builder.docs_tree, builder.engines; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material', 'properdocs', 'zensical')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_material_notice_once_per_build(engine, tmp_path, monkeypatch):
    root = make_course(tmp_path / "c")
    monkeypatch.chdir(root)
    result = build(root, "--engine", engine)
    assert result.exit_code == 0, result.output
    assert result.stderr.count("reaches end of life on") == 1 and len(result.stderr.splitlines()) == 1, result.stderr


@pytest.mark.parametrize("engine", ["properdocs", "zensical"])
def test_editions_keep_instructor_material_apart(engine, tmp_path):
    from test_editions import SECRET

    root = make_course(tmp_path / "c")
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["build", "--root", str(root), "--engine", engine, "-d", str(tmp_path / "site")]).exit_code
        == 0
    )
    assert [p for p in (tmp_path / "site").rglob("*") if p.is_file() and SECRET.encode() in p.read_bytes()] == []
    index = tmp_path / "site" / ("search.json" if engine == "zensical" else "search/search_index.json")
    assert "The Example Rule Authority" in index.read_text()  # the search index holds the module text
    result = runner.invoke(
        cli,
        [
            "build",
            "--root",
            str(root),
            "--engine",
            engine,
            "--edition",
            "instructor",
            "-d",
            str(tmp_path / "instructor"),
        ],
    )
    assert result.exit_code == 0 and "instructor edition: do not publish" in result.output, result.output
    page = (tmp_path / "instructor" / "modules" / "basics.html").read_text()
    assert SECRET in page and '<details class="cb-quiz__key" open>' in page
    report = (tmp_path / "instructor" / "instructor-report.html").read_text()
    assert "<td><code>apply</code></td>" in report
    assert ".instructor>" in (tmp_path / "instructor" / "assets" / "course" / "course.css").read_text()
    # every page says "do not publish" and is kept out of search engines, as with MkDocs
    for name in ("index.html", "modules/basics.html", "404.html"):
        html = (tmp_path / "instructor" / name).read_text()
        assert (
            '<meta name="robots" content="noindex, nofollow">' in html and "Instructor edition: do not publish" in html
        ), name
    assert (tmp_path / "instructor" / "robots.txt").read_text() == "User-agent: *\nDisallow: /\n"
    assert "noindex" not in (tmp_path / "site" / "index.html").read_text()
