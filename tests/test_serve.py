"""`course serve`: live preview that rebuilds once per edit of a module or a quiz."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest
from course_helpers import make_course


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(lines: list[str], text: str, count: int = 1, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sum(text in line for line in lines) >= count:
            return
        time.sleep(0.1)
    raise AssertionError(f"{text!r} ×{count} not seen in {timeout} s:\n" + "".join(lines))


def test_serve_rebuilds_once_per_edit(tmp_path):
    root = make_course(tmp_path / "c")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "builder", "serve", "--root", str(root), "-a", f"127.0.0.1:{port}"],
        stderr=subprocess.STDOUT,
        stdout=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True).start()  # type: ignore[union-attr]
    try:
        _wait_for(lines, "Serving on")
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/modules/basics.html", timeout=10).read().decode()
        assert "What is the rule?" in page
        quiz = root / "quizzes" / "basics.yml"
        quiz.write_text(quiz.read_text().replace("What is the rule?", "What is the new rule?"))
        _wait_for(lines, "Reloading browsers")
        time.sleep(3)  # a build that wrote into a watched folder would trigger more rebuilds here
        assert sum("Building documentation" in line for line in lines) == 2, "".join(lines)
        page = urllib.request.urlopen(f"http://127.0.0.1:{port}/modules/basics.html", timeout=10).read().decode()
        assert "What is the new rule?" in page
        module = root / "modules" / "01-basics.md"
        module.write_text(module.read_text() + "\nOne more line.\n")
        _wait_for(lines, "Reloading browsers", count=2)
        assert not [line for line in lines if "Traceback" in line or "Warning" in line]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _serve(root, port: int, engine: str):  # type: ignore[no-untyped-def]
    proc = subprocess.Popen(
        [sys.executable, "-m", "builder", "serve", "--root", str(root), "-a", f"127.0.0.1:{port}", "--engine", engine],
        stderr=subprocess.STDOUT,
        stdout=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    threading.Thread(target=lambda: lines.extend(iter(proc.stdout.readline, "")), daemon=True).start()  # type: ignore[union-attr]
    return proc, lines


def _page(port: int, path: str) -> str:
    return urllib.request.urlopen(f"http://127.0.0.1:{port}/{path}", timeout=10).read().decode()


def test_serve_with_zensical_rebuilds_on_edit_and_keeps_the_last_good_site(tmp_path):
    root = make_course(tmp_path / "c")
    port = _free_port()
    proc, lines = _serve(root, port, "zensical")
    try:
        _wait_for(lines, "Serving on", timeout=60)
        page = _page(port, "modules/basics.html")
        assert "What is the rule?" in page and 'content="zensical-' in page
        quiz = root / "quizzes" / "basics.yml"
        quiz.write_text(quiz.read_text().replace("What is the rule?", "What is the new rule?"))
        _wait_for(lines, "reload the page", count=2, timeout=60)
        assert "What is the new rule?" in _page(port, "modules/basics.html")
        quiz.write_text(quiz.read_text().replace("        correct: true\n        feedback: Yes", "        corect: true\n        feedback: Yes"))
        _wait_for(lines, "still serving the last good site", timeout=60)
        assert "What is the new rule?" in _page(port, "modules/basics.html")
        assert not [line for line in lines if "Traceback" in line]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_serve_with_properdocs_runs_our_plugin(tmp_path):
    root = make_course(tmp_path / "c")
    port = _free_port()
    proc, lines = _serve(root, port, "properdocs")
    try:
        _wait_for(lines, "Serving on", timeout=60)
        page = _page(port, "modules/basics.html")
        assert "What is the rule?" in page and 'content="mkdocs-ProperDocs' in page
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    with pytest.raises(OSError):  # no server left behind: `course serve` became ProperDocs' (exec)
        _page(port, "modules/basics.html")
