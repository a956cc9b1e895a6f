"""The ProperDocs adapter: the MkDocs adapter run by ProperDocs, in a child process.

ProperDocs (a maintained fork of MkDocs 1.x) loads plugins of the `mkdocs.plugins` entry-point
group and, once `properdocs.replacement` is imported, redirects every `mkdocs.*` import of the
process to itself, so our plugin and Material run unchanged. That redirection is process-wide
and cannot be undone, and MkDocs may already be loaded in this process: hence the child process
(`python -m builder.engines.properdocs build|serve …`). The child checks the course again
(about a second for the default course).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from builder.engines import BuildFailed

if TYPE_CHECKING:
    from builder.course import Course

#: Where the child writes why the build failed (stdout; its log goes to stderr).
FAILED = "course-build-failed: "


def build(root: Path, config_file: Path, out: Path, edition: str, checked: Course | None) -> None:
    """Build into `out` in a child process; its warnings and errors are passed on to stderr."""
    command = [
        sys.executable,
        "-m",
        "builder.engines.properdocs",
        "build",
        str(root),
        str(config_file),
        str(out),
        edition,
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.stderr:
        sys.stderr.write(result.stderr)
    if result.returncode != 0:
        failed = [line.removeprefix(FAILED) for line in result.stdout.splitlines() if line.startswith(FAILED)]
        raise BuildFailed(json.loads(failed[-1]) if failed else f"ProperDocs stopped (exit code {result.returncode})")


def serve(root: Path, dev_addr: str) -> None:
    """`properdocs serve` with live reload, in this process's place (exec): Ctrl-C and signals
    reach ProperDocs itself, and no server is left behind."""
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "builder.engines.properdocs", "serve", str(root), dev_addr])


def notices() -> list[str]:
    """ProperDocs renders with Material for MkDocs too: the same notice."""
    from builder.engines import mkdocs

    return mkdocs.notices()


def _main(argv: list[str]) -> int:
    import properdocs.replacement  # noqa: F401  # every mkdocs.* import from here on is ProperDocs

    from builder.engines import mkdocs

    if argv[0] == "serve":
        mkdocs.serve(Path(argv[1]), argv[2])
        return 0
    root, config_file, out, edition = argv[1:5]
    try:
        mkdocs.build(Path(root), Path(config_file), Path(out), edition, None)
    except BuildFailed as exc:
        print(FAILED + json.dumps(str(exc)))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
