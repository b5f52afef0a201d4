"""The cue lexicon (`annotator/data/cues.json`, validated by
`annotator.nlp.knowledge.models.Cues`): which words report speech.

The lexicon lists lemmas; this module adds the inflected forms so a cue is
still found when the tagger mislabels it ("analyses" as a plural noun,
"claim" after a plural subject as a noun).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from annotator.nlp.knowledge import Knowledge, load, read_json
from annotator.nlp.knowledge.load import merge_cues
from annotator.nlp.knowledge.models import CueEntry, Cues

VOWELS = set("aeiou")


@dataclass(frozen=True)
class Cue:
    lemma: str
    content: tuple[str, ...]
    preps: tuple[str, ...] = ()
    obj: tuple[str, ...] = ()
    with_obj: tuple[str, ...] = ()
    prt: str | None = None
    in_cue: bool = False
    need_prep: bool = False
    no_obj: bool = False
    needs_speaker: bool = False
    passive: bool = False
    subjects: tuple[str, ...] = ()
    not_preps: tuple[str, ...] = ()


@dataclass
class Lexicon:
    cues: dict[str, Cue]
    forms: dict[str, str]  # inflected form -> lemma
    beliefs: frozenset[str]
    unnamed: frozenset[str]
    titles: frozenset[str]
    according: tuple[str, ...] = field(default=())
    outlets: frozenset[str] = frozenset()
    report_adverbs: frozenset[str] = frozenset()

    def cue_for(self, lemma: str, lower: str) -> Cue | None:
        """The cue a token stands for, by lemma or (mistagged) surface form."""
        if lemma in self.cues:
            return self.cues[lemma]
        base = self.forms.get(lower)
        return self.cues.get(base) if base else None


def inflections(lemma: str) -> set[str]:
    """Regular English verb forms; good enough for a cue list."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    forms = {lemma, stem + "ed", stem + "ing"}
    forms.add(lemma + "es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else lemma + "s")
    if lemma.endswith("y") and lemma[-2:-1] not in VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if len(lemma) > 2 and lemma[-1] in "lpt" and lemma[-2] in VOWELS and lemma[-3] not in VOWELS:
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # signalled, accepting US -ed too
    return forms


IRREGULAR = {"said": "say", "says": "say", "told": "tell", "wrote": "write", "written": "write",
             "spoke": "speak", "spoken": "speak", "gave": "give", "given": "give", "made": "make"}


def _cue(entry: CueEntry) -> Cue:
    return Cue(lemma=entry.lemma, content=tuple(entry.content), preps=tuple(entry.preps), obj=tuple(entry.obj),
               with_obj=tuple(entry.with_obj), prt=entry.prt, in_cue=entry.in_cue, need_prep=entry.need_prep,
               no_obj=entry.no_obj, needs_speaker=entry.needs_speaker, passive=entry.passive,
               subjects=tuple(entry.subjects), not_preps=tuple(entry.not_preps))


def parse_lexicon(data: Cues, titles: frozenset[str]) -> Lexicon:
    """`titles`: the titles that name a speaker alone (lexicon/titles.json, "speaker")."""
    cues = {e.lemma: _cue(e) for e in data.speech}
    forms = {form: lemma for lemma in cues for form in inflections(lemma)}
    forms.update({k: v for k, v in IRREGULAR.items() if v in cues})
    return Lexicon(cues=cues, forms=forms, beliefs=frozenset(data.not_claims.lemmas),
                   unnamed=frozenset(data.unnamed_sources), titles=titles,
                   according=tuple(data.according_to), outlets=frozenset(data.outlets.ids),
                   report_adverbs=frozenset(data.report_adverbs))


def lexicon_for(kb: Knowledge, cues_path: str | None = None) -> Lexicon:
    """The cue lexicon of a pipeline's knowledge (built once per knowledge);
    `cues_path`, a cues file of the user's, is merged in as a workspace's cues.json is."""
    if cues_path:
        return _with_user_cues(kb, cues_path)
    return kb.derived("lexicon", lambda: parse_lexicon(kb.cues, kb.titles.speaker))


@lru_cache(maxsize=4)
def _with_user_cues(kb: Knowledge, cues_path: str) -> Lexicon:
    return parse_lexicon(merge_cues(kb.cues, read_json(Path(cues_path), Cues)), kb.titles.speaker)


def load_lexicon(cues_path: str | None = None) -> Lexicon:
    """The package lexicon, with a user's cues file merged in if given."""
    return lexicon_for(load(), cues_path)
