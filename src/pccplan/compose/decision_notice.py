"""The decision notice that records issuing or varying a plan (PRSRA s.5), like seed 001."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import attrs

from pccplan._deprecate import Former, renamed
from pccplan.compose.arguments import expect
from pccplan.compose.build import bullets, document, link, para, section, table, title_block
from pccplan.compose.panel_report import term_of
from pccplan.compose.parts import (
    ACT_TITLE,
    Office,
    blocks_of,
    contact_line,
    day_month_year,
    exempt_within,
    narrative,
    plan_name,
    possessive,
    reference_line,
    sentence,
    url_link,
    welsh_language,
)
from pccplan.compose.tree import Block, Document, Inline, Paragraph, Section
from pccplan.errors import ValidationError
from pccplan.model.area import BodyKind
from pccplan.model.decision import DecisionKind, DecisionNotice
from pccplan.model.document import Exemption
from pccplan.model.panel import Answer, Response
from pccplan.model.plan import Plan
from pccplan.model.process import PlanProcess, Review, ReviewKind
from pccplan.statute.exempt import cited as exempt_cited
from pccplan.statute.exempt import short_description
from pccplan.statute.plan import plan_duty_wording, plan_power_wording
from pccplan.statute.process import decision_problems, response_duty
from pccplan.statute.terms import Term

__all__ = ["decision_notice_document", "decision_title"]

_LQ, _RQ = "\u201c", "\u201d"


@attrs.frozen(kw_only=True)
class _Context:
    plan: Plan
    notice: DecisionNotice
    term: Term
    office: Office
    issued: dt.date
    process: PlanProcess
    response: Response | None

    @property
    def varies(self) -> bool:
        return self.notice.decision_kind is DecisionKind.VARY_PLAN

    @property
    def short(self) -> str:
        return self.office.short


def decision_title(plan: Plan, notice: DecisionNotice, *, term: Term | None = None) -> str:
    """The notice's title: 'Issuing of Police and Crime Plan 2024 – 2029' (or the notice's own).

    The plan is named by its own title ('Issuing of Building a Safer London'); a generic title
    ('Police and Crime Plan') takes the years of its planning period (PLAN-9, s.7(7): a plan
    issued in 2024/25 runs to 31 March 2029, so '2024 – 2029'), never the term's; the plan's
    own `period`, when set, overrides them. The issue day is `plan.issued`, else the decision
    date. A variation is titled 'Variation of ...'.
    Any other decision is titled by its `decision`, unless the notice is exempt: then the
    decision is withheld, and the title is 'Decision' and its number.
    """
    if notice.title:
        return notice.title
    if notice.decision_kind in (DecisionKind.VARY_PLAN, DecisionKind.ISSUE_PLAN):
        term = term or term_of(plan)
        period = term.planning_period(plan.issued or notice.date)
        name = plan_name(plan, period.start, period.end)
        doing = "Variation" if notice.decision_kind is DecisionKind.VARY_PLAN else "Issuing"
        return f"{doing} of {name}"
    if notice.exempt is not None:
        return f"Decision {notice.number}" if notice.number else "Decision"
    return notice.decision


def _decision_notice(
    plan: Plan, notice: DecisionNotice, *, term: Term | None = None, response: Response | None = None
) -> Document:
    """The decision notice for `notice` about `plan`, as a document tree (like seed 001).

    For a decision to issue or vary the plan, the decision summary's statutory paragraphs are
    written from the rules: the duty and its deadline (PLAN-1, s.5(1)-(2)) or the power to
    issue or vary at any time (PLAN-2, s.5(3)-(4)); the duties in preparing it (PLAN-11,
    s.10; PFCC-1, s.5(5A) for a police, fire and crime commissioner); the steps before
    issuing (PLAN-4, s.5(6)(a)-(c) then (d)-(f)); the copies and publication after it
    (PLAN-8, s.5(10)-(12)). What happened comes from `plan.process`: the Panel's meeting,
    whether it endorsed the plan, where its report and the response are published, and
    consultation on any differences from the draft (PLAN-6, s.5(8)), with `notice.redline`, the
    file of tracked changes, cited as its record. `response`, when
    given, says how the recommendations were answered and fills what the process lacks.
    The record fields (number, date, decision maker, implications, declarations of
    interest, publication) follow.

    `notice.exempt` makes the body exempt: the decision, the summary, the implications, the
    declarations of interest and the background documents are left out of the public version,
    each under its heading with the paragraph of Schedule 12A; the title, the record, the
    publication statement and the contact are published. Paragraphs marked exempt on their own
    are left out either way.

    `term` defaults to the term after `plan.commissioner.elected`. Raises `ValidationError`
    naming the field when the decision maker is not the plan's commissioner (ACT-1, s.18(7),
    s.62(4): issuing cannot be delegated or done by an acting commissioner), when the decision
    date comes before the Panel's review or the response (PLAN-4), or when caller markup or a
    recorded URL is wrong.
    """
    term = term or term_of(plan)
    process = plan.process or PlanProcess()
    if response is not None:
        process = _fill(process, response)
    office = Office.of(plan.area, plan.commissioner, notice.date)
    ctx = _Context(
        plan=plan,
        notice=notice,
        term=term,
        office=office,
        issued=plan.issued or notice.date,
        process=process,
        response=response,
    )
    if notice.decision_kind is not DecisionKind.OTHER:
        _check(ctx)
    title = decision_title(plan, notice, term=term)
    whole = notice.exempt  # the notice's body is exempt; what identifies and records it is not
    body: list[Block] = [
        title_block(title),
        exempt_within(para(*narrative(notice.decision, "decision")), whole),
        _record(ctx),
        exempt_within(_summary(ctx), whole),
        *(exempt_within(s, whole) for s in _implications(ctx)),
    ]
    publication = _publication(notice)
    if publication is not None:
        body.append(publication)
    if notice.background_documents:
        listed = section(
            "Background Documents",
            *(
                reference_line(d, f"background_documents[{i}]", numbered=False)
                for i, d in enumerate(notice.background_documents)
            ),
        )
        body.append(exempt_within(listed, whole))
    if notice.contact is not None:
        body.append(section("Contact", para(contact_line(notice.contact))))
    label = f"Decision notice {notice.number}" if notice.number else "Decision notice"
    return document(
        *body,
        title=title,
        author=office.office_name,
        subject=f"Decision of the {office.full_title}, {day_month_year(notice.date)}",
        date=notice.date,
        keywords=("decision notice", "police and crime plan", plan.area.name),
        header=label,
        capitals=False,  # set like the web page it is published as, not like a committee report
    )


def _fill(process: PlanProcess, response: Response) -> PlanProcess:
    """The process with what the response knows filled in where the record is silent."""
    panel = response.to
    return attrs.evolve(
        process,
        panel_meeting=process.panel_meeting or panel.meeting,
        panel_report=process.panel_report or panel.report_date,
        panel_endorsed=process.panel_endorsed if process.panel_endorsed is not None else panel.endorsed,
        panel_report_url=process.panel_report_url or panel.url,
        response_given=process.response_given or response.given,
        response_published=process.response_published or response.published,
        response_url=process.response_url or response.url,
    )


def _check(ctx: _Context) -> None:
    """ACT-1 and PLAN-4: who may decide, and not before the Panel's review and the response."""
    problems = decision_problems(ctx.notice, ctx.plan, ctx.process)
    if problems:
        raise ValidationError(list(problems))


