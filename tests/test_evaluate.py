"""The gold scorer's rules, on hand-made gold and annotations."""

import json

import pytest

from annotator.evaluate import (
    Rate,
    Report,
    Score,
    actors,
    bcubed,
    citations,
    cited,
    claims,
    evaluate_pairs,
    id_map,
    per_document,
    pooled,
    unnamed,
)
from annotator.gold import gold_documents, load_gold
from annotator.models import ActorAnnotation, ClaimAnnotation, Provenance, sha256_bytes

PROVENANCE = Provenance(tagger="t", rule="r")


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


def claim(start, end, speaker=None, kind="attributed", footnotes=()):
    return ClaimAnnotation(id=f"c{start}-{speaker}", start=start, end=end, text="x" * (end - start), claim_kind=kind,
                           speaker=speaker, footnotes=list(footnotes), provenance=PROVENANCE)


def actor(start, end, canonical, type_="state", role=None):
    return ActorAnnotation(id=f"a{start}", start=start, end=end, text="x" * (end - start), type=type_,
                           canonical=canonical, role=role, provenance=PROVENANCE)


def test_attributed_match_needs_half_overlap_and_speaker():
    gold = {"claims": [{"kind": "attributed", "span": [10, 30], "speaker": "russia"}]}
    assert claims(gold, [claim(15, 40, "ru")], "attributed", {"ru": "russia"}).tp == 1
    assert claims(gold, [claim(15, 40, "ru")], "attributed", {}).tp == 0  # the id as tagged is not the gold's
    assert claims(gold, [claim(15, 40, "cn")], "attributed").tp == 1  # no speaker check
    assert claims(gold, [claim(25, 40, "russia")], "attributed", {}).tp == 0  # 5 of 20 chars
    one_to_one = claims(gold, [claim(10, 30, "russia"), claim(10, 30, "russia")], "attributed")
    assert (one_to_one.tp, one_to_one.fp) == (1, 1)


def test_actor_type_and_role_are_judged_on_matched_spans_only():
    gold = {"actors": [{"span": [0, 5], "type": "person", "canonical": "a", "role": "President"},
                       {"span": [10, 15], "type": "state", "canonical": "b", "role": None}]}
    (spans,), (typed, roles) = actors(gold, [actor(0, 5, "a", "person", "Minister"), actor(20, 25, "c")])
    assert (spans.tp, spans.fp, spans.fn) == (1, 1, 1)
    assert (typed.hits, typed.total, roles.hits, roles.total) == (1, 1, 0, 1)


def test_a_clause_cited_by_two_notes_counts_for_both():
    notes = [{"number": n, "claim": {"span": [0, 20]}} for n in (3, 4)]
    found, extent, exact = cited({"footnotes": notes}, [claim(0, 18, kind="cited", footnotes=["3", "4"])])
    assert (found.hits, extent.hits, exact.hits, found.total) == (2, 2, 0, 2)


def test_totals_map_ids_over_all_documents_and_per_document_alone():
    def gold(speaker):
        return {"footnotes": [], "actors": [{"span": [0, 5], "type": "state", "canonical": speaker, "role": None}],
                "claims": [{"kind": "attributed", "span": [10, 30], "speaker": speaker}]}

    # Document one calls "ru" russia; document two has no mention of it, only a claim by "ru".
    one = (gold("russia"), [actor(0, 5, "ru"), claim(10, 30, "ru")])
    two = ({**gold("russia"), "actors": []}, [claim(10, 30, "ru")])
    name = "attributed claims (span + speaker)"
    assert evaluate_pairs([one, two]).score(name).tp == 2
    assert [r.score(name).tp for r in per_document([one, two])] == [1, 0]
    assert evaluate_pairs([one, two]).score("attributed claims (span + speaker id as tagged)").tp == 0


def test_gold_is_matched_to_texts_by_content(tmp_path):
    (tmp_path / "a.txt").write_text("Russia said so.", encoding="utf-8")
    (tmp_path / "other.txt").write_text("Something else.", encoding="utf-8")
    sha = sha256_bytes(b"Russia said so.")
    for name, digest in (("g1.json", sha), ("g2.json", "0" * 64)):
        (tmp_path / name).write_text(json.dumps({"sha256": digest, "footnotes": [], "actors": [], "claims": []}))
    assert [doc.name for _, doc in gold_documents(tmp_path)] == ["a.txt"]


