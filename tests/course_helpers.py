"""Test helpers: a copy of the minimal fixture course with edits applied; golden-file comparison;
`course serve` started in a child process and read line by line."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

HERE = Path(__file__).parent
MINIMAL = HERE / "fixtures" / "minimal"
GOLDEN_CHECK = HERE / "golden" / "check"
REPO = HERE.parent

class Link(str):
    """Edit content meaning: make the path a symbolic link to this target."""


#: An edit: (path, old, new) replaces text once; (path, content) writes a file; (path, None)
#: deletes it; (path, Link(target)) makes it a symbolic link.
Edit = tuple[str, str, str] | tuple[str, str | bytes | None]


def make_course(dest: Path, edits: list[Edit] = ()) -> Path:  # type: ignore[assignment]
    """Copy tests/fixtures/minimal to `dest` (without any built site) and apply `edits`."""
    shutil.copytree(MINIMAL, dest, ignore=shutil.ignore_patterns("site", ".site-*"))
    apply_edits(dest, edits)
    return dest


def apply_edits(dest: Path, edits: list[Edit]) -> None:
    """Apply edits (see `Edit`) to a course folder."""
    for edit in edits:
        file = dest / edit[0]
        if len(edit) == 3:
            text = file.read_text(encoding="utf-8")
            old, new = edit[1], edit[2]  # type: ignore[misc]
            assert old in text, f"{edit[0]} has no {old!r}"
            file.write_text(text.replace(old, new, 1), encoding="utf-8")
        elif edit[1] is None:
            file.unlink()
        elif isinstance(edit[1], Link):
            if file.exists():
                file.unlink()
            file.symlink_to(str(edit[1]))
        else:
            file.parent.mkdir(parents=True, exist_ok=True)
            content = edit[1]
            file.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))



UPDATE_GOLDEN = os.environ.get("UPDATE_GOLDEN") == "1"


def assert_golden(path: Path, actual: str) -> None:
    """Compare with a golden file; UPDATE_GOLDEN=1 rewrites it (then review the diff in git)."""
    if UPDATE_GOLDEN or not path.exists():
        if not UPDATE_GOLDEN:
            pytest.fail(f"missing golden file {path}: run with UPDATE_GOLDEN=1 and review it")
        path.write_text(actual, encoding="utf-8")
    assert actual == path.read_text(encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_serve(root: Path, port: int, engine: str = "mkdocs") -> tuple[subprocess.Popen[str], list[str]]:
    """`course serve` on `port`, and the list its output lines are read into as they come."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "builder", "serve", "--root", str(root), "-a", f"127.0.0.1:{port}", "--engine", engine],
        stderr=subprocess.STDOUT,
        stdout=subprocess.PIPE,
        text=True,
    )
    lines: list[str] = []
    threading.Thread(
        target=lambda: lines.extend(iter(proc.stdout.readline, "")),  # type: ignore[union-attr]
        daemon=True,
    ).start()
    return proc, lines


def wait_for(lines: list[str], text: str, count: int = 1, timeout: float = 30) -> None:
    """Until `text` has been in `count` of the lines, or fail after `timeout` seconds with all of them."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sum(text in line for line in lines) >= count:
            return
        time.sleep(0.1)
    raise AssertionError(f"{text!r} ×{count} not seen in {timeout} s:\n" + "".join(lines))
