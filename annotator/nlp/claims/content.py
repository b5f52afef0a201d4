"""Where the reported content of a cue lies, read off the dependency parse.

Each finder returns a token range [start, end) and the content's head token,
or None when the cue has no such complement. Ranges never cross a hard
boundary: a paragraph break or the blanked run of spaces a footnote marker
left behind (a marker ends the clause it supports).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .lexicon import Cue

Range = tuple[int, int, int]  # start, end (exclusive), head token index
FACT_NOUNS = {"fact", "idea", "notion", "possibility", "view", "claim", "allegation", "assumption"}
EXTEND_PREPS = {"of", "to", "over", "about", "against", "for", "with", "as", "among", "between"}
FINITE = {"VBD", "VBZ", "VBP"}
INTRODUCERS = {"while", "when", "by", "after", "before", "as", "whilst"}
TRAIL_KEEP = {")", "]"}


def hard_break(tok: Token) -> bool:
    """A paragraph break or a blanked marker (a run of 3+ spaces)."""
    return tok.is_space and ("\n" in tok.text or len(tok.text) >= 3)


def clip(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Cut [start, end) at the first hard break after start."""
    for i in range(start, end):
        if hard_break(doc[i]):
            return start, i
    return start, end


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation, spaces and a complementiser at both ends."""
    while start < end and (doc[start].is_punct or doc[start].is_space or _complementiser(doc[start])):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
                           or (doc[end - 1].is_punct and not _kept_close(doc, start, end))):
        end -= 1
    return start, end


def _complementiser(tok: Token) -> bool:
    return tok.lower_ == "that" and tok.dep_ == "mark"


def _kept_close(doc: Doc, start: int, end: int) -> bool:
    """A closing bracket stays when its opener is inside the range."""
    last = doc[end - 1].text
    return last in TRAIL_KEEP and any(doc[i].text in "([" for i in range(start, end - 1))


def child(tok: Token, deps: set[str], after: int = -1) -> Token | None:
    return next((c for c in tok.children if c.dep_ in deps and c.i > after), None)


def subtree_range(tok: Token) -> tuple[int, int]:
    return tok.left_edge.i, tok.right_edge.i + 1


def after_verb(verb: Token, comp: Token) -> tuple[int, int]:
    """A complement's subtree, minus any part the parse hung before the verb
    (a relative pronoun: "… vein that X announced to deepen …")."""
    start, end = subtree_range(comp)
    return (max(start, verb.i + 1), end) if comp.i > verb.i else (start, end)


def cut_nested(doc: Doc, start: int, end: int, is_cue) -> int:
    """End the content before a same-speaker report chained onto it
    ("stated X by adding that Y", "X while stressing that Y")."""
    for i in range(start, end):
        tok = doc[i]
        if not is_cue(tok) or child(tok, {"nsubj"}):
            continue
        if tok.dep_ == "pcomp" and tok.head.lower_ in INTRODUCERS:
            return min(end, tok.head.left_edge.i)
        if tok.dep_ == "conj" and tok.i > start:  # "said A and added that B"
            return min(end, tok.left_edge.i)
        mark = child(tok, {"mark"})
        if mark is not None and mark.lower_ in INTRODUCERS:
            return min(end, mark.i)
    return end


def cut_coordinated(doc: Doc, start: int, end: int, cue: Token) -> int:
    """End the content before a verb the parse coordinated into it that is
    really the speaker's next deed ("pledged to help X and plans drills",
    "said the unrest was a coup and ordered troops …"): a subjectless finite
    verb joined to a non-finite content verb, or an action in the cue's own
    tense joined by "and" to a copula. Cutting too little costs less than
    cutting too much, so anything less clear stays in."""
    for i in range(start, end):
        tok = doc[i]
        if tok.dep_ != "conj" or tok.tag_ not in FINITE or not start <= tok.head.i < i:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in tok.children):
            continue
        head = tok.head
        # "would ruin X and halted Y": a past form cannot share the modal, so it is the speaker's deed.
        unshared = head.tag_ == "VB" and tok.tag_ in ("VBD", "VBZ") and _finite(head)
        if not _finite(head) or unshared or (tok.tag_ == cue.tag_ and head.lemma_ == "be" != tok.lemma_
                                             and _acts(tok)):
            cc = child(head, {"cc"})
            return min(end, cc.i if cc is not None and cc.i < i else tok.left_edge.i)
    return end


def _finite(verb: Token) -> bool:
    """A tensed verb, or one carrying a tensed auxiliary ("had crossed", "was closed"); "to help" is not."""
    return verb.tag_ in FINITE or any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in verb.children)


def _acts(verb: Token) -> bool:
    """"… and ordered troops …": an added deed (and + an object), not "… but needed help"."""
    cc = child(verb.head, {"cc"})
    return cc is not None and cc.lower_ == "and" and child(verb, {"dobj"}) is not None


def extend_right(verb: Token, comp: Token, end: int, preps: bool = False, is_cue=None) -> int:
    """Adverbs and participle clauses after the complement belong to it
    (and "as baseless" after "rejected the accusations"), but not a report of
    its own ("announced the withdrawal, saying …")."""
    for c in verb.children:
        if c.i <= comp.i or (is_cue is not None and is_cue(c)):
            continue
        if c.dep_ in ("advmod", "npadvmod") or _predicative_adjunct(c):
            end = max(end, c.right_edge.i + 1)
        elif preps and c.dep_ == "prep" and c.lower_ in EXTEND_PREPS and c.i <= end + 1:
            end = max(end, c.right_edge.i + 1)
    return end


def _predicative_adjunct(c: Token) -> bool:
    """A participle clause or an "as …" predicate hung on the cue verb."""
    return c.dep_ == "advcl" and (c.tag_ == "VBG" or any(g.lower_ == "as" and g.i < c.i for g in c.children))


def ccomp(verb: Token, cue: Cue, is_cue) -> Range | None:
    comp = _complement(verb) or _that_clause_on_object(verb)
    if comp is None:
        return None
    start, end = subtree_range(comp)
    if comp.i > verb.i:
        # "argues that X will lose water, so the loss will be larger": a second
        # clause hung on the cue continues the same argument.
        # "added that X is private, but the FO will seek …": the contrast the speaker draws, with a
        # subject of its own, that the parse coordinated with the cue ("…, and Moscow has accepted
        # that line" after "said that X" is more often the writer's own addition).
        for more in (c for c in verb.children if c.i > comp.i and not is_cue(c) and (
                c.dep_ == "ccomp" or _contrast(verb, c))):
            if all(t.is_punct or t.dep_ in ("cc", "mark") for t in verb.doc[end:more.left_edge.i]):
                end = max(end, more.right_edge.i + 1)
    end = _with_condition(verb, end)
    # "conceded that the coalition's decision …, and effectively, a promotion … could not convince":
    # the parse took "that" for the verb's object and cut the subject off the clause.
    that = next((c for c in verb.children if c.dep_ == "dobj" and c.lower_ == "that" and verb.i < c.i < start), None)
    if that is not None and comp.i > verb.i:
        start = that.i + 1
    start = _skip_leading_adjunct(verb, comp, start)
    start = _with_stranded_conjunct(verb.doc, start)
    if verb.doc[start].lower_ == "that" and verb.doc[start].dep_ not in ("nsubj", "nsubjpass", "mark"):
        start += 1  # a complementiser the parse misread ("that IS fighters": det; "briefing that": relcl)
    end = cut_coordinated(verb.doc, start, cut_nested(verb.doc, start, end, is_cue), verb)
    return start, end, comp.i


def _contrast(verb: Token, conj: Token) -> bool:
    """A "but" clause with its own subject coordinated with the cue."""
    cc = child(verb, {"cc"})
    return conj.dep_ == "conj" and cc is not None and cc.lower_ == "but" and cc.i < conj.i \
        and child(conj, {"nsubj", "nsubjpass"}) is not None


def _complement(verb: Token) -> Token | None:
    """The cue's clause: the one after it when there is one ("X; Tashkent warned that Y"
    is Y); one before it ('"…," he said') unless a semicolon parts them."""
    comps = [c for c in verb.children if c.dep_ == "ccomp"]
    after = [c for c in comps if c.i > verb.i]
    if after:
        return after[0]
    doc = verb.doc
    before = [c for c in comps if not any(t.text == ";" for t in doc[c.right_edge.i:verb.i])]
    return before[0] if before else None


def _with_stranded_conjunct(doc: Doc, start: int) -> int:
    """"Egypt and the United States have agreed …, X said": a clause does not
    start with "and"; the name before it, left by the parse as a root of its
    own, is the first subject."""
    if start < 1 or doc[start].dep_ != "cc":
        return start
    prev = doc[start - 1]
    return prev.left_edge.i if prev.pos_ == "PROPN" and prev.head.i == prev.i else start


CONDITIONS = {"provided", "providing", "unless", "if"}


def _with_condition(verb: Token, end: int) -> int:
    """"concluded that X was viable, provided that Y": the condition is part of the claim."""
    doc = verb.doc
    for c in verb.children:
        lead = c if c.lower_ in CONDITIONS else child(c, {"mark"}) if c.dep_ == "advcl" else None
        if lead is not None and lead.lower_ in CONDITIONS and c.left_edge.i >= end - 1 \
                and all(t.is_punct for t in doc[end:c.left_edge.i]):
            end = max(end, c.right_edge.i + 1)
    return end


def _that_clause_on_object(verb: Token) -> Token | None:
    """"told a briefing that China respected …", "said in a statement that
    …", parsed as a clause on the noun: a that-clause with a subject and
    nothing missing is the cue's complement, not a relative clause."""
    hosts = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    hosts += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return next((rel for h in hosts if (rel := complete_that_clause(h)) is not None), None)


