"""Where the content of a cue that takes an object lies: "asked X to …",
"accused X of …", "called the claims absurd", "asked its allies for …".
`FINDERS` names every finder by the `content` kind a cue lists in cues.json
(`content.ccomp`, the clause finder, among them).
"""

from __future__ import annotations

from spacy.tokens import Token

from .content import FACT_NOUNS, Range, after_verb, ccomp, child, cut_coordinated, extend_right, subtree_range
from .lexicon import Cue


def xcomp(verb: Token, cue: Cue, is_cue) -> Range | None:
    comp = child(verb, {"xcomp"}) or _to_clause(verb)
    if comp is None:
        return None
    start, end = after_verb(verb, comp)
    obj = child(verb, {"dobj"}) or next((child(p, {"pobj"}) for p in verb.children  # "called on X to …"
                                         if p.dep_ == "prep" and p.lower_ in ("on", "upon")), None)
    # "asked Tashkent to resume …": who is asked is part of the request; "on Monday" is not.
    if obj is not None and verb.i < obj.i < comp.i and obj.ent_type_ not in ("DATE", "TIME"):
        start = obj.left_edge.i
    end = cut_coordinated(verb.doc, start, extend_right(verb, comp, end, is_cue=is_cue), verb)
    return start, end, comp.i


def _to_clause(verb: Token) -> Token | None:
    """A to-infinitive hung on a cue the tagger took for a noun ("claim to be")."""
    for c in verb.children:
        if c.dep_ in ("acl", "advcl", "relcl") and c.i > verb.i and any(
                a.lower_ == "to" and a.dep_ == "aux" for a in c.children):
            return c  # "to" as a marker, not "returned to power"
    return None


def dobj(verb: Token, cue: Cue, is_cue) -> Range | None:
    obj = child(verb, {"dobj"})
    if obj is None or cue.with_obj or (cue.obj and not cue.need_prep and obj.lemma_.lower() not in cue.obj):
        return None
    start, end = after_verb(verb, obj)
    # "accused Buenos Aires daily La Nacion of …": the parse may split one object in two.
    more = [c for c in verb.children if c.dep_ == "dobj" and c.i > obj.i and c.left_edge.i == end]
    if more:
        obj, end = more[-1], more[-1].right_edge.i + 1
    end = extend_right(verb, obj, end, preps=True, is_cue=is_cue)
    # "termed X's claims regarding … as "surprising"": the parse may hang the "as" deep in the object.
    late = [t for t in verb.subtree if t.i >= end and t.lower_ in cue.preps and t.dep_ == "prep"]
    return start, (late[0].right_edge.i + 1 if late else end), obj.i


def prep(verb: Token, cue: Cue, is_cue) -> Range | None:
    hosts = [verb, *[c for c in verb.children if c.dep_ == "dobj"]]
    # "agreed on Monday to …": a date is when it was said, not what.
    p = next((c for h in hosts for c in h.children if c.dep_ == "prep" and c.lower_ in cue.preps
              and not any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in c.children)), None)
    obj = child(p, {"pobj", "pcomp"}) if p is not None else None
    if obj is None or p is None or (p.lower_ in ("on", "upon") and verb.lemma_.lower() == "call"):
        return None  # "called on the president's father" is a visit; "called on X to Y" is xcomp's
    clause = child(obj, {"acl", "ccomp", "relcl"}) if obj.lemma_.lower() in FACT_NOUNS else None
    if clause is not None:  # "allude to the fact that X": X is the content
        start, end = subtree_range(clause)
        return start, end, clause.i
    start, end = after_verb(verb, obj)
    # "warned of recruitment among labour migrants": the scope hung on the verb belongs to it.
    return start, extend_right(verb, p, end, preps=True, is_cue=is_cue), obj.i


def obj_prep(verb: Token, cue: Cue, is_cue) -> Range | None:
    """"asked its allies for helicopters": the object and what it is asked for."""
    obj = child(verb, {"dobj"})
    if obj is None:
        return None
    # The parse hangs "for …" on the verb or on its object.
    asked = next((c for h in (verb, obj) for c in h.children
                  if c.dep_ == "prep" and c.lower_ in cue.preps and c.i > obj.i), None)
    if asked is None:
        return None
    return max(obj.left_edge.i, verb.i + 1), asked.right_edge.i + 1, obj.i


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


def oprd(verb: Token, cue: Cue, is_cue) -> Range | None:
    """"called the accusations absurd": the object and what it is called."""
    obj = child(verb, {"dobj"})
    # "calling it "a full-scale interference"": the parse may read the predicate as a second object.
    pred = child(verb, {"oprd"}) or (child(verb, {"dobj"}, after=obj.i) if obj is not None else None)
    if obj is None or pred is None or pred.i < obj.i or obj.tag_ in ("WP", "WDT"):
        return None  # "what Kazakhs now call Qantar" names; "called the claims absurd" judges
    return max(obj.left_edge.i, verb.i + 1), pred.right_edge.i + 1, pred.i


FINDERS = {"ccomp": ccomp, "xcomp": xcomp, "dobj": dobj, "prep": prep, "obj_clause": obj_clause, "oprd": oprd,
           "obj_prep": obj_prep}
