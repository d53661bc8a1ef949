"""Hypothesis strategies for valid model objects (and the raw text that goes into them)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import attrs
from hypothesis import strategies as st

from pccplan.model.area import AREAS
from pccplan.model.decision import DecisionKind, DecisionNotice
from pccplan.model.document import (
    Appendix,
    BackgroundDocument,
    Contact,
    Exemption,
    ExemptionParagraph,
    ReportParagraph,
    ReportSection,
)
from pccplan.model.panel import (
    Answer,
    PanelRecommendations,
    PanelReport,
    Recommendation,
    RecommendationResponse,
    Response,
    Vote,
)
from pccplan.model.plan import (
    Commissioner,
    Grant,
    GrantPower,
    Measure,
    Outcome,
    Period,
    Plan,
    ResourceLine,
    Resources,
    Service,
    ServiceKind,
    Theme,
)
from pccplan.model.process import PlanProcess, Review, ReviewKind

# Text XML can hold: no C0 controls but tab/newline/CR, no surrogates, no U+FFFE/U+FFFF.
xml_chars = st.characters(
    blacklist_categories=("Cs",),
    blacklist_characters=[chr(c) for c in range(32) if c not in (9, 10, 13)] + ["\ufffe", "\uffff"],
)
texts = st.text(xml_chars, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
optional_texts = st.none() | texts
dates = st.dates(min_value=dt.date(2012, 1, 1), max_value=dt.date(2060, 12, 31))
money = st.decimals(
    min_value=0, max_value=Decimal("999999999.99"), places=2, allow_nan=False, allow_infinity=False
)
urls = st.from_regex(r"https://[a-z]{1,12}\.gov\.uk/[a-z0-9/]{0,20}", fullmatch=True)
areas = st.sampled_from(AREAS)


def unique_by(strategy: st.SearchStrategy, key, max_size: int = 4) -> st.SearchStrategy:  # type: ignore[type-arg]
    """Lists whose members differ by `key`, ignoring case and surrounding space."""
    return st.lists(strategy, max_size=max_size, unique_by=lambda x: key(x).strip().casefold())


@st.composite
def periods(draw: st.DrawFn) -> Period:
    start = draw(dates)
    return Period(start=start, end=start + dt.timedelta(days=draw(st.integers(0, 2000))))


commissioners = st.builds(
    Commissioner, name=texts, title=texts, area_style=optional_texts, elected=st.none() | dates
)
measures = st.builds(
    Measure,
    name=texts,
    description=optional_texts,
    baseline=optional_texts,
    target=optional_texts,
    source=optional_texts,
)
outcomes = st.builds(Outcome, statement=texts, measures=st.lists(measures, max_size=3))
themes = st.builds(
    Theme,
    name=texts,
    aim=texts,
    outcomes=st.lists(outcomes, max_size=3),
    objectives=st.lists(texts, max_size=3),
    illustrative=st.booleans(),
)
grants = st.builds(
    Grant,
    recipient=texts,
    amount=money,
    purpose=texts,
    power=st.sampled_from(GrantPower),
    conditions=st.lists(texts, max_size=3),
    period=st.none() | periods(),
    illustrative=st.booleans(),
)
services = st.builds(
    Service,
    name=texts,
    kind=st.sampled_from(ServiceKind),
    description=optional_texts,
    provider=optional_texts,
)
resources = st.builds(
    Resources,
    summary=texts,
    lines=st.lists(st.builds(ResourceLine, item=texts, amount=money, note=optional_texts), max_size=4),
    financial_year=st.none() | st.integers(2012, 2060),
)
optional_dates = st.none() | dates
processes = st.builds(
    PlanProcess,
    **dict.fromkeys(
        (
            "draft_prepared",
            "chief_constable_consulted",
            "draft_sent_to_panel",
            "panel_meeting",
            "panel_report",
            "response_given",
            "response_published",
            "chief_constable_reconsulted",
            "plan_issued",
            "copies_sent",
            "plan_published",
        ),
        optional_dates,
    ),
    reviews=st.lists(
        st.builds(
            Review,
            kind=st.sampled_from(ReviewKind),
            date=dates,
            body=optional_texts,
            outcome=optional_texts,
            endorsed=st.none() | st.booleans(),
        ),
        max_size=3,
    ),
    panel_endorsed=st.none() | st.booleans(),
    differs_from_draft=st.none() | st.booleans(),
    varies=st.booleans(),
)
plans = st.builds(
    Plan,
    title=texts,
    area=areas,
    commissioner=commissioners,
    themes=unique_by(themes, lambda t: t.name),
    objectives=st.lists(texts, max_size=3),
    policing=optional_texts,
    resources=st.none() | resources,
    reporting=optional_texts,
    performance=optional_texts,
    services=st.lists(services, max_size=3),
    grants=st.lists(grants, max_size=3),
    foreword=optional_texts,
    period=st.none() | periods(),
    issued=optional_dates,
    starts=optional_dates,
    # The issue day is one record (Plan.issued): a process in a plan leaves its copy to the plan.
    process=st.none() | processes.map(lambda p: attrs.evolve(p, plan_issued=None)),
)

exemptions = st.builds(Exemption, paragraph=st.sampled_from(ExemptionParagraph), reason=optional_texts)
contacts = st.builds(
    Contact,
    name=texts,
    role=optional_texts,
    organisation=optional_texts,
    phone=optional_texts,
    email=optional_texts,
)
report_paragraphs = st.builds(
    ReportParagraph,
    text=texts,
    bullets=st.lists(texts, max_size=3),
    numbered=st.booleans(),
    exempt=st.none() | exemptions,
)
report_sections = st.builds(
    ReportSection,
    heading=texts,
    paragraphs=st.lists(report_paragraphs, max_size=3),
    key=st.none(),
    exempt=st.none() | exemptions,
)
background_documents = st.builds(
    BackgroundDocument, title=texts, url=st.none() | urls, description=optional_texts
)
appendices = st.builds(
    Appendix,
    label=texts,
    title=texts,
    paragraphs=st.lists(report_paragraphs, max_size=2),
    url=st.none() | urls,
    exempt=st.none() | exemptions,
)
panel_reports = st.builds(
    PanelReport,
    meeting=dates,
    panel=optional_texts,
    agenda_item=optional_texts,
    title=optional_texts,
    author=st.none() | contacts,
    sections=st.lists(report_sections, max_size=3),
    terms_of_reference=st.lists(texts, max_size=2),
    background_documents=st.lists(background_documents, max_size=3),
    appendices=unique_by(appendices, lambda a: a.label, max_size=2),
    expected_launch=optional_dates,
    effective_from=optional_dates,
    variation=st.booleans(),
    exempt=st.none() | exemptions,
)
recommendations = st.builds(Recommendation, ref=texts, text=texts)


@st.composite
def panel_recommendations(draw: st.DrawFn) -> PanelRecommendations:
    meeting = draw(dates)
    return PanelRecommendations(
        panel=draw(texts),
        meeting=meeting,
        plan_title=draw(texts),
        recommendations=draw(unique_by(recommendations, lambda r: r.ref)),
        endorsed=draw(st.none() | st.booleans()),
        vote=draw(
            st.none()
            | st.builds(
                Vote,
                in_favour=st.integers(0, 10),
                against=st.integers(0, 5),
                abstained=st.integers(0, 5),
                members=st.none(),
            )
        ),
        summary=draw(optional_texts),
        chair=draw(optional_texts),
        report_date=draw(st.none() | st.just(meeting)),
        published=draw(optional_dates),
        url=draw(st.none() | urls),
        response_due=draw(optional_dates),
    )


@st.composite
def responses(draw: st.DrawFn) -> Response:
    to = draw(panel_recommendations())
    given = to.meeting + dt.timedelta(days=draw(st.integers(0, 60)))
    answers = [
        RecommendationResponse(
            ref=r.ref,
            answer=draw(st.sampled_from(Answer)),
            reasons=draw(texts),
            action=draw(optional_texts),
            owner=draw(optional_texts),
            due=draw(optional_dates),
        )
        for r in to.recommendations
    ]
    return Response(
        commissioner=draw(commissioners),
        to=to,
        answers=draw(st.permutations(answers)),
        given=given,
        published=draw(st.none() | st.just(given + dt.timedelta(days=draw(st.integers(0, 30))))),
        url=draw(st.none() | urls),
        introduction=draw(optional_texts),
    )


decision_notices = st.builds(
    DecisionNotice,
    decision=texts,
    date=dates,
    made_by=commissioners,
    decision_kind=st.sampled_from(DecisionKind),
    number=optional_texts,
    title=optional_texts,
    summary=st.lists(report_paragraphs, max_size=3),
    consultation=st.lists(report_paragraphs, max_size=2),
    financial_implications=optional_texts,
    legal_implications=optional_texts,
    other_implications=optional_texts,
    declarations_of_interest=optional_texts,
    background_documents=st.lists(background_documents, max_size=2),
    contact=st.none() | contacts,
    exempt=st.none() | exemptions,
)

documents = st.one_of(plans, panel_reports, panel_recommendations(), responses(), decision_notices)
"""Any model object that can be saved to a file on its own."""
