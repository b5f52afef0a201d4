"""The `annotator` command group. The only place that prints or exits.

Each command parses options, calls one library function and renders what
it returns. Library errors (`AnnotatorError`) become one-line messages and
exit 1 here and nowhere else.
"""

from __future__ import annotations

import functools
import importlib
from pathlib import Path

import click

from annotator import __version__
from annotator.errors import AnnotatorError
from annotator.workspace import Workspace, open_workspace

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


# Which module defines each command. Modules are imported only when their
# command runs (or for the command list), so `annotator review` does not pay
# for the imports of `bib` or `index` and opens at once.
COMMANDS = {
    "bib": "bib", "check": "core", "eval": "core", "export": "core", "index": "index", "init": "core",
    "link": "bib", "review": "review", "schema": "core", "show": "core", "status": "review", "tag": "core",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in COMMANDS and name not in self.commands:
            # Importing the module runs its @main.command() decorators.
            importlib.import_module(f"{__package__}.{COMMANDS[name]}")
        return super().get_command(ctx, name)


@click.group(cls=LazyGroup, context_settings=CONTEXT)
@click.version_option(__version__, prog_name="annotator")
@click.option("--root", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="The workspace: a folder holding corpus/, annotations/ and bib/.")
@click.pass_context
def main(ctx: click.Context, root: Path) -> None:
    """Find who claims what on which evidence in footnoted texts.

    \b
    A workspace holds corpus/ (source texts), annotations/ (reviewed JSON)
    and bib/ (BibTeX). Typical session:
      annotator tag                 # propose annotations for corpus/
      annotator review              # accept, reject, edit with single keys
      annotator index --format html --out index.html
    """
    ctx.obj = root


def workspace(ctx: click.Context) -> Workspace:
    return open_workspace(ctx.find_root().obj or ".")


def reports_errors(func):
    """Turn library errors into a one-line message and exit 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except AnnotatorError as err:
            raise click.ClickException(str(err)) from None

    return wrapper
