"""The claim-to-source index: golden files for every format, escaping, order.

Golden files live in tests/data/index_golden/; regenerate them only with
`UPDATE_GOLDEN=1 pytest tests/test_index.py` and read the diff before
committing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers.index import BIB, DOC, NEWS, make_workspace

from annotator.cli import main
from annotator.index.build import assemble, build_index, load_documents
from annotator.index.csl import StyleError, format_references
from annotator.index.html import render_html
from annotator.index.model import ClaimRow
from annotator.index.text import render_csv, render_json, render_markdown
from annotator.store import store
from annotator.workspace import Workspace

GOLDEN = Path(__file__).resolve().parent / "data" / "index_golden"


@pytest.fixture(scope="module")
def ws(tmp_path_factory) -> Workspace:
    return make_workspace(tmp_path_factory.mktemp("index_ws"))


@pytest.fixture(scope="module")
def index(ws):
    return build_index(ws)


def normalise(text: str) -> str:
    """Nothing volatile is written today; strip a version stamp should one appear."""
    return re.sub(r"annotator \d+\.\d+\.\d+\S*", "annotator X.Y.Z", text)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    text = normalise(text)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run UPDATE_GOLDEN=1 pytest {__file__}"
    assert text == path.read_text(encoding="utf-8"), f"{name} differs from the golden file"


# --- golden files ---------------------------------------------------------------


def test_markdown_golden(index):
    check_golden("index.md", render_markdown(index))


def test_markdown_with_proposals_golden(ws):
    check_golden("index-proposed.md", render_markdown(build_index(ws, include_proposed=True)))


def test_json_golden(index):
    check_golden("index.json", render_json(index))


@pytest.mark.parametrize("view", ["claims", "sources", "actors", "problems"])
def test_csv_golden(index, view):
    check_golden(f"index-{view}.csv", render_csv(index, view))


def test_html_golden(index):
    check_golden("index.html", render_html(index))


def test_cli_writes_every_format(ws, tmp_path):
    runner = CliRunner()
    for fmt in ("md", "json", "html"):
        out = tmp_path / f"index.{fmt}"
        result = runner.invoke(main, ["--root", str(ws.root), "index", "--format", fmt, "--out", str(out)])
        assert result.exit_code == 0, result.output
        assert out.read_text(encoding="utf-8") == (GOLDEN / f"index.{fmt}").read_text(encoding="utf-8")
    result = runner.invoke(main, ["--root", str(ws.root), "index", "--format", "csv", "--out", str(tmp_path / "i.csv")])
    assert result.exit_code == 0, result.output
    for view in ("claims", "sources", "actors", "problems"):
        golden = (GOLDEN / f"index-{view}.csv").read_text(encoding="utf-8")
        assert (tmp_path / f"i-{view}.csv").read_text(encoding="utf-8") == golden


def test_cli_csv_to_stdout_needs_one_view(ws):
    runner = CliRunner()
    result = runner.invoke(main, ["--root", str(ws.root), "index", "--format", "csv"])
    assert result.exit_code == 2
    assert "CSV holds one table" in result.output
    result = runner.invoke(main, ["--root", str(ws.root), "index", "--format", "csv", "--view", "sources"])
    assert result.exit_code == 0
    assert result.output.splitlines()[0].startswith("source,type,reference")


def test_cli_unknown_style_is_one_line_error(ws, tmp_path):
    result = CliRunner().invoke(main, ["--root", str(ws.root), "index", "--style", "no-such-style"])
    assert result.exit_code == 1
    assert "unknown citation style 'no-such-style'" in result.output
    broken = tmp_path / "broken.csl"
    broken.write_text("<style", encoding="utf-8")
    result = CliRunner().invoke(main, ["--root", str(ws.root), "index", "--style", str(broken)])
    assert result.exit_code == 1
    assert f"Error: {broken}: not a usable CSL style" in result.output


def test_cli_style_and_proposals(ws):
    args = ["--root", str(ws.root), "index", "--format", "csv", "--view", "claims", "--style", "apa"]
    result = CliRunner().invoke(main, [*args, "--include-proposed"])
    assert result.exit_code == 0, result.output
    assert "Crawford, N. C. (2021)." in result.output and "Moscow opposed any intervention." in result.output


def test_empty_workspace(tmp_path):
    for folder in ("corpus", "annotations"):
        (tmp_path / folder).mkdir()
    result = build_index(Workspace(tmp_path))
    assert (result.claims, result.sources, result.problems) == ([], [], [])
    assert "None." in render_markdown(result) and "No claims." in render_html(result)


# --- content ---------------------------------------------------------------------


def test_claims_link_through_notes_to_formatted_references(index):
    claim = next(c for c in index.claims if c.text.startswith("more than 2 trillion"))
    assert (claim.document, claim.line, claim.kind) == (DOC, 2, "cited")
    [source] = claim.sources
    assert (source.key, source.locator) == ("crawford2021", "14–15")
    assert source.reference == "Crawford, Neta C. 2021. The Pentagon, Climate Change, and War. MIT Press."
    deaths = next(c for c in index.claims if c.text.startswith("more than 220,000"))
    assert [(s.key, s.status, s.label) for s in deaths.sources] == [
        ("crawford2019", "resolved", ""), (None, "unresolved", "Smith 2020")]


def test_attributed_claims_keep_speaker_and_channel(index):
    claim = next(c for c in index.claims if c.text == "Kazakhstan will not interfere")
    assert (claim.speaker, claim.channel, claim.actors) == ("tokayev", "kazinform", ["kazakhstan"])
    tokayev = next(a for a in index.actors if a.canonical == "tokayev")
    assert [c.text for c in tokayev.speaker_of] == ["Kazakhstan will not interfere"]
    kazakhstan = next(a for a in index.actors if a.canonical == "kazakhstan")
    assert [c.text for c in kazakhstan.mentioned_in] == ["Kazakhstan will not interfere"]


def test_reviewed_only_by_default_and_proposals_on_request(ws, index):
    texts = {c.text for c in index.claims}
    assert "Moscow opposed any intervention." not in texts
    assert "russia" not in {a.canonical for a in index.actors}
    assert "background" not in {a.canonical for a in index.actors}  # rejected stays out
    wider = build_index(ws, include_proposed=True)
    claim = next(c for c in wider.claims if c.text == "Moscow opposed any intervention.")
    assert claim.status == "proposed" and claim.sources[0].status == "ambiguous"
    assert "background" not in {a.canonical for a in wider.actors}


def test_sources_view_lists_uncited_entries(index):
    assert [s.key for s in index.uncited()] == ["cooley2012", "evil2020", "tass2021a", "tass2021b"]
    crawford = next(s for s in index.sources if s.key == "crawford2021")
    assert [(c.document, c.locator) for c in crawford.claims] == [(DOC, "14–15")]


def test_problems_cover_citations_orphans_and_pending(index):
    kinds = {(p.kind, p.document) for p in index.problems}
    assert {("unresolved", DOC), ("ambiguous", DOC), ("orphan", DOC), ("pending", DOC)} <= kinds
    ambiguous = next(p for p in index.problems if p.kind == "ambiguous")
    assert "cooley2012 (0.80), cooley2012b (0.80)" in ambiguous.message and ambiguous.line == 4
    assert any(p.kind == "no-source" for p in index.problems) is False  # every cited claim has one


def test_missing_source_and_broken_file_become_problems(tmp_path):
    ws = make_workspace(tmp_path)
    (ws.corpus / NEWS).unlink()
    (ws.annotations / "broken.json").write_text("{", encoding="utf-8")
    result = build_index(ws)
    assert {p.kind for p in result.problems} >= {"source", "store"}
    news_claims = [c for c in result.claims if c.document == NEWS]
    assert news_claims and all(c.line is None for c in news_claims)
    assert "not available" in render_html(result)


# --- escaping and order ------------------------------------------------------------


def test_html_escapes_all_document_and_bibliography_text(index):
    page = render_html(index)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; friends" in page
    assert "Why &lt;script&gt;alert(1)&lt;/script&gt; Is Text" in page
    assert page.count("<script>") == 1  # the page's own script only
    assert "http://" not in page.replace("http://purl", "") and "https://" not in page  # works offline


def test_markdown_escapes_markup(index):
    text = render_markdown(index)
    assert "\\<script\\>alert('x')\\</script\\>" in text


def test_output_does_not_depend_on_input_order(ws):
    docs, problems = load_documents(ws)
    from annotator.bib.bibtex import load_bib
    entries = load_bib(ws.bib_files()).entries
    first = assemble(docs, entries)
    shuffled = [d.__class__(d.afile.model_copy(update={"annotations": random.Random(7).sample(
        d.afile.annotations, len(d.afile.annotations))}), d.text) for d in reversed(docs)]
    second = assemble(shuffled, list(reversed(entries)))
    assert render_json(first) == render_json(second)
    assert render_html(first) == render_html(second)
    assert render_markdown(first) == render_markdown(second)


def test_csv_is_well_formed(index):
    rows = list(csv.reader(io.StringIO(render_csv(index, "claims"))))
    assert rows[0][:3] == ["claim", "document", "line"]
    assert all(len(r) == len(rows[0]) for r in rows)
    assert any(r[rows[0].index("status")] == "no source" for r in rows[1:])


def test_json_round_trips_and_holds_no_document_text(index):
    data = json.loads(render_json(index, ["claims"]))
    assert set(data) == {"style", "include_proposed", "documents", "claims"}
    assert "text" not in data["documents"][0] and "before" not in data["claims"][0]


# --- styles ------------------------------------------------------------------------


def test_same_author_and_year_get_year_suffixes(index):
    refs = {s.key: s.reference for s in index.sources}
    assert (refs["tass2021a"], refs["tass2021b"]) == ("TASS. 2021a.", "TASS. 2021b.")
    assert refs["crawford2021"].startswith("Crawford, Neta C. 2021.")  # alone in its year: no letter


def test_styles_by_name_and_file(index, ws):
    from annotator.bib.bibtex import load_bib
    entries = load_bib(ws.bib_files()).entries
    apa = format_references(entries, "apa")["crawford2021"]
    assert apa.startswith("Crawford, N. C. (2021).")
    harvard = format_references(entries, "harvard-cite-them-right")["crawford2021"]
    assert harvard.startswith("Crawford, N.C. (2021)")
    path = Path(__file__).resolve().parents[1] / "annotator" / "data" / "csl" / "apa.csl"
    assert format_references(entries, str(path))["crawford2021"] == apa
    with pytest.raises(StyleError, match="unknown citation style"):
        format_references(entries, "nope")
    with pytest.raises(StyleError, match="no such CSL style file"):
        format_references(entries, "missing/style.csl")


@pytest.mark.parametrize("entry_cost", [0, 3])  # 0: a document goes to the worker; 3: only references do
def test_worker_processes_give_the_same_index(ws, monkeypatch, entry_cost):
    from annotator.index import work as index_work

    serial = build_index(ws, workers=1)
    monkeypatch.setattr(index_work, "ENTRY_COST", entry_cost)
    parallel = build_index(ws, workers=2)
    assert render_json(parallel) == render_json(serial)
    assert render_html(parallel) == render_html(serial)
    assert render_markdown(parallel) == render_markdown(serial)


# --- pieces ------------------------------------------------------------------------


def test_bib_entries_become_csl_json():
    from annotator.bib.bibtex import parse_bibtex
    from annotator.index.csl_json import to_csl

    bib = parse_bibtex(r"""
