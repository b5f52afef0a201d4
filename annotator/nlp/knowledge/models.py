"""The shape of every knowledge file in `annotator/data/`, as pydantic models.

Each model forbids unknown fields, so a misspelt key ("alias" for "aliases")
is an error instead of an entry that never matches. The committed JSON
Schemas in `annotator/data/schema/` are generated from these models
(`python -m annotator.nlp.knowledge.schema` rewrites them; a test checks
they are current). No spaCy here: `annotator check` validates without it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


class Words(Strict):
    """A word list. In a workspace override the words are added to the
    package's list, `remove` drops some, and `replace: true` makes the
    workspace list the whole list."""

    why: str = Field("", alias="_why")
    words: frozenset[str] = frozenset()
    remove: frozenset[str] = frozenset()
    replace: bool = False


class WordFile(Strict):
    """A file of named word lists; every list is optional in an override."""

    why: str = Field("", alias="_why")

    def lists(self) -> dict[str, Words]:
        return {name: value for name in type(self).model_fields if isinstance(value := getattr(self, name), Words)}


class Titles(WordFile):
    nouns: Words | None = None
    speaker: Words | None = None
    modifiers: Words | None = None
    offices: Words | None = None
    head_of_state: Words | None = None
    generic: Words | None = None
    person_nouns: Words | None = None
    portfolios: Words | None = None
    honorifics: Words | None = None
    subordinate: Words | None = None


class PlaceHeads(WordFile):
    heads: Words | None = None
    not_after_names: Words | None = None
    person_place_heads: Words | None = None
    buildings: Words | None = None
    venue_kinds: Words | None = None
    projects: Words | None = None


class InstitutionHeads(WordFile):
    heads: Words | None = None
    units: Words | None = None
    body_tails: Words | None = None
    groups: Words | None = None
    documents: Words | None = None
    events: Words | None = None
    products: Words | None = None
    media: Words | None = None
    generic: Words | None = None
    state_nouns: Words | None = None
    missions: Words | None = None
    org_kinds: Words | None = None
    group_kinds: Words | None = None


class Metonymy(WordFile):
    place_verbs: Words | None = None
    place_subject_verbs: Words | None = None
    place_nouns: Words | None = None
    place_adjectives: Words | None = None
    stance_nouns: Words | None = None
    policy_nouns: Words | None = None
    official_nouns: Words | None = None
    place_preps: Words | None = None
    motion_words: Words | None = None


class Authorial(WordFile):
    anchors: Words | None = None


class Speakers(WordFile):
    inference_cues: Words | None = None
    evidence_nouns: Words | None = None
    own_text: Words | None = None
    statement_nouns: Words | None = None
    spokespeople: Words | None = None
    medium_nouns: Words | None = None
    body_nouns: Words | None = None
    org_nouns: Words | None = None
    group_nouns: Words | None = None
    state_nouns: Words | None = None
    outlet_nouns: Words | None = None
    local_modifiers: Words | None = None
    not_yet: Words | None = None


# Lexicon files, by file name (data/lexicon/<name>.json and WORKSPACE/lexicon/<name>.json).
LEXICONS: dict[str, type[WordFile]] = {
    "titles": Titles, "place_heads": PlaceHeads, "institution_heads": InstitutionHeads,
    "metonymy": Metonymy, "authorial": Authorial, "speakers": Speakers,
}


class RuleScores(Strict):
    """Scores by rule name; a rule written with hyphens ("title-name") is a field with underscores."""

    why: str = Field("", alias="_why")

    def of(self, rule: str) -> float:
        return getattr(self, rule.replace("-", "_"))


class IndirectScores(RuleScores):
    """Indirect speech, by where the content sits relative to the cue (rule indirect_<where>)."""

    ccomp: float
    xcomp: float
    dobj: float
    prep: float
    obj_clause: float
    obj_prep: float
    as_: float = Field(alias="as")
    parataxis: float
    trailing: float
    inverted: float
    oprd: float
    unnamed_penalty: float

    def of(self, rule: str) -> float:
        return getattr(self, "as_" if rule == "as" else rule)


class AttributedScores(RuleScores):
    quote_after: float
    quote_before: float
    quote_in_sentence: float
    quote_paragraphs: float
    quote_continued: float
    unclosed_quote_max: float
    according_to: float
    according_to_unsourced: float
    headline_title_case: float
    colon_headline: float
    passive: float
    report_adverb: float


class AuthorialScores(RuleScores):
    """Authorial claims: one score per Matcher pattern label, and the rules in code."""

    thesis: float
    conclusion: float
    no_choice: float
    recommendation: float
    heading: float


class ActorScores(RuleScores):
    """By the rule name a mention carries ("title-name"); the model's entities by the type given ("ner-person")."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True,
                              alias_generator=lambda name: name.replace("_", "-"))

    gazetteer: float
    seat_metonymy: float
    acronym: float
    surname: float
    title_name: float
    nominal_government: float
    nominal_person: float
    body_of_organization: float
    named_by_kind: float
    appositive_person: float
    initial_name: float
    state_body: float
    ner_person: float
    ner_organization: float
    ner_group: float