def _record(ctx: _Context) -> Block:
    """The record fields a decision notice carries, as a one-row table with a header row."""
    notice = ctx.notice
    # A decision maker given no title is styled as the area's body was on the day of the decision.
    title = notice.made_by.styled_for(ctx.plan.area, notice.date).effective_title
    maker = f"{notice.made_by.name}, {title}"
    if ctx.office.kind in (BodyKind.MAYOR, BodyKind.MOPAC) and title.casefold().startswith("deputy mayor"):
        # The deputy mayor acts for the Mayor (CA-1, LON-1): the duty and the office stay the Mayor's.
        maker += f", for the {ctx.office.full_title}"
    exempt = "Yes: see Publication" if _exemptions(notice) else "No"
    return table(
        header=["Decision number", "Date", "Decision maker", "Exempt from publication"],
        rows=[[notice.number or "Not numbered", day_month_year(notice.date), maker, exempt]],
        widths=[2, 2, 4, 2],
    )


def _exemptions(notice: DecisionNotice) -> list[Exemption]:
    marked = [p.exempt for p in (*notice.summary, *notice.consultation) if p.exempt is not None]
    return ([notice.exempt] if notice.exempt is not None else []) + marked


def _duty(ctx: _Context) -> Paragraph:
    """PLAN-1 / PLAN-2: the duty (or power) the decision is made under, said as it applies.

    A plan issued after the PLAN-1 deadline is still issued under the s.5(1) duty, late: the
    notice says so plainly rather than describe it as the power to issue a new plan at any time.
    """
    o = ctx.office
    who = f"The {o.introduced}"
    plan = f"Police and Crime Plan (the {_LQ}Plan{_RQ})"
    deadline = ctx.term.plan_deadline
    if ctx.varies:
        return para(f"{plan_power_wording(who, varies=True, plan=plan)}, and must keep it under review.")
    if deadline is None or ctx.notice.further_plan:
        return para(f"{plan_power_wording(who, varies=False, plan=plan)}.")
    duty = plan_duty_wording(who, day_month_year(deadline), mayor=o.kind is BodyKind.MOPAC, plan=plan)
    if ctx.issued > deadline:
        duty += (
            f" The Plan is issued under that duty on {day_month_year(ctx.issued)}, after that day: it is "
            "issued late."
        )
    return para(duty)