def complete_that_clause(noun: Token) -> Token | None:
    rel = child(noun, {"relcl", "acl", "ccomp"}, after=noun.i)
    if rel is None or rel.left_edge.lower_ != "that":
        return None
    that = rel.left_edge
    subj = child(rel, {"nsubj", "nsubjpass"})
    # Nothing missing: "that" is a mere marker, or another word fills the role the parse gave it.
    complete = that.dep_ == "mark" or any(c.dep_ == that.dep_ and c is not that for c in rel.children)
    return rel if subj is not None and subj is not that and complete else None


def _skip_leading_adjunct(verb: Token, comp: Token, start: int) -> int:
    """"said on Monday it had no plans", "reported, citing X, that …": an
    adjunct right after the cue belongs to the saying, though the parse hung
    it on the clause."""
    subj = child(comp, {"nsubj", "nsubjpass", "expl"})
    if start <= verb.i or subj is None or not all(t.is_punct for t in verb.doc[verb.i + 1:start]):
        return start
    for c in comp.children:
        lead = c.dep_ in ("prep", "npadvmod") or (c.dep_ == "advcl" and c.lemma_.lower() in ("cite", "quote"))
        if c.i < subj.i and lead and c.left_edge.i == start:
            start = c.right_edge.i + 1
            start += verb.doc[start].is_punct and start < subj.i
    return start
