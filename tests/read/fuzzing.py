"""The reader fuzzed in a child process whose memory and CPU time are capped by `resource` limits.

Run as ``python -m tests.read.fuzzing EXAMPLES`` (tests/read/test_docx.py does). The child
builds its inputs, then caps its own address space at what it uses plus `MEMORY_BUDGET`
(RLIMIT_AS) and its CPU time at `CPU_SECONDS` more (RLIMIT_CPU), and each hostile file's
read at `FILE_CPU_SECONDS`. A read that needs more memory raises MemoryError; one that needs
more time is stopped by the kernel; either fails the run: bounded memory and time are
asserted by the limits, never by a clock. Every outcome must be a read or a
`DocumentReadError`; anything else escapes and fails the run. It prints one JSON object:
the outcome of each hostile file, and how many fuzzed cases ended how.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import sys
import zipfile
from collections import Counter
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.read import wordfiles

from pccplan.errors import DocumentReadError
from pccplan.opc.limits import Limits
from pccplan.read import read_docx
from pccplan.read.docx import INTERNAL_ERROR

MEMORY_BUDGET = 512 * 1024 * 1024
"""Address space the child may add to what it has once its inputs are built (bytes)."""

CPU_SECONDS = 120
"""CPU time the whole run may take once its inputs are built: tens of times what it needs."""

FILE_CPU_SECONDS = 10
"""CPU time each hostile file may take: several times what the slowest needs (about 1.5 s).

