"""Dated steps: what the timetable rules return, each with its rule id and citation."""

from __future__ import annotations

import datetime as dt

import attrs

from pccplan.statute.citation import Citation

__all__ = ["DatedStep"]


@attrs.frozen(kw_only=True)
class DatedStep:
    """One dated step of a statutory timetable, carrying the rule and citation it comes from.

    `date` is the day itself (a deadline is the last day on which the step may be taken,
    inclusive, unless `title` says 'before'). `non_working_day` is True when that day is a
    Saturday, Sunday or bank holiday in the nation concerned: fixed statutory dates do not
    move, so the step must in practice be taken earlier. `note` explains anything else a
    reader needs (an assumption, an unverified reading, a soft target).
    """

    rule: str
    title: str
    date: dt.date
    citation: Citation
    non_working_day: bool = False
    note: str | None = None

    @property
    def unverified(self) -> bool:
        """True when the step rests on a U fact (its citation says so)."""
        return self.citation.unverified

    def to_json(self) -> dict[str, object]:
        """The step as the command line's JSON contract shows it (ISO 8601 dates)."""
        return {
            "rule": self.rule,
            "title": self.title,
            "date": self.date.isoformat(),
            "citation": self.citation.text,
            "url": self.citation.url,
            "confidence": self.citation.confidence.value,
            "non_working_day": self.non_working_day,
            "note": self.note,
        }