def test_a_note_backing_no_clause_is_not_counted_among_cited_claims(tmp_path):
    # Real notes often back no clause of the text (asides, further reading): gold says claim null.
    note = {"number": 1, "marker": {"span": [0, 4]}, "note": {"span": [10, 20]}, "claim": None, "citations": []}
    gold = {"sha256": "x", "footnotes": [note], "actors": [], "claims": []}
    (tmp_path / "a.json").write_text(json.dumps(gold), encoding="utf-8")
    assert load_gold(tmp_path) == [gold]
    assert [r.total for r in cited(gold, [])] == [0, 0, 0]


def _citation(start, end, bib_key):
    from annotator.models import CitationAnnotation

    return CitationAnnotation(id=f"c{start}", start=start, end=end, text="x" * (end - start), provenance=PROVENANCE,
                              number="1", authors="A", year="2000", bib_key=bib_key)


def test_citation_links_are_scored_only_where_gold_records_them():
    cite = {"span": [0, 5], "authors": "A", "year": "2000", "year_suffix": "", "locator": "", "prefix": "",
            "suffix": ""}
    gold = {"footnotes": [{"citations": [{**cite, "bib_key": "a2000"}, {**cite, "span": [9, 12], "bib_key": None}]}]}
    scores, _ = citations(gold, [_citation(0, 5, "a2000"), _citation(9, 12, "b2001")])
    links = {s.name: s for s in scores}["citation links to bib/ (span + key)"]
    assert (links.tp, links.fp, links.fn) == (1, 1, 0)  # a link where gold has none is wrong
    unkeyed = {"footnotes": [{"citations": [cite]}]}
    assert [s.name for s in citations(unkeyed, [_citation(0, 5, "a2000")])[0]] == ["citation spans"]


def test_unnamed_source_claims_are_found_only_without_a_speaker():
    gold = {"claims": [{"kind": "attributed", "span": [0, 10], "speaker": None, "source": "officials"},
                       {"kind": "attributed", "span": [20, 30], "speaker": "x"}]}

    def claim(start, end, speaker):
        return ClaimAnnotation(id=f"c{start}", start=start, end=end, text="x" * (end - start),
                               provenance=PROVENANCE, claim_kind="attributed", speaker=speaker)

    assert (unnamed(gold, [claim(0, 10, None)]).hits, unnamed(gold, [claim(0, 10, None)]).total) == (1, 1)
    assert unnamed(gold, [claim(0, 10, "x")]).hits == 0  # a speaker where gold has none is not found
    assert unnamed(gold, [claim(20, 30, None)]).hits == 0


def test_citations_of_the_body_are_not_scored_against_gold_that_records_only_notes():
    cite = {"span": [30, 35], "authors": "A", "year": "2000", "year_suffix": "", "locator": "", "prefix": "",
            "suffix": ""}
    gold = {"footnotes": [{"note": {"span": [25, 40]}, "citations": [cite]}]}
    scores, _ = citations(gold, [_citation(30, 35, None), _citation(2, 8, None), _citation(36, 39, None)])
    spans = scores[0]
    assert (spans.tp, spans.fp, spans.fn) == (1, 1, 0)  # the body's (2, 8) is left out, the note's (36, 39) is not


def test_pooled_reports_sum_their_counts_and_leave_them_untouched():
    a = Report(documents=2, scores=[Score(name="actor spans", tp=3, fp=1, fn=0)], rates=[Rate(name="r", hits=1, total=2)])
    b = Report(documents=1, scores=[Score(name="actor spans", tp=1, fp=0, fn=2)], rates=[Rate(name="r", hits=2, total=2)])
    both = pooled([a, b])
    assert both.documents == 3
    assert (both.score("actor spans").tp, both.score("actor spans").fp, both.score("actor spans").fn) == (4, 1, 2)
    assert (both.rate("r").hits, both.rate("r").total) == (3, 4)
    assert a.score("actor spans").tp == 3 and a.rate("r").hits == 1
