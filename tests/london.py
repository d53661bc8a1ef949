"""A London plan, and the check that a London document names London's bodies and no others'.

In London the body is the Mayor's Office for Policing and Crime (PRSRA s.3), its plan duty is
s.6, the London Assembly's Police and Crime Committee reviews the draft (s.33(1), LON-2) and the
force is led by the Commissioner of Police of the Metropolis. A London document must never say
"chief constable", "Police and Crime Panel", "the Panel" or "section 5", nor link to s.5.
"""

from __future__ import annotations

import datetime as dt
import re

from pccplan.compose.tree import Document, Link
from pccplan.compose.walk import iter_nodes, plain_text
from pccplan.model.area import find_area
from pccplan.model.panel import PanelRecommendations, Recommendation
from pccplan.model.plan import Commissioner, Plan, Theme

COMMITTEE = "London Assembly Police and Crime Committee"
METROPOLIS = "Commissioner of Police of the Metropolis"
POLL = dt.date(2021, 5, 6)
MEETING = dt.date(2022, 1, 12)

NOT_LONDON = re.compile(r"chief constable|police and crime panel|\bpanel\b|section 5\b|the MOPAC", re.I)
"""Words that belong to police areas outside London (or that misname MOPAC)."""


def london_plan() -> Plan:
    """The Mayor's plan after the poll of 6 May 2021 (a plan titled by its planning period)."""
    london = find_area("london")
    mayor = Commissioner.for_area("Sadiq Khan", london, POLL + dt.timedelta(days=7), elected=POLL)
    return Plan(
        title="Police and Crime Plan",
        area=london,
        commissioner=mayor,
        themes=[Theme(name="Victims", aim="Support victims")],
    )


def london_recommendations() -> PanelRecommendations:
    """The Committee's report on the draft: one recommendation, and a day it asks MOPAC to reply by."""
    return PanelRecommendations(
        panel=COMMITTEE,
        meeting=MEETING,
        plan_title="Police and Crime Plan 2022-25",
        recommendations=[Recommendation(ref="1", text="Say more on domestic abuse.")],
        response_due=dt.date(2022, 3, 1),
    )


def assert_london(doc: Document, *must: str) -> str:
    """Check `doc` says each of `must` and nothing of `NOT_LONDON`; links go to s.6, never s.5. Its text."""
    body = plain_text(doc)
    wrong = sorted({m.group(0) for m in NOT_LONDON.finditer(body)})
    assert wrong == [], f"not London's words: {wrong}"
    for words in must:
        assert words in body, words
    urls = [n.url for n in iter_nodes(doc) if isinstance(n, Link)]
    assert not [u for u in urls if u.endswith("/section/5")], urls
    return body
