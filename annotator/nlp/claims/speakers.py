"""Who says it: the subject of a cue, mapped to an actor's canonical id.

Actors come from `doc.spans["actors"]` (the actors component); without it we
fall back to the model's named entities so the claim rules still work alone.
Pronouns ("He stated", "It said"), titles ("the Kazakh President said") and
bare nouns ("the ministry said") resolve to the actor named before them that
fits (`coref`), which is what a reader does in news prose.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from annotator.nlp.actors.data import load as load_gazetteer
from annotator.nlp.actors.data import slug as actor_slug
from annotator.nlp.doc_scan import sentences
from annotator.nlp.knowledge import knowledge

from .coref import Mention, antecedent_subject, is_body_noun, is_subject, previous_subject, pronoun_person
from .lexicon import Lexicon
from .lists import included_names, listed_names, stranded_conjunct
from .nominal import described, nominal

FALLBACK_LABELS = {"PERSON": "person", "ORG": "organization", "GPE": "state", "NORP": None}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "them"}
THING_PRONOUNS = {"it", "they"}
RELATIVE = {"who", "that", "which"}
SUBJECT_DEPS = {"nsubj", "csubj"}
CLIMB_DEPS = {"xcomp", "advcl", "conj", "pcomp", "relcl", "acl", "prep", "attr", "acomp", "ccomp"}


@dataclass(frozen=True)
class Speaker:
    ids: tuple[str | None, ...]  # one per conjoined subject; (None,) for unnamed
    how: str  # actor | pronoun | nominal | unnamed | other | none
    token: int | None = None


def slug(text: str) -> str:
    """An id for a speaker no actor rule found, built the way the actor layer
    builds its ids, so the two layers agree ("the Taliban's" -> "taliban")."""
    return actor_slug(re.sub(r"[’']s$", "", re.sub(r"^(the|The)\s+", "", text.strip())))


class ActorIndex:
    """Token -> actor lookup, plus every mention in text order for back-references."""

    def __init__(self, doc: Doc, user_actors: str = ""):
        # The actor component's gazetteer (with a workspace's own actors.jsonl): offices and
        # demonyms make titles resolvable ("the Tajik president"). A broken actor file is an
        # error the user must see, not a reason to guess less.
        self.gaz = load_gazetteer(user_actors)
        self.demonyms = self.gaz.demonyms_lower
        self.by_token: dict[int, Mention] = {}
        spans = sorted(doc.spans["actors"] if "actors" in doc.spans else self._fallback(doc), key=lambda s: s.start)
        sent_starts = [s.start for s in sentences(doc)]  # one pass; Span.sent would search per mention
        self.mentions = [self._mention(s, sent_starts[bisect_right(sent_starts, s.start) - 1]) for s in spans]
        for span, m in zip(spans, self.mentions):
            for i in range(span.start, span.end):
                self.by_token.setdefault(i, m)
        # People the actor gazetteer does not know still speak in news: a
        # PERSON entity as a cue's subject is a speaker, not "unnamed".
        self.ner_people = {i: slug(e.text) for e in doc.ents if e.label_ == "PERSON"
                           for i in range(e.start, e.end) if i not in self.by_token}

    def _mention(self, span: Span, sent: int) -> Mention:
        ext, text = span._, span.text  # each `span._` and `span.text` is built anew
        canonical = ext.canonical or slug(text)
        entry = self.gaz.entries.get(canonical)
        return Mention(span.start, canonical, span.label_, (ext.role or "").lower(), text,
                       is_subject(span.root), sent, (getattr(entry, "office", "") or "").lower(),
                       getattr(entry, "affiliation", "") or "")

    @staticmethod
    def _fallback(doc: Doc) -> list[Span]:
        """NER entities as actors; a bare surname takes the full name seen before."""
        spans, full_names = [], {}
        for ent in doc.ents:
            kind = FALLBACK_LABELS.get(ent.label_)
            if not kind:
                continue
            canonical = slug(ent.text)
            last = slug(ent[-1].text)
            if kind == "person" and len(ent) > 1:
                full_names[last] = canonical
            elif kind == "person":
                canonical = full_names.get(last, canonical)
            span = Span(doc, ent.start, ent.end, label=kind)
            span._.canonical = canonical
            spans.append(span)
        return spans

    def actor(self, i: int) -> str | None:
        hit = self.by_token.get(i)
        return hit.id if hit else None

    def kind(self, i: int) -> str | None:
        hit = self.by_token.get(i)
        return hit.kind if hit else None

    def text(self, i: int) -> str:
        hit = self.by_token.get(i)
        return hit.text if hit else ""


def _named_statement(noun: Token) -> bool:
    """"the UN Security Council statement": a statement with its author's name on it."""
    return noun.lemma_.lower() in knowledge(noun.doc).speakers.statement_nouns and any(
        c.dep_ in ("compound", "poss") and c.pos_ == "PROPN" for c in noun.children)


