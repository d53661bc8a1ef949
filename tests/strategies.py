"""Hypothesis strategies for valid model objects (and the raw text that goes into them)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from types import SimpleNamespace
from typing import TypeVar

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

from pccplan.errors import PccplanError
from pccplan.model.area import all_areas
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
areas = st.sampled_from(all_areas())


def unique_by(strategy: st.SearchStrategy, key, max_size: int = 4) -> st.SearchStrategy:  # type: ignore[type-arg]
    """Lists whose members differ by `key`, ignoring case and surrounding space."""
    return st.lists(strategy, max_size=max_size, unique_by=lambda x: key(x).strip().casefold())


def _models(text: st.SearchStrategy[str], link_text: st.SearchStrategy[str] | None = None) -> SimpleNamespace:
    """Strategies for every model class whose free text is drawn from `text` (and the text a
    composer turns into a link, such as a background document's title, from `link_text`)."""
    optional = st.none() | text
    link_text = text if link_text is None else link_text

    @st.composite
    def periods(draw: st.DrawFn) -> Period:
        start = draw(dates)
        return Period(start=start, end=start + dt.timedelta(days=draw(st.integers(0, 2000))))

    commissioners = st.builds(
        Commissioner, name=text, title=text, area_style=optional, elected=st.none() | dates
    )
    measures = st.builds(
        Measure,
        name=text,
        description=optional,
        baseline=optional,
        target=optional,
        source=optional,
    )
    outcomes = st.builds(Outcome, statement=text, measures=st.lists(measures, max_size=3))
    themes = st.builds(
        Theme,
        name=text,
        aim=text,
        outcomes=st.lists(outcomes, max_size=3),
        objectives=st.lists(text, max_size=3),
        illustrative=st.booleans(),
    )
    grants = st.builds(
        Grant,
        recipient=text,
        amount=money,
        purpose=text,
        power=st.sampled_from(GrantPower),
        conditions=st.lists(text, max_size=3),
        period=st.none() | periods(),
        illustrative=st.booleans(),
    )
    services = st.builds(
        Service,
        name=text,
        kind=st.sampled_from(ServiceKind),
        description=optional,
        provider=optional,
    )
    resources = st.builds(
        Resources,
        summary=text,
        lines=st.lists(st.builds(ResourceLine, item=text, amount=money, note=optional), max_size=4),
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
                body=optional,
                outcome=optional,
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
        title=text,
        area=areas,
        commissioner=commissioners,
        themes=unique_by(themes, lambda t: t.name),
        objectives=st.lists(text, max_size=3),
        policing=optional,
        resources=st.none() | resources,
        reporting=optional,
        performance=optional,
        services=st.lists(services, max_size=3),
        grants=st.lists(grants, max_size=3),
        foreword=optional,
        period=st.none() | periods(),
        issued=optional_dates,
        starts=optional_dates,
        # The issue day is one record (Plan.issued): a process in a plan leaves its copy to the plan.
        process=st.none() | processes.map(lambda p: attrs.evolve(p, plan_issued=None)),
    )

    exemptions = st.builds(Exemption, paragraph=st.sampled_from(ExemptionParagraph), reason=optional)
    contacts = st.builds(
        Contact,
        name=text,
        role=optional,
        organisation=optional,
        phone=optional,
        email=optional,
    )
    report_paragraphs = st.builds(
        ReportParagraph,
        text=text,
        bullets=st.lists(text, max_size=3),
        numbered=st.booleans(),
        exempt=st.none() | exemptions,
    )
    report_sections = st.builds(
        ReportSection,
        heading=text,
        paragraphs=st.lists(report_paragraphs, max_size=3),
        key=st.none(),
        exempt=st.none() | exemptions,
    )
    background_documents = st.one_of(
        st.builds(BackgroundDocument, title=text, url=st.none(), description=optional),
        st.builds(BackgroundDocument, title=link_text, url=urls, description=optional),
    )
    appendices = st.builds(
        Appendix,
        label=text,
        title=text,
        paragraphs=st.lists(report_paragraphs, max_size=2),
        url=st.none() | urls,
        exempt=st.none() | exemptions,
    )
    panel_reports = st.builds(
        PanelReport,
        meeting=dates,
        panel=optional,
        agenda_item=optional,
        title=optional,
        author=st.none() | contacts,
        sections=st.lists(report_sections, max_size=3),
        terms_of_reference=st.lists(text, max_size=2),
        background_documents=st.lists(background_documents, max_size=3),
        appendices=unique_by(appendices, lambda a: a.label, max_size=2),
        expected_launch=optional_dates,
        effective_from=optional_dates,
        variation=st.booleans(),
        exempt=st.none() | exemptions,
    )
    recommendations = st.builds(Recommendation, ref=text, text=text)

    @st.composite
    def panel_recommendations(draw: st.DrawFn) -> PanelRecommendations:
        meeting = draw(dates)
        return PanelRecommendations(
            panel=draw(text),
            meeting=meeting,
            plan_title=draw(text),
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
            summary=draw(optional),
            chair=draw(optional),
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
                reasons=draw(text),
                action=draw(optional),
                owner=draw(optional),
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
            introduction=draw(optional),
        )

    decision_notices = st.builds(
        DecisionNotice,
        decision=text,
        date=dates,
        made_by=commissioners,
        decision_kind=st.sampled_from(DecisionKind),
        number=optional,
        title=optional,
        summary=st.lists(report_paragraphs, max_size=3),
        consultation=st.lists(report_paragraphs, max_size=2),
        financial_implications=optional,
        legal_implications=optional,
        other_implications=optional,
        declarations_of_interest=optional,
        background_documents=st.lists(background_documents, max_size=2),
        contact=st.none() | contacts,
        exempt=st.none() | exemptions,
    )

    return SimpleNamespace(
        **{k: v for k, v in locals().items() if k not in ("text", "optional", "link_text")}
    )


_any = _models(texts)
periods = _any.periods
commissioners = _any.commissioners
measures = _any.measures
outcomes = _any.outcomes
themes = _any.themes
grants = _any.grants
services = _any.services
resources = _any.resources
processes = _any.processes
plans = _any.plans
exemptions = _any.exemptions
contacts = _any.contacts
report_paragraphs = _any.report_paragraphs
report_sections = _any.report_sections
background_documents = _any.background_documents
appendices = _any.appendices
panel_reports = _any.panel_reports
recommendations = _any.recommendations
panel_recommendations = _any.panel_recommendations
responses = _any.responses
decision_notices = _any.decision_notices

documents = st.one_of(plans, panel_reports, panel_recommendations(), responses(), decision_notices)
"""Any model object that can be saved to a file on its own."""


# -- text the composers accept as inline markup ---------------------------------------------
# Plain runs leave out the characters markup gives a meaning to; they come back escaped, and
# as real emphasis, strong text, links and footnotes, so most drawn documents compose.
_MARKUP_CHARS = "*[]\\^"
_plain = st.text(
    st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters=[chr(c) for c in range(32) if c not in (9, 10, 13)]
        + ["\ufffe", "\uffff", *_MARKUP_CHARS],
    ),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() != "")
