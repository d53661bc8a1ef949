"""The names of the places a cross-reference points at, one spelling for every format.

A `Ref` to the label 'budget' points at Word's bookmark `_Ref_budget` and, in HTML and
Markdown, at the element whose id is `Ref_budget`: the same name without the leading '_',
which only hides a bookmark in Word's dialog, and which a pandoc identifier may not start with.
Being capitalised, such an id never meets one pandoc makes from a heading's words (lower case).
"""

from __future__ import annotations

import re

__all__ = ["reference_bookmark", "reference_id", "split_lead"]


def reference_bookmark(label: str) -> str:
    """The bookmark a `Ref` to `label` points at: '_Ref_' and the label (Word hides names with '_')."""
    return f"_Ref_{label}"


def reference_id(label: str) -> str:
    """The HTML and Markdown id of what `label` names: its bookmark without Word's hiding '_'."""
    return reference_bookmark(label).removeprefix("_")


# The words before a reference that say what it points at, so a link reads "paragraph 4.3"
# on its own (WCAG 2.4.9) rather than "4.3"; the text itself stays as written.
_LEAD = re.compile(
    r"(?:^|(?<=\s))((?:paragraphs?|paras?|sections?|tables?|appendix|appendices)[ \u00a0])\Z",
    re.IGNORECASE,
)


def split_lead(text: str) -> tuple[str, str]:
    """`text` (just before a reference) split into what stays outside the link and the word that
    goes inside it: 'See paragraph ' gives ('See ', 'paragraph '); other text gives (text, '')."""
    found = _LEAD.search(text)
    if found is None:
        return text, ""
    return text[: found.start(1)], found[1]