def _act_link(ctx: _Context) -> Inline:
    words = f"Section {ctx.office.act_section} of the {ACT_TITLE}"
    return link(words, ctx.office.plan_url)


def _summary(ctx: _Context) -> Section:
    notice = ctx.notice
    if notice.decision_kind is DecisionKind.OTHER:
        # No statutory steps to follow: the caller's account of consultation follows the summary.
        return section(
            "Decision Summary",
            *blocks_of(notice.summary, "summary", numbered=False),
            *blocks_of(notice.consultation, "consultation", numbered=False),
        )
    o = ctx.office
    draft = "draft variation" if ctx.varies else "draft Plan"
    doing = "varying" if ctx.varies else "issuing"
    blocks: list[Block] = [
        _duty(ctx),
        para(
            f"The Plan must determine, direct and communicate {o.the_possessive} priorities during "
            f"their period in office. The statutory requirements relevant to the {possessive('Plan')} "
            "development include arrangements for obtaining the views of the community, including victims "
            f"of crime, on policing, and co-operative working with the {o.chief_officer} and other "
            "responsible authorities and criminal justice bodies."
        ),
    ]
    if o.kind is BodyKind.PFCC:
        blocks.append(
            para(
                f"As a {o.title}, {o.the} must also have regard to the Fire and Rescue National "
                f"Framework in {doing} the Plan."
            )
        )
    blocks += blocks_of(notice.summary, "summary", numbered=False)
    blocks += [
        para(
            "Under ",
            _act_link(ctx),
            f" (the {_LQ}Act{_RQ}) before {doing} the Plan {o.the} must:",
        ),
        bullets(
            f"prepare a draft of the {'variation' if ctx.varies else 'Plan'};",
            f"consult the {'' if o.kind is BodyKind.MOPAC else 'relevant '}{o.chief_officer} in preparing "
            f"the {draft};",
            f"send the {draft} to the {o.panel_introduced}.",
        ),
    ]
    blocks += blocks_of(notice.consultation, "consultation", numbered=False)
    blocks += _review(ctx, draft)
    regard, respond, publish = response_duty(
        o.the, f"the {o.panel_term}", varies=ctx.varies, london=o.kind is BodyKind.MOPAC, draft=draft
    ).steps
    blocks += [
        para(f"Under Section {o.act_section} of the Act {o.the} must:"),
        bullets(f"{regard};", f"{respond}; and", f"{publish}."),
    ]
    answered = _response(ctx)
    blocks += answered
    blocks += _after(ctx, also=bool(answered))
    return section("Decision Summary", *blocks)