def _after_comma(tok: Token) -> bool:
    """A comma stands just before `tok` (and something before the comma)."""
    return tok.i > 1 and tok.doc[tok.i - 1].text == ","


def root_noun_predicate(tok: Token) -> bool:
    """"The CSTO, of which both are members, offered to send …": the parser,
    misled by the clause between commas, made the subject the root and the
    verb a participle hanging on it. Such a verb is the sentence's predicate."""
    head = tok.head
    return (tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBD") and head.dep_ == "ROOT"
            and head.pos_ in ("NOUN", "PROPN") and head.i < tok.i and _after_comma(tok))


def subject_token(tok: Token, is_cue=lambda t: False, depth: int = 0) -> Token | None:
    """The grammatical subject of a cue, climbing through control and clauses."""
    for child in tok.children:
        if child.dep_ in SUBJECT_DEPS:
            return tok.head if child.lower_ in RELATIVE and tok.dep_ == "relcl" else child
    # "The army had on Monday accused …": an adjunct after the auxiliary can
    # make the parse hang the subject on "had" instead of the verb.
    aux_subj = next((s for c in tok.children if c.dep_ == "aux" and c.i < tok.i
                     for s in c.children if s.dep_ in SUBJECT_DEPS), None)
    if aux_subj is not None:
        return aux_subj
    if depth == 0 and tok.dep_ == "advcl" and tok.tag_ == "VBG" and (is_cue(tok.head) or (
            _after_comma(tok) and tok.head.pos_ in ("VERB", "AUX") and not _named_statement(tok.doc[tok.i - 2]))):
        # "said X, adding that Y", "refused to sign, saying Y": the main clause's
        # subject speaks, not the noun before the comma (unless that is a
        # statement: "supports the UN statement, calling for …").
        return subject_token(tok.head, is_cue, depth + 1)
    guess = _participle_subject(tok) or _adjacent_subject(tok)
    if guess is not None or depth > 4 or tok.head is tok:
        return guess
    if depth == 0 and tok.dep_ in ("pcomp", "advcl", "conj"):
        # "stated X by adding Y", "said X and added Y": the reporting verb above speaks.
        above = next((a for a in tok.ancestors if is_cue(a)), None)
        if above is not None:
            return subject_token(above, is_cue, depth + 1)
    if root_noun_predicate(tok):
        return tok.head
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in knowledge(tok.doc).speakers.statement_nouns:
        # "The UNSC issued a statement calling for …": the statement's author speaks.
        noun = tok.head
        return subject_token(noun.head, is_cue, depth + 1) if noun.dep_ == "dobj" else noun
    if tok.dep_ in CLIMB_DEPS:
        return subject_token(tok.head, is_cue, depth + 1)
    return None


def _participle_subject(tok: Token) -> Token | None:
    """", calling for …" after a noun: the noun is the implied subject."""
    doc = tok.doc
    if tok.tag_ != "VBG" or tok.i < 2 or doc[tok.i - 1].text != ",":
        return None
    prev = doc[tok.i - 2]
    if prev.pos_ in ("NOUN", "PROPN") and prev.dep_ in ("dobj", "pobj", "appos", "attr"):
        return prev
    return None


def _adjacent_subject(tok: Token) -> Token | None:
    """A name right before the verb is its subject even when the parse lost it,
    also across an aside between commas ("Cele, wearing his hat, told …")."""
    doc, i = tok.doc, tok.i - 1
    while i >= 0 and (doc[i].pos_ in ("ADV", "AUX") or doc[i].dep_ == "neg"):
        i -= 1
    if i > 0 and doc[i].text == ",":
        i = _before_aside(doc, i)
    if i < 0:
        return None
    prev = doc[i]
    if prev.pos_ == "PROPN" or prev.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return prev
    return None


ASIDE_TOKENS = 8  # how long an aside between commas may be


def _before_aside(doc: Doc, comma: int) -> int:
    """The token before an aside that ends at `comma`: a short participle
    clause between two commas (", wearing his trademark hat,"); -1 if none."""
    start = next((j for j in range(comma - 1, max(comma - ASIDE_TOKENS, 0) - 1, -1) if doc[j].text == ","), None)
    if start is None or start < 1 or doc[start + 1].tag_ not in ("VBG", "VBN"):
        return -1
    return start - 1


