"""Knowledge as data: the files in annotator/data/, their models and schemas,
and a workspace's own actors, cues and lexicon overrides."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.errors import InputError
from annotator.nlp.knowledge import load
from annotator.nlp.knowledge.schema import SCHEMAS, render
from annotator.workspace import init_workspace

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "annotator" / "data" / "schema"


def workspace(tmp_path: Path, files: dict[str, object]) -> Path:
    """A workspace with one untagged document and the given knowledge files
    (a dict is written as JSON, a list as JSONL)."""
    ws = init_workspace(tmp_path / "ws").root
    (ws / "corpus" / "note.txt").write_text("The minister said that talks would resume.\n", encoding="utf-8")
    for name, content in files.items():
        path = ws / name
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "\n".join(json.dumps(row) for row in content) if isinstance(content, list) else json.dumps(content)
        path.write_text(text + "\n", encoding="utf-8")
    return ws


def run(ws: Path, *args: str):
    return CliRunner().invoke(main, ["--root", str(ws), *args])


# --- a misspelt field is one line naming file, line (or key path) and field

ACTORS = [{"id": "steppe-watch", "type": "organization", "aliases": ["Steppe Watch"]},
          {"id": "kyrgyz-ombudsman", "type": "person", "alias": ["Atyr Abdrakhmatova"]}]
ACTOR_ERROR = "actors.jsonl:2: unknown field 'alias' (did you mean 'aliases'?)"
CUES = {"speech": [{"lemma": "lament", "contnet": ["ccomp"]}]}
CUE_ERROR = "cues.json: speech[0]: unknown field 'contnet' (did you mean 'content'?)"


@pytest.mark.parametrize("files, error", [({"actors.jsonl": ACTORS}, ACTOR_ERROR), ({"cues.json": CUES}, CUE_ERROR)])
def test_check_fails_on_a_misspelt_field(tmp_path, files, error):
    result = run(workspace(tmp_path, files), "check")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if error in line]
    assert len(lines) == 1 and lines[0].endswith(error)


@pytest.mark.parametrize("files, error", [({"actors.jsonl": ACTORS}, ACTOR_ERROR), ({"cues.json": CUES}, CUE_ERROR)])
def test_tag_fails_on_a_misspelt_field_before_any_work(tmp_path, files, error):
    ws = workspace(tmp_path, files)
    result = run(ws, "tag")
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1].endswith(error)
    assert not list((ws / "annotations").iterdir())


def test_lexicon_overrides_are_checked_too(tmp_path):
    ws = workspace(tmp_path, {"lexicon/titles.json": {"noun": {"words": ["ombudsman"]}},
                              "lexicon/title.json": {"nouns": {"words": ["ombudsman"]}}})
    result = run(ws, "check")
    assert result.exit_code == 1
    assert "titles.json: unknown field 'noun' (did you mean 'nouns'?)" in result.output
    assert "title.json: not a lexicon file (did you mean 'titles.json'?)" in result.output


def test_a_speaker_title_must_be_a_title(tmp_path):
    ws = workspace(tmp_path, {"lexicon/titles.json": {"speaker": {"words": ["ombudsman"]}}})
    with pytest.raises(InputError, match="titles.json: speaker: 'ombudsman' is not in nouns"):
        load(ws)


def test_a_sound_workspace_checks_clean(tmp_path):
    ws = workspace(tmp_path, {"actors.jsonl": ACTORS[:1], "cues.json": {"speech": [{"lemma": "lament",
                                                                                  "content": ["ccomp"]}]}})
    result = run(ws, "check")
    assert "actors.jsonl" not in result.output and "cues.json" not in result.output


# --- the override rule: added, `remove` drops, `replace: true` replaces

def test_words_are_added_removed_or_replaced(tmp_path):
    package = load()
    added = load(workspace(tmp_path / "a", {"lexicon/titles.json": {
        "nouns": {"words": ["ombudsman"], "remove": ["agent"]}}}))
    assert added.titles.nouns == (package.titles.nouns | {"ombudsman"}) - {"agent"}
    assert added.titles.offices == package.titles.offices
    replaced = load(workspace(tmp_path / "r", {"lexicon/metonymy.json": {
        "place_verbs": {"replace": True, "words": ["capture"]}}}))
    assert replaced.metonymy.place_verbs == {"capture"}


def test_cues_are_added_and_a_same_lemma_replaces(tmp_path):
    kb = load(workspace(tmp_path, {"cues.json": {"speech": [{"lemma": "lament", "content": ["ccomp"]},
                                                            {"lemma": "say", "content": ["ccomp"]}]}}))
    cues = {c.lemma: c for c in kb.cues.speech}
    assert cues["lament"].content == ["ccomp"] and cues["say"].content == ["ccomp"]
    assert len(cues) == len(load().cues.speech) + 1


def test_knowledge_is_read_once_and_again_when_a_file_changes(tmp_path):
    ws = workspace(tmp_path, {"lexicon/titles.json": {"nouns": {"words": ["ombudsman"]}}})
    first = load(ws)
    assert load(ws) is first
    path = ws / "lexicon" / "titles.json"
    path.write_text(json.dumps({"nouns": {"words": ["mufti"]}}), encoding="utf-8")
    import os
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 10**9))
    assert "mufti" in load(ws).titles.nouns


def test_one_list_of_titles():
    """The speaker titles (once a second list in cues.json) are a marked part of the title nouns."""
    kb = load()
    assert kb.titles.speaker <= kb.titles.nouns
    assert "titles" not in json.loads((SCHEMA_DIR.parent / "cues.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schemas_are_current(name):
    """Rewrite them with: python -m annotator.nlp.knowledge.schema"""
    assert (SCHEMA_DIR / name).read_text(encoding="utf-8") == render(SCHEMAS[name])


# --- a linguist's override changes what is tagged (real model)

@pytest.fixture(scope="module")
def nlp():
    from annotator.nlp.pipeline import build

    return build()


def tagged(nlp, text: str, knowledge_dir: Path | None = None):
    """Actors and claims of `text`, by the pipeline's components or by ones built with `knowledge_dir`."""
    from annotator.nlp.actors.component import ActorTagger
    from annotator.nlp.claims.component import ClaimTagger

    if knowledge_dir is None:
        doc = nlp(text)
    else:
        actors, claims = ActorTagger(nlp, knowledge_dir=str(knowledge_dir)), ClaimTagger(nlp, knowledge_dir=str(knowledge_dir))
        with nlp.select_pipes(disable=["annotator_actors", "annotator_claims"]):
            doc = claims(actors(nlp(text)))
    return ([(s.text, s._.canonical, s._.role) for s in doc.spans["actors"]],
            [(s.text, s._.claim["speaker"], s._.claim["cue"]) for s in doc.spans["claims"]])


