"""The exemptions of Part II of the Freedom of Information Act 2000 (ss.21-44), as data with citations.

A record of decision that withholds a part names the ground: a paragraph of Schedule 12A to
the Local Government Act 1972 (`pccplan.model.document.ExemptionParagraph`) or, as most
policing bodies write, a section of Part II of the Freedom of Information Act 2000. The titles
below are the sections' headings (as listed by public bodies' FOI pages, e.g.
https://www.ulster.ac.uk/about/governance/compliance/freedom-of-information/disclosure-log/exemptions;
S: secondary source, not read on legislation.gov.uk on 1 December 2026). Section 25 is not a
ground of its own (it supplements the certificates of ss.23 and 24), so it is refused.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs

from pccplan.errors import ValidationError
from pccplan.model.classes import shared_eq_repr
from pccplan.model.sources import Confidence
from pccplan.statute.citation import CHECKED_2026_12_01, Citation, legislation
from pccplan.statute.declare import Rule, applies

__all__ = ["FOI_1", "FOI_ACT", "FOI_EXEMPTIONS", "FoiExemption", "foi_exemption"]

FOI_ACT = "Freedom of Information Act 2000"
"""The short title of the Act (2000 c. 36)."""

FOI_1 = Rule(
    id="FOI-1",
    title="Withholding under the Freedom of Information Act",
    says="A part withheld on Freedom of Information grounds names a section of Part II of the Act "
    "(ss.21-44) that makes information exempt; s.25 is not a ground of its own.",
    citation=legislation(
        FOI_ACT,
        "Part II (ss.21-44)",
        "ukpga/2000/36/part/II",
        Confidence.SECONDARY,
        "The section headings are as public bodies' FOI pages list them (S); the Act's text was not read "
        "on 1 December 2026.",
        CHECKED_2026_12_01,
    ),
)
"""Rule FOI-1: the exemptions a record of decision may name (not in the fact sheet; declared here)."""

_SOURCE = (
    "Section heading as listed by public bodies' FOI pages "
    "(ulster.ac.uk disclosure log; ashfordstpeters.info); the Act's text was not read."
)

FOI_EXEMPTIONS: Mapping[int, str] = MappingProxyType(
    {
        21: "Information accessible to applicant by other means",
        22: "Information intended for future publication",
        23: "Information supplied by, or relating to, bodies dealing with security matters",
        24: "National security",
        26: "Defence",
        27: "International relations",
        28: "Relations within the United Kingdom",
        29: "The economy",
        30: "Investigations and proceedings conducted by public authorities",
        31: "Law enforcement",
        32: "Court records, etc.",
        33: "Audit functions",
        34: "Parliamentary privilege",
        35: "Formulation of government policy, etc.",
        36: "Prejudice to effective conduct of public affairs",
        37: "Communications with Her Majesty, etc. and honours",
        38: "Health and safety",
        39: "Environmental information",
        40: "Personal information",
        41: "Information provided in confidence",
        42: "Legal professional privilege",
        43: "Commercial interests",
        44: "Prohibitions on disclosure",
    }
)
"""The sections of Part II of the Act that make information exempt, by number, with their headings."""


@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class FoiExemption:
    """One exemption of Part II of the Act: its section, heading and citation."""

    section: int
    title: str
    citation: Citation

    @property
    def label(self) -> str:
        """How a document cites it: 'section 31 of the Freedom of Information Act 2000 (law enforcement)'."""
        return f"section {self.section} of the {FOI_ACT} ({self.title[:1].lower()}{self.title[1:]})"


@applies(FOI_1)
def foi_exemption(section: int) -> FoiExemption:
    """The exemption in `section` of the Act; `ValidationError` naming the sections when there is none."""
    if isinstance(section, bool) or not isinstance(section, int) or section not in FOI_EXEMPTIONS:
        why = (
            "section 25 supplements the certificates of ss.23 and 24 and is not a ground of its own"
            if section == 25
            else "is not an exemption of Part II of the Freedom of Information Act 2000"
        )
        allowed = ", ".join(str(n) for n in FOI_EXEMPTIONS)
        raise ValidationError.one("foi_section", f"{why}; the sections are {allowed}", section)
    citation = legislation(
        FOI_ACT,
        f"s.{section}",
        f"ukpga/2000/36/section/{section}",
        Confidence.SECONDARY,
        note=_SOURCE,
        checked_on=CHECKED_2026_12_01,
    )
    return FoiExemption(section=section, title=FOI_EXEMPTIONS[section], citation=citation)
