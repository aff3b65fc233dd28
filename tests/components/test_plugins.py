"""Components are found through the `wareflow.components` entry point group, the built-ins like any
plugin's: a plugin is one module file plus its distribution's entry point, and a broken or clashing
plugin never takes the built-ins down. Each case runs in a fresh interpreter (the catalog loads once)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

PLUGIN = '''
from wareflow.components import Component, Param, component
from wareflow.components.library._sql import passthrough


@component("acme.keeppositive", title="Keep positive", category="Acme")
class KeepPositive(Component):
    """Rows whose column is > 0."""

    preserves_order = True
    column = Param.column(parent="source")

    def build(self, ctx, source):
        from sqlglot import exp

        return passthrough(source, exp.GT(this=source.col(self.column), expression=exp.Literal.number(0)))
'''


def install_plugin(root: Path, name: str, module_text: str) -> None:
    """A distribution `name` on `root` whose entry point names its one module: what pip would lay out."""
    (root / f"{name}.py").write_text(textwrap.dedent(module_text), encoding="utf-8")
    dist = root / f"{name}-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[wareflow.components]\n{name} = {name}\n", encoding="utf-8")


def catalog_in_fresh_process(root: Path) -> tuple[dict[str, dict], str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(root), os.environ.get("PYTHONPATH", "")])}
    code = ("import json, logging; logging.basicConfig(level=logging.WARNING)\n"
            "from wareflow.components import catalog\n"
            "print(json.dumps({k: v.__module__ for k, v in catalog().items()}))")
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout), done.stderr


def test_a_plugin_component_is_one_module_found_through_the_entry_point(tmp_path: Path):
    install_plugin(tmp_path, "acme_components", PLUGIN)
    found, _ = catalog_in_fresh_process(tmp_path)
    assert found["acme.keeppositive"] == "acme_components"
    assert found["native.buffer"] == "wareflow.components.library.buffer"  # the built-ins, the same way
    workflow = {"nodes": [
        {"id": "s", "type": "source", "data": {"name": "ReadTable", "inputs": [{"name": "source", "value": "a.b"}],
                                              "schema": [{"name": "x", "type": "number"}]}},
        {"id": "k", "data": {"name": "acme.keeppositive", "inputs": [{"name": "column", "value": "x"}]}},
        {"id": "o", "data": {"name": "native.saveastable", "inputs": [{"name": "destination", "value": "a.c"}]}}],
        "edges": [{"source": "s", "target": "k", "sourceHandle": "out", "targetHandle": "source"},
                  {"source": "k", "target": "o", "sourceHandle": "result", "targetHandle": "source"}]}
    path = tmp_path / "flow.json"
    path.write_text(json.dumps(workflow))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "wareflow.cli", "compile", str(path), "--dialect", "postgres"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "WHERE\n    x > 0" in done.stdout  # the plugin's filter, fused into the save's statement


def test_a_broken_or_clashing_plugin_leaves_the_built_ins(tmp_path: Path):
    install_plugin(tmp_path, "broken_components", "raise RuntimeError('plugin bug')\n")
    install_plugin(tmp_path, "clashing_components", PLUGIN.replace("acme.keeppositive", "native.buffer"))
    found, log = catalog_in_fresh_process(tmp_path)
    assert found["native.buffer"] == "wareflow.components.library.buffer"  # not taken over
    assert "could not load components from broken_components" in log
    assert "could not load components from clashing_components" in log and "already registered" in log


def test_one_broken_module_of_a_package_leaves_its_other_components(tmp_path: Path):
    package = tmp_path / "multi_components"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a_broken.py").write_text("raise ImportError('half-written component')\n")
    (package / "b_good.py").write_text(textwrap.dedent(PLUGIN))
    dist = tmp_path / "multi_components-0.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: multi_components\nVersion: 0.1\n")
    (dist / "entry_points.txt").write_text("[wareflow.components]\nmulti = multi_components\n")
    found, log = catalog_in_fresh_process(tmp_path)
    assert found["acme.keeppositive"] == "multi_components.b_good"  # imported after the broken one
    assert "could not load components from multi_components.a_broken" in log
    assert found["native.buffer"] == "wareflow.components.library.buffer"
