"""Content read off the surface where the parse of a reporting clause fails.

"As X said, MAIN" and "MAIN, as X said"; "The decision, Putin said, was
final"; "CONTENT, Asia-Plus reported." (the cue hung on the content as a
conjunct). Same return shape as the finders in `content`.
"""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.knowledge import knowledge

from .content import INTRODUCERS, Range, child, clip, subtree_range


def as_clause(verb: Token, sent_start: int, sent_end: int) -> Range | None:
    """"As X said, MAIN" (or "MAIN, as X said"): the main clause is the content."""
    doc = verb.doc
    mark = child(verb, {"mark"})
    first = mark.i if mark is not None and mark.lower_ == "as" else _surface_as(verb)
    if first is None:
        return None
    if all(doc[i].is_punct or doc[i].pos_ in ("CCONJ", "ADV") for i in range(sent_start, first)):
        after = max([verb.i, *(c.i for c in verb.children if c.dep_ == "prt")]) + 1
        start, end = clip(doc, after, sent_end)
        return start, end, start
    return sent_start, first, sent_start


def parataxis(verb: Token) -> Range | None:
    """"The decision, Putin said, was final": the clause around the aside.
    A span is contiguous, so an aside inside the clause stays in it."""
    if verb.dep_ != "parataxis" or child(verb, {"ccomp"}) is not None:
        return None
    head = verb.head
    while head.pos_ not in ("VERB", "AUX") and head.dep_ in ("nsubj", "nsubjpass", "appos") and head.head is not head:
        head = head.head  # "Such attacks, Peskov told reporters, are aimed …": hung on the subject
    start, end = subtree_range(head)
    if verb.left_edge.i > head.i and verb.right_edge.i + 1 >= end - 1:
        end = verb.left_edge.i  # "…, he said." at the end: the clause before it
    return start, end, head.i


NP_POS = {"PROPN", "NOUN", "DET", "ADJ", "PRON", "NUM"}
CHAIN = {"-", "–", "'s", "’s", "of", "for", "(", ")"}  # inside a name or an office chain
TRAILING_DEPS = {"prep", "npadvmod", "advmod", "punct", "agent"}


def trailing(verb: Token, sent_start: int, sent_end: int) -> Range | None:
    """"CONTENT, Asia-Plus reported." read off the surface when the parse
    hung the cue on the content as a conjunct: a noun phrase between a comma
    and the cue, and nothing after the cue but its own adjuncts."""
    doc, i = verb.doc, verb.i - 1
    while i > sent_start and doc[i].dep_ == "aux" and doc[i].head.i == verb.i:
        i -= 1  # "…, the border service has said"
    while i > sent_start and (doc[i].pos_ in NP_POS or doc[i].text in CHAIN):
        i -= 1
    if doc[i].text != "," or i == verb.i - 1 or i - sent_start < 3 or verb.i - i > _longest(doc[i + 1]):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[sent_start:i]):
        return None  # "After the talks, the ministers noted …": no clause, no content
    if doc[sent_start].dep_ == "mark" or doc[sent_start].lower_ in INTRODUCERS:
        return None  # "When they met X, the officials observed …": a subordinate clause, not content
    tail = [t for t in doc[verb.i + 1:sent_end] if not (t.is_punct or t.is_space)]
    aside = verb.i + 2 < sent_end and doc[verb.i + 1].text == "," and doc[verb.i + 2].lower_ in ("a", "an")
    if not aside and any(verb not in t.ancestors for t in tail):  # "on Tuesday" is the cue's; anything else is not
        return None  # (", an unusual escalation of …" is an aside on the whole sentence)
    if any(c.i > verb.i and c.dep_ not in TRAILING_DEPS and not (c.dep_ == "dobj" and verb.lemma_ == "tell")
           for c in verb.children):
        return None  # an object after the cue is its content ("observed the alert"), not this pattern
    return sent_start, i, doc[sent_start].i


def _longest(first: Token) -> int:
    """How far the speaker's phrase may run: a name, or an office chain that
    starts with a title ("Chairman of the Halk Maslahaty (People's Council)
    of Turkmenistan Gurbanguly Berdimuhamedov said")."""
    return 24 if first.lower_ in knowledge(first.doc).titles.nouns else 8


def _surface_as(verb: Token) -> int | None:
    """"as Dmitri Trenin analyses," when the tagger read the verb as a noun."""
    doc, i = verb.doc, verb.i - 1
    while i >= 0 and doc[i].pos_ == "PROPN":
        i -= 1
    if i >= 0 and i < verb.i - 1 and doc[i].lower_ == "as" and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ",":
        return i
    return None


def _clause_after(verb: Token, c: Token) -> bool:
    """A finite clause with its own subject after the cue: what it reports."""
    finite = c.tag_ in ("VBD", "VBZ", "VBP") or any(g.dep_ in ("aux", "auxpass") and g.tag_ != "TO" for g in c.children)
    return c.dep_ == "ccomp" and c.i > verb.i and finite and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)


def inverted(verb: Token, sent_start: int) -> tuple[Range, Token] | None:
    """"CONTENT, reported Indian media citing the memoir": the speaker after
    the cue, which has no subject of its own; the content is the clause
    before the comma. Returns the content and the speaker's head token."""
    doc = verb.doc
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None  # ", saying the alliance had failed": a participle's subject is the clause's
    if verb.i - sent_start < 4 or doc[verb.i - 1].text != "," or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj") or _clause_after(verb, c) for c in verb.children):
        return None  # a subject, or a clause after the cue ("…, Cele, wearing a hat, told X that Y"): no inversion
    j = verb.i + 1
    while j < len(doc) and doc[j].pos_ in ("DET", "ADJ", "PROPN", "NOUN"):
        j += 1
    phrase = doc[verb.i + 1:j]
    if not len(phrase) or phrase.root.pos_ not in ("NOUN", "PROPN"):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in doc[sent_start:verb.i - 1]):
        return None
    return (sent_start, verb.i - 1, sent_start), phrase.root
