"""Shared test configuration: hypothesis profiles and the repository's paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent

# Deadlines make property tests flaky on a loaded CI machine; speed is measured in benchmarks/.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True, derandomize=True
)
settings.load_profile("ci" if os.environ.get("CI") else "default")


@pytest.fixture
def root() -> Path:
    """The repository's top folder."""
    return ROOT


@pytest.fixture
def examples() -> Path:
    """The repository's examples/ folder."""
    return ROOT / "examples"


SHARED = ROOT.parent / "shared"


def require_program(name: str) -> str:
    """The path of an outside program a test needs: skipped on a developer's machine without it,
    a failure in CI (where `.ci/run` installs it), so document tests never silently skip there."""
    import shutil

    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail(f"{name} is not installed; .ci/run should have installed it")
    pytest.skip(f"{name} is not installed")


def require_shared(relative: str) -> Path:
    """A file from the shared folder beside the repository (the seeds, the similarity tool)."""
    path = SHARED / relative
    if path.exists():
        return path
    if os.environ.get("CI"):
        pytest.fail(f"{path} is missing; CI runs with shared/ beside the checkout")
    pytest.skip(f"{path} is missing")


def pandoc_text(docx: bytes | object, folder: Path, *options: str) -> str:
    """What pandoc reads from a .docx (its plain text): proof that another program opens the file."""
    import subprocess

    assert isinstance(docx, bytes)
    pandoc = require_program("pandoc")
    path = folder / "document.docx"
    path.write_bytes(docx)
    command = [pandoc, str(path), "-t", "plain", *options]
    result = subprocess.run(command, check=True, capture_output=True, text=True)
    return result.stdout


def docx_part(data: bytes | str, name: str = "word/document.xml") -> str:
    """One part of a rendered .docx, as text (default: the body, word/document.xml)."""
    import io
    import zipfile

    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return package.read(name).decode("utf-8")
