"""Build CARTO-format workflow JSON in tests, the way the canvas exports it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Out:
    node: str
    handle: str


@dataclass
class WorkflowBuilder:
    title: str = "test workflow"
    provider: str = "bigquery"
    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    variables: list[dict[str, Any]] = field(default_factory=list)

    def source(self, table: str, schema: list[tuple[str, str]] | None = None, id: str | None = None) -> Out:
        node_id = id or f"src_{len(self.nodes)}"
        data: dict[str, Any] = {"name": "ReadTable", "label": table,
                                "inputs": [{"name": "source", "type": "String", "value": table}]}
        if schema is not None:
            data["schema"] = [{"name": n, "type": t} for n, t in schema]
        self.nodes.append({"id": node_id, "type": "source", "position": {"x": 0, "y": 0}, "data": data})
        return Out(node_id, "out")

    def node(self, component: str, inputs: dict[str, Out] | None = None, id: str | None = None,
             **values: Any) -> str:
        node_id = id or f"{component.split('.')[-1]}_{len(self.nodes)}"
        items = [{"name": k, "type": "Table"} for k in (inputs or {})]
        items += [{"name": k, "type": "String", "value": v} for k, v in values.items()]
        self.nodes.append({"id": node_id, "type": "generic", "position": {"x": 0, "y": 0},
                           "data": {"name": component, "version": "1", "label": component, "inputs": items}})
        for port, out in (inputs or {}).items():
            self.edges.append({"id": f"e{len(self.edges)}", "source": out.node, "sourceHandle": out.handle,
                               "target": node_id, "targetHandle": port})
        return node_id

    def save(self, source: Out, destination: str, append: bool = False, id: str | None = None) -> str:
        return self.node("native.saveastable", {"source": source}, id=id, destination=destination, append=append)

    def variable(self, name: str, type: str, value: str) -> None:
        self.variables.append({"name": name, "type": type, "value": value, "order": len(self.variables)})

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "schemaVersion": "1.0.0", "connectionProvider": self.provider,
                "variables": self.variables or None, "nodes": self.nodes, "edges": self.edges}

    def write(self, path: Path) -> Path:
        path.write_text(json.dumps(self.to_dict(), indent=2), encoding="utf-8")
        return path


def out(node: str, handle: str = "result") -> Out:
    return Out(node, handle)


def statements_stage(dialect: Any, *statements: str) -> Any:
    """A compiled stage of a one-node workflow (node 'save'), its statements replaced by `statements`:
    for driving a session's run of exactly those statements."""
    import dataclasses

    import sqlglot

    from wareflow.components import bind
    from wareflow.model import parse_workflow
    from wareflow.plan import plan_workflow
    from wareflow.runner import compile_plan

    wf = WorkflowBuilder()
    wf.save(wf.source("main.people", schema=[("id", "number")]), "main.copy", id="save")
    (compiled,) = compile_plan(plan_workflow(bind(parse_workflow(wf.to_dict()))), dialect)
    read = dialect.sqlglot_dialect
    return dataclasses.replace(compiled, statements=tuple(sqlglot.parse_one(s, read=read) for s in statements))