OMBUDSMAN = ("Ombudsman Atyr Abdrakhmatova visited the prison in Bishkek on Monday. "
             "The ombudsman said that conditions had worsened.")


def test_a_title_added_in_the_workspace_names_the_speaker(nlp, tmp_path):
    ws = workspace(tmp_path, {"lexicon/titles.json": {"nouns": {"words": ["ombudsman"]},
                                                      "speaker": {"words": ["ombudsman"]}}})
    actors, claims = tagged(nlp, OMBUDSMAN)
    assert ("conditions had worsened", None, "said") in claims
    assert all(role is None for _, _, role in actors)
    actors, claims = tagged(nlp, OMBUDSMAN, ws)
    assert ("Atyr Abdrakhmatova", "atyr-abdrakhmatova", "Ombudsman") in actors
    assert ("conditions had worsened", "atyr-abdrakhmatova", "said") in claims


def test_a_cue_verb_added_in_the_workspace_makes_a_claim(nlp, tmp_path):
    text = "Foreign Minister Jeenbek Kulubaev lamented that the talks had failed."
    ws = workspace(tmp_path, {"cues.json": {"speech": [{"lemma": "lament", "content": ["ccomp", "quote"]}]}})
    assert tagged(nlp, text)[1] == []
    assert tagged(nlp, text, ws)[1] == [("the talks had failed", "jeenbek-kulubaev", "lamented")]
