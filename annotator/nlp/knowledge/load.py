"""Knowledge for one pipeline: the package's data files plus a workspace's overrides.

The rule for overrides (WORKSPACE/cues.json, WORKSPACE/lexicon/<name>.json,
same shape as the package file): entries are added to the package's; a word
list with `"replace": true` replaces the package list, `"remove": [...]`
drops words; a cue replaces the package cue of the same lemma, and a cues
file with `"replace": true` replaces the package cues altogether.

Loaded once per pipeline build (cached by the override files' paths and
modification times), never per document.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from annotator.workspace import Workspace

from .files import KnowledgeError, numbered_rows, read_json
from .models import LEXICONS, Cues, PatternLine, Scores, WordFile

DATA = Path(__file__).resolve().parents[2] / "data"
PATTERN_FILES = ("authorial",)


class Section:
    """One lexicon file as frozensets, read by attribute: `kb.titles.nouns`."""

    def __init__(self, lists: dict[str, frozenset[str]]):
        self.__dict__.update(lists)

    def __getattr__(self, name: str) -> frozenset[str]:  # for type checkers: every list is a frozenset
        raise AttributeError(name)


@dataclass(eq=False)
class Knowledge:
    lexicons: dict[str, Section]
    cues: Cues
    scores: Scores
    patterns: dict[str, list[PatternLine]]
    _memo: dict[str, object] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Section:
        try:
            return self.__dict__["lexicons"][name]
        except KeyError:
            raise AttributeError(name) from None

    def derived(self, key: str, make: Callable[[], object]):
        """Something built from the words (a regex, a union), built once per knowledge."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]


def load(folder: str | Path | None = None) -> Knowledge:
    """The package's knowledge, with the overrides `folder` holds (a workspace root)."""
    path = Path(folder) if folder else None
    ws = Workspace(path) if path is not None else None
    files = [f for f in ws.knowledge_files() if f != ws.actors_file] if ws is not None else []
    return _load(str(path or ""), tuple((str(f), f.stat().st_mtime_ns) for f in files))


@lru_cache(maxsize=8)
def _load(folder: str, stamps: tuple[tuple[str, int], ...]) -> Knowledge:
    ws = Workspace(Path(folder)) if folder else None
    if ws is not None:
        no_stray_files(ws.lexicon_dir)
    lexicons = {name: _lexicon(name, ws) for name in LEXICONS}
    _check_titles(lexicons, ws.lexicon_dir if ws is not None else DATA / "lexicon")
    cues = read_json(DATA / "cues.json", Cues)
    user_cues = ws.cues_file if ws is not None else None
    if user_cues is not None and user_cues.is_file():
        cues = merge_cues(cues, read_json(user_cues, Cues))
    sections = {name: Section({k: w.words for k, w in lex.lists().items()}) for name, lex in lexicons.items()}
    scores = package_scores()
    patterns = {name: _patterns(name, sections, scores) for name in PATTERN_FILES}
    return Knowledge(sections, cues, scores, patterns)


@lru_cache(maxsize=1)
def package_scores() -> Scores:
    """data/scores.json (not overridden by a workspace: scores are calibrated on the gold corpus)."""
    return read_json(DATA / "scores.json", Scores)


def _lexicon(name: str, ws: Workspace | None) -> WordFile:
    model = LEXICONS[name]
    package = read_json(DATA / "lexicon" / f"{name}.json", model)
    unset = [k for k in model.model_fields if k != "why" and getattr(package, k) is None]
    if unset:
        raise KnowledgeError(DATA / "lexicon" / f"{name}.json", f"missing list '{unset[0]}'")
    user = ws.lexicon_dir / f"{name}.json" if ws is not None else None
    if user is None or not user.is_file():
        return package
    return merge_words(package, read_json(user, model))


def merge_words(base: WordFile, override: WordFile) -> WordFile:
    merged = {}
    for name, words in override.lists().items():
        old = getattr(base, name)
        new = words.words if words.replace else (old.words | words.words) - words.remove
        merged[name] = old.model_copy(update={"words": new})
    return base.model_copy(update=merged)


