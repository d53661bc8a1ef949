"""Applying a house form: a document's parts laid out in the form's order under the form's headings."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence

import attrs

from pccplan.compose.build import section
from pccplan.compose.parts import Office, area_of_panel, office_term, panel_term, sentence
from pccplan.compose.picture import Picture
from pccplan.compose.tree import (
    Block,
    Document,
    Emph,
    Inline,
    Link,
    Node,
    Paragraph,
    Section,
    Strong,
    Text,
    TitleBlock,
)
from pccplan.compose.walk import Replacement, walk
from pccplan.errors import ValidationError
from pccplan.forms import builtin_form
from pccplan.model.area import BodyKind, PoliceArea, all_areas
from pccplan.model.form import DocumentForm, HouseForm, Naming
from pccplan.model.plan import Commissioner, Plan

__all__ = ["apply_form", "arrange", "logo_picture", "office_for", "panel_area", "rename", "with_logo"]


def panel_area(panel: str, on: dt.date) -> PoliceArea | None:
    """The area whose scrutiny body is `panel` on day `on`: by the registry's name, else by the area's name.

    The registry's name comes first, so 'London Assembly Police and Crime Committee' is London.
    """
    for area in all_areas():
        if area.governance_on(on).panel_name.casefold() == panel.strip().casefold():
            return area
    return area_of_panel(panel)


def office_for(panel: str, on: dt.date, commissioner: Commissioner | None, plan: Plan | None) -> Office:
    """How a document about `panel`'s review names the office on day `on`.

    With `plan`, the plan's area and commissioner; without it, the area found from the Panel's
    name (`panel_area`) and `commissioner` (default: the title the area used on the day).
    Raises `ValidationError` naming the Panel when its name belongs to another area than the
    plan's (a letter about another area's plan is a mistake, never a document).
    """
    area = panel_area(panel, on)
    if plan is not None:
        if area is not None and area.slug != plan.area.slug:
            raise ValidationError.one(
                "panel",
                f"is the Panel of {area.name}, but the plan is for {plan.area.name}",
                panel,
            )
        return Office.of(plan.area, commissioner or plan.commissioner, on, panel)
    if area is None:
        return Office.for_panel(commissioner, panel, on)
    return Office.of(area, commissioner or Commissioner.for_area("Commissioner", area, on), on, panel)


def arrange(form: DocumentForm, parts: Mapping[str, Sequence[Block]]) -> list[Block]:
    """The blocks of each part in the form's order; a part with a heading becomes a section.

    `parts` maps a part's key to its blocks; a part the form leaves out is not written, and a
    part with no blocks (nothing recorded for it) is written neither as text nor as a heading.
    """
    out: list[Block] = []
    for part in form.parts:
        blocks = list(parts.get(part.key, ()))
        if not blocks:
            continue
        if part.heading is None:
            out += blocks
        else:
            out.append(section(part.heading, *blocks))
    return out


_LQ, _RQ = "\u201c", "\u201d"


def _defined(phrase: str) -> str:
    """A name as it is defined in brackets at first mention: '(the “Commissioner”)', '(MOPAC)'."""
    word = phrase.removeprefix("the ")
    return f"(the {_LQ}{word}{_RQ})" if word != phrase else f"({word})"


def _renamer(old: str, new: str) -> Callable[[str, bool], str]:
    """A function rewriting `old` as `new` in a text, its defined term and sentence starts too.

    'the Commissioner' is matched as a phrase, so 'Police and Crime Commissioner' and the
    'Commissioner of Police of the Metropolis' keep their words; a name opening a sentence
    takes a capital ('The PCC'). The function's flag says whether the text opens a paragraph.
    """
    defined_old, defined_new = _defined(old), _defined(new)
    if old == "MOPAC" and new != old:
        # MOPAC is a body the Mayor occupies (PRSRA s.3): it keeps its name where it is defined, and
        # the office's own name for it is defined as its occupant, never as "the Mayor's Office".
        defined_new = f"{defined_old}, whose occupant is the Mayor of London {defined_new},"
    phrase = re.compile(
        r"(?<![\w(])(" + "|".join(re.escape(w) for w in sorted({old, sentence(old)})) + r")\b(?! of Police)"
    )

    def rewrite(text: str, opens: bool) -> str:
        def one(match: re.Match[str]) -> str:
            if match.group(1) != old:  # 'The Commissioner': written at the start of a sentence
                return sentence(new)
            if old[:1].islower() or new[:1].isupper():  # the text's own capitals say where sentences start
                return new
            # 'MOPAC' becoming 'the Mayor': a capital where a sentence or a paragraph opens.
            before = text[: match.start()].rstrip()
            starts = before.endswith((".", ":")) if before else opens and not text[:1].isspace()
            return sentence(new) if starts else new

        parts = text.split(defined_old)
        return defined_new.join(phrase.sub(one, part) for part in parts)

    return rewrite


def rename(doc: Document, naming: Naming, kind: BodyKind) -> Document:
    """`doc`, written by the library for a body of `kind`, naming the office and Panel as `naming` says.

    The library names a commissioner 'the Commissioner', a mayor 'the Mayor', MOPAC 'MOPAC',
    and the scrutiny body 'the Panel' (in London 'the Committee'); a house form may say 'the
    PCC', 'the PFCC', 'the Mayor' or 'MOPAC' instead. Every text of the document is rewritten,
    the defined term at first mention included; headings keep their words (the form gives
    them). With the library's own names `doc` comes back unchanged.
    """
    rewrites = [
        _renamer(old, new)
        for old, new in ((office_term(kind), naming.commissioner), (panel_term(kind), naming.panel))
        if old != new
    ]
    if not rewrites:
        return doc

    def texts(content: tuple[Inline, ...], opens: bool) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for index, item in enumerate(content):
            if isinstance(item, Text):
                words = item.text
                for rewrite in rewrites:
                    words = rewrite(words, opens and index == 0)
                item = item if words == item.text else Text(text=words)
            out.append(item)
        return tuple(out)

    def each(node: Node) -> Replacement:
        if isinstance(node, Paragraph | Strong | Emph | Link):
            content = texts(node.content, isinstance(node, Paragraph))
            return node if content == node.content else attrs.evolve(node, content=content)
        return node

    return walk(doc, each)


def apply_form(doc: Document, kind: str, form: HouseForm) -> Document:
    """A document the library wrote in its own shape, in `form`'s words: order, headings, capitals, names.

    For the composers that do not yet read a form (the report to the Panel, the decision
    notice), the library's parts are known by the headings the library writes, which the
    built-in ``pcc`` form (the Cambridgeshire seed form) records. Each headed part moves to its
    place in `form`'s order and takes `form`'s words; blocks that follow a headed part (the
    caller's own sections, unheaded parts) move with it; a headed part `form` leaves out is
    not written (what followed it stays, after the part before it). With the ``pcc`` form the
    document comes back unchanged. A part `form` writes without a heading keeps the library's.
    The text names the office and the Panel as `form.naming` says ('the PCC', 'the PFCC', 'the
    Mayor', 'MOPAC'), for a document the library wrote for a body of `form.body` (`rename`).
    """
    shape = form.document(kind)
    known = {p.heading: p.key for p in builtin_form("pcc").document(kind).parts if p.heading}
    lead: list[Block] = []
    groups: dict[str, list[Block]] = {}
    current: list[Block] = lead
    for block in doc.blocks:
        key = known.get(block.title) if isinstance(block, Section) and not block.new_page else None
        if key is None:
            current.append(block)
        elif key in shape.keys:
            current = groups.setdefault(key, [])
            current.append(block)
        # A part the form leaves out is dropped; what follows it joins the part before it.
    out = list(lead)
    for part in shape.parts:
        blocks = groups.get(part.key, [])
        if blocks and part.heading is not None and isinstance(blocks[0], Section):
            blocks = [attrs.evolve(blocks[0], title=part.heading), *blocks[1:]]
        out += blocks
    meta = attrs.evolve(doc.meta, capitals=form.capitals_for(kind))
    return with_logo(rename(attrs.evolve(doc, meta=meta, blocks=tuple(out)), form.naming, form.body), form)


def logo_picture(form: HouseForm) -> Picture | None:
    """The picture of the form's logo, read from its file; ``None`` when the form has no logo.

    Raises `ValidationError` naming `logo.path` when the file cannot be read, and the
    picture's own field when the file is not a PNG, JPEG or SVG.
    """
    logo = form.logo
    if logo is None:
        return None
    try:
        return Picture.from_file(
            logo.path, fallback=logo.fallback, width=logo.width, alt=logo.alt, decorative=logo.decorative
        )
    except OSError as error:
        raise ValidationError.one("logo.path", f"cannot be read ({error.strerror})", logo.path) from None


def with_logo(doc: Document, form: HouseForm) -> Document:
    """`doc` with the form's logo above its title block (unchanged without a logo or title block)."""
    picture = logo_picture(form)
    if picture is None or not doc.blocks or not isinstance(doc.blocks[0], TitleBlock):
        return doc
    first = attrs.evolve(doc.blocks[0], logo=picture)
    return attrs.evolve(doc, blocks=(first, *doc.blocks[1:]))