_markup_part = st.one_of(
    _plain,
    _plain,
    st.sampled_from(_MARKUP_CHARS).map(lambda c: "\\" + c),
    _plain.map(lambda s: f"*{s}*"),
    _plain.map(lambda s: f"**{s}**"),
    st.tuples(_plain, urls).map(lambda p: f"[{p[0]}]({p[1]})"),
    _plain.map(lambda s: f"^[{s}]"),
)
markup_texts = st.lists(_markup_part, min_size=1, max_size=4).map(" ".join)
"""Text that reads as inline markup: plain runs, escapes, emphasis, strong, links and notes."""
link_markup_texts = st.lists(
    _markup_part.filter(lambda p: "](" not in p and "^[" not in p), min_size=1, max_size=4
).map(" ".join)
"""Markup that may stand inside a link: no link and no footnote of its own."""

renderable = _models(markup_texts, link_markup_texts)
"""The model strategies with every free text drawn from `markup_texts`, for composer tests."""


FIRST_POLL = dt.date(2012, 11, 15)
"""The first PCC elections (TERM-2): no commissioner was elected before."""


@st.composite
def renderable_plans(draw: st.DrawFn) -> Plan:
    """Plans the composers accept: markup text, elected since the first poll, issued and started in office."""
    plan = draw(renderable.plans)
    elected = draw(st.none() | st.dates(min_value=FIRST_POLL, max_value=dt.date(2056, 12, 31)))
    if elected is not None and not _passes_check_poll(elected, plan, by_election=True):
        elected = FIRST_POLL  # a poll no by-election may fall on (s.51(7)): take an ordinary one
    issued, starts, process = plan.issued, None, plan.process
    if elected is not None:
        from pccplan.statute.terms import term_for

        term = term_for(elected, plan.area)  # issued in office, a start day after it, both in the term
        span = (term.next_poll - term.takes_office).days
        issued = None
        if draw(st.booleans()):
            issued = term.takes_office + dt.timedelta(days=draw(st.integers(0, max(0, span - 2))))
        if issued is not None and draw(st.booleans()):  # a qualifying day (PLAN-9, s.7(7))
            from pccplan.statute.plan import latest_start

            last = latest_start(issued, duty_poll=elected).date
            if last > issued:
                starts = issued + dt.timedelta(days=draw(st.integers(1, (last - issued).days)))
        if process is not None:  # the recorded issue is the issue day too
            process = attrs.evolve(process, plan_issued=issued)
    # A drawn day that is not an ordinary poll is declared a by-election (one that no
    # by-election may fall on was replaced above).
    by_election = elected is not None and not _passes_check_poll(elected, plan, by_election=False)
    commissioner = attrs.evolve(plan.commissioner, elected=elected, by_election=by_election)
    return attrs.evolve(plan, commissioner=commissioner, issued=issued, starts=starts, process=process)


