"""Regenerate the command reference in README.md from the commands' --help.

    python docs/make_usage.py
"""

from pathlib import Path

from click.testing import CliRunner

from annotator.cli import main
from annotator.cli.main import COMMANDS

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- usage -->", "<!-- /usage -->"


def usage() -> str:
    runner = CliRunner(env={"COLUMNS": "100"})
    parts = []
    for name in sorted(COMMANDS):
        text = runner.invoke(main, [name, "--help"], terminal_width=100).output
        parts.append(f"### annotator {name}\n\n```text\n{text.rstrip()}\n```\n")
        group = main.get_command(None, name)
        for sub in sorted(getattr(group, "commands", {})):
            text = runner.invoke(main, [name, sub, "--help"], terminal_width=100).output
            parts.append(f"#### annotator {name} {sub}\n\n```text\n{text.rstrip()}\n```\n")
    return "\n".join(parts)


def main_() -> None:
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1] if END in rest else ""
    README.write_text(f"{head}{START}\n{usage()}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    main_()
