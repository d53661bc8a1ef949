"""Atomic writes: whole file or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from pccplan.atomic import write_atomic


def test_writes_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "a.bin"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]


def test_failure_leaves_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")

    with pytest.raises(TypeError):
        write_atomic(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.bin"]


def test_relative_path_in_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert write_atomic("x.txt", b"x").read_bytes() == b"x"


def test_new_file_gets_the_umask_mode_and_existing_keeps_its_mode(tmp_path: Path) -> None:
    import os

    umask = os.umask(0o022)
    try:
        fresh = write_atomic(tmp_path / "new.bin", b"x")
        assert fresh.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.bin"
        kept.write_bytes(b"old")
        kept.chmod(0o600)
        write_atomic(kept, b"new")
        assert kept.stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)