def _review(ctx: _Context, draft: str) -> list[Block]:
    """What the recorded process says of the draft's journey to and through the Panel.

    Each recorded review is said once, in date order, with what was recorded of it and nothing
    more: the Panel's report is mentioned only when one is recorded (its day, its address, or
    the recommendations a response answers).
    """
    process, o = ctx.process, ctx.office
    panel = o.panel_term
    out: list[Block] = []
    if process.draft_sent_to_panel is not None:
        out.append(
            para(f"The {draft} was sent to the {panel} on {day_month_year(process.draft_sent_to_panel)}.")
        )
    for index, review in enumerate(process.reviews):
        out.append(_one_review(ctx, draft, review, f"plan.process.reviews[{index}]"))
    if process.panel_report or process.panel_report_url or ctx.response is not None:
        what = _panel_output(ctx)
        when = ""
        if process.panel_report is not None and process.panel_report != process.panel_meeting:
            when = f" on {day_month_year(process.panel_report)}"
        if process.panel_report_url:
            out.append(
                para(
                    f"The {panel} produced {what} on the {draft}{when} and this is published on ",
                    url_link(
                        f"the {possessive(panel)} website",
                        process.panel_report_url,
                        "plan.process.panel_report_url",
                    ),
                    ".",
                )
            )
        else:
            out.append(para(f"The {panel} produced {what} on the {draft}{when}."))
    if process.differs_from_draft:
        if process.chief_constable_reconsulted is not None:
            again = (
                f"{o.the} consulted the {o.chief_officer} on the differences on "
                f"{day_month_year(process.chief_constable_reconsulted)}"
            )
        else:
            again = f"{o.the} must consult the {o.chief_officer} on the differences before {_doing(ctx)} it"
        out.append(para(f"The Plan differs from the {draft}: {again} (Section {o.act_section}(8))."))
    if ctx.notice.redline:
        out.append(_redline(ctx, draft, ctx.notice.redline))
    return out


def _redline(ctx: _Context, draft: str, redline: str) -> Paragraph:
    """PLAN-6, s.5(8) (s.6(8) in London): the file of tracked changes cited as the consultation's record."""
    o = ctx.office
    return para(
        f"The differences between the {draft} and the Plan are shown as tracked changes in "
        f"{_LQ}{redline}{_RQ}, the record of consulting the {o.chief_officer} on them "
        f"(Section {o.act_section}(8))."
    )


def _one_review(ctx: _Context, draft: str, review: Review, where: str) -> Paragraph:
    """One recorded review: who, when, and only the outcome the record gives."""
    o, panel = ctx.office, ctx.office.panel_term
    day = day_month_year(review.date)
    what = "the variation" if ctx.varies else "the Plan"
    if review.kind is ReviewKind.PANEL_MEETING and review.presented:
        said = (
            f"{sentence(o.the)} presented {'the draft variation' if ctx.varies else 'the Plan'} to the "
            f"{panel} at its meeting on {day}."
        )
        said += {
            True: f" The {panel} reviewed the {draft} and agreed and endorsed {what}.",
            False: f" The {panel} reviewed the {draft} and did not endorse it.",
            None: f" The {panel} reviewed the {draft}.",
        }[review.endorsed]
    elif review.kind is ReviewKind.PANEL_MEETING:
        # The record holds a meeting and the draft before it; who (if anyone) presented it is not said.
        said = f"The {panel} considered the {draft} at its meeting on {day}."
        said += {True: f" It agreed and endorsed {what}.", False: " It did not endorse it.", None: ""}[
            review.endorsed
        ]
    else:
        who = review.body or review.kind.label
        if not who.casefold().startswith(("the ", "a ", "an ", "its ", "their ")):
            who = f"the {who}"
        said = f"The {draft} was considered by {who} on {day}."
        said += {True: " It endorsed the draft.", False: " It did not endorse the draft.", None: ""}[
            review.endorsed
        ]
    parts: list[Inline | str] = [said]
    if review.outcome:
        parts += [" ", *narrative(review.outcome, f"{where}.outcome")]
    return para(*parts)


def _doing(ctx: _Context) -> str:
    return "varying" if ctx.varies else "issuing"


def _panel_output(ctx: _Context) -> str:
    """'a report', or 'a report of their recommendations' only when a response shows recommendations."""
    if ctx.response is not None and ctx.response.to.recommendations:
        return "a report of their recommendations"
    return "a report"


