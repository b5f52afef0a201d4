"""Indirect speech: a cue verb, its speaker and its reported content.

"Tokayev stated the situation creates risks", "Beijing pledged to pay …",
"As Kazantsev sketched out, there are …", "according to UzA" (a channel, or
a claim of its own when no cue verb carries it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from annotator.nlp.doc_scan import doc_text, sentences, sentences_of, tokens_in, tokens_where, union
from annotator.nlp.knowledge import knowledge

from . import content, surface
from .channels import cited_source, outlet_channel, quoted_by
from .coref import previous_subject
from .lexicon import Cue, Lexicon
from .objects import FINDERS
from .speakers import ActorIndex, Speaker, resolve, root_noun_predicate, subject_token

WH_WORDS = {"what", "whatever", "how", "why", "where", "when", "who", "whom", "which", "whether", "whither"}
NOT_SPEAKERS = {"it", "this", "that", "which", "there", "what"}
# "officials, who asked not to be named, said …": the request frames the source, it reports nothing.
ANONYMITY = re.compile(r"(?:not )?to (?:be|remain) (?:named|identified|quoted|anonymous)\b", re.I)


@dataclass
class Proposal:
    start: int  # token range of the content (or thesis)
    end: int
    kind: str  # attributed | authorial
    rule: str
    score: float
    speaker: Speaker | None = None
    cue_tokens: list[int] = field(default_factory=list)
    mode: str | None = None
    channel: str | None = None
    head: int | None = None  # the content's head token: nested reports hang on it
    cue_tok: int | None = None
    source: str | None = None  # the phrase naming an unnamed source, when a rule knows it ("according to …")


HYPOTHETICAL = {"might", "may", "could", "should", "must"}  # a cue under these reports nothing that was said
PRONOUN_TAGS = {"WDT", "WP", "WP$", "PRP", "DT", "EX"}


def _says_nothing(content: Span) -> bool:
    """Content that holds no proposition: a pronoun alone ("…, which it blames
    for …"), or a short embedded question ("said plainly what they want")."""
    if all(t.tag_ in PRONOUN_TAGS or t.is_punct for t in content):
        return True
    return content[0].lower_ in WH_WORDS and len(content) <= 5


def _impersonal(tok: Token) -> bool:
    """"It was reported / announced that …": a passive cue with an empty "it"
    and a clause, in the past: a report that happened. "It is said that …" is
    hearsay, no report."""
    deps = {c.dep_: c for c in tok.children}
    subj, aux = deps.get("nsubjpass"), deps.get("auxpass")
    return subj is not None and subj.lower_ == "it" and aux is not None and "ccomp" in deps and aux.tag_ == "VBD"


def _before_according(doc: Doc, start: int, end: int) -> int:
    """"said the border would reopen, according to Interfax": the channel
    that closes the sentence is no part of what was said."""
    for i in range(start + 1, end - 2):
        if doc[i].lower_ == "according" and doc[i + 1].lower_ == "to" and doc[i].right_edge.i >= end - 1:
            return i
    return end


def _before_own_speaker(doc: Doc, start: int, end: int, speaker: Speaker, cue: Token) -> int:
    """"X is ready, Chairman of the Council of Turkmenistan Y said": the
    speaker's title chain after a comma is no part of what was said (a
    verbless stretch from the last comma up to the speaker)."""
    if speaker.token is None or cue.i < speaker.token:
        return end
    subj = doc[speaker.token].left_edge.i
    if not start < subj <= end:
        return end
    commas = [i for i in range(start + 1, subj) if doc[i].text == ","]
    if not commas or any(doc[i].pos_ in ("VERB", "AUX") for i in range(commas[-1], subj)):
        return end
    return commas[-1]


class Reported:
    """Finds cue verbs in a parsed Doc and reads off their claims."""

    def __init__(self, doc: Doc, lex: Lexicon, actors: ActorIndex):
        self.doc, self.lex, self.actors = doc, lex, actors
        self.words = knowledge(doc).speakers
        self.text = doc_text(doc)

    def cue(self, tok: Token) -> Cue | None:
        """The cue this token is, if it is used as a verb (or a mistagged one)."""
        cue = self.lex.cue_for(tok.lemma_.lower(), tok.lower_)
        if cue is None or not self._verb_like(tok) or self._excluded(tok, cue):
            return None
        return cue

    def is_cue(self, tok: Token) -> bool:
        return self.cue(tok) is not None

    def has_content(self, tok: Token) -> bool:
        """A cue with reported content ("agreed on Monday to …" names none: a deal)."""
        cue = self.cue(tok)
        return cue is not None and self._content(tok, cue, tok.sent) is not None

    def _verb_like(self, tok: Token) -> bool:
        if tok.pos_ == "VERB":
            return True
        if tok.pos_ not in ("NOUN", "ADJ", "PROPN") or tok.lower_ not in self.lex.forms:
            return False
        if content.child(tok, {"nsubj"}) is not None:
            return True
        doc = tok.doc
        nxt = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
        return tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN" and nxt in ("to", "that", ",")

    def _excluded(self, tok: Token, cue: Cue) -> bool:
        deps = {c.dep_ for c in tok.children}
        if "neg" in deps or any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL for c in tok.children):
            return True  # "It was not reported that …", "did not say"; "Moscow might find it difficult"
        if _impersonal(tok):
            return False  # "It was reported that …": a report with no one named
        if self._not_yet(tok):
            return True
        if deps & {"auxpass", "nsubjpass"} or tok.head.lower_ == "without":
            return True  # passive ("As stated above"), negated or "without saying"
        if tok.tag_ == "VBN" and not deps & {"aux", "nsubj"} and not root_noun_predicate(tok):
            return True  # "Highlighted are …"
        if cue.subjects and not any(c.dep_ == "nsubj" and c.lemma_.lower() in cue.subjects for c in tok.children):
            return True  # "the statement read": "read" reports only what a text says
        if cue.not_preps and self._deal(tok, cue):
            return True
        if cue.prt and not any(c.dep_ == "prt" and c.lower_ == cue.prt for c in tok.children):
            return True
        if cue.with_obj and not self._with_obj(tok, cue):
            return True
        if cue.no_obj and "dobj" in deps and tok.tag_ != "VBD":
            return True  # "SCO and CSTO offer them platforms" describes; "Xi offered 1.5 billion yuan" offers
        # "described X as Y": the "as" may hang on the verb or, as a predicate, on its object;
        # with need_prep, `obj` lists the objects that need none ("dismissed the suggestion").
        return cue.need_prep and not self._has_prep(tok, cue) \
            and not any(c.dep_ == "dobj" and c.lemma_.lower() in cue.obj for c in tok.children)

    @staticmethod
    def _has_prep(tok: Token, cue: Cue) -> bool:
        """One of the cue's prepositions on the verb or its object; in a list object
        ("citing Brexit, digitalization and diesel as issues") the parse may hang it on the last item."""
        if any(c.lower_ in cue.preps for t in (tok, *tok.children) for c in t.children):
            return True
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        return obj is not None and any(
            t.dep_ == "prep" and t.lower_ in cue.preps and t.head.dep_ == "conj" for t in obj.subtree)

    def _not_yet(self, tok: Token) -> bool:
        """"was poised to announce", "allows people to report", "have yet to agree":
        a to-infinitive cue under a predicate of intent or permission has not been said yet."""
        if tok.dep_ not in ("xcomp", "ccomp", "advcl") or not any(
                c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
        # "have yet to agree", "is yet to confirm": the saying is still to come.
        return tok.head.lemma_.lower() in self.words.not_yet or any(c.lower_ == "yet" for c in tok.head.children)

    @staticmethod
    def _deal(tok: Token, cue: Cue) -> bool:
        """"agreed with the Taliban on a programme": a partner named first
        makes a deal between parties, not a report ("agreed on X, with Y
        as Z" names none)."""
        first = next((c for c in tok.children if c.i > tok.i and c.dep_ in ("prep", "ccomp", "xcomp", "dobj")), None)
        return first is not None and first.dep_ == "prep" and first.lower_ in cue.not_preps

    @staticmethod
    def _with_obj(tok: Token, cue: Cue) -> Token | None:
        return next((c for c in tok.children if c.dep_ in ("dobj", "acomp") and c.lemma_.lower() in cue.with_obj), None)

    def cue_tokens(self, tok: Token, cue: Cue) -> list[int]:
        toks = [tok.i]
        toks += [c.i for c in tok.children if c.dep_ == "prt" and c.lower_ == cue.prt]
        obj = self._with_obj(tok, cue) if cue.with_obj else None
        toks += [obj.i] if obj is not None else []
        if cue.in_cue:
            toks += [c.i for c in tok.children if c.dep_ == "prep" and c.lower_ in cue.preps][:1]
        return sorted(toks)

    def speaker(self, tok: Token) -> Speaker:
        if _impersonal(tok):
            return Speaker((None,), "unnamed", None)
        framed = quoted_by(tok)  # "X was quoted by TASS as saying": X speaks, not TASS
        cited = self._cited(tok)  # "TASS reported, citing the ministry": the ministry speaks
        subj = framed[0] if framed is not None else cited or subject_token(tok, is_cue=self.is_cue)
        return resolve(subj, self.actors, self.lex)

    def channel(self, tok: Token) -> str | None:
        """The outlet the cue names as its medium ("told TASS", "quoted by Interfax",
        "TASS reported, citing …")."""
        framed = quoted_by(tok)
        if framed is not None and framed[1] is not None and framed[1].lower_ == "it":
            return previous_subject(self.actors.by_token, framed[1])[1]  # "It quoted X as saying": the agency before
        if framed is not None:
            return self.actors.actor(framed[1].i) if framed[1] is not None else None
        if self._cited(tok) is not None:
            subj = subject_token(tok, is_cue=self.is_cue)
            return self.actors.actor(subj.i) if subj is not None else None
        return outlet_channel(tok, self.actors, self.lex)

    def _cited(self, tok: Token) -> Token | None:
        """A named actor the cue cites; unnamed "sources" leave the outlet speaking.
        A person cites examples, not sources ("she added, citing Brexit … as issues")."""
        cited = cited_source(tok)
        if cited is None or not self.actors.actor(cited.i):
            return None
        subj = subject_token(tok, is_cue=self.is_cue)
        if subj is not None and (subj.lower_ in ("he", "she") or self.actors.kind(subj.i) == "person"):
            return None
        return cited

    def find(self) -> list[Proposal]:
        found: list[Proposal] = []
        for i, sent in sentences_of(sentences(self.doc), self.maybe_cues()):
            tok = self.doc[i]
            cue = self.cue(tok)
            if cue is not None:
                found += self._claims_of(tok, cue, sent)
        return found

    def maybe_cues(self) -> list[int]:
        """Tokens `cue_for` can match (by lemma or surface form): only they need the full test."""
        cues, forms = self.lex.cues, self.lex.forms
        by_lemma = tokens_where(self.doc, lambda lemma: lemma.lower() in cues, "LEMMA")
        by_form = tokens_in(self.doc, [form for form, lemma in forms.items() if lemma in cues], "LOWER")
        return union(by_lemma, by_form)

    def _claims_of(self, tok: Token, cue: Cue, sent: Span) -> list[Proposal]:
        turned = surface.inverted(tok, sent.start) if "ccomp" in cue.content else None
        hit = (turned[0], "inverted") if turned is not None else self._content(tok, cue, sent)
        if hit is None:
            return []
        (start, end, head), rule = hit
        start, end = content.trim(self.doc, *content.clip(self.doc, start, end))
        speaker = resolve(turned[1], self.actors, self.lex) if turned is not None else self.speaker(tok)
        start, end = content.trim(self.doc, start, _before_according(self.doc, start, end))
        if rule == "ccomp":  # the parse hung the speaker's title chain inside the clause
            start, end = content.trim(self.doc, start, _before_own_speaker(self.doc, start, end, speaker, tok))
        if end <= start or self._not_a_speaker(speaker) or ANONYMITY.match(self.doc[start:end].text):
            return []
        if _says_nothing(self.doc[start:end]):
            return []
        if cue.needs_speaker and speaker.ids == (None,) and speaker.how != "unnamed":
            return []
        if tok.lemma_.lower() in self.words.inference_cues and self._no_agent(speaker):
            return []  # "the ministry's own figures suggest …": evidence, not speech
        unnamed = speaker.how in ("other", "pronoun") and speaker.ids == (None,)
        scores = knowledge(self.doc).scores.indirect
        score = scores.of(rule) - (scores.unnamed_penalty if unnamed else 0)
        return [Proposal(start, end, "attributed", f"indirect_{rule}", round(score, 2), speaker,
                         self.cue_tokens(tok, cue), "indirect", head=head, cue_tok=tok.i)]

    def _content(self, tok: Token, cue: Cue, sent: Span):
        for kind in cue.content:
            finder = FINDERS.get(kind)
            hit = finder(tok, cue, self.is_cue) if finder else None
            if hit is not None:
                return hit, kind
        if "as" in cue.content and content.child(tok, {"dobj"}) is None:  # "comes as X has been disclosing data"
            hit = surface.as_clause(tok, sent.start, sent.end)
            if hit is not None:
                return hit, "as"
        if "ccomp" not in cue.content:
            return None
        hit = surface.parataxis(tok)
        if hit is not None:
            return hit, "parataxis"
        hit = surface.trailing(tok, sent.start, sent.end)
        return (hit, "trailing") if hit is not None else None

    def _no_agent(self, speaker: Speaker) -> bool:
        """Evidence, not a speaker: "the ministry's own figures suggest …" (a company
        or "they" that confirmed something still speaks)."""
        if speaker.ids != (None,) or speaker.token is None:
            return False
        return self.doc[speaker.token].lemma_.lower() in self.words.evidence_nouns

    def _not_a_speaker(self, speaker: Speaker) -> bool:
        """"It goes without saying", "This shows": no one is speaking; and
        "This essay argues": the author is (an authorial claim, not a report)."""
        if speaker.token is None:
            return speaker.how == "none"
        tok = self.doc[speaker.token]
        mine = any(c.lower_ in ("this", "my", "our") for c in tok.children)
        own_text = mine and tok.lemma_.lower() in self.words.own_text
        return speaker.ids == (None,) and (tok.lower_ in NOT_SPEAKERS or own_text)
