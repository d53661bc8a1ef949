"""Citations: the provision a rule or a computed date rests on, with a link and a V/S/U confidence."""

from __future__ import annotations

import datetime as dt

import attrs

from pccplan.model.classes import shared_eq_repr
from pccplan.model.sources import Confidence

__all__ = [
    "CHECKED_2026_12_01",
    "LEGISLATION",
    "LGA_1972_READ",
    "PRECEPT_REGULATIONS",
    "PRSRA_READ",
    "SI_2012_2271_READ",
    "Citation",
    "Confidence",
    "legislation",
    "precept_regulations",
    "prsra",
]

LEGISLATION = "https://www.legislation.gov.uk"
"""The root of legislation.gov.uk, which every `Citation.url` starts from when it links to legislation."""

CHECKED_2026_12_01 = dt.date(2026, 12, 1)
"""The day the sources of issue 13's rules (TERM-4A to TERM-6, LON-1, MTG-3, GOV-1, GOV-2) were read."""

PRSRA_READ = (
    "Text read on 1 December 2026 in the revised text of legislation.gov.uk (as at 18 July 2025), "
    "mirrored at https://legalize.dev/uk/law/ukpga-2011-13 (legalize-dev/legalize-uk, uk/ukpga-2011-13.md)."
)
"""Where and when the Police Reform and Social Responsibility Act 2011's text was read (issue 13)."""

SI_2012_2271_READ = (
    "Text read on 1 December 2026 (as made; no amendment recorded), mirrored at "
    "https://legalize.dev/uk/law/uksi-2012-2271 (legalize-dev/legalize-uk, uk/uksi-2012-2271.md)."
)
"""Where and when SI 2012/2271 (precepts, chief constable appointments) was read (issue 13)."""

LGA_1972_READ = (
    "s.100A-100B read on 1 December 2026 in the revised text of legislation.gov.uk, mirrored at "
    "https://legalize.dev/uk/law/ukpga-1972-70 (legalize-dev/legalize-uk, uk/ukpga-1972-70.md)."
)
"""Where and when the Local Government Act 1972, Part VA, was read (issue 13)."""


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Citation:
    """Where a rule comes from: an instrument, a pinpoint within it, a link and how sure we are.

    `instrument` is the short title ('Police Reform and Social Responsibility Act 2011');
    `pinpoint` the section, paragraph or regulation ('s.50(7)', 'Sch.5 para 4', 'reg 3');
    `url` a legislation.gov.uk address (or an official page for S facts). `confidence` follows
    the fact sheet: V (text read), S (official secondary source), U (unverified: memory or
    inference, to be overridden by the user where it matters). `note` says what is uncertain
    or how a computed value was reached; `checked_on` is the day the source was last read.
    """

    instrument: str
    pinpoint: str
    url: str
    confidence: Confidence = Confidence.VERIFIED
    note: str | None = None
    checked_on: dt.date | None = None

    @property
    def unverified(self) -> bool:
        """True for a U citation: anything shown from it must say it is unverified."""
        return self.confidence is Confidence.UNVERIFIED

    @property
    def text(self) -> str:
        """The citation as a document prints it: 'Police Reform ... Act 2011, s.50(7)'."""
        text = f"{self.instrument}, {self.pinpoint}" if self.pinpoint else self.instrument
        return f"{text} (unverified)" if self.unverified else text

    def __str__(self) -> str:
        return self.text

    def noted(self, note: str, confidence: Confidence | None = None) -> Citation:
        """The same citation with `note` added and, if given, a different (usually lower) confidence."""
        joined = f"{self.note} {note}" if self.note else note
        return attrs.evolve(self, note=joined, confidence=confidence or self.confidence)


def _url(path: str) -> str:
    return f"{LEGISLATION}/{path}"


def prsra(
    pinpoint: str,
    part: str,
    confidence: Confidence = Confidence.VERIFIED,
    note: str | None = None,
    checked_on: dt.date | None = None,
) -> Citation:
    """A citation of the Police Reform and Social Responsibility Act 2011 (c. 13).

    `part` is the tail of the legislation.gov.uk address: 'section/50' or 'schedule/5'.
    """
    return Citation(
        instrument="Police Reform and Social Responsibility Act 2011",
        pinpoint=pinpoint,
        url=_url(f"ukpga/2011/13/{part}"),
        confidence=confidence,
        note=note,
        checked_on=checked_on,
    )


def legislation(
    instrument: str,
    pinpoint: str,
    path: str,
    confidence: Confidence = Confidence.VERIFIED,
    note: str | None = None,
    checked_on: dt.date | None = None,
) -> Citation:
    """A citation of any instrument on legislation.gov.uk; `path` is e.g. 'uksi/2012/2271/regulation/3'."""
    return Citation(
        instrument=instrument,
        pinpoint=pinpoint,
        url=_url(path),
        confidence=confidence,
        note=note,
        checked_on=checked_on,
    )


PRECEPT_REGULATIONS = "Police and Crime Panels (Precepts and Chief Constable Appointments) Regulations 2012"
"""The short title of SI 2012/2271 (PREC-1 to PREC-5, CC-2)."""


def precept_regulations(
    pinpoint: str,
    number: int,
    confidence: Confidence = Confidence.VERIFIED,
    *,
    note: str | None = None,
    checked_on: dt.date | None = None,
) -> Citation:
    """A citation of SI 2012/2271, linking regulation `number`."""
    path = f"uksi/2012/2271/regulation/{number}"
    return legislation(PRECEPT_REGULATIONS, pinpoint, path, confidence, note, checked_on)
