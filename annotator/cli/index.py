"""`annotator index`: the claim-to-source index as Markdown, CSV, JSON or HTML."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.export import write_text
from annotator.index.build import build_index, unindexed
from annotator.index.model import VIEWS
from annotator.index.output import FORMATS, outputs

from .main import main, reports_errors, workspace


@main.command()
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="md", show_default=True)
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), help="Write here instead of stdout.")
@click.option("--include-proposed", is_flag=True, help="Also index proposals nobody has reviewed yet.")
@click.option("--style", default=None, metavar="NAME|FILE.csl",
              help="Citation style for references: chicago-author-date (default), apa, "
                   "modern-language-association, harvard-cite-them-right, or a .csl file.")
@click.option("--view", type=click.Choice([*VIEWS, "all"]), default="all", show_default=True)
@click.pass_context
@reports_errors
def index(ctx: click.Context, fmt: str, out: Path | None, include_proposed: bool, style: str | None,
          view: str) -> None:
    """Which claims rest on which sources, who says what, and what is unresolved.

    \b
    Accepted and edited annotations by default. CSV holds one table: pick a
    --view, or give --out and get one file per view (index-claims.csv, ...).
    """
    if fmt == "csv" and view == "all" and out is None:
        raise click.UsageError("CSV holds one table: choose --view, or give --out to write one file per view")
    result = build_index(workspace(ctx), include_proposed=include_proposed, style=style)
    for path, text in outputs(result, fmt, view, out).items():
        _write(path, text)
    if left_out := unindexed(result):  # the page is written, but it is not the whole workspace
        raise click.ClickException(f"left out of the index: {'; '.join(p.message for p in left_out)}")


def _write(path: Path | None, text: str) -> None:
    if path is None:
        click.echo(text, nl=False)
        return
    write_text(path, text)
    click.echo(f"wrote {path}", err=True)
