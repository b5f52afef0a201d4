"""`python -m annotator`: the `annotator` command, for when the script is not on PATH."""

from annotator.cli import main

if __name__ == "__main__":
    main(prog_name="annotator")
