"""The one-way data flow, checked from the imports.

read → NLP → proposals → store ⇄ review → link to bib → index → cli.
A module may import its own layer, the layers to its left and the shared
base; never one to its right. Commands that do not tag must not load spaCy.
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "annotator"

LAYERS = [
    ("base", ["annotator", "annotator.models", "annotator.errors", "annotator.workspace"]),
    ("read", ["annotator.readers"]),
    ("citations", ["annotator.citations"]),
    ("nlp", ["annotator.nlp"]),
    ("tagging", ["annotator.tagging"]),
    ("store", ["annotator.store"]),
    ("review", ["annotator.review"]),
    ("link", ["annotator.bib"]),
    ("index", ["annotator.index"]),
    ("api", ["annotator.api", "annotator.evaluate"]),
    ("cli", ["annotator.cli", "annotator.__main__"]),  # `python -m annotator` runs the command group
]


def layer_of(module: str) -> int:
    """The layer of the longest package prefix that holds `module`."""
    best = None
    for rank, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            # The bare package name holds only its own __init__.
            if module == prefix or (prefix != "annotator" and module.startswith(prefix + ".")):
                if best is None or len(prefix) > best[1]:
                    best = (rank, len(prefix))
    assert best is not None, f"{module} is in no layer: add it to LAYERS"
    return best[0]


def modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def imports(name: str, path: Path):
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
                if node.module is None:
                    yield from (f"{target}.{a.name}" for a in node.names)
                    continue
            else:
                target = node.module or ""
            if target.startswith("annotator"):
                yield target
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("annotator"))


@pytest.mark.parametrize("name, path", list(modules()), ids=lambda v: str(v))
def test_no_backward_import(name, path):
    own = layer_of(name)
    for target in imports(name, path):
        if target == "annotator":
            continue
        assert layer_of(target) <= own, f"{name} imports {target}, which is to its right in the flow"


@pytest.mark.parametrize("command", ["review", "index", "status", "check", "export", "bib"])
def test_commands_that_do_not_tag_do_not_import_spacy(command):
    code = ("import sys; from annotator.cli import main\n"
            f"try:\n    main(['{command}', '--help'])\nexcept SystemExit:\n    pass\n"
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-500:]
