"""The layout stays what the README says: layered imports, independent stages, no import
cycle, short functions (or a comment saying why not)."""
from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "extractor"
MAX_FUNCTION_LINES = 60


def test_import_contracts_hold():
    from importlinter.cli import lint_imports
    sys.path.insert(0, str(REPO))
    assert lint_imports(config_filename=str(REPO / "pyproject.toml")) == 0


def test_every_stage_is_in_the_independence_contract():
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    (contract,) = [c for c in config["tool"]["importlinter"]["contracts"]
                   if c["type"] == "independence"]
    stages = {f"extractor.stages.{p.stem}" for p in (PACKAGE / "stages").glob("*.py")
              if p.stem != "__init__"}
    assert stages == set(contract["modules"])


def test_every_stage_module_is_in_the_stage_table():
    from extractor.pipeline import STAGES
    stages = {p.stem for p in (PACKAGE / "stages").glob("*.py") if p.stem != "__init__"}
    assert stages == {s.run.__module__.rsplit(".", 1)[1] for s in STAGES}


def _imports(path: Path, module: str) -> set[str]:
    """Modules of the package that ``path`` imports (every import, lazy ones too)."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("extractor")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("extractor"):
                out.add(target)
                out |= {f"{target}.{a.name}" for a in node.names}
    return out


def test_no_import_cycle():
    modules = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    graph = {}
    for name, path in modules.items():
        deps = set()
        for target in _imports(path, name):
            while target and target not in modules:
                target = target.rpartition(".")[0]
            # a package's __init__ naming its own submodules is not a cycle
            if target and target != name and not name.startswith(target + ".") \
                    and not (path.name == "__init__.py" and target.startswith(name + ".")):
                deps.add(target)
        graph[name] = deps
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(node: str, stack: list[str]) -> bool:
        state[node] = 1
        for dep in graph.get(node, ()):
            if state.get(dep) == 1:
                cycle.extend(stack[stack.index(dep):] + [dep] if dep in stack else [node, dep])
                return True
            if dep not in state and visit(dep, stack + [dep]):
                return True
        state[node] = 2
        return False

    for node in sorted(graph):
        if node not in state and visit(node, [node]):
            break
    assert not cycle, " → ".join(cycle)


def test_long_functions_say_why():
    long_without_reason = []
    for path in PACKAGE.rglob("*.py"):
        lines = path.read_text(encoding="utf-8").splitlines()
        for node in ast.walk(ast.parse("\n".join(lines))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                body = lines[node.lineno - 1:node.end_lineno]
                if length > MAX_FUNCTION_LINES and not any("Long on purpose" in b for b in body):
                    long_without_reason.append(f"{path.relative_to(REPO)}:{node.name} ({length})")
    assert long_without_reason == []