def _passes_check_poll(elected: dt.date, plan: Plan, *, by_election: bool) -> bool:
    """Whether `elected` passes `require_poll` in `plan`'s area, declared a by-election or not."""
    from pccplan.errors import PccplanError
    from pccplan.statute.polls import require_poll

    try:
        require_poll(elected, plan.area, by_election_declared=by_election)
    except PccplanError:
        return False
    return True


def field_at(obj: object, path: str) -> object:
    """The value at a field path such as ``themes[2].outcomes[0].statement`` (attributes or keys)."""
    for name, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        if index:
            obj = obj[int(index)]  # type: ignore[index]
        elif isinstance(obj, dict):
            obj = obj[name]
        else:
            obj = getattr(obj, name)
    return obj


@attrs.define
class _Tally:
    drawn: int = 0
    checked: int = 0


def run_counted(
    check: Callable[..., bool],
    *,
    at_least: float = 0.8,
    max_examples: int = 60,
    **strategies: st.SearchStrategy,
) -> None:  # type: ignore[type-arg]
    """Run the property `check` on cases drawn from `strategies` (by keyword), and fail unless at
    least `at_least` of the cases reached its assertions: `check` returns True when it asserted
    what the test claims, False when a case could not be checked (so it is counted, not hidden).
    """
    tally = _Tally()

    @settings(max_examples=max_examples)
    @given(**strategies)
    def case(**drawn: object) -> None:
        tally.drawn += 1
        tally.checked += check(**drawn)

    case()
    assert tally.drawn > 0, "no case was drawn"
    share = tally.checked / tally.drawn
    assert share >= at_least, f"only {tally.checked} of {tally.drawn} cases reached the assertions"


T = TypeVar("T")


def attempt(make: Callable[[], T]) -> T | PccplanError:
    """What `make()` returns, or the pccplan error it raises: for properties where either is right,
    so that the test asserts on both without an assertion inside an ``except``."""
    try:
        return make()
    except PccplanError as error:
        return error


def tree_text(text: str) -> str:
    """`text` with its line endings as the document tree keeps them (CR LF and CR become LF)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
