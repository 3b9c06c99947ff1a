"""Packages depend downward only, and no module imports itself back through others — lazy imports
inside functions included (DESIGN §1)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Highest first; a package may import only the packages after it.
LAYERS = ["app", "ui", "demo", "services", "store", "models", "core"]
# ui may hold a Database handle and show model constants, but never opens a session itself
# (checked separately below).


def _modules() -> dict[str, Path]:
    found = {}
    for package in LAYERS:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _imports(path: Path, modules: dict[str, Path]) -> set[str]:
    """Every project module ``path`` imports, wherever the import statement stands."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            while name and name not in modules:
                name = name.rpartition(".")[0]
            if name:
                out.add(name)
    return out


def _graph() -> dict[str, set[str]]:
    modules = _modules()
    return {name: _imports(path, modules) - {name} for name, path in modules.items()}


def test_packages_import_only_the_layers_below_them():
    wrong = []
    for module, targets in _graph().items():
        mine = LAYERS.index(module.split(".")[0])
        for target in targets:
            theirs = LAYERS.index(target.split(".")[0])
            if theirs < mine:
                wrong.append(f"{module} imports {target}")
    assert wrong == []


def test_no_module_imports_itself_back_through_others():
    graph = _graph()
    # A package's __init__ that imports its own modules is not a cycle of meaning; drop those edges.
    edges = {m: {t for t in ts if not (m == t.rpartition(".")[0] or t.startswith(m + "."))} for m, ts in graph.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    cycles: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    assert cycles == []


def test_services_models_store_and_core_never_import_qt():
    offenders = [m for m, ts in _graph().items() if m.split(".")[0] in ("services", "store", "models", "core", "demo")
                 and any("PySide6" in t for t in ts)]
    qt = []
    for package in ("services", "store", "models", "core", "demo"):
        for path in (ROOT / package).rglob("*.py"):
            if "PySide6" in path.read_text(encoding="utf-8"):
                qt.append(str(path.relative_to(ROOT)))
    assert offenders == [] and qt == []


def test_screens_never_open_a_session_or_write_sql():
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        for marker in ("UnitOfWork(", ".Session(", "engine.begin(", "engine.connect(", "db.read(", "import sqlalchemy",
                       "from sqlalchemy"):
            if marker in source:
                offenders.append(f"{path.relative_to(ROOT)}: {marker}")
    assert offenders == []


def test_no_button_passes_its_checked_flag_into_an_optional_argument():
    """``clicked``/``triggered``/``toggled`` carry a bool: a slot whose first argument is optional gets
    it as that argument (a "Count sheet…" button once handed False to a file path)."""
    offenders = []
    for path in (ROOT / "ui").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        methods: dict[str, ast.FunctionDef] = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef):
                        methods.setdefault(item.name, item)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "connect"
                    and isinstance(node.func.value, ast.Attribute)
                    and node.func.value.attr in ("clicked", "triggered", "toggled") and node.args):
                continue
            slot = node.args[0]
            if isinstance(slot, ast.Attribute) and isinstance(slot.value, ast.Name) and slot.value.id == "self":
                method = methods.get(slot.attr)
                if method is not None and len(method.args.args) > 1 and method.args.defaults:
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {slot.attr}")
    assert offenders == []