class LinkingScores(Strict):
    """Thresholds and confidence factors of citation linking (annotator/bib/link.py)."""

    why: str = Field("", alias="_why")
    author_min: float
    author_key_cutoff: float
    title_min: float
    title_margin: float
    title_differs: float
    cited_margin: float
    cited_factor: float
    ibid_candidate: float


class Scores(Strict):
    """Rule scores (0..1, how far a reviewer may trust a proposal) and linking thresholds."""

    why: str = Field("", alias="_why")
    indirect: IndirectScores
    attributed: AttributedScores
    authorial: AuthorialScores
    actors: ActorScores
    linking: LinkingScores


ContentKind = Literal["ccomp", "xcomp", "dobj", "oprd", "prep", "as", "quote", "obj_clause", "obj_prep"]


class CueEntry(Strict):
    lemma: str
    content: list[ContentKind]
    preps: list[str] = []
    obj: list[str] = []
    with_obj: list[str] = []
    prt: str | None = None
    in_cue: bool = False
    need_prep: bool = False
    no_obj: bool = False
    needs_speaker: bool = False
    passive: bool = False  # reports in the passive with no agent too: "was told that", "is reported to"
    subjects: list[str] = []  # the cue reports only with one of these subject lemmas: "the statement read"
    not_preps: list[str] = []  # a preposition on the verb that makes it a deed: "agreed with X on a programme"
    note: str = ""


class Ids(Strict):
    why: str = Field("", alias="_why")
    ids: list[str] = []


class Lemmas(Strict):
    why: str = Field("", alias="_why")
    lemmas: list[str] = []


class Cues(Strict):
    """cues.json. In a workspace file a cue replaces the package cue of the
    same lemma, other lists are added; `replace: true` replaces the whole file."""

    about: str = Field("", alias="_about")
    speech: list[CueEntry] = []
    according_to: list[str] = []
    outlets: Ids = Field(default_factory=lambda: Ids.model_validate({}))
    not_claims: Lemmas = Field(default_factory=lambda: Lemmas.model_validate({}))
    unnamed_sources: list[str] = []
    report_adverbs: list[str] = []  # "X reportedly opened fire": the clause is a report with no one named
    replace: bool = False


ActorKind = Literal["person", "state", "organization", "group", "exclude"]


class ActorRow(Strict):
    """One line of actors.jsonl (field meanings: `annotator.nlp.actors.component`)."""

    id: str
    type: ActorKind | None = None
    aliases: list[str] = []
    demonyms: list[str] = []
    seats: list[str] = []
    affiliation: str | None = None
    office: str | None = None
    not_aliases: list[str] = []
    remove: bool = False
    note: str = ""


PatternToken = dict[str, object]


class PatternLine(Strict):
    """One line of a Matcher patterns file, in spaCy's JSONL pattern format."""

    label: str
    pattern: list[PatternToken]
    id: str | None = None
    why: str = Field("", alias="_why")
