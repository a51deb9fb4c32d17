"""graphkit's own imports: no cycle, and no module takes another module's private names.

The imports are read from the source (``ast``), not run.  An import of a
submodule (``from graphkit import pipeline``, ``import graphkit.store``) is an
edge to that module; any other ``from X import name`` an edge to ``X``.  A name
is private when it starts with one underscore; a private *module* belongs to
its package, so modules of that package may import it (``graphkit.analysis``'s
modules use ``graphkit.analysis._fastbc``) and no one else may.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def modules(root: Path, package: str) -> dict[str, tuple[Path, bool]]:
    """``{dotted name: (file, is a package)}`` of every module of ``package`` under ``root``."""
    out = {}
    for f in sorted((root / package).rglob("*.py")):
        parts = f.relative_to(root).with_suffix("").parts
        is_pkg = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_pkg else parts)] = (f, is_pkg)
    return out


def _import_nodes(tree: ast.Module, module_level: bool):
    """The import statements of a module: all of them, or only those run when it is imported."""
    if not module_level:
        yield from (n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)))
        return

    def walk(body):
        for n in body:
            if isinstance(n, (ast.Import, ast.ImportFrom)):
                yield n
            elif isinstance(n, (ast.If, ast.Try, ast.With)):  # still run at import time
                for field in ("body", "orelse", "finalbody"):
                    yield from walk(getattr(n, field, []))
                for handler in getattr(n, "handlers", []):
                    yield from walk(handler.body)
    yield from walk(tree.body)


def imports(root: Path, package: str, module_level: bool):
    """``(importer, target module, imported names)`` of every import of a module of ``package``."""
    mods = modules(root, package)
    for name, (path, is_pkg) in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in _import_nodes(tree, module_level):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield name, alias.name, []
                continue
            target = node.module or ""
            if node.level:
                base = name.split(".") if is_pkg else name.split(".")[:-1]
                base = base[:len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            yield name, target, [alias.name for alias in node.names]


def import_graph(root: Path, package: str, module_level: bool) -> dict[str, set[str]]:
    mods = modules(root, package)
    edges: dict[str, set[str]] = {m: set() for m in mods}
    for importer, target, names in imports(root, package, module_level):
        subs = [f"{target}.{n}" for n in names if f"{target}.{n}" in mods]
        if subs:
            edges[importer].update(subs)
        if target in mods and (not names or len(subs) < len(names)):  # names of the module itself
            edges[importer].add(target)
    return edges


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """One import cycle (``[a, b, ..., a]``), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(v: str) -> list[str] | None:
        state[v] = 1
        path.append(v)
        for w in sorted(edges.get(v, ())):
            if state.get(w) == 1:
                return path[path.index(w):] + [w]
            if w not in state:
                found = visit(w)
                if found:
                    return found
        path.pop()
        state[v] = 2
        return None

    for v in sorted(edges):
        if v not in state:
            found = visit(v)
            if found:
                return found
    return None


def private_imports(root: Path, package: str) -> list[str]:
    """Every import (wherever it stands) of a private name the importer does not own."""
    mods = modules(root, package)
    bad = []

    def owned_by(importer: str, owner: str) -> bool:
        return importer == owner or importer.startswith(owner + ".")

    for importer, target, names in imports(root, package, module_level=False):
        if not target.startswith(package):
            continue
        parts = target.split(".")
        for i, part in enumerate(parts):
            if _private(part) and not owned_by(importer, ".".join(parts[:i])):
                bad.append(f"{importer} imports from {target}, private to {'.'.join(parts[:i])}")
        for n in names:
            if not _private(n):
                continue
            if f"{target}.{n}" in mods:  # a private module: its package's own
                if not owned_by(importer, target):
                    bad.append(f"{importer} imports {target}.{n}, private to {target}")
            elif importer != target:
                bad.append(f"{importer} imports {n} from {target}")
    return bad


@pytest.mark.parametrize("module_level", [True, False], ids=["module level", "also inside functions"])
def test_graphkit_has_no_import_cycle(module_level):
    edges = import_graph(ROOT, "graphkit", module_level)
    assert len(edges) > 50  # the walk found the package
    assert find_cycle(edges) is None


def test_no_graphkit_module_imports_another_modules_private_names():
    assert private_imports(ROOT, "graphkit") == []


def test_the_checks_find_a_planted_cycle_and_private_imports(tmp_path):
    pkg = tmp_path / "pkg"
    (pkg / "sub").mkdir(parents=True)
    files = {
        "__init__.py": "",
        "a.py": "from pkg.b import helper\n",
        "b.py": "def helper():\n    from pkg import c\n",         # a cycle only through a function
        "c.py": "from . import a\nfrom pkg.a import _secret\n",   # a private name of another module
        "d.py": "import pkg.sub._inner\n",                         # a private module of another package
        "sub/__init__.py": "from . import _inner\n",               # its own private module: fine
        "sub/_inner.py": "",
    }
    for name, text in files.items():
        (pkg / name).write_text(text, encoding="utf-8")
    assert find_cycle(import_graph(tmp_path, "pkg", module_level=True)) is None
    assert find_cycle(import_graph(tmp_path, "pkg", module_level=False)) == ["pkg.a", "pkg.b", "pkg.c", "pkg.a"]
    assert private_imports(tmp_path, "pkg") == ["pkg.c imports _secret from pkg.a",
                                                "pkg.d imports from pkg.sub._inner, private to pkg.sub"]
