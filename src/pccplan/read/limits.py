"""The reader's limits on file size, zip members, compression ratio and XML nesting."""

from __future__ import annotations

import attrs

__all__ = ["Limits"]

_MIB = 1024 * 1024


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        from pccplan.errors import ValidationError

        raise ValidationError.one(attribute.name, "must be a whole number of at least 1", value, "Limits")


@attrs.frozen(kw_only=True)
class Limits:
    """How much the reader will take from one .docx before it refuses the file.

    A Word file is a zip of XML parts, so a hostile one can be small on disk and huge
    once unpacked (a zip bomb), or nest XML elements deep enough to exhaust memory. Sizes
    are in bytes. Each part's size is checked twice: as the zip's central directory declares
    it, and again while it is unpacked, reading stops as soon as a limit is passed.
    `ratio` caps how much larger than its compressed size a part may be, for parts larger
    than `ratio_floor` (small parts of repeated text compress far better and do no harm).
    `depth` is the deepest nesting of XML elements (a paragraph in a table cell in a table
    in the body is about ten deep; Word documents rarely pass 40).
    """

    file_bytes: int = attrs.field(default=64 * _MIB, validator=_positive)
    members: int = attrs.field(default=2000, validator=_positive)
    part_bytes: int = attrs.field(default=32 * _MIB, validator=_positive)
    total_bytes: int = attrs.field(default=256 * _MIB, validator=_positive)
    ratio: int = attrs.field(default=200, validator=_positive)
    ratio_floor: int = attrs.field(default=1 * _MIB, validator=_positive)
    depth: int = attrs.field(default=128, validator=_positive)