def merge_cues(base: Cues, override: Cues) -> Cues:
    if override.replace:
        return override
    speech = {c.lemma: c for c in base.speech} | {c.lemma: c for c in override.speech}

    def more(old: list[str], new: list[str]) -> list[str]:
        return old + [v for v in new if v not in old]

    return base.model_copy(update={
        "speech": list(speech.values()),
        "according_to": more(base.according_to, override.according_to),
        "unnamed_sources": more(base.unnamed_sources, override.unnamed_sources),
        "report_adverbs": more(base.report_adverbs, override.report_adverbs),
        "outlets": base.outlets.model_copy(update={"ids": more(base.outlets.ids, override.outlets.ids)}),
        "not_claims": base.not_claims.model_copy(
            update={"lemmas": more(base.not_claims.lemmas, override.not_claims.lemmas)}),
    })


def no_stray_files(lexicon: Path) -> None:
    """A misnamed override file ("title.json") would be ignored: say so instead."""
    known = [f"{name}.json" for name in LEXICONS]
    for path in sorted(lexicon.glob("*")) if lexicon.is_dir() else []:
        if path.name not in known:
            near = difflib.get_close_matches(path.name, known, n=1)
            hint = f" (did you mean '{near[0]}'?)" if near else f" (known: {', '.join(known)})"
            raise KnowledgeError(path, "not a lexicon file" + hint)


def _check_titles(lexicons: dict[str, WordFile], where: Path) -> None:
    """Speaker titles are titles: one list of titles, a few of which also name a speaker alone."""
    titles = lexicons["titles"]
    stray = sorted(titles.speaker.words - titles.nouns.words)  # type: ignore[attr-defined]
    if stray:
        raise KnowledgeError(where / "titles.json", f"speaker: '{stray[0]}' is not in nouns; add it there too")


def _patterns(name: str, sections: dict[str, Section], scores: Scores) -> list[PatternLine]:
    """A patterns file, its "@list" references expanded. Each label needs a
    score, and each pattern one anchor word: only sentences holding an
    anchor reach the Matcher, so a pattern without one would never match."""
    path = DATA / "patterns" / f"{name}.jsonl"
    anchors, labels = sections[name].anchors, getattr(scores, name)
    out = []
    for line_no, line in numbered_rows(path, PatternLine):
        if line.label not in type(labels).model_fields:
            raise KnowledgeError(path, f"label '{line.label}' has no score in scores.json ({name})", line_no)
        if not _words(line.pattern) & anchors:
            raise KnowledgeError(path, f"no anchor word (lexicon/{name}.json) in the pattern", line_no)
        out.append(_expand(line, sections))
    return out


def _words(pattern: list[dict]) -> set[str]:
    """The words a pattern's LOWER and LEMMA specs name (one, or an IN list)."""
    words: set[str] = set()
    for spec in pattern:
        for key in ("LOWER", "LEMMA"):
            value = spec.get(key)
            words |= {value} if isinstance(value, str) else set((value or {}).get("IN", ()))
    return words


def _expand(line: PatternLine, sections: dict[str, Section]) -> PatternLine:
    """"@titles.nouns" inside an IN/NOT_IN list stands for that lexicon list, sorted."""
    def words(value: object) -> object:
        if isinstance(value, dict):
            return {k: words(v) for k, v in value.items()}
        if isinstance(value, list):
            return [w for v in value for w in (_named_list(v, sections) if _is_ref(v) else [words(v)])]
        return value

    return line.model_copy(update={"pattern": [words(token) for token in line.pattern]})


def _is_ref(value: object) -> bool:
    return isinstance(value, str) and value.startswith("@") and "." in value


def _named_list(ref: str, sections: dict[str, Section]) -> list[str]:
    name, _, list_name = ref[1:].partition(".")
    try:
        return sorted(getattr(sections[name], list_name))
    except (KeyError, AttributeError):
        raise KnowledgeError(DATA / "patterns", f"unknown list '{ref}' in a pattern") from None


# --------------------------------------------------------------------------
# The knowledge a document is tagged with
# --------------------------------------------------------------------------

_KEY = "_annotator_knowledge"  # doc.user_data key, only while `knowing` is open


@contextmanager
def knowing(doc, kb: Knowledge) -> Iterator[None]:
    """Make `kb` the knowledge the rules read for this document. Like the
    scans, it must not outlive the block (it would break serialisation)."""
    doc.user_data[_KEY] = kb
    try:
        yield
    finally:
        doc.user_data.pop(_KEY, None)


def knowledge(doc) -> Knowledge:
    """The knowledge the component tagging `doc` was built with; the package's outside a component."""
    kb = doc.user_data.get(_KEY)
    return kb if kb is not None else load()
