"""How sure a fact is, and where it comes from: the V/S/U scale of the statute fact sheet."""

from __future__ import annotations

import enum

__all__ = ["Confidence"]


class Confidence(enum.Enum):
    """How a fact was established (see ``shared/statute.md``).

    V: the text of the provision was read. S: confirmed by an official secondary source
    (Explanatory Notes, council or OPCC papers, gov.uk). U: unverified (memory or
    inference); anything built on a U fact says so and can be overridden by the user.
    """

    VERIFIED = "V"
    SECONDARY = "S"
    UNVERIFIED = "U"

    @property
    def label(self) -> str:
        """A short phrase for documents and tables, e.g. ``'unverified'``."""
        return {"V": "verified", "S": "secondary source", "U": "unverified"}[self.value]
