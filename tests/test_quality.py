"""End-to-end quality floors: the whole tagger against hand-checked gold,
scored by `annotator.evaluate` (the scorer `annotator eval` uses).

Yardsticks: the sample corpus gold (`data/gold`, which the rules were
developed against) and five sets written and annotated blind to the tagger
(`data/heldout*`). Each was held out until its blind figures were taken;
then its errors guided general rules, so now they are development sets too.
Floors sit a little below the measured figures, so a regression fails and an
improvement passes. The sample floors are the actor, claim and cited-clause
floors once kept in test_actors, test_claims and test_cited.
"""

import pytest
from helpers import DATA, GOLD

from annotator.evaluate import Report, evaluate_pairs, evaluate_workspace, tag_gold
from annotator.gold import gold_documents
from annotator.workspace import Workspace

# Sets written and annotated blind to the tagger, in the order they were made.
# Each was held out until its blind figures were taken, then its errors guided
# general rules (see each README): the floors guard those gains.
SETS = ("heldout", "heldout2", "heldout3", "heldout4", "heldout5")


@pytest.fixture(scope="module")
def heldout(nlp) -> dict[str, dict[str, float]]:
    """Every set tagged with the session's pipeline, as `annotator tag` would."""
    return {name: evaluate_pairs(tag_gold(gold_documents(DATA / name), nlp)).figures() for name in SETS}


@pytest.fixture(scope="module")
def sample(tagged_corpus) -> Report:
    """The corpus as `annotator tag` stored it, scored as `annotator eval` does."""
    return evaluate_workspace(Workspace(tagged_corpus), GOLD)


# Measured on the sample (2026-12-03): everything 1.0 but the attributed
# claims with speaker ids as tagged, 0.969 (one id is spelt otherwise than the
# gold's: uzbek-state-committee-for-the-defense-industry).
@pytest.mark.parametrize("name, measure, floor", [
    ("footnote markers + notes", "f1", 1.0),
    ("citation authors+year+suffix+locator", "value", 0.98),
    ("actor spans", "f1", 0.97),
    ("actor type (matched)", "value", 0.97),
    ("actor canonical B-cubed F1 (x1000)", "value", 0.97),
    ("cited claims found", "value", 1.0),
    ("cited claims right extent", "value", 0.97),
    ("cited claims boundary-exact", "value", 0.93),  # 29 of the 31 notes
    ("attributed claims (span)", "f1", 0.93),  # speaker-agnostic
    ("attributed claims (span + speaker)", "f1", 0.85),  # our ids mapped to the gold's
    ("attributed claims (span + speaker id as tagged)", "f1", 0.9),
    ("authorial claims (span)", "f1", 0.6),
    ("authorial claims (span)", "recall", 0.85),
    ("authorial claims (span)", "precision", 0.7),
])
def test_sample_corpus_gold(sample, name, measure, floor):
    found = next((x for x in sample.scores + sample.rates if x.name == name), None)
    assert getattr(found, measure) >= floor


def test_sample_gold_covers_every_note(sample):
    assert sample.rate("cited claims found").total == 31


# Measured on 2026-11-30 (set: actor F1, attributed span+speaker F1): heldout 0.990, 0.964;
# heldout2 0.983, 0.912; heldout3 0.978, 0.889; heldout4 0.979, 0.920; heldout5 (blind) 0.963, 0.872.
# Floors sit a little below.
FLOORS = {  # heldout5 is news only: no notes, citations or cited claims to find (None: no test)
    "footnote markers + notes": (1.0, 1.0, 1.0, 1.0, None),
    "citation authors+year+suffix+locator": (0.95, 0.95, 0.9, 0.85, None),
    "actor spans": (0.97, 0.96, 0.95, 0.96, 0.94),
    "actor type (matched)": (0.95, 0.95, 0.95, 0.95, 0.95),
    "cited claims found": (1.0, 1.0, 1.0, 1.0, None),
    "attributed claims (span)": (0.97, 0.95, 0.92, 0.94, 0.96),
    "attributed claims (span + speaker)": (0.94, 0.88, 0.86, 0.89, 0.84),
}


@pytest.mark.parametrize("which, name", [(which, name) for k, which in enumerate(SETS)
                                         for name, floors in FLOORS.items() if floors[k] is not None])
def test_heldout_gold(heldout, which, name):
    assert heldout[which][name] >= FLOORS[name][SETS.index(which)]
