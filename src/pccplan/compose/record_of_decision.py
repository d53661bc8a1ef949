"""The full record of decision, in the house form's order and words, with its approval block.

Offices record a decision on a form of their own: a reference, an executive summary, the
decision or proposal, background, a supporting report, implications, consultation,
declarations of interest, a statement of public access, officers' advice with their
sign-offs, an approval block ('I hereby approve ...') and the appendices. `record_of_decision`
writes the parts the house form lists, in its order under its headings; the words are the
office's (`pccplan.model.record`), and the law's sentences (the provision under which a plan is
issued, the grounds for withholding a part) come from `pccplan.statute`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

import attrs

from pccplan._deprecate import renamed
from pccplan.compose.arguments import expect
from pccplan.compose.build import Part, bullets, document, link, para, section, strong, table, title_block
from pccplan.compose.house import office_for, with_logo
from pccplan.compose.parts import (
    ACT_TITLE,
    Office,
    attached_appendix,
    blocks_of,
    contact_line,
    day_month_year,
    narrative,
)
from pccplan.compose.tree import Block, BulletList, Document, Exempt, Inline, OrderedList, Paragraph, Section
from pccplan.errors import ValidationError
from pccplan.forms import builtin_form, default_form
from pccplan.model.form import DocumentForm, HouseForm, KeyLabels
from pccplan.model.plan import Commissioner, Plan
from pccplan.model.record import (
    Implication,
    ImplicationKind,
    PlanKind,
    RecordOfDecision,
    RecordPart,
    Signatory,
    Withholding,
)
from pccplan.statute.exempt import MARKED_PARAGRAPHS_WITHHELD
from pccplan.statute.exempt import ground as exempt_ground
from pccplan.statute.foi import foi_exemption
from pccplan.statute.mayors import PlanFunction, deputy_mayor_bar

__all__ = [
    "appendix_line",
    "arrange_marked",
    "form_shape",
    "record_of_decision_document",
    "scrutiny_form",
    "withheld_mark",
    "withholding_label",
]

_BODY = (
    "executive-summary",
    "decision",
    "background",
    "supporting-report",
    "implications",
    "consultation",
    "declarations",
    "advice",
    "appendices",
)
"""The parts withheld with the body of an exempt record (the rest says who decided, when, and whom to ask)."""

_BLANK = "\u2002" * 24  # a blank line to fill in by hand (en spaces keep their width in every format)


def form_shape(form: HouseForm, kind: str) -> tuple[DocumentForm, bool]:
    """The form of document `kind` and whether its headings are in capitals.

    A house form that does not describe `kind` (an office's form written for its letters only)
    falls back to the built-in ``pcc`` form's shape for it, with the office's capitals.
    """
    if kind in form.kinds:
        return form.document(kind), form.capitals_for(kind)
    fallback = builtin_form("pcc").document(kind)
    own = fallback.capitals
    return fallback, form.capitals if own is None else own


def scrutiny_form(
    panel: str, on: dt.date, plan: Plan | None, form: HouseForm | None, kind: str
) -> tuple[Office, HouseForm, DocumentForm, bool]:
    """The office, house form, document form and capitals for a Panel's own paper of `kind`.

    In London the paper is the London Assembly Police and Crime Committee's, in its own form
    (``london-assembly``), and its sentences cite s.33(1) (LON-2).
    """
    office = office_for(panel, on, None, plan)
    form = form or default_form(office.kind, scrutiny=True)
    shape, capitals = form_shape(form, kind)
    return office, form, shape, capitals


def withheld_mark(ground: Withholding | None) -> Exempt | None:
    """The tree's exemption mark for a `Withholding` (Schedule 12A paragraph or FOI section)."""
    if ground is None:
        return None
    if ground.foi_section is not None:
        heading = foi_exemption(ground.foi_section).title
        return Exempt(foi_section=ground.foi_section, label=ground.reason or heading)
    assert ground.paragraph is not None
    if ground.reason:
        return Exempt(paragraph=ground.paragraph.value, label=ground.reason)
    return Exempt(paragraph=ground.paragraph.value)


def withholding_label(ground: Withholding) -> str:
    """The ground as a document cites it: 'section 43 of the Freedom of Information Act 2000 (...)'."""
    if ground.foi_section is not None:
        return foi_exemption(ground.foi_section).label
    assert ground.paragraph is not None
    return exempt_ground(ground.paragraph)


def _mark(block: Block, mark: Exempt | None) -> Block:
    """`block` marked exempt under `mark`, unless it has a (more precise) mark of its own."""
    if mark is None or not isinstance(block, Paragraph | Section | BulletList | OrderedList):
        return block
    return block if block.exempt is not None else attrs.evolve(block, exempt=mark)


def arrange_marked(
    shape: DocumentForm,
    parts: dict[str, list[Block]],
    marks: dict[str, Exempt | None] | None = None,
    headings: dict[str, str] | None = None,
) -> list[Block]:
    """The blocks of each part in the form's order, a headed part as a section marked with its ground.

    `marks` withholds a part (a headed part's section is marked; an unheaded part's blocks
    are); `headings` gives a record's own heading for a part. A part with no blocks is written
    neither as text nor as a heading.
    """
    marks = marks or {}
    headings = headings or {}
    out: list[Block] = []
    for part in shape.parts:
        blocks = parts.get(part.key, [])
        if not blocks:
            continue
        mark = marks.get(part.key)
        heading = headings.get(part.key) or part.heading
        if heading is None:
            out += [_mark(b, mark) for b in blocks]
        else:
            out.append(section(heading, *blocks, exempt=mark))
    return out


def _signature_lines(labels: Sequence[str], who: Signatory) -> list[Block]:
    """The lines under an approval: each label with what the record holds, else a blank to fill in."""
    known = {"name": who.name, "title": who.title}
    if who.date is not None:
        known |= {"date": day_month_year(who.date), "date signed": day_month_year(who.date)}
    return [para(strong(f"{label}:"), " ", known.get(label.casefold(), _BLANK)) for label in labels]


def _approver(labels: Sequence[str], who: Signatory) -> str:
    """The approval's first line: the title, with the name when no line below gives it."""
    if "name" in (label.casefold() for label in labels):
        return who.title
    return f"{who.name}, {who.title}"


def _part_blocks(part: RecordPart | None, where: str) -> list[Block]:
    return blocks_of(part.paragraphs, f"{where}.paragraphs", numbered=False) if part is not None else []


def _issues_paragraphs(record: RecordOfDecision, office: Office) -> list[Block]:
    """What the decision issues, each plan with the provision it is issued under."""
    if not record.issues:
        return []
    section_no, url = office.act_section, office.plan_url  # s.5, or s.6 for MOPAC (LON-1)
    items: list[Part] = []
    for plan in record.issues:
        if plan.kind is PlanKind.POLICE_AND_CRIME:
            items.append(
                [
                    f"the {plan.title}, as the police and crime plan under ",
                    link(f"section {section_no} of the {ACT_TITLE}", url),
                ]
            )
        else:
            items.append([f"the {plan.title}, as the fire and rescue plan"])
    what = "this plan" if len(items) == 1 else "these plans"
    return [para(f"This decision issues {what}:"), bullets(*items)]


def _check_deputy(record: RecordOfDecision, office: Office) -> None:
    """Issuing the plan stays with the Mayor, not a deputy mayor (LON-1 s.19(3)(b); CA-1 s.18(3)(b))."""
    issues_plan = any(p.kind is PlanKind.POLICE_AND_CRIME for p in record.issues)
    if not issues_plan or "deputy" not in record.approval.title.casefold():
        return
    bar = deputy_mayor_bar(office.kind, record.area.slug, PlanFunction.ISSUE)
    if bar is not None:
        raise ValidationError.one(
            "approval.title",
            f"{bar}; the approval is the Mayor's: name the deputy mayor as decision_by",
            record.approval.title,
            "RecordOfDecision",
        )


def _implications(record: RecordOfDecision) -> list[Block]:
    order = list(ImplicationKind)
    ordered_ = sorted(enumerate(record.implications), key=lambda pair: order.index(pair[1].kind))
    return [_implication(item, f"implications[{index}]") for index, item in ordered_]


def _implication(item: Implication, where: str) -> Block:
    blocks = blocks_of(item.paragraphs, f"{where}.paragraphs", numbered=False)
    return section(item.heading or item.kind.heading, *blocks, exempt=withheld_mark(item.exempt))


def _withheld_parts(record: RecordOfDecision, headings: dict[str, str]) -> list[tuple[str, Withholding]]:
    """Each withheld part, by the heading it is published under, with its ground."""
    found: list[tuple[str, Withholding]] = []
    if record.exempt is not None:
        return [("The body of this record", record.exempt)]
    named = {
        "executive-summary": record.executive_summary,
        "decision": record.decision,
        "background": record.background,
        "supporting-report": record.supporting_report,
        "consultation": record.consultation,
    }
    for key, part in named.items():
        if part is not None and part.exempt is not None:
            found.append((part.heading or headings.get(key, key), part.exempt))
    found += [(i.heading or i.kind.heading, i.exempt) for i in record.implications if i.exempt is not None]
    found += [(f"Appendix {a.label}", a.exempt) for a in record.appendices if a.exempt is not None]
    return found


def _public_access(record: RecordOfDecision, headings: dict[str, str]) -> list[Block]:
    withheld = _withheld_parts(record, headings)
    paragraphs_marked = any(
        p.exempt is not None
        for part in (record.executive_summary, record.decision, record.background, record.supporting_report)
        if part is not None
        for p in part.paragraphs
    )
    if not withheld and not paragraphs_marked:
        return [para("This record is published in full: no part of it is withheld from publication.")]
    out: list[Block] = []
    if withheld:
        out.append(para("These parts are withheld from the published record, on the grounds given:"))
        out.append(bullets(*(f"{what}: {withholding_label(ground)}" for what, ground in withheld)))
    if paragraphs_marked:
        out.append(para(MARKED_PARAGRAPHS_WITHHELD))
    out.append(para("The rest of this record is published."))
    return out


def _advice(record: RecordOfDecision) -> list[Block]:
    out: list[Block] = []
    for index, advice in enumerate(record.advice):
        blocks: list[Block] = []
        if advice.statement:
            blocks.append(para(*narrative(advice.statement, f"advice[{index}].statement")))
        who = Signatory(name=advice.name, title=advice.title or advice.role, date=advice.date)
        blocks += _signature_lines(("Signature", "Name", "Title", "Date"), who)
        out.append(section(advice.role, *blocks))
    return out


def appendix_line(
    label: str, title: str, file: str | None, url: str | None, where: str, exempt: Exempt | None = None
) -> Paragraph:
    """'Appendix A: The draft plan (file: draft.pdf) – published online': an appendix listed.

    A .docx file is attached on a page of its own (`attached_appendix`), so its line says so.
    """
    words: list[Inline | str] = [strong(f"Appendix {label}:"), " ", *narrative(title, f"{where}.title")]
    if file is not None:
        attached = file.lower().endswith(".docx")
        words.append(f" ({'attached' if attached else 'file'}: {PurePath(file).name})")
    if url is not None:
        words += [" \u2013 ", link("published online", url)]
    return para(*words, exempt=exempt)


def _appendices(record: RecordOfDecision) -> list[Block]:
    return [
        appendix_line(a.label, a.title, a.file, a.url, f"appendices[{i}]", withheld_mark(a.exempt))
        for i, a in enumerate(record.appendices)
    ]


def _attached(record: RecordOfDecision, whole: Exempt | None) -> list[Section]:
    """The appendices whose .docx is attached, each on a page of its own after the record."""
    found = (
        attached_appendix(a.label, a.title, a.file, f"appendices[{i}].file", withheld_mark(a.exempt) or whole)
        for i, a in enumerate(record.appendices)
    )
    return [s for s in found if s is not None]


def record_of_decision_document(
    record: RecordOfDecision, plan: Plan | None = None, *, form: HouseForm | None = None
) -> Document:
    """The record of decision `record`, as a document tree in `form`'s order and words.

    `form` defaults to the built-in form of the area's kind of body on the decision's date
    (`pccplan.forms.default_form`); a form with no ``record-of-decision`` form takes the
    built-in ``pcc`` one. `plan`, when given, names the office as its area styles it. The
    approval block writes the form's statement ('I hereby approve ...') and its lines, each
    filled from `record.approval` or left blank to sign. What the decision issues is written
    with the provision each police and crime plan is issued under (PLAN-1: s.5, or s.6 for
    MOPAC). The public-access part says which parts are withheld and on what ground (Schedule
    12A, or a section of the Freedom of Information Act 2000 from `pccplan.statute.foi`), or
    that the record is published in full. Withheld parts are marked, so the public version
    (`public_view`) leaves them out. Nothing is written for a part the record does not hold.

    Raises `ValidationError` naming the field when an FOI section is not an exemption, when
    caller markup is wrong, when `plan` is for another area, or when in London the Deputy
    Mayor is named as approving the issue of the plan (LON-1).
    """
    expect(
        "record_of_decision_document",
        ("record", record, RecordOfDecision, False),
        ("plan", plan, Plan, True),
        ("form", form, HouseForm, True),
    )
    if plan is not None and plan.area.slug != record.area.slug:
        raise ValidationError.one(
            "area", f"is {record.area.name}, but the plan is for {plan.area.name}", record.area.name
        )
    holder = plan.commissioner if plan is not None else None
    holder = holder or Commissioner.for_area(record.approval.name, record.area, record.date)
    office = Office.of(record.area, holder, record.date)
    _check_deputy(record, office)
    form = form or default_form(office.kind)
    shape, capitals = form_shape(form, "record-of-decision")
    approval = shape.approval or builtin_form("pcc").document("record-of-decision").approval
    assert approval is not None
    headings = {p.key: p.heading for p in shape.parts if p.heading}
    whole = withheld_mark(record.exempt)

    # The key facts as one row under a header row (as the decision notice's record), so a screen
    # reader announces each value with its label (WCAG 2.1 1.3.1).
    named = shape.key_labels or KeyLabels()  # the office's words for the labels (its house form)
    key_rows: list[tuple[str, str]] = []
    if record.number:
        key_rows.append((named.reference, record.number))
    key_rows.append((named.date, day_month_year(record.date)))
    if record.decision_by is not None:
        who = record.decision_by
        key_rows.append((named.decision_by, f"{who.name}, {who.title}"))
    signed = day_month_year(record.approval.date) if record.approval.date else _BLANK
    key_rows.append((named.date_signed, signed))
    declarations: list[Block] = (
        [para(*narrative(record.declarations, "declarations"))] if record.declarations else []
    )
    contact: list[Block] = [para(contact_line(record.contact))] if record.contact else []
    parts: dict[str, list[Block]] = {
        "key-information": [
            table(header=[label for label, _ in key_rows], rows=[[value for _, value in key_rows]])
        ],
        "executive-summary": _part_blocks(record.executive_summary, "executive_summary"),
        "decision": [*_part_blocks(record.decision, "decision"), *_issues_paragraphs(record, office)],
        "background": _part_blocks(record.background, "background"),
        "supporting-report": _part_blocks(record.supporting_report, "supporting_report"),
        "implications": _implications(record),
        "consultation": _part_blocks(record.consultation, "consultation"),
        "declarations": declarations,
        "public-access": _public_access(record, headings),
        "advice": _advice(record),
        "approval": [
            # Plain, not bold: a bold line on its own reads as a heading that is not one (WCAG 1.3.1).
            para(_approver(approval.lines, record.approval)),
            para(*narrative(approval.statement, "form.approval.statement")),
            *_signature_lines(approval.lines, record.approval),
        ],
        "appendices": _appendices(record),
        "contact": contact,
    }
    own = {
        "executive-summary": record.executive_summary,
        "decision": record.decision,
        "background": record.background,
        "supporting-report": record.supporting_report,
        "consultation": record.consultation,
    }
    marks: dict[str, Exempt | None] = {key: withheld_mark(p.exempt) if p else None for key, p in own.items()}
    if whole is not None:
        # The body is withheld; who decided, when, the public-access statement, the approval and
        # the contact are published (the reader learns a decision was made, and whom to ask).
        for key in _BODY:
            marks[key] = marks.get(key) or whole
    custom = {k: p.heading for k, p in own.items() if p is not None and p.heading}
    title = f"{record.number} \u2013 {record.title}" if record.number else record.title
    composed = document(
        title_block(title, office.office_name),
        *arrange_marked(shape, parts, marks, custom),
        *_attached(record, whole),
        title=title,
        author=office.office_name,
        subject=f"Record of decision: {record.title}",
        date=record.date,
        keywords=("record of decision", "police and crime commissioner"),
        header=office.office_name,
        capitals=capitals,
    )
    return with_logo(composed, form)  # the form's logo, as apply_form adds it


if TYPE_CHECKING:  # the former name, for type checkers; at run time `__getattr__` keeps it
    record_of_decision = record_of_decision_document
__getattr__ = renamed(__name__, {"record_of_decision": record_of_decision_document})
