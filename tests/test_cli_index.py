"""`annotator index` picks its outputs through `index.output`, which a Python caller can use alike."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from annotator.cli import main
from annotator.index.model import Index
from annotator.index.output import outputs

ROOT = Path(__file__).resolve().parent.parent  # the repository is a workspace: the worked example
EMPTY = Index(style="chicago-author-date")


def test_outputs_name_one_csv_file_per_view():
    got = outputs(EMPTY, "csv", "all", Path("out/index.csv"))
    assert list(got) == [Path(f"out/index-{v}.csv") for v in ("claims", "sources", "actors", "problems")]
    assert list(outputs(EMPTY, "csv", "actors", Path("a.csv"))) == [Path("a.csv")]
    assert list(outputs(EMPTY, "md")) == [None]


def test_outputs_refuse_all_csv_views_on_one_stream():
    with pytest.raises(ValueError, match="CSV holds one table"):
        outputs(EMPTY, "csv")


def test_index_csv_one_view_to_stdout():
    result = CliRunner().invoke(main, ["--root", str(ROOT), "index", "--format", "csv", "--view", "actors"])
    assert result.exit_code == 0, result.output
    header, *rows = result.output.splitlines()
    assert header.startswith("actor,") and len(rows) > 10
