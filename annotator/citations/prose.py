"""The prose of a note around its citations, as their prefix and suffix."""

from __future__ import annotations

import re

from .model import ParsedCitation
from .pubdata import abbreviation

# The last `;` or sentence end in the prose between two citations: what stands
# before it closes the first citation's remark, what follows leads into the second.
_BREAK = re.compile(r"(?:;|(?<=[a-z\d)\]”\"’*_>])[.!?])\s+")


# Prose in one sentence between two citations that ends with "and"/"or": the first's remark, then the joint.
_JOINED = re.compile(r"(?s)\s*(?P<remark>[^\W\d][^;.!?()\[\]]*?\w)\s+(?P<conj>and|or)\s*")


def distribute(text: str, start: int, end: int, cites: list[ParsedCitation]) -> None:
    """Set each citation's prefix and suffix from the prose between them."""
    if not cites:
        return
    cites[0].prefix = _lead(text[start:cites[0].start])
    for prev, nxt in zip(cites, cites[1:]):
        gap = text[prev.end:nxt.start]
        cut = None
        for m in _BREAK.finditer(gap):
            if m.group().startswith(";") or not abbreviation(gap[:m.start() + 1].split()[-1]):
                cut = m  # "cf." and "e.g." end no sentence
        head, tail = (gap[:cut.start() + 1], gap[cut.end():]) if cut else ("", gap)
        if not cut and (joined := _JOINED.fullmatch(gap)):  # "@a for maps and @b": remark, then "and"
            head, tail = joined.group("remark"), joined.group("conj")
        elif _own_sentence(gap, tail):
            head, tail = "", gap
        prev.suffix = _remark(head)
        nxt.prefix = _lead(tail)
    cites[-1].suffix = _remark(text[cites[-1].end:end])


def _own_sentence(gap: str, tail: str) -> bool:
    """One sentence of its own between a citation that closed with its period and
    one that opens the next sentence (`… 2016. Turing later tested it. Ibid., 9`):
    it leads into the second, not a remark on the first."""
    ends = [m for m in _BREAK.finditer(gap)
            if not m.group().startswith(";") and not abbreviation(gap[:m.start() + 1].split()[-1])]
    return not tail.strip() and gap.lstrip().startswith(".") and len(ends) == 1


def _lead(prose: str) -> str:
    """The lead-in to a citation; inside a parenthesis or bracket that opens a
    cluster (`… spread fast (see also`, `… [see`), the words inside it."""
    prose = prose.strip()
    for open_, close in ("()", "[]"):
        if prose.count(open_) > prose.count(close):
            inside = prose[prose.rindex(open_) + 1:].strip()
            prose = inside or prose[:prose.rindex(open_)]
    # what closes the citation before ("… 2016. Next", "@a] and") leads into none
    return prose.strip().lstrip(".,;:)]").strip().rstrip(",;:").strip()


def _remark(prose: str) -> str:
    """The remark after a citation; inside a cluster that closes after it
    (`, emphasis added]`), the words inside it."""
    for open_, close in ("()", "[]"):
        if prose.count(close) > prose.count(open_):
            inside = prose[:prose.index(close)]
            if re.search(r"\w", inside):
                prose = inside
    prose = re.sub(r"^[\s.,;:)\]\\]+", "", prose).strip()
    if prose.endswith((";", ").")):  # "(noting …)." : the dot closes the citation, not the parenthetical
        prose = prose[:-1].rstrip()
    return prose if re.search(r"\w", prose) else ""
