"""Authorial claims: the author's own theses and conclusions.

Three signals, all proposed with a low score for a reviewer to decide:
* meta-discourse that announces a thesis ("The main argument of this essay
  … is that …", "I argue that …");
* conclusion framing ("it becomes apparent that …", "In this light, …",
  "… will have no other choice than …");
* headings that assert something: a short line without final punctuation
  that holds a finite verb ("The Taliban have always de facto controlled
  Afghanistan"), as opposed to topic headings ("Background",
  "Kazakhstan: military mobilisation").
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from annotator.nlp.doc_scan import sentences, sentences_of, tokens_in, union
from annotator.nlp.knowledge import Knowledge, knowledge

from . import content
from .speech import WH_WORDS, Proposal

FINITE = {"VBD", "VBZ", "VBP", "MD"}
MAX_HEADING_WORDS = 16
QUOTES = set("\"“”«»„‹›")
MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+")
NUMBERING = re.compile(r"^(?:\d{1,2}|[IVX]{1,4}|[A-H])[.)]\s+(?=[A-Z])")
MODALS = {"should", "ought"}  # advice; "must" is as often a journalist's plain fact ("must still agree")
CONCLUSION_HEADING = re.compile(r"^[ \t]*(?:\d+\.?\s*)?(?:conclusions?|concluding remarks|(?:policy )?recommendations|"
                                r"outlook|the way forward|implications|looking ahead)"
                                r"(?:[ \t]*(?:&|and)[ \t]*[\w ]{1,30})?[ \t]*:?[ \t]*$", re.I | re.M)


def build_matcher(vocab: Vocab, kb: Knowledge) -> Matcher:
    """The patterns of annotator/data/patterns/authorial.jsonl, one Matcher key per label."""
    by_label: dict[str, list] = {}
    for line in kb.patterns["authorial"]:
        by_label.setdefault(line.label, []).append(line.pattern)
    matcher = Matcher(vocab)
    for label, patterns in by_label.items():
        matcher.add(label, patterns)
    return matcher


def authorial_claims(doc: Doc, matcher: Matcher, reported: AbstractSet[int] = frozenset(), text: str | None = None
                     ) -> list[Proposal]:
    """`reported`: tokens of attributed claims and their cues (someone else's words);
    `text`: doc.text, if the caller has it (joining every token is not free)."""
    text = doc.text if text is None else text
    headings = [p for p in _headings(doc, text) if p.start not in reported]  # "Japarov: …" is his, not the author's
    return _sentences(doc, matcher, reported) + headings + _recommendations(doc, reported, text)


def _recommendations(doc: Doc, reported: AbstractSet[int], text: str) -> list[Proposal]:
    """"Central Asian governments should invest in …" in the conclusion (after a
    conclusion heading, or in the last paragraph of a text of several): the
    author's own advice. Modal sentences elsewhere are argument, not thesis."""
    # An author who writes "I" and "my" argues throughout (an op-ed): advice anywhere is theirs.
    start = 0 if _in_first_person(doc, reported) else _conclusion_start(text)
    found, last = [], None
    for k, sent in enumerate(sentences(doc)):
        if sent.start_char < start or any(t.i in reported for t in sent) or sent.text.rstrip().endswith("?"):
            continue
        root = sent.root
        # "It should fund …" right after "The West should do three things" goes on advising.
        if any(ch in QUOTES for ch in sent.text) or not _advises(root, pronoun_ok=last == k - 1):
            continue
        first, end = content.trim(doc, *_line_of(doc, sent, sent.start))
        if end > first:
            score = knowledge(doc).scores.authorial.recommendation
            found.append(Proposal(first, end, "authorial", "authorial_recommendation", score, head=root.i))
            last = k
    return found


def _in_first_person(doc: Doc, reported: AbstractSet[int]) -> bool:
    """The author speaks as "I" (outside quotes and reported speech) at least twice:
    "I" as a subject, "my" as a possessive, not "World War I"."""
    mine = [i for i in tokens_in(doc, ("i", "my"), "LOWER") if i not in reported
            and ((doc[i].dep_ in ("nsubj", "nsubjpass") and doc[i].tag_ == "PRP") or doc[i].dep_ == "poss")]
    return len(mine) >= 2


def _advises(root, pronoun_ok: bool = False) -> bool:
    """"X should / ought to / needs to do Y" with a real subject (or "it", when it
    continues the advice of the sentence before)."""
    modal = any(c.dep_ == "aux" and c.lower_ in MODALS for c in root.children) or (
        root.lemma_ == "need" and any(c.dep_ == "xcomp" for c in root.children))
    vague = ("this", "that") if pronoun_ok else ("it", "this", "that")
    return modal and any(c.dep_ == "nsubj" and c.lower_ not in vague for c in root.children)


def _conclusion_start(text: str) -> int:
    """Where the concluding part begins: the last conclusion heading, else the
    last paragraph when there are four or more; len(text) when neither."""
    heading = None
    for m in CONCLUSION_HEADING.finditer(text):
        heading = m.end()
    if heading is not None:
        return heading
    # A break is a run of blanks holding two newlines, text after it. Whole runs, not
    # r"\n\s*\n\s*(?=\S)": that backtracks cubically on a flood of blank lines.
    breaks = sum(1 for m in re.finditer(r"\s+", text) if m.end() < len(text) and m.group().count("\n") >= 2)
    return text.rfind("\n", 0, len(text.rstrip())) + 1 if breaks >= 3 else len(text)


def _candidates(doc: Doc) -> list[Span]:
    """Sentences holding a word some pattern needs: running the Matcher over
    every token of a long text costs more than the rest of the claim layer."""
    words = knowledge(doc).authorial.anchors
    anchors = union(tokens_in(doc, words, "LOWER"), tokens_in(doc, words, "LEMMA"))
    return list({s.start: s for _, s in sentences_of(sentences(doc), anchors)}.values())


def _sentences(doc: Doc, matcher: Matcher, reported: AbstractSet[int]) -> list[Proposal]:
    best: dict[int, tuple[float, str, Span]] = {}
    scores = knowledge(doc).scores.authorial
    matches = [(m, sent.start + s) for sent in _candidates(doc) for m, s, _ in matcher(sent)]
    for match_id, start in matches:
        if start in reported:
            continue  # '"We argue that …," the minister said': the speaker's thesis, not the author's
        rule = doc.vocab.strings[match_id]
        score = getattr(scores, rule)
        sent = doc[start].sent
        if sent.text.rstrip().endswith("?") or best.get(sent.start, (0,))[0] >= score:
            continue
        best[sent.start] = (score, rule, sent)
    found = []
    for score, rule, sent in best.values():
        start, end = _line_of(doc, sent, doc[sent.start].i)
        start, end = content.trim(doc, start, end)
        if end > start:
            found.append(Proposal(start, end, "authorial", f"authorial_{rule}", score, head=sent.root.i))
    return found


def _line_of(doc: Doc, sent: Span, anchor: int) -> tuple[int, int]:
    """The part of a sentence on the anchor's line (no heading glued on)."""
    start = anchor
    while start > sent.start and not content.hard_break(doc[start - 1]):
        start -= 1
    return content.clip(doc, start, sent.end)


def _headings(doc: Doc, text: str) -> list[Proposal]:
    found, pos = [], _after_title(text)
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        prop = _heading(doc, text, pos, end) if text[end:].strip() else None
        if prop is not None:
            found.append(prop)
        pos = end + 1
    return found


def _after_title(text: str) -> int:
    """Skip the first line: a title sums a text up, it is not one of its theses."""
    first = len(text) - len(text.lstrip())
    end = text.find("\n", first)
    return len(text) if end == -1 else end + 1


def _heading(doc: Doc, text: str, start: int, end: int) -> Proposal | None:
    line = text[start:end]
    # "2. China is not replacing Russia", "## Water, not militants, will test the region"
    body = NUMBERING.sub("", MARKDOWN_HEADING.sub("", line.strip(), count=1), count=1)
    if not body or body[-1] in ".!?:;," or not body[0].isupper() or len(body.split()) > MAX_HEADING_WORDS:
        return None
    if any(ch in QUOTES for ch in body):
        return None  # a quotation on its own line is speech, not a heading
    if body.split()[0].lower() in WH_WORDS and ":" not in body:
        return None  # "What Dushanbe and Tashkent should do" asks; "What matters: X" asserts
    first = start + line.index(body)
    label, _, rest = body.partition(": ")
    if rest and len(label.split()) == 1 and _finite(doc, first + len(label) + 2, first + len(body)):
        first += len(label) + 2  # "Argument: …": the label is not part of the thesis
    span = doc.char_span(first, start + len(line.rstrip()), alignment_mode="contract")
    if span is None or len(span) < 3 or not _finite(doc, span.start_char, span.end_char):
        return None
    score = knowledge(doc).scores.authorial.heading
    return Proposal(span.start, span.end, "authorial", "authorial_heading", score, head=span.root.i)


def _finite(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.tag_ in FINITE for t in span)
