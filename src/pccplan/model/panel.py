"""Documents of the Police and Crime Panel's review: the report laid before it, its recommendations,
and the Commissioner's response (PRSRA s.5(6), s.28(3), s.29)."""

from __future__ import annotations

import datetime as dt
import enum

import attrs

from pccplan.errors import Problem, ValidationError
from pccplan.model.classes import shared_eq_repr
from pccplan.model.document import Appendix, BackgroundDocument, Contact, Exemption, ReportSection
from pccplan.model.plan import Commissioner
from pccplan.model.validators import (
    at_least,
    check_unique,
    checked_fields,
    date_value,
    each,
    optional,
    optional_date,
    optional_text,
    to_tuple,
    url,
)
from pccplan.model.validators import instance_of as _instance
from pccplan.model.validators import (
    text as required_text,
)

__all__ = [
    "Answer",
    "PanelRecommendations",
    "PanelReport",
    "Recommendation",
    "RecommendationResponse",
    "Response",
    "Vote",
]


def _ref(value: object) -> object:
    """Recommendation references may be typed as numbers in a plan file: 1 -> '1'."""
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class PanelReport:
    """The local content of a report laid before the Panel on a draft plan (like seed 000).

    The library writes the statutory parts (purpose, recommendation, terms of reference,
    background, next steps) from the plan and the rules; this object holds what only the
    office knows. `sections` are the caller's own sections (e.g. 'Development of the plan and
    consultation'); a section whose `key` matches a library section replaces it, and `drop`
    lists keys of library sections to leave out. `panel` defaults to the area's Panel;
    `expected_launch` is shown as month and year; `effective_from` is the qualifying day the
    plan names as its start (checked against PLAN-9 when the report is composed). `exempt`
    makes the whole report exempt information: every section of it, the library's included,
    is left out of the public version; the title block, the headings and the exemption's
    reason are published.
    """

    meeting: dt.date = attrs.field(validator=date_value)
    panel: str | None = attrs.field(default=None, validator=optional_text)
    agenda_item: str | None = attrs.field(default=None, validator=optional_text)
    title: str | None = attrs.field(default=None, validator=optional_text)
    author: Contact | None = attrs.field(default=None, validator=optional(_instance(Contact)))
    sections: tuple[ReportSection, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(ReportSection)
    )
    drop: tuple[str, ...] = attrs.field(default=(), converter=to_tuple, validator=each(str, required_text))
    terms_of_reference: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(str, required_text)
    )
    background_documents: tuple[BackgroundDocument, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(BackgroundDocument)
    )
    appendices: tuple[Appendix, ...] = attrs.field(default=(), converter=to_tuple, validator=each(Appendix))
    expected_launch: dt.date | None = attrs.field(default=None, validator=optional_date)
    effective_from: dt.date | None = attrs.field(default=None, validator=optional_date)
    variation: bool = attrs.field(default=False, validator=_instance(bool))
    exempt: Exemption | None = attrs.field(default=None, validator=optional(_instance(Exemption)))

    def __attrs_post_init__(self) -> None:
        check_unique(
            [s for s in self.sections if s.key], lambda s: s.key or "", "sections", "key", "PanelReport"
        )
        check_unique(self.appendices, lambda a: a.label, "appendices", "label", "PanelReport")


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Recommendation:
    """One recommendation of the Panel, with its reference as the Panel numbers it ('1', 'R2')."""

    ref: str = attrs.field(converter=_ref, validator=required_text)
    text: str = attrs.field(validator=required_text)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Vote:
    """A recorded vote: how many members voted for, against or abstained, of how many members."""

    in_favour: int = attrs.field(validator=at_least(0))
    against: int = attrs.field(default=0, validator=at_least(0))
    abstained: int = attrs.field(default=0, validator=at_least(0))
    members: int | None = attrs.field(default=None, validator=optional(_instance(int)))

    def __attrs_post_init__(self) -> None:
        if self.members is not None and self.in_favour + self.against + self.abstained > self.members:
            raise ValidationError.one("members", "fewer members than votes cast", self.members, "Vote")


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class PanelRecommendations:
    """The Panel's report or recommendations on a draft plan or variation (s.28(3)).

    `endorsed` is whether the Panel endorsed the draft (``None``: not recorded); `published`
    and `url` say when and where the Panel published it (s.28(7)).
    """

    panel: str = attrs.field(validator=required_text)
    meeting: dt.date = attrs.field(validator=date_value)
    plan_title: str = attrs.field(validator=required_text)
    recommendations: tuple[Recommendation, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(Recommendation)
    )
    endorsed: bool | None = attrs.field(default=None, validator=optional(_instance(bool)))
    vote: Vote | None = attrs.field(default=None, validator=optional(_instance(Vote)))
    summary: str | None = attrs.field(default=None, validator=optional_text)
    chair: str | None = attrs.field(default=None, validator=optional_text)
    report_date: dt.date | None = attrs.field(default=None, validator=optional_date)
    published: dt.date | None = attrs.field(default=None, validator=optional_date)
    url: str | None = attrs.field(default=None, validator=optional(url))
    response_due: dt.date | None = attrs.field(default=None, validator=optional_date)
    """The day by which the Panel requires a written response (s.29(3): set by the Panel)."""
    variation: bool = attrs.field(default=False, validator=_instance(bool))
    """True when the Panel reviewed a draft variation of the plan in force (s.5(4)), not a new plan."""

    def __attrs_post_init__(self) -> None:
        check_unique(self.recommendations, lambda r: r.ref, "recommendations", "ref", "PanelRecommendations")
        if self.report_date is not None and self.report_date < self.meeting:
            raise ValidationError.one(
                "report_date",
                f"is before the meeting ({self.meeting.isoformat()})",
                self.report_date,
                "PanelRecommendations",
            )

    def recommendation(self, ref: str) -> Recommendation:
        """The recommendation with reference `ref`; `KeyError` listing the references if none."""
        for item in self.recommendations:
            if item.ref == ref:
                return item
        raise KeyError(f"no recommendation {ref!r}; there are {[r.ref for r in self.recommendations]}")


