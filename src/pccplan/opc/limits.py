"""The reader's limits: file size, zip members, compression ratio, XML nesting, list labels, tables."""

from __future__ import annotations

import attrs

__all__ = [
    "DIRECTORY_ENTRY_BYTES",
    "LABEL_CHARS",
    "LEVEL_TEXT_CHARS",
    "LIST_START_MAX",
    "TABLE_COLUMNS",
    "Limits",
]

_MIB = 1024 * 1024

LABEL_CHARS = 31
"""The longest list label the reader draws ('4.3.(a)'); a longer one is cut to this length.

Word itself requires a level's text to be at most 31 characters once its '%1'..'%9' are
replaced by numbers ([MS-OI29500] 2.1.283), so no label Word shows is cut. Without a cap
a label grows with tricks in the numbering part, not with the document's text: 500 copies
of '%1' at lettered number 999,999 make 19 million characters per paragraph.
"""

LEVEL_TEXT_CHARS = 64
"""The longest level text (`w:lvlText`, '%1.%2.') kept from the numbering part; the rest is dropped.

Word allows at most nine '%' markers and 31 characters once they are replaced
([MS-OI29500] 2.1.283), so a level text Word accepts has at most 31 + 2 x 9 = 49 characters;
64 keeps all of them. A longer one can only be a trick: each of its markers costs a number.
"""

LIST_START_MAX = 32767
"""The largest start value (`w:start`, `w:startOverride`) the reader takes; a larger one counts from 1.

WordprocessingML does not bound it, but 32767 is the largest start Office's formats give a
numbered list anywhere (DrawingML's `ST_TextBulletStartAtNum`), and no real list starts
later. Lettered lists repeat their letter once per 26 ('aa' is 27), so an unbounded start
would make every label long before `LABEL_CHARS` cut it.
"""

TABLE_COLUMNS = 63
"""The most columns the reader keeps in a table row; cells past it are skipped, with a warning.

Word's tables have at most 63 columns (Microsoft KB Q168804, 'Number of columns in a table',
unchanged since Word 97). The tree pads every row to the widest, so without a cap one row
of a thousand cells spanning 64 columns each would make each short row 64,000 cells.
"""

DIRECTORY_ENTRY_BYTES = 1024
"""The zip directory bytes allowed per member (`Limits.members` of them) before the directory is read.

A directory entry is 46 bytes plus the member's name, extra fields and comment; Word's part
names are short ('word/media/image12.png') and its extra fields a few dozen bytes, so 1 KiB
an entry is generous. The directory's size, like its count of entries, is read from the
zip's end record, so a file is refused before a directory of a million entries is parsed.
"""


def _positive(instance: object, attribute: attrs.Attribute[int], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        from pccplan.errors import ValidationError

        raise ValidationError.one(attribute.name, "must be a whole number of at least 1", value, "Limits")


@attrs.frozen(kw_only=True)
class Limits:
    """How much the reader will take from one .docx before it refuses the file.

    A Word file is a zip of XML parts, so a hostile one can be small on disk and huge
    once unpacked (a zip bomb), or nest XML elements deep enough to exhaust memory. Sizes
    are in bytes. `members` is checked from the zip's end record, before its directory is
    read (with `DIRECTORY_ENTRY_BYTES` of directory for each member). Each part's size is
    checked twice: as the zip's central directory declares it, and again while it is
    unpacked, reading stops as soon as a limit is passed.
    `ratio` caps how much larger than its compressed size a part may be, for parts larger
    than `ratio_floor` (small parts of repeated text compress far better and do no harm).
    `depth` is the deepest nesting of XML elements (a paragraph in a table cell in a table
    in the body is about ten deep; Word documents rarely pass 40). Templates given to the
    writer are opened within the same limits. List labels and table widths are bounded
    separately and do not refuse a file (`LABEL_CHARS`, `LEVEL_TEXT_CHARS`,
    `LIST_START_MAX`, `TABLE_COLUMNS`).
    """

    file_bytes: int = attrs.field(default=64 * _MIB, validator=_positive)
    members: int = attrs.field(default=2000, validator=_positive)
    part_bytes: int = attrs.field(default=32 * _MIB, validator=_positive)
    total_bytes: int = attrs.field(default=256 * _MIB, validator=_positive)
    ratio: int = attrs.field(default=200, validator=_positive)
    ratio_floor: int = attrs.field(default=1 * _MIB, validator=_positive)
    depth: int = attrs.field(default=128, validator=_positive)
