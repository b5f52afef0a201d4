"""Where the reported content of a cue lies, read off the dependency parse.

Each finder returns a token range [start, end) and the content's head token,
or None when the cue has no such complement. Ranges never cross a hard
boundary: a paragraph break or the blanked run of spaces a footnote marker
left behind (a marker ends the clause it supports).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from .claims_lexicon import Cue

Range = tuple[int, int, int]  # start, end (exclusive), head token index
FACT_NOUNS = {"fact", "idea", "notion", "possibility", "view", "claim", "allegation", "assumption"}
EXTEND_PREPS = {"of", "to", "over", "about", "against", "for", "with"}
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


def extend_right(verb: Token, comp: Token, end: int, preps: bool = False) -> int:
    """Adverbs and participle clauses after the complement belong to it."""
    for c in verb.children:
        if c.i <= comp.i:
            continue
        if c.dep_ in ("advmod", "npadvmod") or (c.dep_ == "advcl" and c.tag_ == "VBG"):
            end = max(end, c.right_edge.i + 1)
        elif preps and c.dep_ == "prep" and c.lower_ in EXTEND_PREPS and c.i <= end + 1:
            end = max(end, c.right_edge.i + 1)
    return end


def ccomp(verb: Token, cue: Cue, is_cue) -> Range | None:
    comp = child(verb, {"ccomp"})
    if comp is None:
        return None
    start, end = subtree_range(comp)
    return start, cut_nested(verb.doc, start, end, is_cue), comp.i


def xcomp(verb: Token, cue: Cue, is_cue) -> Range | None:
    comp = child(verb, {"xcomp"}) or _to_clause(verb)
    if comp is None:
        return None
    start, end = after_verb(verb, comp)
    return start, extend_right(verb, comp, end), comp.i


def _to_clause(verb: Token) -> Token | None:
    """A to-infinitive hung on a cue the tagger took for a noun ("claim to be")."""
    for c in verb.children:
        if c.dep_ in ("acl", "advcl", "relcl") and c.i > verb.i and any(a.lower_ == "to" for a in c.children):
            return c
    return None


def dobj(verb: Token, cue: Cue, is_cue) -> Range | None:
    obj = child(verb, {"dobj"})
    if obj is None or cue.with_obj or (cue.obj and obj.lemma_.lower() not in cue.obj):
        return None
    start, end = after_verb(verb, obj)
    return start, extend_right(verb, obj, end, preps=True), obj.i


def prep(verb: Token, cue: Cue, is_cue) -> Range | None:
    hosts = [verb, *[c for c in verb.children if c.dep_ == "dobj"]]
    p = next((c for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ in cue.preps), None)
    obj = child(p, {"pobj", "pcomp"}) if p is not None else None
    if obj is None:
        return None
    clause = child(obj, {"acl", "ccomp", "relcl"}) if obj.lemma_.lower() in FACT_NOUNS else None
    if clause is not None:  # "allude to the fact that X": X is the content
        start, end = subtree_range(clause)
        return start, end, clause.i
    start, end = after_verb(verb, obj)
    return start, extend_right(verb, p, end), obj.i


def obj_clause(verb: Token, cue: Cue, is_cue) -> Range | None:
    """"gave assurances to not attack X": the clause after the cue's noun."""
    obj = child(verb, {"dobj"})
    if obj is None:
        return None
    for host in (obj, verb):
        for c in host.children:
            if c.i > obj.i and c.dep_ in ("acl", "advcl", "xcomp", "ccomp", "relcl"):
                start, end = subtree_range(c)
                return start, end, c.i
    return None


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
    start, end = subtree_range(head)
    if verb.left_edge.i > head.i and verb.right_edge.i + 1 >= end - 1:
        end = verb.left_edge.i  # "…, he said." at the end: the clause before it
    return start, end, head.i


def _surface_as(verb: Token) -> int | None:
    """"as Dmitri Trenin analyses," when the tagger read the verb as a noun."""
    doc, i = verb.doc, verb.i - 1
    while i >= 0 and doc[i].pos_ == "PROPN":
        i -= 1
    if i >= 0 and i < verb.i - 1 and doc[i].lower_ == "as" and verb.i + 1 < len(doc) and doc[verb.i + 1].text == ",":
        return i
    return None


FINDERS = {"ccomp": ccomp, "xcomp": xcomp, "dobj": dobj, "prep": prep, "obj_clause": obj_clause}
