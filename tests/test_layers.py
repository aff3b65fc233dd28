"""Imports flow one way: model -> sql -> components -> plan -> compile -> warehouses -> airflow/cli.

Every import in the package, lazy ones inside functions included, is read from the source and checked
against the layer order; a module may import its own layer and the layers below, never one above.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "provider" / "wareflow"
# top-level module or package of wareflow -> its layer (higher may import lower)
LAYERS = {
    "errors": 0,
    "model": 1,
    "sql": 2,
    "components": 3,
    "catalog": 4, "plan": 4, "render": 4,
    "compile": 5,
    "warehouses": 6,
    "runner": 7,
    "airflow": 8, "cli": 8,
}


def _layer_of(module: str) -> str:
    """``wareflow.sql.dialects.base`` -> ``sql``; ``wareflow`` itself -> ``""``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return [(line, name) for line, name in found if name == "wareflow" or name.startswith("wareflow.")]


FILES = sorted(p for p in PACKAGE.rglob("*.py") if p.name != "__init__.py" or p.parent != PACKAGE)


def test_every_top_level_module_has_a_layer():
    tops = {p.stem if p.parent == PACKAGE else p.relative_to(PACKAGE).parts[0] for p in FILES}
    assert tops == set(LAYERS)


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(PACKAGE)) for p in FILES])
def test_no_import_runs_back_up_the_layers(path: Path):
    own = path.stem if path.parent == PACKAGE else path.relative_to(PACKAGE).parts[0]
    upward = [f"line {line}: {name}" for line, name in _imports(path)
              if _layer_of(name) and LAYERS[_layer_of(name)] > LAYERS[own]]
    assert not upward, f"{path.relative_to(PACKAGE)} ({own}) imports from above: {upward}"
