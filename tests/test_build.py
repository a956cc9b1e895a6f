"""`course build`: a real MkDocs build of small courses in temporary folders."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner
from course_helpers import MINIMAL, REPO, make_course

from builder.check import check_course
from builder.cli import cli
from builder.models import PRINT_PAGE_AUTO_MODULES


def build(root: Path, *args: str):
    return CliRunner().invoke(cli, ["build", "--root", str(root), *args])


def checksums(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def quiz_data(html: str) -> dict:
    match = re.search(r'<script type="application/json" class="cb-quiz__data">(.*?)</script>', html, re.DOTALL)
    assert match, "no quiz data"
    return json.loads(match.group(1))[0]


def test_small_course_builds_with_quiz_and_overview(tmp_path, monkeypatch):
    root = make_course(tmp_path / "c")
    monkeypatch.chdir(root)
    result = build(root)
    assert result.exit_code == 0, result.output
    assert re.fullmatch(r"Built 9 pages for 1 module \(7 questions\) into .*site in \d+\.\d s\.\n", result.stdout)
    # Material 9.8's end-of-life banner, once and in one line (MkDocs prints it in 12 lines)
    assert re.fullmatch(
        r"Notice: Material for MkDocs, the theme of this site, reaches end of life on [A-Z][a-z]+ \d{1,2}, 20\d\d; "
        r"`course build --engine zensical` builds without it \(README: Platform\)\.\n",
        result.stderr,
    ), result.stderr
    page = (root / "site" / "modules" / "basics.html").read_text(encoding="utf-8")
    assert page.count('<form class="cb-quiz__question ') == 7
    data = quiz_data(page)["questions"]
    assert data[1] == {"correct": ["a", "b"], "id": "many", "type": "multiple"}  # shuffle: only when true
    assert data[3] == {"answer": {"l1": "r1", "l2": "r2", "l3": "r3"}, "id": "pairs", "type": "matching"}
    assert data[4] == {"answer": ["i1", "i2", "i3"], "id": "steps", "type": "ordering"}
    assert data[5] == {"accepted": ["Simple", "very simple"], "id": "word", "type": "short_answer"}
    assert (
        '<select id="q-basics-pairs-l1" name="l1">' in page and '<input type="text" id="q-basics-word-answer"' in page
    )
    order = re.findall(r'<li class="cb-quiz__item" data-item="(i\d)">', page)
    assert sorted(order) == ["i1", "i2", "i3"] and order != ["i1", "i2", "i3"]  # never shown in the answer's order
    assert '<legend class="cb-quiz__legend">' in page and 'type="checkbox"' in page
    assert '<li id="source-rulebook">' in page and 'href="#source-rulebook"' in page
    assert "Draft: not yet reviewed by a subject-matter expert." in page  # the builder's words: no draft_banner
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="modules/basics.html"' in home and "Who this course is for:" in home
    assert "about 15 minutes (1 module)" in home  # counted in the singular
    # contacts, diagrams and the glossary
    assert '<a href="tel:+18005550100">1-800-555-0100</a>' in page and '<a href="sms:12345">12345</a>' in page
    assert page.count('class="cb-diagram__svg"') == 1 and 'role="img"' in page
    assert 'id="d-basics-flow-arrow"' in page and 'marker-end="url(#d-basics-flow-arrow)"' in page
    assert 'aria-labelledby="d-basics-flow-title"' in page and "<figcaption>The rule in two steps</figcaption>" in page
    glossary = (root / "site" / "glossary.html").read_text(encoding="utf-8")
    assert '<dt id="term-era">Example Rule Authority (ERA)</dt>' in glossary and "<em>the rule</em>" in glossary
    assert '<a href="tel:911">911</a>' in home  # [[contacts]] on a course page
    for settings in ("contacts.yml", "glossary.yml", "diagrams/basics-flow.svg"):
        assert not (root / "site" / settings).exists()
    assert not (root / "site" / "course.yml").exists()
    assert not [
        p for p in (root / "site").rglob("*") if p.suffix in (".yml", ".yaml", ".svg") and "assets" not in p.parts
    ]
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".")) == []  # no temporary folder left
    # No blank lines or indentation between tags (compact_html), except where white space is content.
    for name in ("modules/basics.html", "index.html", "assessment.html"):
        html = re.sub(
            r"<(pre|code|script|style|textarea)\b.*?</\1>",
            "<kept>",
            (root / "site" / name).read_text(encoding="utf-8"),
            flags=re.DOTALL,
        )
        assert not re.search(r">[ \t]*\n[ \t\n]*[ \t\n]<", html), name


def test_compact_html_keeps_white_space_where_it_is_content():
    from builder.minify import compact_html

    page = (
        "<div>\n"
        "    <p>a  b</p>  \n"
        "\n"
        "  <pre>x\n"
        "   <b>y</b>\n"
        "</pre>\n"
        "  <CODE>q\n"
        "  <i>r</i></CODE>\n"
        " <script>var a = '> \n"
        " <';</script>\n"
        "</div>\n"
        "<b>x</b>\n"
        "  text\n"
        "<b>y</b>"
    )
    assert compact_html(page) == (
        "<div>\n"
        "<p>a  b</p>\n"
        "<pre>x\n"
        "   <b>y</b>\n"
        "</pre>\n"
        "<CODE>q\n"
        "  <i>r</i></CODE>\n"
        "<script>var a = '> \n"
        " <';</script>\n"
        "</div>\n"
        "<b>x</b>\n"
        "  text\n"
        "<b>y</b>"
    )


def test_failed_build_keeps_last_good_site_and_sources(tmp_path, monkeypatch):
    root = make_course(tmp_path / "c")
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    site_before = checksums(root / "site")
    quiz = root / "quizzes" / "basics.yml"
    quiz.write_text(
        quiz.read_text().replace(
            "        correct: true\n        feedback: Yes", "        corect: true\n        feedback: Yes"
        )
    )
    sources_before = {k: v for k, v in checksums(root).items() if not k.startswith("site/")}
    result = build(root)
    assert result.exit_code == 1
    assert "unknown key `corect`" in result.output and "The last good site was left as it was." in result.output
    assert checksums(root / "site") == site_before
    assert {k: v for k, v in checksums(root).items() if not k.startswith("site/")} == sources_before


def test_mkdocs_warning_fails_the_build_and_keeps_the_site(tmp_path, monkeypatch):
    root = make_course(tmp_path / "c")
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    before = checksums(root / "site")
    # (a broken link is `course check`'s now, before MkDocs runs: a navigation to a missing page is still MkDocs')
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "\nnav:\n  - index.md\n  - nowhere.md\n")
    result = build(root)
    assert result.exit_code == 1, result.output
    assert "nowhere.md" in result.output
    assert checksums(root / "site") == before
    assert not [p for p in root.iterdir() if p.name.startswith(".site")]


def test_quiz_text_stays_inert(tmp_path, monkeypatch):
    nasty = "</script><script>alert(1)</script> <b onclick=\"x()\">bold</b> & [link](javascript:alert(2))"
    root = make_course(
        tmp_path / "c",
        [
            ("quizzes/basics.yml", "    prompt: What is the rule?", f"    prompt: '{nasty}'"),
            ("quizzes/basics.yml", "        feedback: Yes, it is.", "        feedback: '<img src=x onerror=alert(3)>'"),
        ],
    )
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    page = (root / "site" / "modules" / "basics.html").read_text(encoding="utf-8")
    assert "alert(1)</script>" not in page.replace("&lt;/script&gt;", "")
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert '&lt;b onclick="x()"&gt;bold&lt;/b&gt; &amp;' in page  # shown as typed, as text
    assert "javascript:" not in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(3)&gt;" in page
    assert quiz_data(page)["module"] == "basics"  # the data block still parses


def test_json_data_escapes_markup_characters():
    from builder.render import json_for_html

    assert json_for_html({"a": "</script>&"}) == '{"a":"\\u003c/script\\u003e\\u0026"}'
    assert json.loads(json_for_html({"a": "</script>&"})) == {"a": "</script>&"}


def test_site_dir_over_sources_is_refused(tmp_path, monkeypatch):
    root = make_course(tmp_path / "c")
    monkeypatch.chdir(root)
    for bad in ("modules", ".", "course/sub", str(tmp_path)):
        result = build(root, "--site-dir", bad)
        assert result.exit_code == 1, bad
        assert "choose a folder such as site/" in result.output
    assert (root / "modules" / "01-basics.md").is_file()


def test_plain_mkdocs_build_works_and_output_is_clean(tmp_path):
    root = make_course(tmp_path / "c")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=root,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "modules" / "basics.html").is_file()
    course = subprocess.run([sys.executable, "-m", "builder", "build"], cwd=root, capture_output=True, text=True)
    assert (
        course.returncode == 0
        and course.stderr.startswith("Notice: Material for MkDocs")
        and len(course.stderr.splitlines()) == 1
    ), course.stderr
    assert len(course.stdout.splitlines()) == 1


def test_core_imports_nothing_from_mkdocs():
    code = (
        "import sys, builder.check, builder.render, builder.pages.module, builder.docs_tree, builder.loader; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'material')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert result.stdout.strip() == "[]", result.stdout + result.stderr


def test_builds_are_reproducible(tmp_path):
    """Two builds of the same sources (in different folders) with one SOURCE_DATE_EPOCH are byte-identical."""
    sites = []
    for name in ("a", "b"):
        root = make_course(tmp_path / name)
        env = {"SOURCE_DATE_EPOCH": "1764400000", "PATH": "/usr/bin:/bin"}
        result = subprocess.run(
            [sys.executable, "-m", "builder", "build"],
            cwd=root,
            capture_output=True,
            text=True,
            env=env,
        )
        assert result.returncode == 0, result.stderr
        sites.append(checksums(root / "site"))
    assert sites[0] == sites[1]
    assert len(sites[0]) > 10


def test_spanish_build_shows_spanish_strings(tmp_path, monkeypatch):
    """`language` in course.yml decides every string: the builder's tables, the navigation it adds
    and Material's own (mkdocs.yml says nothing of the language)."""
    from builder.i18n import STRINGS

    assert set(STRINGS["es"]) == set(STRINGS["en"]), "every English string has a Spanish one"
    root = make_course(tmp_path / "c", [("course/course.yml", "language: en", "language: es")])
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    page = (root / "site" / "modules" / "basics.html").read_text(encoding="utf-8")
    for text in (
        "Comprobación de conocimientos",
        "Objetivos de aprendizaje",
        "Comprobar respuesta",
        "Pregunta 1 de 7.",
        "Subir",
        "Fuentes",
    ):
        assert text in page, text
    assert "Check answer" not in page and "Knowledge check" not in page
    assert '"empty":"Elija primero una respuesta."' in (root / "site" / "assets" / "course" / "course.js").read_text(
        encoding="utf-8"
    )
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "A quién se dirige este curso:" in home and "Itinerario de aprendizaje" in home
    assert '<html lang="es"' in home  # Material's own strings follow
    for label in (
        "Inicio",
        "Módulos",
        "Mi progreso",
        "Autoevaluación final",
        "Certificado",
        "Imprimir todo el curso",
    ):
        assert f">{label}<" in home or f"{label}\n" in home, label
    assert "My progress" not in home and "Final self-assessment" not in home


