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

from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from . import claims_content as content
from .claims_speech import Proposal

DOC_NOUNS = ["essay", "paper", "article", "study", "analysis", "chapter", "report", "piece", "book", "commentary"]
FINITE = {"VBD", "VBZ", "VBP", "MD"}
MAX_HEADING_WORDS = 16
QUOTES = set("\"“”«»„‹›")
PATTERNS = {
    "thesis": (0.5, [
        [{"LEMMA": {"IN": ["argument", "thesis", "contention", "claim", "conclusion"]}}, {"LOWER": "of"},
         {"LOWER": {"IN": ["this", "my", "our", "the"]}}, {"LOWER": {"IN": DOC_NOUNS}}],
        [{"LOWER": {"IN": ["this", "the"]}}, {"LOWER": {"IN": DOC_NOUNS}},
         {"LEMMA": {"IN": ["argue", "contend", "claim", "show", "demonstrate", "conclude"]}}],
        [{"LOWER": {"IN": ["i", "we"]}}, {"LEMMA": {"IN": ["argue", "contend", "conclude", "submit"]}}],
    ]),
    "conclusion": (0.45, [
        [{"LOWER": "it"}, {"LEMMA": {"IN": ["become", "be", "seem", "appear"]}}, {"POS": "ADV", "OP": "?"},
         {"LOWER": {"IN": ["apparent", "clear", "evident", "obvious"]}}, {"LOWER": "that"}],
        [{"IS_SENT_START": True, "LOWER": "in"}, {"LOWER": {"IN": ["this", "that"]}}, {"LOWER": "light"}],
        [{"IS_SENT_START": True, "LOWER": {"IN": ["in", "to"]}},
         {"LOWER": {"IN": ["sum", "conclusion", "conclude", "short", "summarize", "summarise"]}}],
        [{"IS_SENT_START": True, "LOWER": "all"}, {"LOWER": "in"}, {"LOWER": "all"}],
    ]),
    "no_choice": (0.35, [
        [{"LOWER": {"IN": ["will", "would", "shall"]}}, {"LEMMA": "have"}, {"LOWER": "no"},
         {"LOWER": "other", "OP": "?"}, {"LOWER": {"IN": ["choice", "option", "alternative"]}}],
    ]),
}


def build_matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    for name, (_, patterns) in PATTERNS.items():
        matcher.add(name, patterns)
    return matcher


def authorial_claims(doc: Doc, matcher: Matcher) -> list[Proposal]:
    return _sentences(doc, matcher) + _headings(doc)


def _sentences(doc: Doc, matcher: Matcher) -> list[Proposal]:
    best: dict[int, tuple[float, str, Span]] = {}
    for match_id, start, _ in matcher(doc):
        rule = doc.vocab.strings[match_id]
        score = PATTERNS[rule][0]
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


def _headings(doc: Doc) -> list[Proposal]:
    text = doc.text  # Doc.text joins every token: read it once
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
    body = line.strip()
    if not body or body[-1] in ".!?:;," or not body[0].isupper() or len(body.split()) > MAX_HEADING_WORDS:
        return None
    if any(ch in QUOTES for ch in body):
        return None  # a quotation on its own line is speech, not a heading
    first = start + line.index(body)
    label, _, rest = body.partition(": ")
    if rest and len(label.split()) == 1 and _finite(doc, first + len(label) + 2, first + len(body)):
        first += len(label) + 2  # "Argument: …": the label is not part of the thesis
    span = doc.char_span(first, start + len(line.rstrip()), alignment_mode="contract")
    if span is None or len(span) < 3 or not _finite(doc, span.start_char, span.end_char):
        return None
    return Proposal(span.start, span.end, "authorial", "authorial_heading", 0.4, head=span.root.i)


def _finite(doc: Doc, start: int, end: int) -> bool:
    span = doc.char_span(start, end, alignment_mode="contract")
    return span is not None and any(t.tag_ in FINITE for t in span)
