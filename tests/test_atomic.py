"""Atomic writes: whole file or nothing, even when killed, and nothing left behind."""

from __future__ import annotations

import collections
import contextlib
import errno
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from pccplan.atomic import STALE_AFTER, owner, owner_ended, write_atomic
from pccplan.compose import document, para
from pccplan.errors import RenderError
from pccplan.render import save

UNNAMED = hasattr(os, "O_TMPFILE") and sys.platform == "linux"


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


@contextmanager
def without_unnamed_files() -> Iterator[None]:
    """A file system without O_TMPFILE (as on macOS, or some network and FUSE file systems)."""
    real_open = os.open

    def refuse(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if UNNAMED and flags & os.O_TMPFILE == os.O_TMPFILE:
            raise OSError(errno.EOPNOTSUPP, os.strerror(errno.EOPNOTSUPP))
        return real_open(path, flags, *args, **kwargs)

    with mock.patch.object(os, "open", refuse):
        yield


@pytest.fixture(params=["unnamed", "named"])
def kind(request: pytest.FixtureRequest) -> Iterator[str]:
    """Each test runs with unnamed temporary files (where Linux has them) and with the fallback."""
    if request.param == "unnamed":
        yield request.param
    else:
        with without_unnamed_files():
            yield request.param


def test_writes_and_replaces(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "a.bin"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert names(tmp_path) == ["a.bin"]


def test_failure_leaves_old_file_and_no_temporary(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")

    with pytest.raises(TypeError, match=r"a\.bin: write_atomic takes bytes, not str"):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == ["a.bin"]


def test_relative_path_in_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert write_atomic("x.txt", b"x").read_bytes() == b"x"
    assert names(tmp_path) == ["x.txt"]


def test_new_file_gets_the_umask_mode_and_existing_keeps_its_mode(tmp_path: Path, kind: str) -> None:
    umask = os.umask(0o022)
    try:
        fresh = write_atomic(tmp_path / "new.bin", b"x")
        assert fresh.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.bin"
        kept.write_bytes(b"old")
        kept.chmod(0o600)
        write_atomic(kept, b"new")
        assert kept.stat().st_mode & 0o777 == 0o600
        group = write_atomic(tmp_path / "group.bin", b"x")
        os.umask(0o002)
        write_atomic(group, b"y")  # an existing file keeps its mode whatever the umask now
        assert group.stat().st_mode & 0o777 == 0o644
    finally:
        os.umask(umask)


def test_a_missing_folder_is_an_error_naming_the_file(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "missing" / "a.bin"
    with pytest.raises(FileNotFoundError) as raised:
        write_atomic(target, b"x")
    assert raised.value.filename == str(target)


def test_a_folder_in_the_way_is_an_error_naming_it_and_leaves_nothing(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "report.docx"
    target.mkdir()
    with pytest.raises(IsADirectoryError) as raised:
        write_atomic(target, b"x")
    assert raised.value.filename == str(target)
    assert names(tmp_path) == ["report.docx"]


@pytest.mark.skipif(not UNNAMED, reason="unnamed temporary files are Linux's")
def test_while_written_the_temporary_file_has_no_name(tmp_path: Path) -> None:
    seen: list[list[str]] = []
    real_fsync = os.fsync

    def look(fd: int) -> None:
        seen.append(names(tmp_path))
        real_fsync(fd)

    with mock.patch.object(os, "fsync", look):
        write_atomic(tmp_path / "a.bin", b"data")
    assert seen == [[], ["a.bin"]]  # the file's flush saw nothing; the folder's saw the result


def dead_pid() -> int:
    """The id of a process that has ended (and been reaped)."""
    process = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True)
    return int(process.stdout)


def test_an_owner_has_ended_only_when_its_process_on_this_machine_has() -> None:
    host, _, pid = owner().partition("-")
    assert int(pid) == os.getpid()
    assert not owner_ended(host, os.getpid())
    assert owner_ended(host, dead_pid())
    other = f"{int(host, 16) ^ 1:08x}"
    assert not owner_ended(other, dead_pid())  # another machine's: cannot be seen from here
    assert owner_ended(host, 2**80)


def test_a_save_removes_the_temporary_files_of_killed_saves_and_nothing_else(tmp_path: Path) -> None:
    host = owner().partition("-")[0]
    other = f"{int(host, 16) ^ 1:08x}"  # another machine
    dead = tmp_path / f".a.bin.pccplan-{host}-{dead_pid()}-0a1b.tmp"
    live = tmp_path / f".b.docx.pccplan-{host}-{os.getpid()}-0a1b.tmp"
    elsewhere = tmp_path / f".c.md.pccplan-{other}-{dead_pid()}-0a1b.tmp"
    old = tmp_path / f".d.md.pccplan-{other}-{os.getpid()}-0a1b.tmp"
    theirs = tmp_path / ".notes.txt.tmp"
    folder = tmp_path / f".e.md.pccplan-{host}-{dead_pid()}-0a1b.tmp"
    for path in (dead, live, elsewhere, old, theirs):
        path.write_bytes(b"partial")
    folder.mkdir()
    long_ago = time.time() - STALE_AFTER - 60
    os.utime(old, (long_ago, long_ago))

    write_atomic(tmp_path / "other.html", b"x")
    # The dead process's file and the hour-old one go; a live save's, another machine's
    # recent one, a name pccplan never makes, and a folder stay.
    assert names(tmp_path) == sorted(
        p.name for p in (live, elsewhere, theirs, folder, tmp_path / "other.html")
    )


CHILD = """
import errno, os, sys
from pccplan.atomic import write_atomic

target, kind, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
if kind == "named":  # a file system without O_TMPFILE
    real_open = os.open

    def refuse(path, flags, *args, **kwargs):
        if flags & os.O_TMPFILE == os.O_TMPFILE:
            raise OSError(errno.EOPNOTSUPP, "no O_TMPFILE")
        return real_open(path, flags, *args, **kwargs)

    os.open = refuse
contents = (b"A" * size, b"B" * size)
write_atomic(target, contents[0])
print("saved", flush=True)
count = 1
while True:
    write_atomic(target, contents[count % 2])
    count += 1
"""


def test_kills_mid_save_leave_the_old_or_new_file_and_nothing_a_save_does_not_remove(
    tmp_path: Path,
) -> None:
    size = 2_000_000
    whole = {b"A" * size, b"B" * size}
    outcomes: collections.Counter[str] = collections.Counter()
    draw = random.Random(11)  # where each kill lands varies; what is asserted does not
    for kill in range(30):
        kind = "named" if kill % 2 or not UNNAMED else "unnamed"
        folder = tmp_path / str(kill)
        folder.mkdir()
        target = folder / "report.docx"
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(target), kind, str(size)], stdout=subprocess.PIPE
        )
        assert child.stdout is not None
        assert child.stdout.readline() == b"saved\n"
        time.sleep(draw.uniform(0, 0.05))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        assert child.returncode == -signal.SIGKILL
        assert target.read_bytes() in whole  # never half a file
        left = [name for name in names(folder) if name != target.name]
        outcomes[f"{kind}: {'a temporary file left' if left else 'clean'}"] += 1
        if kind == "unnamed":
            assert left == [] or all(".pccplan-" in name for name in left)
        write_atomic(folder / "next.md", b"next save")
        assert names(folder) == ["next.md", "report.docx"]
        outcomes["checked"] += 1
    print(dict(outcomes))
    assert outcomes["checked"] == 30


FAULTS = ("write", "fsync", "link", "replace", "chmod", "fchmod", "open")


class Fault:
    """`os.<name>` failing with errno `number` on its `call`-th use (never when `call` is 0)."""

    def __init__(self, name: str, call: int = 0, number: int = errno.EIO) -> None:
        self.name, self.call, self.number = name, call, number
        self.calls = 0
        self.replaced = False  # whether a rename into place happened before the fault

    @contextmanager
    def injected(self) -> Iterator[Fault]:
        real: Callable[..., Any] = getattr(os, self.name)
        real_replace = os.replace

        def failing(*args: Any, **kwargs: Any) -> Any:
            self.calls += 1
            if self.calls == self.call:
                raise OSError(self.number, os.strerror(self.number))
            return real(*args, **kwargs)

        def replace(*args: Any, **kwargs: Any) -> None:
            (failing if self.name == "replace" else real_replace)(*args, **kwargs)
            self.replaced = True

        with mock.patch.object(os, self.name, failing), mock.patch.object(os, "replace", replace):
            yield self


def test_injected_faults_leave_the_old_file_or_the_new_and_no_other_file() -> None:
    outcomes: collections.Counter[str] = collections.Counter()

    @settings(max_examples=150)
    @given(
        name=st.sampled_from(FAULTS),
        data=st.data(),
        number=st.sampled_from([errno.ENOSPC, errno.EROFS, errno.EIO, errno.EDQUOT]),
        existed=st.booleans(),
        named=st.booleans() if UNNAMED else st.just(True),
        size=st.sampled_from([0, 1, 70_000]),
    )
    def save_with_a_fault(
        name: str, data: st.DataObject, number: int, existed: bool, named: bool, size: int
    ) -> None:
        new = b"n" * size
        files = without_unnamed_files if named else contextlib.nullcontext
        with tempfile.TemporaryDirectory() as trial:  # how often such a save calls os.<name>
            if existed:
                (Path(trial) / "plan.yaml").write_bytes(b"old")
            with files(), Fault(name).injected() as counted:
                write_atomic(Path(trial) / "plan.yaml", new)
        # Which call fails (when a save makes none, such as `link` without O_TMPFILE: no fault).
        call = data.draw(st.integers(1, max(counted.calls, 1)), label="call")
        with tempfile.TemporaryDirectory() as folder, files():
            target = Path(folder) / "plan.yaml"
            if existed:
                target.write_bytes(b"old")
            if call > counted.calls:
                with Fault(name, call, number).injected():
                    write_atomic(target, new)
                outcome = "saved"
                assert target.read_bytes() == new
            else:
                with (
                    Fault(name, call, number).injected() as injected,
                    pytest.raises(OSError, match=os.strerror(number)) as raised,
                ):
                    write_atomic(target, new)
                outcome = f"{name} failed"
                assert raised.value.errno == number
                assert raised.value.filename == str(target)  # never a temporary name
                if injected.replaced:  # only the folder's flush was left: the new file is in place
                    assert target.read_bytes() == new
                elif existed:
                    assert target.read_bytes() == b"old"
                else:
                    assert not target.exists()
            assert names(Path(folder)) == (["plan.yaml"] if target.exists() else [])
        event(outcome)
        outcomes[outcome] += 1

    save_with_a_fault()
    print(dict(outcomes))
    failed = sum(count for outcome, count in outcomes.items() if outcome.endswith("failed"))
    assert failed >= sum(outcomes.values()) // 2  # most examples reached a failure's checks
    assert {f"{name} failed" for name in ("write", "fsync", "replace", "open")} <= set(outcomes)


@pytest.mark.parametrize("name", ["write", "fsync", "replace"])
@pytest.mark.parametrize("number", [errno.ENOSPC, errno.EROFS])
def test_save_names_the_path_when_the_disk_refuses(tmp_path: Path, name: str, number: int) -> None:
    target = tmp_path / "report.md"
    with Fault(name, 1, number).injected(), pytest.raises(RenderError) as raised:
        save(document(para("x"), title="T", author="A"), target)
    assert str(raised.value) == f"{target}: cannot write the file: {os.strerror(number)}"
    assert names(tmp_path) == []
