"""The claim component: attributed and authorial claims in `doc.spans["claims"]`.

Runs after the parser and after `annotator_actors` (speakers are actor ids;
without that component, named entities stand in). Each span is the claim's
content, without final punctuation or quote marks; `label_` is "attributed"
or "authorial"; `span._.claim` holds speaker, speakers, channel, cue,
cue_start, cue_end, mode, rule and score; `span._.rule` and `span._.score`
repeat the last two (except on a span that is also an actor mention, whose
rule and score they would overwrite: read `_.claim` first).

Where things are: cue verbs and their content (speech, content, surface),
quotes (quotes, direct), speakers and what pronouns and titles refer to
(speakers, coref, lists), outlets as channels (channels), agency headlines
(headlines), and the author's own theses (authorial).

spaCy keys span extensions by character offsets, so two claims with the same
content (conjoined speakers: "Both Beijing and Dushanbe deny …") are one span
whose `speakers` lists every speaker; `speaker` is the first. Turn it into
one annotation per speaker downstream.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.nlp.doc_scan import scanning
from annotator.nlp.knowledge import knowing
from annotator.nlp.knowledge import load as load_knowledge

from .authorial import authorial_claims, build_matcher
from .channels import cited_source, is_outlet
from .direct import according_to, quote_claims
from .headlines import colon_claims, title_case_claim
from .lexicon import lexicon_for
from .paragraphs import ensure_paragraph_breaks
from .passives import passive_claims
from .sources import unnamed_source
from .speakers import ActorIndex
from .speech import Proposal, Reported

NAME = "annotator_claims"
SPAN_KEY = "claims"


@Language.factory(NAME, default_config={"cues_path": None, "paragraph_breaks": True, "authorial": True,
                                        "user_actors": "", "knowledge_dir": ""})
def make_claims(nlp: Language, name: str, cues_path: str | None, paragraph_breaks: bool, authorial: bool,
                user_actors: str, knowledge_dir: str):
    if paragraph_breaks:
        # The claim rules read the parse, and the parse is only sound when
        # paragraphs and headings are sentences of their own: put the small
        # boundary component before the parser (once; see `paragraphs`).
        ensure_paragraph_breaks(nlp)
    return ClaimTagger(nlp, cues_path, authorial, user_actors, knowledge_dir)


class ClaimTagger:
    def __init__(self, nlp: Language, cues_path: str | None = None, authorial: bool = True, user_actors: str = "",
                 knowledge_dir: str = ""):
        # The actor component's gazetteer, user actors included: speakers'
        # offices and affiliations ("the Kyrgyz leader") are read from it.
        self.user_actors = user_actors
        # The package's cues, word lists and patterns with the overrides in
        # `knowledge_dir` (a workspace), and `cues_path` merged last: read once, here.
        self.kb = load_knowledge(knowledge_dir)
        self.lex = lexicon_for(self.kb, cues_path)
        self.matcher = build_matcher(nlp.vocab, self.kb)
        self.authorial = authorial
        for ext in ("claim", "rule", "score"):
            if not Span.has_extension(ext):
                Span.set_extension(ext, default=None)
        if not Span.has_extension("canonical"):
            Span.set_extension("canonical", default=None)

    def __call__(self, doc: Doc) -> Doc:
        # Extensions are keyed by offsets: an actor span with the same offsets
        # would share rule/score, so those claims keep them in `_.claim` only.
        taken = {(s.start, s.end) for s in doc.spans.get("actors", [])}
        with scanning(doc), knowing(doc, self.kb):  # several rules scan the tokens and sentences: share the scans
            proposals = self.propose(doc)
        doc.spans[SPAN_KEY] = [self._span(doc, p, (p.start, p.end) in taken) for p in proposals]
        return doc

    def propose(self, doc: Doc) -> list[Proposal]:
        if not doc.has_annotation("DEP"):
            return []  # every rule reads the parse
        rep = Reported(doc, self.lex, ActorIndex(doc, self.user_actors))
        reports = rep.find()
        direct, indirect = _not_quoted(doc, reports, quote_claims(rep, reports))
        according, channels = according_to(rep)
        spoken = direct + indirect + according + colon_claims(rep)
        attributed = _with_headline(rep, _dedup(spoken + passive_claims(rep, spoken)))
        _cut_at_next_speaker(doc, attributed)
        _set_channels(rep, attributed, channels)
        _share_channels(doc, attributed)
        attributed = _outlets_as_channels(rep, attributed)
        attributed = _without_nested_own_reports(doc, attributed)
        reported = {i for p in attributed for i in (*range(p.start, p.end), *p.cue_tokens)}
        authorial = authorial_claims(doc, self.matcher, reported, rep.text) if self.authorial else []
        # Dedup again: cutting may have made two spans equal, and equal spans share `_.claim`.
        return sorted(_dedup(attributed + authorial), key=lambda p: (p.start, p.end))

    @staticmethod
    def _span(doc: Doc, p: Proposal, shared: bool = False) -> Span:
        span = Span(doc, p.start, p.end, label=p.kind)
        if not shared:
            span._.rule, span._.score = p.rule, p.score
        span._.claim = claim_dict(doc, p)
        return span


def claim_dict(doc: Doc, p: Proposal) -> dict:
    ids = list(p.speaker.ids) if p.speaker else [None]
    cue = [doc[i] for i in p.cue_tokens]
    return {
        "speaker": ids[0], "speakers": ids, "channel": p.channel,
        "cue": " ".join(t.text for t in cue) if cue else "",
        "cue_start": cue[0].idx if cue else None,
        "cue_end": cue[-1].idx + len(cue[-1].text) if cue else None,
        "mode": p.mode, "rule": p.rule, "score": p.score, "source": unnamed_source(doc, p),
    }


def _with_headline(rep: Reported, attributed: list[Proposal]) -> list[Proposal]:
    """Add the surface reading of a Title Case headline; it covers the whole
    line, so it replaces a shorter parse-based claim of the same cue."""
    headline = title_case_claim(rep, attributed)
    if headline is None:
        return attributed
    same = [p for p in attributed if p.cue_tok == headline.cue_tok]
    if any(p.end - p.start >= headline.end - headline.start for p in same):
        return attributed
    return [p for p in attributed if p not in same] + [headline]


def _not_quoted(doc: Doc, indirect: list[Proposal], direct: list[Proposal]) -> tuple[list[Proposal], list[Proposal]]:
    """One claim per cue and quote: the quote, unless the cue's indirect
    content holds more than it ("added that Islamabad was "in close
    contact" with all parties" is one mixed claim); a quote inside another
    cue's indirect content is dropped for the same reason."""
    by_cue: dict[int | None, list[Proposal]] = {}
    for p in direct:
        by_cue.setdefault(p.cue_tok, []).append(p)
    keep_indirect, drop_direct = [], _inside_other_reports(direct, indirect)
    for p in indirect:
        if _first_person_in_quote(doc, p, direct):
            continue
        quotes = [q for q in by_cue.get(p.cue_tok, ()) if _overlap(p, q)]
        if quotes and p.rule == "indirect_parataxis" and _quotes_fill(doc, p, quotes):
            continue  # '"We," he said, "will …"': the quoted segments are the claims
        if quotes and all(p.start <= q.start and q.end <= p.end and (p.end - p.start) > (q.end - q.start) + 2
                          for q in quotes):
            drop_direct.update(id(q) for q in quotes)
            quotes = []
        if not quotes:
            keep_indirect.append(p)
    return [q for q in direct if id(q) not in drop_direct], keep_indirect


