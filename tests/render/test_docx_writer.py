"""Kept for the tests that import its helper; the writer's tests are in tests/render/docx/test_writer.py."""

from __future__ import annotations

from tests.render.docx.test_writer import docx_text

__all__ = ["docx_text"]
