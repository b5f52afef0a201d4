"""Commands: bib check, bib stub, link."""

from __future__ import annotations

from pathlib import Path

import click

from annotator.bib import check as bib_check

from .main import main, reports_errors, workspace

BIB_OPTION = click.option("--bib", "bib_paths", multiple=True, type=click.Path(exists=True, path_type=Path),
                          help="BibTeX files or folders to use instead of bib/ (repeatable).")


@main.group()
def bib() -> None:
    """Check the bibliography in bib/ against the citations, and write stubs."""


@bib.command("check")
@click.option("--strict", is_flag=True, help="Exit 1 when anything is reported.")
@BIB_OPTION
@click.pass_context
@reports_errors
def check(ctx: click.Context, strict: bool, bib_paths: tuple[Path, ...]) -> None:
    """Unresolved and ambiguous citations, uncited entries, duplicates, broken blocks.

    \b
    Examples:
      annotator bib check
      annotator bib check --strict --bib refs.bib
    """
    report = bib_check.check(workspace(ctx), list(bib_paths) or None)
    for line in report_lines(report):
        click.echo(line)
    summary = (f"{report.citations} citation(s): {len(report.unresolved)} unresolved, "
               f"{len(report.ambiguous)} ambiguous; {len(report.uncited)} entry(ies) cited by nothing; "
               f"{len(report.problems)} bibliography problem(s)")
    if report.clean:
        click.echo(summary)
    elif strict:
        click.echo(summary)
        raise click.ClickException("the bibliography needs attention (listed above)")
    else:  # a script reading only the exit code would take this for clean
        click.echo(f"{summary} (exit 0; --strict makes this an error)")


def report_lines(report: bib_check.BibReport) -> list[str]:
    lines = [f"{p}" for p in report.problems]
    for item in report.unresolved:
        c = item.citation
        lines.append(f"{item.doc}@{c.start}: unresolved citation '{c.text}' (note {c.number}): {c.link_reason}")
    for item in report.ambiguous:
        c = item.citation
        keys = ", ".join(x.key for x in c.candidates)
        lines.append(f"{item.doc}@{c.start}: ambiguous citation '{c.text}' (note {c.number}): candidates {keys}")
    lines += [f"{e.file}:{e.line}: entry '{e.key}' is cited by no document" for e in report.uncited]
    lines += [f"{b.file}:{b.line}: entry '{b.key}' looks like a duplicate of '{a.key}' ({a.file}:{a.line})"
              for a, b in report.probable_duplicates]
    return lines


@bib.command("stub")
@click.option("--out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="BibTeX file the stubs are appended to (created when missing).")
@BIB_OPTION
@click.pass_context
@reports_errors
def stub(ctx: click.Context, out: Path, bib_paths: tuple[Path, ...]) -> None:
    """Append BibTeX stubs (key, author, year; marked as stubs) for unresolved citations.

    Existing entries are never touched. Ambiguous citations get no stub:
    choose among their candidates instead.

    \b
    Example:
      annotator bib stub --out bib/stubs.bib
    """
    keys = bib_check.write_stubs(workspace(ctx), out, list(bib_paths) or None)
    click.echo(f"{len(keys)} stub(s) appended to {out}" + (f": {', '.join(keys)}" if keys else ""))


@main.command()
@BIB_OPTION
@click.pass_context
@reports_errors
def link(ctx: click.Context, bib_paths: tuple[Path, ...]) -> None:
    """Re-link stored citations to bib/ after the bibliography changed.

    Reviewed links are kept; cited claims get their sources again.
    """
    rows = bib_check.relink(workspace(ctx), list(bib_paths) or None)
    for row in rows:
        click.echo(f"{row.doc}: {row.linked}/{row.citations} citation(s) linked")
    if not rows:
        click.echo("no stored annotations: run `annotator tag` first")
