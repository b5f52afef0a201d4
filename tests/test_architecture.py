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
    ("api", ["annotator.api", "annotator.export", "annotator.evaluate", "annotator.gold"]),
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


MODULES = dict(modules())


def imports(name: str, path: Path):
    """The annotator modules `name` imports, at module level or inside a
    function; `from p import m` names the module p.m when there is one."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("annotator"):
                for alias in node.names:
                    inner = f"{target}.{alias.name}"
                    yield inner if inner in MODULES else target
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("annotator"))


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module, or of one that
    imports itself (Tarjan's algorithm): each is an import circle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1 or node in graph.get(node, ()):
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


@pytest.mark.parametrize("name, path", list(modules()), ids=lambda v: str(v))
def test_no_backward_import(name, path):
    own = layer_of(name)
    for target in imports(name, path):
        if target == "annotator":
            continue
        assert layer_of(target) <= own, f"{name} imports {target}, which is to its right in the flow"


def test_no_import_circle():
    # A function-level import counts too: it hides a circle, it does not break it.
    graph = {name: set(imports(name, path)) & MODULES.keys() for name, path in MODULES.items()}
    found = circles(graph)
    assert not found, "import circles: " + "; ".join(" <-> ".join(group) for group in found)


def test_circles_are_found_through_function_level_imports(tmp_path):
    first = tmp_path / "first.py"
    first.write_text("import annotator.models\n\ndef run():\n    from annotator.second import go\n")
    graph = {"annotator.first": set(imports("annotator.first", first)), "annotator.second": {"annotator.first"},
             "annotator.models": set()}
    assert circles(graph) == [["annotator.first", "annotator.second"]]


@pytest.mark.parametrize("name, path", [(n, p) for n, p in MODULES.items() if n.startswith("annotator.nlp.actors")],
                         ids=lambda v: str(v))
def test_actors_never_import_claims(name, path):
    # Claims are built on actors (a speaker is an actor), so the arrow goes one way.
    for target in imports(name, path):
        assert not target.startswith("annotator.nlp.claims"), f"{name} imports {target}"


@pytest.mark.parametrize("command", ["review", "index", "status", "check", "export", "bib"])
def test_commands_that_do_not_tag_do_not_import_spacy(command):
    code = ("import sys; from annotator.cli import main\n"
            f"try:\n    main(['{command}', '--help'])\nexcept SystemExit:\n    pass\n"
            "assert 'spacy' not in sys.modules, 'spacy imported'")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-500:]
