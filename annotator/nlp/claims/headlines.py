"""Colon headlines: "Japarov: Kyrgyzstan will never give up Kempir-Abad".

Agency headlines (AKIpress, TASS, Kun.uz) put the speaker before a colon and
the claim after it, with no speech verb. A person label counts on any short
line; a state or organization label only on the title line, because inside
an essay "Russia: Moscow remains the key player" is a thesis heading, not a
statement by Russia.

Title Case headlines ("Uzbekistan Denies Hosting U.S. Troops") defeat the
tagger, so on the title line a cue word right after an actor is read off the
surface when the parse found no claim there.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from annotator.nlp.knowledge import knowledge

from . import content
from .speakers import Speaker
from .speech import Proposal, Reported

MAX_WORDS = 20
MAX_LABEL_WORDS = 5
QUOTE_MARKS = "\"“”«»„'‘’"
DASH_LABEL = re.compile(r"\s([-–—])\s+([^-–—]+?)\s*$")  # "… — Gurbanguly Berdimuhamedov" at the line's end
DATE_LINE = re.compile(r"date \d{4}-\d{2}-\d{2}\s+")  # the plain-text reader's first-line date


def colon_claims(rep: Reported) -> list[Proposal]:
    doc, text = rep.doc, rep.text
    found, pos, first = [], 0, True
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end]
        if line.strip():
            prop = _colon_line(rep, doc, pos, line, first) or (
                _dash_line(rep, doc, pos, line) or _trailing_label(rep, doc, pos, line) if first else None)
            if prop is not None:
                found.append(prop)
            first = False
        pos = end + 1
    return found


def title_case_claim(rep: Reported, taken: list[Proposal]) -> Proposal | None:
    """"Actor Cue Content" on a Title Case first line the parse could not read."""
    line = _title_line(rep)
    # The parse may have read part of it ("Vows To Crush IS Cells" gives "To Crush"): the surface
    # reading replaces a claim of the same cue; any other claim on the line means the parse coped.
    if line is None or any(line.start <= p.start < line.end and p.cue_tok not in range(line.start, line.end)
                           for p in taken):
        return None
    hit = _title_cue(rep, line)
    if hit is None:
        return None
    tok, cue = hit
    cue_toks, first = [tok.i], tok.i + 1
    if rep.doc[first].lower_ in cue.preps:  # "Warns Of X", "Calls For X": the preposition is no content
        cue_toks += [first] if cue.in_cue else []
        first += 1
    while first < line.end and rep.doc[first].is_punct:
        first += 1  # "Report: Repression in Tajikistan": the colon is no content
    if line.end - first < 2:
        return None
    named = rep.actors.actor(tok.i - 1)
    who = Speaker((named,), "actor" if named else "unnamed", tok.i - 1)
    score = knowledge(rep.doc).scores.attributed.headline_title_case
    return Proposal(first, line.end, "attributed", "headline_title_case", score, who, cue_toks, "indirect",
                    head=first, cue_tok=tok.i)


def _title_cue(rep: Reported, line):
    """The first cue word right after an actor (and not part of one)."""
    for tok in line[1:-1]:
        cue = rep.lex.cue_for(tok.lower_, tok.lower_) if tok.text[:1].isupper() else None
        simple = cue is not None and not (cue.prt or cue.with_obj or cue.need_prep)  # "Spoke" needs "out"
        if simple and tok.lower_ not in rep.lex.beliefs and not rep.actors.actor(tok.i) \
                and (rep.actors.actor(tok.i - 1) or _people_of(rep, tok.doc[tok.i - 1])):
            return tok, cue
    return None


def _people_of(rep: Reported, tok) -> bool:
    """"Kazakhs Demand …", "Nigerians Accuse …": a people as an unnamed, collective source."""
    low = tok.lower_
    return low.endswith("s") and low[:-1] in rep.actors.demonyms


def _title_line(rep: Reported):
    """The first line as a span, if it is written in Title Case."""
    text = rep.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    line = rep.doc.char_span(start, len(text) if end == -1 else end, alignment_mode="contract")
    if line is None or len(line) < 3 or line.text.endswith("."):
        return None  # a headline has no final period
    words = [t for t in line if t.is_alpha]
    return line if words and sum(t.text[0].isupper() for t in words) >= 0.6 * len(words) else None


def _colon_line(rep: Reported, doc: Doc, pos: int, line: str, title: bool) -> Proposal | None:
    dated = DATE_LINE.match(line) if title else None
    if dated:  # "date 2018-11-15 Foreign minister: …": the reader's date is no part of the label
        pos, line = pos + dated.end(), line[dated.end():]
    label, sep, rest = line.partition(": ")
    if not sep or len(line.split()) > MAX_WORDS or not 0 < len(label.split()) <= MAX_LABEL_WORDS:
        return None
    lab = doc.char_span(pos, pos + len(label), alignment_mode="expand")
    speaker = _label_speaker(rep, lab, title) if lab is not None else None
    body = _body(doc, pos + len(label) + 2, rest) if speaker is not None else None
    if body is None or speaker is None or lab is None:
        return None
    (first, last), quoted = body
    who = Speaker((rep.actors.actor(speaker),), "actor", speaker)
    mode = "direct" if quoted else "indirect"
    score = knowledge(doc).scores.attributed.colon_headline
    return Proposal(first, last, "attributed", "colon_headline", score, who, [lab.end], mode, head=doc[first].i,
                    cue_tok=lab.end)


def _dash_line(rep: Reported, doc: Doc, pos: int, line: str) -> Proposal | None:
    """"Turkmenistan to expand ties with Russia — Gurbanguly Berdimuhamedov",
    "… - Kremlin": an agency headline names its speaker after a dash."""
    m = DASH_LABEL.search(line)
    if m is None or len(line.split()) > MAX_WORDS or not 0 < len(m.group(2).split()) <= MAX_LABEL_WORDS:
        return None
    lab = doc.char_span(pos + m.start(2), pos + m.end(2), alignment_mode="expand")
    speaker = _label_speaker(rep, lab, True) if lab is not None else None
    dated = DATE_LINE.match(line)
    start = dated.end() if dated else 0
    body = _body(doc, pos + start, line[start:m.start()]) if speaker is not None else None
    if body is None or speaker is None:
        return None
    (first, last), _ = body
    dash = doc.char_span(pos + m.start(1), pos + m.end(1), alignment_mode="expand")
    who = Speaker((rep.actors.actor(speaker),), "actor", speaker)
    score = knowledge(doc).scores.attributed.colon_headline
    return Proposal(first, last, "attributed", "dash_headline", score, who, [dash.start] if dash else [], "indirect",
                    head=doc[first].i, cue_tok=dash.start if dash else None)


def _label_speaker(rep: Reported, lab, title: bool) -> int | None:
    """The token of the person (or, on the title line, the body) the label names;
    a bare title on the title line names the story's first person holding it
    ("Foreign minister: …", then "Foreign Minister A H Mahmood Ali said …")."""
    kinds = ("person", "state", "organization", "group") if title else ("person",)
    # Only a name, with its title or article, labels a speaker: "The CSTO after Qantar: …" is a title.
    other = [t for t in lab if rep.actors.actor(t.i) is None and not (
        t.is_punct or t.pos_ in ("DET", "ADJ") or t.lower_ in rep.lex.titles or t.lower_ in rep.actors.demonyms
        or t.lower_ in _title_words(rep.doc))]
    if other:
        return None
    named = next((i for i in range(lab.start, lab.end) if rep.actors.kind(i) in kinds), None)
    if named is not None or not title:
        return named
    return _first_holder(rep, lab, lambda m, word: m.kind == "person" and word in m.role.split(), rep.lex.titles)


def _title_words(doc: Doc) -> frozenset[str]:
    """Words inside a title besides its noun: "Foreign", "Energy" (modifiers and portfolios)."""
    kb = knowledge(doc)
    return kb.derived("title_words", lambda: kb.titles.modifiers | kb.titles.portfolios)


def _first_holder(rep: Reported, lab, fits, words) -> int | None:
    """The first mention after the title line that the label's last fitting word describes."""
    word = next((t.lower_ for t in reversed(lab) if t.lower_ in words), None)
    if word is None:
        return None
    return next((m.start for m in rep.actors.mentions if m.start >= lab.end and fits(m, word)), None)


