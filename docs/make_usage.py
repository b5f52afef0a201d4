"""Regenerate the command reference in README.md from the commands' --help.

    python docs/make_usage.py           # rewrite the usage blocks in README.md
    python docs/make_usage.py --check   # exit 1 if they are stale

tests/test_cli_docs.py fails when the README's blocks are stale.
"""

import sys
from pathlib import Path

from click.testing import CliRunner

from annotator.cli import main
from annotator.cli.main import COMMANDS

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- usage -->", "<!-- /usage -->"
PROG = "annotator"  # as installed; the group's own name is `main`


def usage() -> str:
    runner = CliRunner(env={"COLUMNS": "100"})
    parts = []
    for name in sorted(COMMANDS):
        parts.append(f"### {PROG} {name}\n\n```text\n{_help(runner, name)}\n```\n")
        group = main.get_command(None, name)
        for sub in sorted(getattr(group, "commands", {})):
            parts.append(f"#### {PROG} {name} {sub}\n\n```text\n{_help(runner, name, sub)}\n```\n")
    return "\n".join(parts)


def _help(runner: CliRunner, *command: str) -> str:
    result = runner.invoke(main, [*command, "--help"], prog_name=PROG, terminal_width=100)
    if result.exit_code != 0:
        raise RuntimeError(f"{PROG} {' '.join(command)} --help failed: {result.output}")
    return result.output.rstrip()


def with_usage(text: str) -> str:
    """`text` (the README) with its usage blocks regenerated."""
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1] if END in rest else ""
    return f"{head}{START}\n{usage()}\n{END}{tail}"


def main_(argv: list[str]) -> int:
    text = README.read_text(encoding="utf-8")
    fresh = with_usage(text)
    if "--check" in argv:
        if fresh != text:
            print(f"{README}: usage blocks are stale; run python docs/make_usage.py", file=sys.stderr)
            return 1
        return 0
    README.write_text(fresh, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main_(sys.argv[1:]))
