"""The cue lexicon (`annotator/data/cues.json`): which words report speech.

The lexicon lists lemmas; this module adds the inflected forms so a cue is
still found when the tagger mislabels it ("analyses" as a plural noun,
"claim" after a plural subject as a noun).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from annotator.errors import InputError

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


@dataclass
class Lexicon:
    cues: dict[str, Cue]
    forms: dict[str, str]  # inflected form -> lemma
    beliefs: frozenset[str]
    unnamed: frozenset[str]
    titles: frozenset[str]
    according: tuple[str, ...] = field(default=())
    outlets: frozenset[str] = frozenset()

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


def _cue(entry: dict) -> Cue:
    return Cue(lemma=entry["lemma"], content=tuple(entry["content"]), preps=tuple(entry.get("preps", ())),
               obj=tuple(entry.get("obj", ())), with_obj=tuple(entry.get("with_obj", ())),
               prt=entry.get("prt"), in_cue=bool(entry.get("in_cue", False)),
               need_prep=bool(entry.get("need_prep", False)), no_obj=bool(entry.get("no_obj", False)),
               needs_speaker=bool(entry.get("needs_speaker", False)))


def parse_lexicon(data: dict) -> Lexicon:
    cues = {e["lemma"]: _cue(e) for e in data["speech"]}
    forms = {form: lemma for lemma in cues for form in inflections(lemma)}
    forms.update({k: v for k, v in IRREGULAR.items() if v in cues})
    return Lexicon(cues=cues, forms=forms,
                   beliefs=frozenset(data.get("not_claims", {}).get("lemmas", ())),
                   unnamed=frozenset(data.get("unnamed_sources", ())),
                   titles=frozenset(data.get("titles", ())),
                   according=tuple(data.get("according_to", ())),
                   outlets=frozenset(data.get("outlets", {}).get("ids", ())))


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> Lexicon:
    """The packaged lexicon, or a user's own file (`cues_path` in the config)."""
    if not path:
        return parse_lexicon(json.loads(resources.files("annotator").joinpath("data/cues.json").read_text("utf-8")))
    try:
        return parse_lexicon(json.loads(Path(path).read_text(encoding="utf-8")))
    except OSError as err:
        raise InputError(f"{path}: cue lexicon cannot be read ({err.strerror})") from None
    except (ValueError, KeyError, TypeError) as err:  # bad JSON, or a cue without "lemma"/"content"
        raise InputError(f"{path}: not a cue lexicon like annotator/data/cues.json ({err!r})") from None
