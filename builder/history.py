"""When each source file last changed, from git (no MkDocs here).

Dates come from commits, never from file times, so two builds of one commit agree. Outside a
git repository (or without git) there are no dates, and pages simply do not show them.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path


def last_changed(root: Path, folders: tuple[str, ...] = ("modules", "quizzes", "course")) -> dict[str, datetime.date]:
    """Path (relative to `root`, POSIX) → date of the last commit that touched it."""
    try:
        result = subprocess.run(
            ["git", "-C", str(root), "log", "--format=%x00%cs", "--name-only", "--relative", "--", *folders],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return {}
    if result.returncode != 0:
        return {}
    dates: dict[str, datetime.date] = {}
    current: datetime.date | None = None
    for line in result.stdout.splitlines():
        if line.startswith("\x00"):
            current = datetime.date.fromisoformat(line[1:].strip())
        elif line and current is not None:
            dates.setdefault(line, current)  # the log is newest first
    return dates