def _inside_other_reports(direct: list[Proposal], indirect: list[Proposal]) -> set[int]:
    """Quoted phrases inside another cue's reported clause: part of that mixed claim."""
    return {id(q) for q in direct
            if any(p.cue_tok != q.cue_tok and p.start < q.start and q.end <= p.end for p in indirect)}


def _quotes_fill(doc: Doc, p: Proposal, quotes: list[Proposal]) -> bool:
    """Whether the quotes and the cue's aside make up the whole clause."""
    aside = {t.i for t in doc[p.cue_tok].subtree} if p.cue_tok is not None else set()
    quoted = {i for q in quotes for i in range(q.start, q.end)}
    return all(i in aside or i in quoted or doc[i].is_punct for i in range(p.start, p.end))


def _first_person_in_quote(doc: Doc, p: Proposal, direct: list[Proposal]) -> bool:
    """'"We call on the world to …," he added': the quote already carries it."""
    subj = p.speaker.token if p.speaker else None
    return (subj is not None and doc[subj].lower_ in ("i", "we") and p.cue_tok is not None
            and any(q.start <= p.cue_tok < q.end for q in direct))


def _overlap(a: Proposal, b: Proposal) -> bool:
    return min(a.end, b.end) > max(a.start, b.start)


def _dedup(props: list[Proposal]) -> list[Proposal]:
    """One claim per content span (a span holds one `_.claim`): the higher score wins."""
    best: dict[tuple[int, int], Proposal] = {}
    for p in props:
        key = (p.start, p.end)
        if key not in best or p.score > best[key].score:
            best[key] = p
    return list(best.values())


