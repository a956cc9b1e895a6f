"""What a build keeps on disk to go faster next time: minified scripts (builder/minify.py) and
compiled templates (Jinja's bytecode, for the builder's templates and the theme's). Only a
speed-up: a missing, unreadable, corrupt or unwritable cache costs the time, never the build."""

from __future__ import annotations

import os
from pathlib import Path

from jinja2 import BytecodeCache, FileSystemBytecodeCache
from jinja2.bccache import Bucket


def cache_dir(name: str) -> Path:
    """`$XDG_CACHE_HOME/course-builder/<name>` (default `~/.cache/...`), not created here."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "course-builder" / name


class _TemplateCache(FileSystemBytecodeCache):
    """Jinja's file cache of compiled templates, keyed by template name and a checksum of its
    source (a changed template compiles again) and by Python's bytecode version. Its folder is
    made when first written, and a failure to read or write it is a miss."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, EOFError, ValueError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        try:
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)
        except OSError:
            pass


def template_cache() -> BytecodeCache:
    """Compiled templates of every build of this user: compiling the theme's and the builder's
    templates from source was about a tenth of a second of every build."""
    return _TemplateCache(str(cache_dir("templates")))
