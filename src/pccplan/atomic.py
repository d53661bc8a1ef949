"""Writing files so that a reader never sees half of one: temporary file, then replace."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

__all__ = ["write_atomic"]


def _mode_for(target: Path) -> int:
    """The permission bits a plain `open(target, "wb")` would leave the file with."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)  # reading the umask means setting it; put it straight back
        return 0o666 & ~umask


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder, then replace.

    Either the whole new file is there afterwards or the old one (if any) is untouched; the
    temporary file is removed on any failure. The file gets the mode an ordinary write would
    give it (an existing file's mode, else the umask's), not the private mode of a temporary
    file. Returns the path written.
    """
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    fd, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, _mode_for(target))
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    return target
