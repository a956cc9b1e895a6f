"""`course serve`: live preview that rebuilds once per edit of a module or a quiz."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request

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