def _trailing_label(rep: Reported, doc: Doc, pos: int, line: str) -> Proposal | None:
    """"New Sanctions Sign of U.S. Despair: Ministry": a title line may name its
    source after a colon (an actor, or a body the story names later)."""
    rest, sep, label = line.rpartition(": ")
    if not sep or len(line.split()) > MAX_WORDS or not 0 < len(label.split()) <= 3:
        return None
    lab = doc.char_span(pos + len(rest) + 2, pos + len(line), alignment_mode="expand")
    if lab is None or any(not (t.is_punct or t.pos_ == "DET" or rep.actors.actor(t.i) or t.is_title) for t in lab):
        return None
    body_nouns = knowledge(doc).speakers.body_nouns
    speaker = next((t.i for t in lab if rep.actors.actor(t.i)), None)
    if speaker is None:
        speaker = _first_holder(rep, lab, lambda m, word: m.kind != "person" and word in m.text.lower().split(),
                                body_nouns)
    dated = DATE_LINE.match(rest)
    start = dated.end() if dated else 0
    body = _body(doc, pos + start, rest[start:]) if speaker is not None else None
    if body is None or speaker is None:
        return None
    (first, last), _ = body
    who = Speaker((rep.actors.actor(speaker),), "actor", speaker)
    score = knowledge(doc).scores.attributed.colon_headline
    return Proposal(first, last, "attributed", "colon_headline", score, who, [lab.start - 1], "indirect",
                    head=first, cue_tok=lab.start - 1)


def _body(doc: Doc, start: int, rest: str) -> tuple[tuple[int, int], bool] | None:
    """Token range of what follows the colon, without final period and quote marks."""
    stripped = rest.strip().rstrip(".").strip(QUOTE_MARKS)
    if not stripped:
        return None
    first = start + rest.index(stripped)
    span = doc.char_span(first, first + len(stripped), alignment_mode="contract")
    if span is None or len(span) < 3:
        return None
    return content.trim(doc, span.start, span.end), rest.strip()[:1] in QUOTE_MARKS
