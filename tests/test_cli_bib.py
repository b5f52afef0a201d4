"""`annotator bib check` on the command line: what it reports and its exit code."""

from __future__ import annotations

from click.testing import CliRunner

from annotator.cli import main

TEXT = "Russia said no.[^1] China agreed.[^2]\n\n[^1]: Smith 2020, 4.\n[^2]: Jones 2019, 7.\n"
BIB = "@book{jones2019, author={Jones, Anna}, year={2019}, title={Agreements}}\n"


def workspace(tmp_path, bib: str = BIB):
    for name in ("corpus", "annotations", "bib"):
        (tmp_path / name).mkdir()
    (tmp_path / "corpus" / "news.md").write_text(TEXT, encoding="utf-8")
    (tmp_path / "bib" / "refs.bib").write_text(bib, encoding="utf-8")
    return tmp_path


def bib_check(root, *args):
    return CliRunner().invoke(main, ["--root", str(root), "bib", "check", *args])


def test_unresolved_citations_exit_0_and_the_summary_says_so(tmp_path):
    result = bib_check(workspace(tmp_path))
    assert result.exit_code == 0, result.output
    assert "unresolved citation 'Smith 2020, 4' (note 1)" in result.output
    assert result.output.endswith("2 citation(s): 1 unresolved, 0 ambiguous; 0 entry(ies) cited by nothing; "
                                  "0 bibliography problem(s) (exit 0; --strict makes this an error)\n")


def test_strict_makes_them_an_error(tmp_path):
    result = bib_check(workspace(tmp_path), "--strict")
    assert result.exit_code == 1
    assert result.output.endswith("0 bibliography problem(s)\nError: the bibliography needs attention (listed above)\n")


def test_clean_check_says_nothing_about_exit_codes(tmp_path):
    bib = BIB + "@book{smith2020, author={Smith, John}, year={2020}, title={Refusals}}\n"
    result = bib_check(workspace(tmp_path, bib))
    assert result.exit_code == 0, result.output
    assert result.output == ("2 citation(s): 0 unresolved, 0 ambiguous; 0 entry(ies) cited by nothing; "
                             "0 bibliography problem(s)\n")