def _cut_at_next_speaker(doc: Doc, props: list[Proposal]) -> None:
    """Content stops where the next report's speaker begins: "spoke out
    against sanctions against Afghanistan and Russia demanded …", when the
    parse made "Russia" part of the object."""
    # Reports by a named subject, sorted by where the subject stands, so each
    # content finds the few inside it by bisection instead of reading them all
    # (a document with thousands of reports). They keep their list order, which
    # decides the cut when several apply.
    named = sorted((q.speaker.token, order, q) for order, q in enumerate(props)
                   if q.speaker and q.speaker.token is not None and doc[q.speaker.token].pos_ == "PROPN")
    subjects = [subj for subj, _, _ in named]
    for p in props:
        within = named[bisect_right(subjects, p.start):bisect_left(subjects, p.end)]
        for subj, _, q in sorted(within, key=lambda found: found[1]):
            if p.start < subj < p.end and q.cue_tok is not None and q.cue_tok >= p.end:
                end = subj
                while end > p.start and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
                    end -= 1
                p.end = max(p.start + 1, end)


def _share_channels(doc: Doc, props: list[Proposal]) -> None:
    """'… told AKIpress, adding that …': the chained report reaches us the same way."""
    by_cue = {p.cue_tok: p for p in props if p.cue_tok is not None and p.channel}
    for p in props:
        cue = doc[p.cue_tok] if p.cue_tok is not None else None
        outer = by_cue.get(cue.head.i) if cue is not None and cue.dep_ in ("advcl", "conj") else None
        same_voice = outer is not None and p.speaker and outer.speaker and p.speaker.ids == outer.speaker.ids
        if p.channel is None and same_voice and outer is not None:
            p.channel = outer.channel


def _without_nested_own_reports(doc: Doc, props: list[Proposal]) -> list[Proposal]:
    """"Hizb ut-Tahrir, which says it rejects violence": a report inside the
    content of the same speaker's report is part of that claim, not another.
    Inside means in the parse of that content, not just between its offsets."""
    # The content a report may sit in hangs on the report's cue or one of its
    # ancestors: look those few heads up instead of every other report.
    by_head: dict[int, list[Proposal]] = {}
    for p in props:
        if p.head is not None and p.speaker is not None and p.speaker.ids != (None,):
            by_head.setdefault(p.head, []).append(p)

    def nested(q: Proposal) -> bool:
        if q.mode != "indirect" or q.cue_tok is None or q.speaker is None:
            return False
        heads = [q.cue_tok] + [a.i for a in doc[q.cue_tok].ancestors]
        return any(p is not q and p.speaker is not None and p.speaker.ids == q.speaker.ids
                   and q.cue_tok not in p.cue_tokens and p.start <= q.cue_tok < p.end
                   for head in heads for p in by_head.get(head, ()))
    return [q for q in props if not nested(q)]


def _outlets_as_channels(rep: Reported, props: list[Proposal]) -> list[Proposal]:
    """"X told the delegation that …, the news website Kun.uz reported": the
    outlet carries X's claim, it does not make one of its own. The outlet's
    report that holds another speaker's report becomes that report's channel."""
    doc, dropped = rep.doc, set()
    for p in props:
        subj = p.speaker.token if p.speaker else None
        if subj is None or (p.cue_tok is not None and cited_source(doc[p.cue_tok]) is not None):
            continue  # "…, Kommersant reported, citing diplomatic sources": the outlet asserts it
        # The subject phrase: "the news website Kun.uz" has its name beside the head noun.
        outlet = next((o for t in doc[subj].subtree if (o := is_outlet(t, rep.actors, rep.lex))), None)
        if outlet is None:
            continue
        # Reports whose content lies in the outlet's: '"…," Meredov told the delegations, TDH reported'.
        sent = doc[p.cue_tok].sent if p.cue_tok is not None else None
        inner = [q for q in props if q is not p and q.cue_tok is not None and sent is not None
                 and sent.start <= q.cue_tok < sent.end and q.speaker and outlet not in q.speaker.ids
                 and 2 * (min(p.end, q.end) - max(p.start, q.start)) >= q.end - q.start]
        if inner:
            for q in inner:
                q.channel = q.channel or outlet
            dropped.add(id(p))
    return [p for p in props if id(p) not in dropped]


def _set_channels(rep: Reported, props: list[Proposal], channels: dict[int, str | None]) -> None:
    """The outlet a cue names ("told TASS"), "…, according to UzA" and nested
    reports ("X states that Y gave assurances …": Y's claim reaches us through X)."""
    by_head = {p.head: p for p in props if p.mode == "indirect" and p.head is not None}
    for p in props:
        if p.cue_tok is not None and p.cue_tok not in channels:
            outlet = rep.channel(rep.doc[p.cue_tok])
            p.channel = outlet if outlet not in (p.speaker.ids if p.speaker else ()) else None
        if p.cue_tok in channels:
            p.channel = channels[p.cue_tok]
        outer = by_head.get(p.cue_tok) if p.cue_tok is not None else None
        if p.channel is None and outer is not None and outer is not p and outer.speaker:
            speaker = outer.speaker.ids[0]
            mine = p.speaker.ids[0] if p.speaker else None
            p.channel = speaker if speaker != mine else None