class Answer(enum.Enum):
    """How the Commissioner answers a recommendation of the Panel."""

    ACCEPTED = "accepted"
    ACCEPTED_IN_PART = "accepted-in-part"
    NOT_ACCEPTED = "not-accepted"
    NOTED = "noted"

    @property
    def label(self) -> str:
        """The answer as written in a response: 'Accepted in part'."""
        return self.value.replace("-", " ").capitalize()


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class RecommendationResponse:
    """The answer to one recommendation: the decision, the reasons, and any action with owner and date."""

    ref: str = attrs.field(converter=_ref, validator=required_text)
    answer: Answer = attrs.field(validator=_instance(Answer))
    reasons: str = attrs.field(validator=required_text)
    action: str | None = attrs.field(default=None, validator=optional_text)
    owner: str | None = attrs.field(default=None, validator=optional_text)
    due: dt.date | None = attrs.field(default=None, validator=optional_date)


@checked_fields
@shared_eq_repr
@attrs.frozen(kw_only=True, eq=False, repr=False)
class Response:
    """The Commissioner's response to the Panel's report or recommendations (s.5(6)(e)-(f)).

    Every recommendation must be answered exactly once: a response that leaves one
    unanswered, answers one twice, or answers one the Panel did not make is refused.
    `given` is the day the response was given to the Panel; `published` and `url` when and
    where it was published (s.5(6)(f)). `on_office_website` is True when the record says the
    response at `url` is on the office's own website; otherwise a document says only that it
    is published at the link.
    """

    commissioner: Commissioner = attrs.field(validator=_instance(Commissioner))
    to: PanelRecommendations = attrs.field(validator=_instance(PanelRecommendations))
    answers: tuple[RecommendationResponse, ...] = attrs.field(
        default=(), converter=to_tuple, validator=each(RecommendationResponse)
    )
    given: dt.date = attrs.field(validator=date_value)
    published: dt.date | None = attrs.field(default=None, validator=optional_date)
    url: str | None = attrs.field(default=None, validator=optional(url))
    on_office_website: bool = attrs.field(default=False, validator=_instance(bool))
    introduction: str | None = attrs.field(default=None, validator=optional_text)

    def __attrs_post_init__(self) -> None:
        problems: list[Problem] = []
        known = {r.ref for r in self.to.recommendations}
        seen: set[str] = set()
        for index, answer in enumerate(self.answers):
            if answer.ref not in known:
                problems.append(
                    Problem(
                        path=f"answers[{index}].ref",
                        reason=f"the Panel made no recommendation {answer.ref!r}",
                        value=answer.ref,
                        owner="Response",
                    )
                )
            elif answer.ref in seen:
                problems.append(
                    Problem(
                        path=f"answers[{index}].ref",
                        reason=f"recommendation {answer.ref!r} is answered twice",
                        value=answer.ref,
                        owner="Response",
                    )
                )
            seen.add(answer.ref)
        for rec in self.to.recommendations:
            if rec.ref not in seen:
                problems.append(
                    Problem(
                        path="answers",
                        reason=f"recommendation {rec.ref} is not answered ({rec.text[:60]!r})",
                        value=rec.ref,
                        owner="Response",
                    )
                )
        if self.given < self.to.meeting:
            problems.append(
                Problem(
                    path="given",
                    reason=f"is before the Panel's meeting ({self.to.meeting.isoformat()})",
                    value=self.given,
                    owner="Response",
                )
            )
        if self.published is not None and self.published < self.given:
            problems.append(
                Problem(
                    path="published",
                    reason=f"is before the response was given ({self.given.isoformat()})",
                    value=self.published,
                    owner="Response",
                )
            )
        if problems:
            raise ValidationError(problems)

    def answer_to(self, ref: str) -> RecommendationResponse:
        """The answer to recommendation `ref`."""
        for answer in self.answers:
            if answer.ref == ref:
                return answer
        raise KeyError(ref)
