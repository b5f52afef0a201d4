"""Reports with no one named: agentless passives and report adverbs.

"The delegates were told that the vote would be delayed", "the general is
reported to have resigned", "arrests were also reported", "no injuries
reported", "troops reportedly crossed the river", "X reportedly told Y that Z": the guide counts each as
an attributed claim whose speaker is null, with the cue phrase ("were told",
"reportedly") as its source. A passive with an agent ("was told by the
minister") is left to the other rules, and so is the hearsay "it is said".
"""

from __future__ import annotations

from spacy.tokens import Token

from annotator.nlp.doc_scan import tokens_in, union
from annotator.nlp.knowledge import knowledge

from . import content
from .sources import noun_phrase
from .speakers import Speaker
from .speech import Proposal, Reported

REPORT_NOUNS = {"report", "reports"}


def passive_claims(rep: Reported, others: list[Proposal]) -> list[Proposal]:
    """Claims of agentless passive cues and of report adverbs; a bare passive
    inside another claim's content ("said no injuries had been reported") is
    part of that claim, not one of its own."""
    doc, found = rep.doc, []
    adverbs = tokens_in(doc, rep.lex.report_adverbs, "LOWER")
    nouns = tokens_in(doc, REPORT_NOUNS, "LOWER")
    for i in union(rep.maybe_cues(), adverbs, nouns):  # only these can pass a test: no walk over every token
        tok = doc[i]
        if tok.lower_ in rep.lex.report_adverbs:
            hit = _adverb_report(rep, tok)
        else:
            hit = _noun_report(tok) if tok.lower_ in REPORT_NOUNS else _passive_report(rep, tok)
        if hit is None:
            continue
        start, end, cue, rule, own_content = hit
        while start < end and doc[start].is_space:
            start += 1  # a masked "date 2019-09-17" before a headline is blank space, not a break
        start, end = content.trim(doc, *content.clip(doc, start, end))
        if end - start < 2 or (not own_content and _inside(tok.i, others)):
            continue
        score = getattr(knowledge(doc).scores.attributed, rule)
        found.append(Proposal(start, end, "attributed", rule, score, Speaker((None,), "unnamed", None), [tok.i],
                              "indirect", head=tok.i, cue_tok=tok.i, source=cue))
    return found


def _noun_report(noun: Token) -> tuple[int, int, str, str, bool] | None:
    """"There are reports that X", "amid news reports that X": a report noun
    with a that-clause of its own reports X with no one named, like "it was
    reported that X" (real_news2's convention); "the reports" with no clause
    reports nothing."""
    if noun.pos_ != "NOUN":
        return None
    clause = content.complete_that_clause(noun)
    if clause is None:
        return None
    start, end = content.subtree_range(clause)
    return start, end, noun_phrase(noun), "passive", False


def _inside(i: int, props: list[Proposal]) -> bool:
    return any(p.start <= i < p.end for p in props)


def _adverb_report(rep: Reported, adv: Token) -> tuple[int, int, str, str, bool] | None:
    """"Guards reportedly opened fire …" (the clause), "Three soldiers reportedly
    killed" in a headline (the noun phrase the participle hangs on)."""
    verb = adv.head
    if adv.dep_ != "advmod" or verb.pos_ not in ("VERB", "AUX") or (rep.is_cue(verb) and not _layered(adv, verb)):
        return None  # "reportedly, Beijing pledged to pay": Beijing's own claim carries it
    clause = verb.head if verb.dep_ == "acl" else verb
    sent = adv.sent
    start, end = content.subtree_range(clause)
    return max(start, sent.start), min(end, sent.end), adv.text, "report_adverb", False


def _layered(adv: Token, verb: Token) -> bool:
    """"X reportedly told Y that Z": the adverb between the speaker and the
    cue reports the telling itself, a layered report (an unnamed report of X's
    words, X's own claim Z beside it); a sentence adverb ("Reportedly, X
    pledged …") only hedges X's claim."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and subj.i < adv.i < verb.i


def _passive_report(rep: Reported, tok: Token) -> tuple[int, int, str, str, bool] | None:
    cue = rep.lex.cue_for(tok.lemma_.lower(), tok.lower_)
    if cue is None or not cue.passive or tok.tag_ != "VBN" or _has(tok, {"agent", "neg"}):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    aux = [c for c in tok.children if c.dep_ in ("auxpass", "aux", "advmod") and c.i < tok.i]
    said = " ".join(t.text for t in sorted([*aux, tok], key=lambda t: t.i))
    if subj is not None and subj.lower_ != "it":
        comp = next((c for c in tok.children if c.dep_ in ("ccomp", "xcomp")), None)
        if comp is not None and comp.dep_ == "ccomp":  # "were told that …": the clause is what was said
            start, end = content.after_verb(tok, comp)
            return start, end, said, "passive", True
        if comp is not None:  # "is reported to have resigned": the subject and what it did
            return subj.left_edge.i, comp.right_edge.i + 1, said, "passive", False
        if tok.lemma_.lower() == "report":  # "arrests were reported"
            return subj.left_edge.i, subj.right_edge.i + 1, said, "passive", False
        return None
    if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and tok.lemma_.lower() == "report" and tok.i > tok.head.i:
        head = tok.head  # "no casualties reported"
        return head.left_edge.i, tok.i, tok.text, "passive", False
    return None


def _has(tok: Token, deps: set[str]) -> bool:
    return any(c.dep_ in deps for c in tok.children)