@incollection{c, author = {{United Nations Office on Drugs and Crime} and van der Berg, Anna},
  editor = {Ed, Ited}, title = {A {UN} Chapter}, booktitle = {The Book}, pages = {10--20},
  publisher = {P}, address = {Vienna}, year = {2021}, month = nov}
@phdthesis{t, author = {Stu, Dent}, title = {T}, school = {Uni}, year = {2015}}
@misc{m, author = {Broll}, year = {2013}, keywords = {stub}}
@online{o, author = {{RFE/RL}}, title = {News}, url = {https://example.org}, date = {2021-08-30}}
""")
    items = {e.key: to_csl(e, e.key) for e in bib.entries}
    c = items["c"]
    assert c["type"] == "chapter" and c["container-title"] == "The Book" and c["page"] == "10–20"
    assert c["author"] == [{"literal": "United Nations Office on Drugs and Crime"},
                           {"family": "Berg", "given": "Anna", "non-dropping-particle": "van der"}]
    assert c["editor"] == [{"family": "Ed", "given": "Ited"}]
    assert c["issued"] == {"date-parts": [[2021, 11]]} and c["title"] == "A UN Chapter"
    assert items["t"]["type"] == "thesis" and items["t"]["publisher"] == "Uni" and items["t"]["genre"] == "PhD diss."
    assert items["m"]["type"] == "document" and items["m"]["author"] == [{"literal": "Broll"}]
    assert items["o"]["issued"] == {"date-parts": [[2021, 8, 30]]} and items["o"]["type"] == "webpage"


def test_overlapping_claims_are_all_highlighted():
    from annotator.index.html_docs import highlighted

    class Ids:
        def card(self, claim_id):
            return f"c-{claim_id}"

        def context(self, claim_id):
            return f"x-{claim_id}"

    def row(claim_id, start, end):
        return ClaimRow(claim_id, "d", start, end, 1, "cited", "accepted", "")

    out = highlighted("a <b> c d", [row("1", 0, 5), row("2", 2, 9)], Ids())
    assert out == ('<span id="x-1" data-claim="c-1"></span><mark data-c="c-1">a </mark>'
                   '<span id="x-2" data-claim="c-2"></span><mark data-c="c-1 c-2">&lt;b&gt;</mark>'
                   '<mark data-c="c-2"> c d</mark>')


def test_memoised_citeproc_renders_as_the_original():
    """The speed-up caches look-ups on the style tree; check it against plain citeproc-py."""
    import subprocess
    import sys

    code = ("import json, sys, annotator.index.csl as c\n"
            "from annotator.bib.bibtex import parse_bibtex\n"
            "if sys.argv[1] == 'plain': c._speed_up_citeproc = lambda: None\n"
            "b = parse_bibtex(sys.stdin.read())\n"
            "print(json.dumps([c.format_references(b.entries, s) for s in ('chicago-author-date', 'apa')]))\n")
    outputs = [subprocess.run([sys.executable, "-c", code, mode], input=BIB, capture_output=True, text=True,
                              check=True).stdout for mode in ("plain", "fast")]
    assert outputs[0] == outputs[1] and "Crawford" in outputs[0]


def test_a_claim_of_an_unnamed_source_is_shown_and_counted_in_every_format(tmp_path):
    # An analyst wants to see how much of a story rests on "officials said".
    ws = make_workspace(tmp_path / "ws")
    path = ws.annotation_path(NEWS)
    afile = store.load(path)
    claim = next(a for a in afile.annotations if a.kind == "claim" and a.speaker == "mirziyoyev")
    afile.annotations = [a if a is not claim else a.model_copy(update={"speaker": None, "source": "officials"})
                         for a in afile.annotations]
    store.save(path, afile)
    index = build_index(ws)
    row = next(r for r in index.claims if r.unnamed)
    assert (row.unnamed, row.speaker, row.text) == ("officials", None, "Uzbekistan has closed its border")
    md = render_markdown(index, ["claims"])
    assert "(1 from unnamed sources)" in md and "· unnamed source officials" in md
    assert "unnamed source <b>officials</b>" in render_html(index, ["claims"])
    assert "1 from unnamed sources" in render_html(index, ["claims"])
    table = list(csv.DictReader(io.StringIO(render_csv(index, "claims"))))
    assert [r["unnamed_source"] for r in table if r["text"] == row.text] == ["officials"]
    assert json.loads(render_json(index, ["claims"]))["claims"][-1]["unnamed"] == "officials"