def test_module_page_shows_last_change_from_git_only(tmp_path, monkeypatch):
    root = make_course(tmp_path / "c")
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    # not a git repository: no date
    assert "Last changed" not in (root / "site" / "modules" / "basics.html").read_text()
    env = {
        "GIT_AUTHOR_NAME": "Trainer",
        "GIT_AUTHOR_EMAIL": "t@example.org",
        "GIT_COMMITTER_NAME": "Trainer",
        "GIT_COMMITTER_EMAIL": "t@example.org",
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    subprocess.run(["git", "init", "-q"], cwd=root, check=True, env=env)
    for args, date in (
        (["add", "-A"], None),
        (["commit", "-qm", "first"], "2020-02-03T10:00:00"),
        (["commit", "-qm", "quiz", "--allow-empty"], "2021-05-06T10:00:00"),
    ):
        subprocess.run(
            ["git", *args],
            cwd=root,
            check=True,
            env={**env, **({"GIT_COMMITTER_DATE": date, "GIT_AUTHOR_DATE": date} if date else {})},
        )
    result = build(root)
    assert result.exit_code == 0
    page = (root / "site" / "modules" / "basics.html").read_text()
    assert "15 minutes · Last changed 2020-02-03</p>" in page  # the empty commit touched no file
    assert "Trainer" not in page  # no author names are published


def test_whole_course_print_page(tmp_path, monkeypatch):
    root = make_course(
        tmp_path / "c",
        [
            (
                "modules/02-more.md",
                (root_text := (MINIMAL / "modules" / "01-basics.md").read_text())
                .replace("id: basics", "id: more")
                .replace("title: Basics", "title: More"),
            ),
            (
                "quizzes/more.yml",
                (MINIMAL / "quizzes" / "basics.yml").read_text().replace("module: basics", "module: more"),
            ),
        ],
    )
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0, build(root).output
    page = (root / "site" / "modules" / "all-modules.html").read_text()
    assert "<h1" in page and page.count('<section class="cb-quiz"') == 2
    ids = re.findall(r'\sid="([^"]+)"', page)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert 'id="basics-knowledge-check"' in page and 'id="more-knowledge-check"' in page
    assert 'href="#more-source-rulebook"' in page
    assert "all-modules" not in (root / "site" / "search" / "search_index.json").read_text()
    assert root_text  # the second module is a copy of the first under another id


def test_print_page_setting(tmp_path, monkeypatch):
    root = make_course(
        tmp_path / "c", [("course/course.yml", "progress_epoch: 1", "progress_epoch: 1\nprint_page: never")]
    )
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    assert not (root / "site" / "modules" / "all-modules.html").exists()
    assert "all-modules" not in (root / "site" / "index.html").read_text()  # no navigation entry either
    course, _ = check_course(root)
    many = dataclasses.replace(course, modules=course.modules * PRINT_PAGE_AUTO_MODULES)
    assert not course.has_print_page and not many.has_print_page
    for setting, few, lots in (("auto", True, False), ("always", True, True)):
        course = dataclasses.replace(course, meta=course.meta.model_copy(update={"print_page": setting}))
        assert (
            course.has_print_page,
            dataclasses.replace(course, modules=course.modules * (PRINT_PAGE_AUTO_MODULES + 1)).has_print_page,
        ) == (few, lots), setting
        assert dataclasses.replace(course, modules=course.modules * PRINT_PAGE_AUTO_MODULES).has_print_page


def test_build_checks_the_course_once(tmp_path, monkeypatch):
    import builder.check
    import builder.plugin

    calls = []
    counted = lambda root: calls.append(root) or builder.check.check_course(root)  # noqa: E731
    monkeypatch.setattr(builder.plugin, "check_course", counted)
    root = make_course(tmp_path / "c")
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    assert calls == []  # the plugin builds the course `course build` has checked


def test_reserved_module_id(tmp_path):
    root = make_course(
        tmp_path / "c",
        [
            ("modules/01-basics.md", "id: basics", "id: all-modules"),
            ("quizzes/basics.yml", "module: basics", "module: all-modules"),
        ],
    )
    result = CliRunner().invoke(cli, ["check", "--root", str(root)])
    assert result.exit_code == 1 and "[reserved-module-id]" in result.output


def test_module_pages_carry_every_interface_string_quiz_js_uses():
    """course.js carries the strings of quiz.js and the question types' grading parts
    (QUIZ_STRINGS): none may be missing. A type names some by key (`empty: "empty_short"`)."""
    from builder.i18n import STRINGS
    from builder.minify import FORM_MARK
    from builder.questions import PARTIALS
    from builder.render import QUIZ_STRINGS

    assets = REPO / "builder" / "assets"  # the sources: minifying shortens the names `s` and `strings`
    grading = [(assets / "questions" / f"{p}.js").read_text(encoding="utf-8").partition(FORM_MARK)[0] for p in PARTIALS]
    source = (assets / "quiz.js").read_text(encoding="utf-8") + "".join(grading)
    used = set(re.findall(r"\b(?:s|strings)\.([a-z_]+)", source)) | set(re.findall(r'"([a-z_]+)"', source))
    known = {key[3:] for key in STRINGS["en"] if key.startswith("js_")}
    assert used & known == set(QUIZ_STRINGS)


def test_material_content_script_only_with_content_tabs(tmp_path):
    """Material's content script restores content tabs: published and loaded only with pymdownx.tabbed."""
    plain = make_course(tmp_path / "plain")
    tabbed = make_course(
        tmp_path / "tabbed", [("mkdocs.yml", "  - admonition\n", "  - admonition\n  - pymdownx.tabbed\n")]
    )
    for root, expected in ((plain, False), (tabbed, True)):
        result = build(root)
        assert result.exit_code == 0, result.output
        page = (root / "site" / "modules" / "basics.html").read_text(encoding="utf-8")
        assert ("assets/course/material-content.js" in page) is expected
        assert (root / "site" / "assets" / "course" / "material-content.js").exists() is expected


def test_scenario_script_and_styles_only_on_scenario_pages(tmp_path):
    """The scenario player is not part of every page's course.js: scenario pages load their own."""
    with_scenario = make_course(tmp_path / "with")
    without = make_course(tmp_path / "without", [("scenarios/first-call.yml", None)])
    for root, expected in ((with_scenario, True), (without, False)):
        result = build(root)
        assert result.exit_code == 0, result.output
        site = root / "site"
        for name in ("scenario.js", "scenario.css"):
            assert (site / "assets" / "course" / name).exists() is expected
            assert name not in (site / "modules" / "basics.html").read_text(encoding="utf-8")
        assert "setupScenario" not in (site / "assets" / "course" / "course.js").read_text(encoding="utf-8")
    page = (with_scenario / "site" / "scenarios" / "first-call.html").read_text(encoding="utf-8")
    assert (
        '<link rel="stylesheet" href="../assets/course/scenario.css">' in page
        and '<script src="../assets/course/scenario.js" defer></script>' in page
    )


def test_a_build_leaves_the_process_warning_filters_as_they_were(tmp_path):
    """Library warnings are silenced around the build only: the DeprecationWarning gate in
    pyproject.toml (and any caller's filters) still hold after `build_site`."""
    import warnings

    from builder.site import build_site

    root = make_course(tmp_path / "c")
    before = list(warnings.filters)
    build_site(root, tmp_path / "site")
    assert warnings.filters == before


def test_a_loaded_course_holds_no_cycles_and_a_build_unfreezes_the_collector(tmp_path, monkeypatch):
    """`loader.frozen` keeps the cyclic garbage collector off what is loaded while a course is
    checked and built: safe only because a loaded course is freed by reference counting alone,
    and only if the process gets its collector back afterwards (tests and `serve` build many)."""
    import gc

    gc.collect()
    course, report = check_course(REPO)
    assert course.question_count > 100 and not report.errors
    del course, report
    assert gc.collect() == 0, "the loaded default course left cyclic garbage: it may not be frozen"
    root = make_course(tmp_path / "c")
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    assert gc.get_freeze_count() == 0


#: The lines of Material's partials that builder/theme/ changes, and what it puts there.
NAV_CHANGES = {
    "nav.html": (
        "{{ item.render(nav_item, path, 1) }}",
        "{{ course_nav_item(item.render, nav_item, path, 1, none, page) }}",
    ),
    "nav-item.html": (
        '{{ render(item, path ~ "_" ~ loop.index, level + 1, nav_item) }}',
        '{{ course_nav_item(render, item, path ~ "_" ~ loop.index, level + 1, nav_item, page) }}',
    ),
}


def test_navigation_partials_are_materials_with_one_change():
    """builder/theme/partials/nav.html and nav-item.html are the installed Material's files but
    for their header and the one call they route through the plugin: when Material changes
    them, this fails and the copies are made again."""
    import material

    for name, (theirs, ours) in NAV_CHANGES.items():
        material_text = (Path(material.__file__).parent / "templates" / "partials" / name).read_text(encoding="utf-8")
        our_text = (REPO / "builder" / "theme" / "partials" / name).read_text(encoding="utf-8")
        assert material_text.count(theirs) == 1, (
            f"Material's {name} changed: copy it again into builder/theme/partials/"
        )
        expected = material_text.split("-#}\n", 1)[1].replace(theirs, ours)
        assert our_text.split("-#}\n", 1)[1] == expected, (
            f"builder/theme/partials/{name} is no longer Material's file with one change"
        )


def test_navigation_rendered_once_per_folder_is_what_material_renders(tmp_path, monkeypatch):
    """Entries of the navigation are rendered once per folder and reused (builder/plugin.py,
    on_env): every page comes out as Material renders it entry by entry, with the features that
    change how entries render (tabs, sections, index pages, expanded and pruned sections)."""
    from builder.plugin import CoursePlugin
    from builder.site import build_site

    root = tmp_path / "course"
    for name in ("course", "modules", "quizzes", "scenarios"):
        shutil.copytree(REPO / name, root / name)
    features = "".join(f"    - navigation.{f}\n" for f in ("tabs", "sections", "indexes", "expand", "prune"))
    settings = (REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("  features:\n", "  features:\n" + features, 1)
    (root / "mkdocs.yml").write_text(settings, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build_site(root, tmp_path / "kept")
    on_env = CoursePlugin.on_env

    def every_time(self, env, config, files):
        on_env(self, env, config, files)
        env.globals["course_nav_item"] = lambda render, item, path, level, parent, page: render(
            item,
            path,
            level,
            parent,
        )
        return env

    monkeypatch.setattr(CoursePlugin, "on_env", every_time)
    build_site(root, tmp_path / "each")
    pages = sorted(p.relative_to(tmp_path / "each") for p in (tmp_path / "each").rglob("*.html"))
    module_page = next(p for p in pages if p.parts[0] == "modules" and p.name != "all-modules.html")
    assert len(pages) > 20 and "md-nav__item--section" in (tmp_path / "each" / module_page).read_text(encoding="utf-8")
    for page in pages:
        assert (tmp_path / "kept" / page).read_text(encoding="utf-8") == (tmp_path / "each" / page).read_text(
            encoding="utf-8"
        ), page


def test_search_index_follows_the_course_language(tmp_path, monkeypatch):
    """Material's search plugin picks its stemmer from theme.language in its own on_config: the
    course plugin must have set it from course.yml before then."""
    root = make_course(tmp_path / "c", [("course/course.yml", "language: en", "language: es")])
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    index = json.loads((root / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["es"]


def test_settings_and_sources_are_never_published(tmp_path, monkeypatch):
    """Every YAML file under course/ is a setting (or a trainer's own notes), and diagram sources
    are inlined into the pages that use them: none of them is copied into the site."""
    root = make_course(tmp_path / "c", [
        ("course/local/local.yml", "agency: Springfield Police Department\n"),
        ("course/local/notes.yml", "reviewer: J. Doe, phone 555-0100\n"),
        ("course/drafts/plan.yaml", "next: module 2\n"),
        ("course/diagrams/unused.svg", (MINIMAL / "course" / "diagrams" / "basics-flow.svg").read_text()),
    ])
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    site = root / "site"
    published = sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())
    assert not [
        p for p in published if p.endswith((".yml", ".yaml")) or p.startswith(("diagrams/", "local/", "drafts/"))
    ], published
    assert "modules/basics.html" in published


def test_draft_banner_text_is_a_setting(tmp_path, monkeypatch):
    """`draft_banner` in course.yml replaces the language's "Draft: not yet reviewed by a subject-matter expert." on
    every module no named reviewer has signed off, and in the outline; it is text, not markup."""
    words = "Draft: not yet approved by the academy's curriculum board <b>."
    root = make_course(
        tmp_path / "c", [("course/course.yml", "pass_mark: 80", f'pass_mark: 80\ndraft_banner: "{words}"')]
    )
    monkeypatch.chdir(root)
    assert build(root).exit_code == 0
    page = (root / "site" / "modules" / "basics.html").read_text(encoding="utf-8")
    assert "<strong>Draft: not yet approved by the academy&#39;s curriculum board &lt;b&gt;.</strong>" in page
    assert "subject-matter expert." not in page
    out = tmp_path / "outline.md"
    assert CliRunner().invoke(cli, ["export", "outline", "--root", str(root), "-o", str(out)]).exit_code == 0
    outline = out.read_text(encoding="utf-8")
    assert "curriculum board" in outline and "<b>" not in outline  # escaped for Markdown
