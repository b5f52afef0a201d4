"""`python -m annotator` is the `annotator` command."""

from __future__ import annotations

import subprocess
import sys

from annotator import __version__


def run_module(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "annotator", *args], capture_output=True, text=True)


def test_python_m_annotator_help():
    result = run_module("--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Usage: annotator [OPTIONS] COMMAND [ARGS]...\n")
    assert "  review " in result.stdout and "  tag " in result.stdout


def test_python_m_annotator_version_and_errors_name_annotator():
    assert run_module("--version").stdout == f"annotator, version {__version__}\n"
    result = run_module("nonsense")
    assert result.returncode == 2
    assert "Try 'annotator --help' for help." in result.stderr