def resolve(subj: Token | None, actors: ActorIndex, lex: Lexicon) -> Speaker:
    """Map a subject token to canonical ids, one per conjoined subject."""
    if subj is None:
        return Speaker((None,), "none")
    if subj.lower_ == "they":  # "Kazakhstan and Uzbekistan signed … They said": both speak
        ante = antecedent_subject(subj)
        if ante is not None and actors.kind(ante.i) in ("state", "organization", "group"):
            return Speaker(resolve(ante, actors, lex).ids, "pronoun", subj.i)
    named = included_names(subj, actors)
    if named:  # "Some media outlets, including the Yomiuri and the Mainichi, reported": those named speak
        return Speaker(tuple(dict.fromkeys(i for t in named if (i := actors.actor(t.i)))), "actor", subj.i)
    heads = [*stranded_conjunct(subj), subj, *[c for c in subj.conjuncts if c.i > subj.i],
             *listed_names(subj, actors)]
    found = [_resolve_one(h, actors, lex) for h in heads]
    # One id per head, or several for one head ("the two leaders": both).
    flat = [i for f in found for i in (f[0] if isinstance(f[0], tuple) else (f[0],)) if i]
    ids = tuple(dict.fromkeys(flat)) or (None,)
    return Speaker(ids, found[0][1], subj.i)


def _resolve_one(tok: Token, actors: ActorIndex, lex: Lexicon) -> tuple[str | tuple[str, ...] | None, str]:
    for step in (_named, _referring, described):
        found = step(tok, actors, lex)
        if found is not None:
            return found
    return None, "other"


def _named(tok: Token, actors: ActorIndex, lex: Lexicon) -> tuple[str | None, str] | None:
    """The subject is an actor, a person the NER found, or has one in apposition."""
    for cand in (tok, *(c for c in tok.children if c.dep_ == "appos")):  # "the spokesman, Zabihullah Mujahid"
        found = actors.actor(cand.i) or actors.ner_people.get(cand.i)
        if found:
            return found, "actor"
    # "Russia's ambassador to Kabul, Dmitry Zhirnov, said": the parse may hang the
    # name on a word inside the subject; a person in apposition there still names it.
    for cand in tok.subtree:
        if cand.dep_ == "appos" and cand.i > tok.i and (actors.kind(cand.i) == "person" or cand.i in actors.ner_people):
            return actors.actor(cand.i) or actors.ner_people[cand.i], "actor"
    if tok.lower_ in lex.titles:  # "President of Equatorial Guinea Teodoro Obiang said": the title heads the subject
        named = next((c for c in tok.subtree if c.i > tok.i and actors.kind(c.i) == "person"), None)
        if named is not None:
            return actors.actor(named.i), "actor"
    return None


def _referring(tok: Token, actors: ActorIndex, lex: Lexicon) -> tuple[str | tuple[str, ...] | None, str] | None:
    """He/she, "the Kazakh President", "the ministry", or an unnamed source ("a spokesman", "officials")."""
    low = tok.lower_
    if low in PERSON_PRONOUNS:
        return pronoun_person(actors.mentions, tok, _named_in_clause(tok, actors)), "pronoun"
    if low in THING_PRONOUNS:
        found, ref = previous_subject(actors.by_token, tok)
        if found and ref is None:
            ref = _described_antecedent(tok, actors, lex)
        return (ref, "pronoun") if found and (ref or low != "it") else None
    poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("their", "its")), None)
    if poss is not None:  # "Their spokesman said": the body named as the last subject
        return previous_subject(actors.by_token, poss)[1], "pronoun"
    return nominal(tok, actors, lex)


def _named_in_clause(pronoun: Token, actors: ActorIndex) -> frozenset[str]:
    """"He accused Besigye of …", "He said Besigye was …": a subject pronoun
    never stands for a name in its own clause (the name is someone else)."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass"):
        return frozenset()
    verb = pronoun.head
    ids = (actors.actor(i) for i in range(pronoun.i + 1, verb.right_edge.i + 1))
    return frozenset(i for i in ids if i)


def _described_antecedent(tok: Token, actors: ActorIndex, lex: Lexicon) -> str | None:
    """"The army accused X. It threatened …": the subject before is a body
    described, not named; it stands for the actor it resolves to."""
    ante = antecedent_subject(tok)
    if ante is None or ante.i in actors.by_token or not is_body_noun(ante):
        return None
    found = nominal(ante, actors, lex)
    return found[0] if found is not None and isinstance(found[0], str) else None
