import pytest

from annotator.evaluate import Score, bcubed, claims, id_map
from annotator.models import ClaimAnnotation, Provenance


def test_score_figures():
    s = Score(name="x", tp=8, fp=2, fn=8)
    assert (s.precision, s.recall) == (0.8, 0.5)
    assert s.f1 == pytest.approx(2 * 0.8 * 0.5 / 1.3)
    assert Score(name="empty").f1 == 0.0


def test_bcubed_perfect_and_split_clusters():
    assert bcubed([("a", "x"), ("a", "x"), ("b", "y")]) == 1.0
    # one gold cluster split in two: precision 1, recall (1/2+1/2)/2
    assert bcubed([("a", "x"), ("a", "y")]) == pytest.approx(2 * 1 * 0.5 / 1.5)
    # two gold clusters merged: recall 1, precision 1/2
    assert bcubed([("a", "x"), ("b", "x")]) == pytest.approx(2 * 0.5 * 1 / 1.5)


def test_id_map_takes_majority_gold_id():
    assert id_map([("russia", "ru"), ("russia", "ru"), ("moscow", "ru")]) == {"ru": "russia"}


def claim(start, end, speaker):
    return ClaimAnnotation(id=f"c{start}", start=start, end=end, text="x" * (end - start), claim_kind="attributed",
                           speaker=speaker, provenance=Provenance(tagger="t", rule="r"))


def test_attributed_match_needs_half_overlap_and_speaker():
    gold = {"claims": [{"kind": "attributed", "span": [10, 30], "speaker": "russia"}]}
    assert claims(gold, [claim(15, 40, "ru")], {"ru": "russia"}, "attributed", speaker=True).tp == 1
    assert claims(gold, [claim(15, 40, "cn")], {}, "attributed", speaker=True).tp == 0
    assert claims(gold, [claim(25, 40, "russia")], {}, "attributed", speaker=True).tp == 0  # 5 of 20 chars
    one_to_one = claims(gold, [claim(10, 30, "russia"), claim(10, 30, "russia")], {}, "attributed", speaker=False)
    assert (one_to_one.tp, one_to_one.fp) == (1, 1)
