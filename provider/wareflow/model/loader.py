"""Read the three shapes CARTO produces into a `Workflow`.

- the diagram JSON exported from the canvas (``nodes``, ``edges``, ``connectionProvider`` ...),
- the API/CLI bundle (``{"config": {...}}``),
- a ``.sql`` export whose header comment embeds ``diagramJson``.

Only structure is checked here (``WF1xx``); meaning is checked by `validate`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from wareflow.errors import Issue, WorkflowError
from wareflow.model.types import ColumnDef, Edge, Node, Variable, Workflow

_HEADER_COMMENT = re.compile(r"/\*(.*?)\*/", re.DOTALL)
# UI-only node types that never compile.
_IGNORED_NODE_TYPES = frozenset({"note", "group"})


def load_workflow(path: str | Path) -> Workflow:
    """Load a workflow file (.json diagram or bundle, or .sql export); raise `WorkflowError` (WF1xx)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise WorkflowError(Issue("WF101", f"cannot read file: {exc.strerror or exc}", file=str(path))) from None
    except UnicodeDecodeError:
        raise WorkflowError(Issue("WF102", "file is not UTF-8 text", file=str(path))) from None
    if path.suffix.lower() == ".sql":
        data = _diagram_from_sql(text, str(path))
    else:
        data = _json(text, str(path), what="workflow JSON")
    return parse_workflow(data, path=str(path))


def parse_workflow(data: Any, path: str | None = None) -> Workflow:
    """Turn a decoded diagram or bundle into a `Workflow`."""
    if isinstance(data, dict) and isinstance(data.get("config"), dict):
        bundle, data = data, data["config"]
        data = {"title": bundle.get("title", ""), "description": bundle.get("description", ""), **data}
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list):
        raise WorkflowError(
            Issue(
                "WF103",
                "not a CARTO workflow: expected an object with a 'nodes' list (diagram) or a 'config' "
                "object (API bundle)",
                file=path,
            )
        )
    issues: list[Issue] = []
    nodes = tuple(n for raw in data["nodes"] if (n := _node(raw, issues)) is not None)
    edges = tuple(e for i, raw in enumerate(data.get("edges") or []) if (e := _edge(raw, i, issues)))
    variables = tuple(v for raw in data.get("variables") or [] if (v := _variable(raw, issues)))
    if issues:
        raise WorkflowError(issues).in_file(path) if path else WorkflowError(issues)
    return Workflow(
        title=str(data.get("title") or (Path(path).stem if path else "workflow")),
        description=str(data.get("description") or ""),
        provider=str(data.get("connectionProvider") or "bigquery"),
        nodes=nodes,
        edges=edges,
        variables=variables,
        path=path,
    )


def _json(text: str, path: str, what: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise WorkflowError(
            Issue("WF102", f"malformed {what} at line {exc.lineno}, column {exc.colno}: {exc.msg}", file=path)
        ) from None


def _diagram_from_sql(text: str, path: str) -> Any:
    for match in _HEADER_COMMENT.finditer(text):
        body = match.group(1).strip()
        if '"diagramJson"' not in body:
            continue
        header = _json(body, path, what="header comment")
        diagram = header.get("diagramJson") if isinstance(header, dict) else None
        return _json(diagram, path, what="diagramJson") if isinstance(diagram, str) else diagram
    raise WorkflowError(
        Issue("WF104", "SQL export has no header comment with 'diagramJson'", file=path,
              hint="export the workflow from CARTO as SQL, or as JSON")
    )


def _node(raw: Any, issues: list[Issue]) -> Node | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("data"), dict):
        ident = raw.get("id") if isinstance(raw, dict) else None
        issues.append(Issue("WF105", "node must be an object with a string 'id' and a 'data' object",
                            node_id=str(ident) if ident is not None else None))
        return None
    if raw.get("type") in _IGNORED_NODE_TYPES:
        return None
    data = raw["data"]
    name = data.get("name")
    if not isinstance(name, str) or not name:
        issues.append(Issue("WF105", "node has no component name ('data.name')", node_id=raw["id"]))
        return None
    inputs: dict[str, Any] = {}
    input_types: dict[str, str] = {}
    for item in data.get("inputs") or []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            inputs[item["name"]] = item.get("value")
            if isinstance(item.get("type"), str):
                input_types[item["name"]] = item["type"]
    schema = None
    if isinstance(data.get("schema"), list):
        schema = tuple(
            ColumnDef(str(c["name"]), str(c.get("type") or "unknown").lower())
            for c in data["schema"]
            if isinstance(c, dict) and c.get("name")
        )
    return Node(
        id=raw["id"],
        component=name,
        version=str(data.get("version") or "1"),
        label=str(data.get("label") or ""),
        title=str(data.get("title") or ""),
        inputs=inputs,
        input_types=input_types,
        schema=schema or None,
    )


def _edge(raw: Any, index: int, issues: list[Issue]) -> Edge | None:
    keys = ("source", "target")
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in keys):
        issues.append(Issue("WF105", f"edge #{index} must name a 'source' and a 'target' node"))
        return None
    return Edge(
        id=str(raw.get("id") or f"edge-{index}"),
        source=raw["source"],
        source_handle=str(raw.get("sourceHandle") or "result"),
        target=raw["target"],
        target_handle=str(raw.get("targetHandle") or "source"),
    )


def _variable(raw: Any, issues: list[Issue]) -> Variable | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        issues.append(Issue("WF105", "variable must be an object with a string 'name'"))
        return None
    value = raw.get("value", raw.get("defaultValue"))
    return Variable(
        name=raw["name"],
        type=str(raw.get("type") or "String"),
        value=value,
        order=int(raw.get("order") or 0),
        description=str(raw.get("description") or ""),
    )
