"""`course serve`: live preview that rebuilds once per edit of a module or a quiz."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

import pytest
from course_helpers import free_port, make_course, start_serve, wait_for

pytestmark = pytest.mark.slow  # starts preview servers and waits for rebuilds


def test_serve_rebuilds_once_per_edit(tmp_path):
    root = make_course(tmp_path / "c")
    port = free_port()
    proc, lines = start_serve(root, port, "mkdocs")
    try:
        wait_for(lines, "Serving on")
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/modules/basics.html", timeout=10).read().decode()
        assert "What is the rule?" in page
        quiz = root / "quizzes" / "basics.yml"
        quiz.write_text(quiz.read_text().replace("What is the rule?", "What is the new rule?"))
        wait_for(lines, "Reloading browsers")
        time.sleep(3)  # a build that wrote into a watched folder would trigger more rebuilds here
        assert sum("Building documentation" in line for line in lines) == 2, "".join(lines)
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/modules/basics.html", timeout=10).read().decode()
        assert "What is the new rule?" in page
        module = root / "modules" / "01-basics.md"
        module.write_text(module.read_text() + "\nOne more line.\n")
        wait_for(lines, "Reloading browsers", count=2)
        assert not [line for line in lines if "Traceback" in line or "Warning" in line]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _get(url: str) -> tuple[int, str]:
    """Status and text of a page; a request that hangs fails the test (timeout)."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_serve_shows_the_located_errors_and_recovers(tmp_path):
    """A save that breaks the course turns every page of the preview into the list of located
    problems (no request hangs, as MkDocs' own server does after a failed rebuild), with the
    live-reload script, so the browser comes back to the page by itself once the course is fixed.
    A course that is broken when serve starts is served the same way."""
    root = make_course(
        tmp_path / "c",
        [("quizzes/basics.yml", "      - text: It is hard.\n", "      - text: It is hard.\n        correct: true\n")],
    )
    port = free_port()
    proc, lines = start_serve(root, port, "mkdocs")
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(lines, "Serving on")
        status, page = _get(f"{base}/modules/basics.html")
        assert status == 500
        assert "<h1>The course cannot be built</h1>" in page and "Found 1 error and 0 warnings in 1 file." in page
        assert '<span class="where">quizzes/basics.yml:12:18</span>' in page
        assert (
            "single question `rule` has 2 correct options; it needs exactly one" in page
            and "Hint: keep one `correct: true`" in page
        )
        assert "/livereload/" in page  # reloads by itself when fixed
        assert _get(f"{base}/")[0] == 500 and _get(f"{base}/progress.html")[0] == 500

        quiz = root / "quizzes" / "basics.yml"
        quiz.write_text(
            quiz.read_text().replace(
                "      - text: It is hard.\n        correct: true\n", "      - text: It is hard.\n"
            )
        )
        wait_for(lines, "Reloading browsers")
        status, page = _get(f"{base}/modules/basics.html")
        assert status == 200 and "What is the rule?" in page

        module = root / "modules" / "01-basics.md"
        module.write_text(
            module.read_text()
            .replace("[[diagram:basics-flow]]", "[[diagram:basic-flow]]")
            .replace("duration: 15", "duraton: 15")
        )
        wait_for(lines, "Reloading browsers", count=2)
        status, page = _get(f"{base}/modules/basics.html")
        assert (
            status == 500 and "modules/01-basics.md:5:1" in page and "no diagram course/diagrams/basic-flow.svg" in page
        )
        assert "Found 2 errors" in page

        site_config = root / "mkdocs.yml"
        site_config.write_text(site_config.read_text() + "theme: [\n")
        wait_for(lines, "Reloading browsers", count=3)
        status, page = _get(f"{base}/modules/basics.html")
        assert status == 500 and "MkDocs stopped the build of the site." in page and "mkdocs.yml" in page
        assert not [line for line in lines if "Traceback" in line]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _page(port: int, path: str) -> str:
    return urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=10).read().decode()


def test_serve_with_zensical_rebuilds_on_edit_and_keeps_the_last_good_site(tmp_path):
    root = make_course(tmp_path / "c")
    port = free_port()
    proc, lines = start_serve(root, port, "zensical")
    try:
        wait_for(lines, "Serving on", timeout=60)
        page = _page(port, "modules/basics.html")
        assert "What is the rule?" in page and 'content="zensical-' in page
        quiz = root / "quizzes" / "basics.yml"
        quiz.write_text(quiz.read_text().replace("What is the rule?", "What is the new rule?"))
        wait_for(lines, "reload the page", count=2, timeout=60)
        assert "What is the new rule?" in _page(port, "modules/basics.html")
        quiz.write_text(
            quiz.read_text().replace(
                "        correct: true\n        feedback: Yes", "        corect: true\n        feedback: Yes"
            )
        )
        wait_for(lines, "still serving the last good site", timeout=60)
        assert "What is the new rule?" in _page(port, "modules/basics.html")
        assert not [line for line in lines if "Traceback" in line]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_with_properdocs_runs_our_plugin(tmp_path):
    root = make_course(tmp_path / "c")
    port = free_port()
    proc, lines = start_serve(root, port, "properdocs")
    try:
        wait_for(lines, "Serving on", timeout=60)
        page = _page(port, "modules/basics.html")
        assert "What is the rule?" in page and 'content="mkdocs-ProperDocs' in page
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    with pytest.raises(OSError):  # no server left behind: `course serve` became ProperDocs' (exec)
        _page(port, "modules/basics.html")
