"""Exports of a checked course for learning management systems (no MkDocs here).

Each format module provides `export(course: Course) -> Export`: the file's bytes and the
questions it could not express (reported to the trainer, never silently dropped).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field

#: Zip entries get this fixed time, so the same course gives a byte-identical file.
FIXED_ZIP_TIME = (2000, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Export:
    data: bytes
    #: "<module>/<question>: reason" for each question the format cannot express
    skipped: list[str] = field(default_factory=list)
    items: int = 0


def deterministic_zip(files: dict[str, bytes]) -> bytes:
    """A zip with sorted entries, fixed timestamps and fixed permissions."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, files[name])
    return buffer.getvalue()