The reader's old quadratic paths took 37 s (20,000 open fields), 69 s (one paragraph of
60,000 runs), 14 s (20,000 subtitle lines), 22 s (40,000 runs in deep styles) and 36 s
(a shared note) on these files; the wide table took 760 MB, past `MEMORY_BUDGET`.
"""

FORMATS = (
    "decimal",
    "lowerLetter",
    "upperLetter",
    "lowerRoman",
    "upperRoman",
    "decimalZero",
    "ordinal",
    "bullet",
    "none",
    "chineseCounting",
)

_starts = st.one_of(
    st.integers(-3, 60).map(str),
    st.integers(0, 10**12).map(str),
    st.sampled_from(["32767", "32768", "999999", "x", ""]),
)
_level_texts = st.one_of(
    st.sampled_from(["%1.", "%1.%2.", "(%1)", "%1.%2.%3.%4.%5.%6.%7.%8.%9", ""]),
    st.text(alphabet="%123456789.()a ", max_size=40),
    st.builds(lambda marker, times: f"%{marker}" * times, st.integers(1, 9), st.integers(0, 50_000)),
)
_more = st.sampled_from(["", '<w:lvlRestart w:val="0"/>', '<w:lvlRestart w:val="1"/>', "<w:isLgl/>"])


@st.composite
def numbered_documents(draw: st.DrawFn) -> bytes:
    """A list document whose numbering part holds odd formats, starts, level texts and overrides."""
    levels = "".join(
        wordfiles.level(
            ilvl,
            fmt=draw(st.sampled_from(FORMATS)),
            text=draw(_level_texts),
            start=draw(_starts),
            more=draw(_more),
        )
        for ilvl in range(draw(st.integers(1, 9)))
    )
    override = draw(
        st.sampled_from(
            [
                "",
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="999999999"/></w:lvlOverride>',
                '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="32767"/></w:lvlOverride>',
                '<w:lvlOverride w:ilvl="0"><w:lvl w:ilvl="0"><w:numFmt w:val="upperLetter"/>'
                '<w:lvlText w:val="%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1%1"/>'
                "</w:lvl></w:lvlOverride>",
            ]
        )
    )
    shape = draw(
        st.lists(st.tuples(st.integers(-1, 10), st.sampled_from([0, 1, 1, 1, 2])), min_size=1, max_size=8)
    )
    count = draw(st.integers(1, 400))
    items = "".join(wordfiles.list_item("x", *shape[n % len(shape)]) for n in range(count))
    return wordfiles.listed(items, wordfiles.numbering_part(levels, overrides=override))


_FIELD_PIECES = {
    "begin": '<w:r><w:fldChar w:fldCharType="begin"/></w:r>',
    "separate": '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    "end": '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    "link": '<w:r><w:instrText>HYPERLINK "https://example.org/f"</w:instrText></w:r>',
    "switch": '<w:r><w:instrText xml:space="preserve"> \\l "here"</w:instrText></w:r>',
    "page": "<w:r><w:instrText>PAGE</w:instrText></w:r>",
    "text": "<w:r><w:t>t</w:t></w:r>",
    "simple": '<w:fldSimple w:instr="HYPERLINK https://example.org/s">',
    "close": "</w:fldSimple>",
    "paragraph": "</w:p><w:p>",
}


@st.composite
def field_documents(draw: st.DrawFn) -> bytes:
    """Paragraphs of complex and simple fields begun, separated and ended in any order."""
    out = ["<w:p>"]
    simple = 0
    for token in draw(st.lists(st.sampled_from(sorted(_FIELD_PIECES)), max_size=60)):
        if (token == "close" and not simple) or (token == "paragraph" and simple):
            continue  # elements still nest properly; only fldChar runs are in any order
        simple += {"simple": 1, "close": -1}.get(token, 0)
        out.append(_FIELD_PIECES[token])
    out += ["</w:fldSimple>"] * simple + ["</w:p>"]
    return wordfiles.package(wordfiles.body("".join(out)))


@st.composite
def shuffled_parts(draw: st.DrawFn, seed: bytes, members: list[str]) -> bytes:
    """`seed` with whole elements of one XML part dropped, copied, moved or given odd attributes."""
    from lxml import etree

    member = draw(st.sampled_from([m for m in members if m.startswith("word/") and m.endswith(".xml")]))
    with zipfile.ZipFile(io.BytesIO(seed)) as archive:
        root = etree.fromstring(archive.read(member))
    elements = list(root.iter())
    for _ in range(draw(st.integers(1, 4))):
        target = draw(st.sampled_from(elements))
        action = draw(st.sampled_from(["drop", "copy", "move", "attr"]))
        parent = target.getparent()
        if parent is None:
            continue
        if action == "drop":
            parent.remove(target)
        elif action == "copy":
            parent.append(etree.fromstring(etree.tostring(target)))
        elif action == "move":
            other = draw(st.sampled_from(elements))
            if other is not target and target not in other.iterancestors():
                with contextlib.suppress(ValueError, TypeError):
                    other.append(target)
        else:
            for key in list(target.attrib):
                target.set(key, draw(st.sampled_from(["", "-1", "0", "99999999999", "x", "true"])))
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(seed)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target_zip,
    ):
        for info in source.infolist():
            target_zip.writestr(
                info.filename, etree.tostring(root) if info.filename == member else source.read(info)
            )
    return out.getvalue()


def cases(seed: bytes, members: list[str]) -> st.SearchStrategy[bytes]:
    """Mutated bytes, parts and XML of `seed`, odd numbering, fields in any order, lying end records."""
    small = wordfiles.package()
    return st.one_of(
        st.builds(wordfiles.mutate, st.just(seed), wordfiles.EDITS),
        st.builds(wordfiles.repack, st.just(seed), st.sampled_from(members), wordfiles.EDITS),
        shuffled_parts(seed, members),
        numbered_documents(),
        field_documents(),
        st.builds(
            lambda data, entries, size, zip64: wordfiles.declared_directory(
                data, entries=entries, size=size, zip64=zip64
            ),
            st.sampled_from([seed, small]),
            st.integers(0, 2**40),
            st.one_of(st.none(), st.integers(0, 2**32 - 1)),
            st.booleans(),
        ),
    )


def hostile_files() -> dict[str, bytes]:
    """Issue 11's hostile files, and the reader's older ones, by what they try (see `FILE_LIMITS`)."""
    return {
        READ_FILES[0]: wordfiles.tricked_numbering(200),
        READ_FILES[1]: wordfiles.listed(
            wordfiles.list_item("x") * 200, wordfiles.numbering_part(wordfiles.level(text="%1" * 50_000))
        ),
        READ_FILES[2]: wordfiles.listed(
            "".join(wordfiles.list_item(f"item {n}") for n in range(5000)),
            wordfiles.numbering_part(wordfiles.level(fmt="lowerLetter")),
        ),
        "R3: an end record declaring a million parts": wordfiles.declared_directory(
            wordfiles.sample_report(), entries=1_000_000, zip64=True
        ),
        READ_FILES[3]: wordfiles.many_open_fields(20_000),
        READ_FILES[4]: wordfiles.many_runs(60_000),
        READ_FILES[5]: wordfiles.wide_table(100, 2000),
        READ_FILES[6]: wordfiles.titled(20_000),
        READ_FILES[7]: wordfiles.deep_styles(40_000),
        READ_FILES[8]: wordfiles.shared_note(1000),
        "a zip bomb": wordfiles.zip_bomb(),
        "billion laughs": wordfiles.with_doctype(wordfiles.BILLION_LAUGHS),
        "100,000 elements deep": wordfiles.deep_nesting(100_000),
    }


READ_FILES = (
    "R1: lettered from 999,999 with 500 '%1', 200 items",
    "R2: a 100,000-character level text, 200 items",
    "R2: 5,000 lettered items",
    "20,000 fields opened and never closed",
    "one paragraph of 60,000 runs",
    "a row of 100 cells spanning 64 columns, then 2,000 short rows",
    "a title with 20,000 subtitle lines",
    "40,000 runs in a 64-deep chain of styles",
    "a note of 2,000 paragraphs referenced 1,000 times",
)
"""The hostile files that must be read (bounded); every other one must be refused."""

FILE_LIMITS = {"100,000 elements deep": Limits(ratio=100_000)}
"""Limits for the hostile files that would otherwise be refused before the trick they try."""


def outcome(data: bytes, limits: Limits | None = None) -> str:
    """'read', or 'DocumentReadError: ' and the kind of reason; nothing but `DocumentReadError` is caught.

    The kind is the reason with numbers as 'N', part names as '...' and details in brackets
    left out, so that cases refused for the same reason count together.
    """
    try:
        read_docx(data, name="case.docx", limits=limits)
    except DocumentReadError as error:
        reason = str(error).removeprefix("case.docx: ")
        if INTERNAL_ERROR in reason:
            return f"internal error: {reason}"  # a bug of the reader's, which the test refuses
        kind = re.sub(r"'[^']*'", "...", re.sub(r"\d[\d,]*", "N", reason.split(" (")[0]))
        return f"DocumentReadError: {kind}"
    return "read"


def _address_space() -> int:
    """The process's virtual memory size now (bytes), as RLIMIT_AS counts it (Linux)."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmSize in /proc/self/status")