def _response(ctx: _Context) -> list[Block]:
    process = ctx.process
    if process.response_given is None and process.response_url is None:
        return []
    verb = f"on the {possessive(ctx.office.panel_term)} report"
    if ctx.response is not None and ctx.response.answers:
        answers = {a.answer for a in ctx.response.answers}
        verb = {
            frozenset({Answer.NOTED}): "noting their recommendations",
            frozenset({Answer.ACCEPTED}): "accepting their recommendations",
        }.get(frozenset(answers), "answering each of their recommendations")
    when = f" on {day_month_year(process.response_given)}" if process.response_given else ""
    sent = f"{sentence(ctx.office.the)} sent a response to the {ctx.office.panel_term}{when} {verb}"
    if process.response_url is None:
        return [para(f"{sent}.")]
    if process.response_on_office_website:
        where = url_link(
            f"{ctx.office.the_possessive} website", process.response_url, "plan.process.response_url"
        )
        return [para(f"{sent} and this is available on ", where, ".")]
    # Whose website holds the link is not recorded: say only where it is.
    where = url_link(process.response_url, process.response_url, "plan.process.response_url")
    return [para(f"{sent} and this is published at ", where, ".")]


def _after(ctx: _Context, *, also: bool) -> list[Block]:
    """PLAN-8, s.5(10)-(12): copies and publication once the plan is issued or varied."""
    o = ctx.office
    what = "the varied Plan" if ctx.varies else "the Plan"
    will = "will also" if also else "will"
    return [
        para(
            f"{sentence(o.the)} {will} publish {what} on {o.the_possessive} website, and send a copy "
            f"to the {o.chief_officer} and to each responsible authority in the area."
        ),
        *welsh_language(ctx.plan.area, ctx.office, "Plan"),
    ]


def _implications(ctx: _Context) -> list[Section]:
    notice = ctx.notice
    out = []
    for heading, value, where, default in (
        ("Financial Implications", notice.financial_implications, "financial_implications", None),
        ("Legal Implications", notice.legal_implications, "legal_implications", None),
        ("Other Implications", notice.other_implications, "other_implications", None),
        (
            "Declarations of Interest",
            notice.declarations_of_interest,
            "declarations_of_interest",
            "None declared.",
        ),
    ):
        if value is not None:
            out.append(section(heading, para(*narrative(value, where))))
        elif default is not None:
            out.append(section(heading, para(default)))
    return out


def _publication(notice: DecisionNotice) -> Section | None:
    """Which parts are exempt from publication (LGA 1972 Sch.12A), and on what ground; ``None`` if none."""
    lines: list[Block] = []
    if notice.exempt is not None:
        lines.append(
            para(
                "Information relating to this decision is exempt from publication under "
                f"{exempt_cited(notice.exempt.paragraph)}{_reason(notice.exempt)}; the published version "
                "of this notice leaves it out."
            )
        )
    marked = _exemptions(notice)[1 if notice.exempt is not None else 0 :]
    if marked:
        lines.append(
            para(
                "Part of this notice is exempt from publication under "
                f"{exempt_cited(e.paragraph for e in marked)}; the published version leaves it out."
            )
        )
    return section("Publication", *lines) if lines else None


def _reason(exemption: Exemption) -> str:
    return f" ({exemption.reason})" if exemption.reason else f" ({short_description(exemption.paragraph)})"


def decision_notice_document(
    notice: DecisionNotice, plan: Plan, *, term: Term | None = None, response: Response | None = None
) -> Document:
    """The decision notice for `notice` about `plan`, as a document tree (like seed 001).

    The public composer, in the order every composer takes: the document's content first,
    then the plan. What it writes is `decision_notice`'s (which takes the plan first and
    stays, under that name, for one release).
    """
    expect(
        "decision_notice_document",
        ("notice", notice, DecisionNotice, False),
        ("plan", plan, Plan, False),
        ("response", response, Response, True),
    )
    return _decision_notice(plan, notice, term=term, response=response)


if TYPE_CHECKING:  # the former name, for type checkers; at run time `__getattr__` keeps it
    decision_notice = _decision_notice
__getattr__ = renamed(
    __name__,
    {
        "decision_notice": Former(
            _decision_notice, "decision_notice_document", "which takes the notice first, then the plan"
        )
    },
)
