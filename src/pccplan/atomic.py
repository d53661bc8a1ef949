"""Writing files so that a reader never sees half of one, and a killed save leaves nothing behind."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["NEW_FILE_MODE", "STALE_AFTER", "abandoned", "owner", "owner_ended", "write_atomic"]

STALE_AFTER = 3600
"""Seconds after which a named temporary file is removed even when its owner may still live.

A save takes seconds; an hour covers a reused process id and a save from another machine
(a shared folder), whose process this machine cannot see.
"""

# Why these errors mean "no unnamed temporary file here" and not a failed save: EOPNOTSUPP and
# EISDIR come from file systems and kernels without O_TMPFILE, EINVAL from some FUSE file systems,
# ENOENT/EACCES/EPERM from a missing /proc or one we may not use, EXDEV from a /proc that cannot
# link. Anything else (ENOSPC, EROFS, EIO) would fail the named way too, so it is raised.
_NO_UNNAMED = frozenset(
    {errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT, errno.EACCES, errno.EPERM, errno.EXDEV}
)

# O_BINARY matters on Windows only; O_CLOEXEC keeps the file from programs started meanwhile.
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)

_TEMPORARY = re.compile(r"\..+\.pccplan-(?P<host>[0-9a-f]{8})-(?P<pid>[0-9]+)-[0-9a-f]+\.tmp")


NEW_FILE_MODE = 0o666
"""The mode a new file is created with before the umask (or the folder's default ACL) applies."""


def _existing_mode(target: Path) -> int | None:
    """The permission bits of the file at `target`, which a save keeps; None when there is none.

    A new file is left to the kernel (``NEW_FILE_MODE`` less the umask, or the folder's
    default ACL), as a plain ``open(target, "wb")`` would: reading the umask would mean
    setting it, which races with other threads creating files.
    """
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return None


def _host() -> str:
    """This machine's name as 8 hex digits: a process id means something only on its own machine."""
    if hasattr(os, "uname"):  # what socket.gethostname() returns on POSIX, without loading socket
        name = os.uname().nodename
    else:
        import socket

        name = socket.gethostname()
    return f"{zlib.crc32(name.encode('utf-8', 'replace')):08x}"


def owner() -> str:
    """This process as ``HOST-PID`` (8 hex digits of the machine's name, then the process id).

    Put in the name of a temporary file or folder, it lets a later run tell whether the
    process that made it is gone (`owner_ended`).
    """
    return f"{_host()}-{os.getpid()}"


def owner_ended(host: str, pid: int) -> bool:
    """Whether process `pid` of machine `host` (as in `owner`) has ended, as far as can be told.

    False for another machine's process (this one cannot see it) and for a process that
    exists but belongs to someone else.
    """
    if host != _host():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    except OverflowError:
        return True  # no process can have that id
    return False


def _temporary_name(target: Path) -> Path:
    """A fresh name for a temporary file beside `target` that says whose it is (`owner`)."""
    # os.urandom is what secrets.token_hex uses; secrets itself would load hashlib and OpenSSL.
    return target.with_name(f".{target.name}.pccplan-{owner()}-{os.urandom(4).hex()}.tmp")


def abandoned(name: str, info: os.stat_result, pattern: re.Pattern[str], kind: Callable[[int], bool]) -> bool:
    """Whether `name` is what a pccplan process left behind and can no longer finish.

    `pattern` is how pccplan names such things, with groups ``host`` and ``pid`` (as in
    `owner`; both may be missing from names older versions made); `info` is the entry's
    own (not followed) status and `kind` tests its mode, such as `stat.S_ISREG`. Only this
    user's entries count, and only once their process has ended or they are older than
    `STALE_AFTER` seconds.
    """
    found = pattern.fullmatch(name)
    if found is None or not kind(info.st_mode) or info.st_uid != os.getuid():
        return False
    if time.time() - info.st_mtime > STALE_AFTER:
        return True
    return found["pid"] is not None and owner_ended(found["host"], int(found["pid"]))


def _remove_stale(folder: Path) -> None:
    """Remove the temporary files of killed saves from `folder`.

    Only pccplan's own names are touched, only files this user owns, and only when the process
    that named them is gone (or the file is older than `STALE_AFTER`). Never fails a save: a
    folder that cannot be listed is simply left as it is.
    """
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") and entry.name.endswith(".tmp"):
                with contextlib.suppress(OSError):
                    if abandoned(entry.name, entry.stat(follow_symlinks=False), _TEMPORARY, stat.S_ISREG):
                        os.unlink(entry.path)


def _write_all(fd: int, data: bytes) -> None:
    """Write all of `data` to `fd` (a write may take only part of it) and flush it to the disk."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.fsync(fd)


def _open_unnamed(folder: Path) -> int | None:
    """A new file in `folder` that has no name yet, or None where there are none.

    Linux's O_TMPFILE: if the process dies before the file is linked, the kernel frees it, so a
    killed save leaves nothing at all.
    """
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag:
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY | os.O_CLOEXEC, NEW_FILE_MODE)
    except OSError as error:
        if error.errno in _NO_UNNAMED:
            return None
        raise


def _link_unnamed(fd: int, name: Path) -> bool:
    """Give the unnamed file `fd` the name `name`; False when /proc cannot do it."""
    try:
        proc = os.open("/proc/self/fd", os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as error:
        if error.errno in _NO_UNNAMED:
            return False
        raise
    try:
        # A plain link() would link the /proc symlink itself (EXDEV); linkat with
        # AT_SYMLINK_FOLLOW, which a src_dir_fd selects, links the file it points at.
        os.link(str(fd), name, src_dir_fd=proc, follow_symlinks=True)
    except OSError as error:
        if error.errno in _NO_UNNAMED:
            return False
        raise
    finally:
        os.close(proc)
    return True


@contextlib.contextmanager
def _named_on_failure(name: Path) -> Iterator[None]:
    """Remove the temporary file `name` if the block fails."""
    try:
        yield
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise


def _place_unnamed(fd: int, target: Path) -> bool:
    """Put the written unnamed file `fd` at `target`; False when it cannot be linked at all."""
    name = _temporary_name(target)
    if not _link_unnamed(fd, name):
        return False
    # From here until the rename the file has a name: a kill in this instant leaves a file
    # that the next save in this folder removes (it says whose it was).
    with _named_on_failure(name):
        os.replace(name, target)
    return True


def _write_named(data: bytes, target: Path, mode: int | None) -> None:
    """The fallback without unnamed files: a temporary file named so a later save can remove it."""
    while True:
        name = _temporary_name(target)
        try:
            fd = os.open(name, _CREATE, NEW_FILE_MODE)
        except FileExistsError:
            continue  # another save drew the same name; draw again
        break
    with _named_on_failure(name):
        try:
            _write_all(fd, data)
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(name, mode)
        os.replace(name, target)


def _write(data: bytes, target: Path) -> None:
    """Write `data` to `target`, whole or not at all."""
    mode = _existing_mode(target)
    folder = target.parent
    _remove_stale(folder)
    fd = _open_unnamed(folder)
    if fd is not None:
        try:
            if mode is not None:
                os.fchmod(fd, mode)
            _write_all(fd, data)
            placed = _place_unnamed(fd, target)
        finally:
            os.close(fd)
        if placed:
            return
    _write_named(data, target, mode)


def _flush_folder(folder: Path) -> None:
    """Flush `folder`'s entries to the disk: a rename is durable only once its folder is."""
    directory = getattr(os, "O_DIRECTORY", 0)
    if not directory:
        return  # Windows: folders cannot be opened, and its file systems need no such flush
    fd = os.open(folder, os.O_RDONLY | directory | getattr(os, "O_CLOEXEC", 0))
    try:
        os.fsync(fd)
    except OSError as error:
        if error.errno != errno.EINVAL:  # EINVAL: a file system that cannot flush a folder
            raise
    finally:
        os.close(fd)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> Path:
    """Write `data` to `path` through a temporary file in the same folder, then replace.

    Either the whole new file is there afterwards or the old one (if any) is untouched, even
    when the process is killed. On Linux the temporary file has no name until it is complete
    (O_TMPFILE), so a kill leaves nothing; elsewhere it is named ``.NAME.pccplan-....tmp``,
    removed on any failure, and a later save in the same folder removes those of killed
    saves. The data and then the folder are flushed to the disk (fsync), so the new file
    survives a power cut once this returns. The file gets the mode an ordinary write would
    give it (an existing file's mode, else the umask's), not the private mode of a temporary
    file. Returns the path written.

    Raises `OSError` (such as a full disk or a read-only folder) whose ``filename`` is
    `path`, never a temporary file's name.
    """
    target = Path(path)
    if not isinstance(data, bytes | bytearray | memoryview):
        raise TypeError(f"{target}: write_atomic takes bytes, not {type(data).__name__}")
    try:
        _write(bytes(data), target)
        _flush_folder(target.parent)
    except OSError as error:
        if error.filename == str(target):
            raise
        # The same kind of error (OSError picks FileNotFoundError and so on from the number),
        # naming the file asked for rather than a temporary name.
        raise OSError(error.errno, error.strerror, str(target)) from error
    return target