def _cpu_seconds() -> int:
    """The CPU time this process has used, rounded up to whole seconds as RLIMIT_CPU counts."""
    import resource  # Unix only: imported where used, so test_docx.py collects anywhere

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return int(usage.ru_utime + usage.ru_stime) + 1


def limit() -> None:
    """Cap this process's address space and CPU time from now on (hard limits: no way back)."""
    import resource

    space = _address_space() + MEMORY_BUDGET
    resource.setrlimit(resource.RLIMIT_AS, (space, space))
    cpu = _cpu_seconds() + CPU_SECONDS
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))


def cpu_for(seconds: int | None) -> None:
    """Let what runs next take `seconds` more CPU time, or (``None``) the rest of the run's.

    Past the soft limit the kernel sends SIGXCPU, which ends the process: a quadratic read
    of one hostile file fails the run even when the whole run's budget would cover it.
    """
    import resource

    _soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    rest = hard - 5
    resource.setrlimit(
        resource.RLIMIT_CPU, (rest if seconds is None else min(_cpu_seconds() + seconds, rest), hard)
    )


def run(examples: int) -> dict[str, object]:
    """The outcomes of the hostile files and of `examples` fuzzed cases, under the limits."""
    seed = wordfiles.sample_report()
    with zipfile.ZipFile(io.BytesIO(seed)) as archive:
        members = sorted(archive.namelist())
    files = hostile_files()
    fuzzed: Counter[str] = Counter()

    @settings(
        max_examples=examples,
        database=None,
        derandomize=True,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(cases(seed, members))
    def fuzz(data: bytes) -> None:
        fuzzed[outcome(data)] += 1

    limit()
    known = {}
    for name, data in files.items():
        sys.stderr.write(f"reading the hostile file {name!r}\n")  # says which, if the kernel stops it
        sys.stderr.flush()
        cpu_for(FILE_CPU_SECONDS)
        known[name] = outcome(data, FILE_LIMITS.get(name))
    cpu_for(None)
    fuzz()
    return {"examples": examples, "files": known, "fuzzed": dict(sorted(fuzzed.items()))}


def main(argv: list[str], write: Callable[[str], object] = sys.stdout.write) -> int:
    """Run with the number of fuzzed cases as the one argument; print the outcomes as JSON."""
    write(json.dumps(run(int(argv[0]))) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
