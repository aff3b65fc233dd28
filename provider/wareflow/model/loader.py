"""Read the three shapes CARTO produces into a `Workflow`.

- the diagram JSON exported from the canvas (``nodes``, ``edges``, ``connectionProvider`` ...),
- the API/CLI bundle (``{"config": {...}}``),
- a ``.sql`` export whose header comment embeds ``diagramJson``.

Only structure is checked here (``WF1xx``); meaning is checked by `validate`.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from wareflow.errors import Issue, WorkflowError
from wareflow.model.types import ColumnDef, Edge, Node, Note, Variable, Workflow

_HEADER_COMMENT = re.compile(r"/\*(.*?)\*/", re.DOTALL)
# An input's value is at most a few levels deep (a GeoJSON polygon with holes: 6); far deeper is no
# export, and recursive code downstream (hashing, printing) must never meet it.
MAX_INPUT_DEPTH = 64
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
    notes = tuple(note for raw in data["nodes"] if (note := _note(raw)) is not None)
    edges = tuple(e for i, raw in enumerate(_list(data, "edges", issues)) if (e := _edge(raw, i, issues)))
    variables = tuple(v for raw in _list(data, "variables", issues) if (v := _variable(raw, issues)))
    if issues:
        raise WorkflowError(issues).in_file(path) if path else WorkflowError(issues)
    return Workflow(
        title=_text(data.get("title")) or (Path(path).stem if path else "workflow"),
        description=_text(data.get("description")),
        provider=_text(data.get("connectionProvider")) or "bigquery",
        nodes=nodes,
        edges=edges,
        variables=variables,
        path=path,
        notes=notes,
    )


def _text(value: Any) -> str:
    """A text field as written: a string, a number or a boolean; anything else (a list, an object) is
    not text and reads as empty, never as its (possibly huge or deep) repr."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float) and not (isinstance(value, int) and abs(value) > 10**18):
        return str(value).lower() if isinstance(value, bool) else str(value)
    return ""


def _deeper_than(value: Any, limit: int) -> bool:
    """Whether lists/objects in `value` nest deeper than `limit` (iteratively: no recursion to overflow)."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False


def _list(data: dict[str, Any], key: str, issues: list[Issue], node_id: str | None = None) -> list[Any]:
    """`data[key]` when it is a list; absent or null is empty; anything else is WF105."""
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        issues.append(Issue("WF105", f"'{key}' must be a list, got {type(value).__name__}", node_id=node_id))
        return []
    return value


def _json(text: str, path: str, what: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise WorkflowError(
            Issue("WF102", f"malformed {what} at line {exc.lineno}, column {exc.colno}: {exc.msg}", file=path)
        ) from None
    except RecursionError:
        raise WorkflowError(Issue("WF102", f"malformed {what}: nested too deeply", file=path)) from None
    except ValueError as exc:  # e.g. an integer past Python's 4,300-digit limit
        raise WorkflowError(Issue("WF102", f"malformed {what}: {exc}", file=path)) from None


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
                            node_id=_text(ident) or None))
        return None
    if isinstance(raw.get("type"), str) and raw["type"] in _IGNORED_NODE_TYPES:
        return None
    data = raw["data"]
    name = data.get("name")
    if not isinstance(name, str) or not name:
        issues.append(Issue("WF105", "node has no component name ('data.name')", node_id=raw["id"]))
        return None
    inputs: dict[str, Any] = {}
    input_types: dict[str, str] = {}
    for item in _list(data, "inputs", issues, node_id=raw["id"]):
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            if _deeper_than(item.get("value"), MAX_INPUT_DEPTH):
                issues.append(Issue("WF105", f"value nested more than {MAX_INPUT_DEPTH} levels deep",
                                    node_id=raw["id"], field=item["name"]))
                continue
            inputs[item["name"]] = item.get("value")
            if isinstance(item.get("type"), str):
                input_types[item["name"]] = item["type"]
    schema = None
    if isinstance(data.get("schema"), list):
        schema = tuple(
            ColumnDef(c["name"], c["type"].lower() if isinstance(c.get("type"), str) and c["type"] else "unknown")
            for c in data["schema"]
            if isinstance(c, dict) and isinstance(c.get("name"), str) and c["name"]
        )
    return Node(
        id=raw["id"],
        component=name,
        version=_text(data.get("version")) or "1",
        label=_text(data.get("label")),
        title=_text(data.get("title")),
        inputs=inputs,
        input_types=input_types,
        schema=schema or None,
        position=_point(raw.get("position"), "x", "y"),
    )


def _point(value: Any, x: str, y: str) -> tuple[float, float] | None:
    """A pair of finite numbers from a mapping (a canvas position or size), else None."""
    if not isinstance(value, dict):
        return None
    a: Any = value.get(x)
    b: Any = value.get(y)
    # exact types: a bool is no coordinate; checked inline, this runs for every node of every parse
    if type(a) in _NUMBER and type(b) in _NUMBER and math.isfinite(a) and math.isfinite(b):
        return float(a), float(b)
    return None


_NUMBER = (int, float)


def _note(raw: Any) -> Note | None:
    """A canvas note (nothing runs); anything malformed is simply not drawn."""
    if not isinstance(raw, dict) or raw.get("type") != "note" or not isinstance(raw.get("data"), dict):
        return None
    data = raw["data"]
    position = _point(raw.get("position"), "x", "y")
    size = _point(data, "width", "height") or _point(raw, "width", "height")
    if position is None or size is None:
        return None
    text = _text(data.get("markdown"))
    text = re.sub(r"\A---\n.*?\n---\n?", "", text, flags=re.S)  # YAML front matter (the note's label)
    return Note(position=position, size=size, color=_text(data.get("color")), text=text.strip())


def _edge(raw: Any, index: int, issues: list[Issue]) -> Edge | None:
    keys = ("source", "target")
    if not isinstance(raw, dict) or not all(isinstance(raw.get(k), str) for k in keys):
        issues.append(Issue("WF105", f"edge #{index} must name a 'source' and a 'target' node"))
        return None
    return Edge(
        id=_text(raw.get("id")) or f"edge-{index}",
        source=raw["source"],
        source_handle=_text(raw.get("sourceHandle")) or "result",
        target=raw["target"],
        target_handle=_text(raw.get("targetHandle")) or "source",
    )


def _variable(raw: Any, issues: list[Issue]) -> Variable | None:
    if not isinstance(raw, dict) or not isinstance(raw.get("name"), str):
        issues.append(Issue("WF105", "variable must be an object with a string 'name'"))
        return None
    value = raw.get("value", raw.get("defaultValue"))
    order = raw.get("order") or 0
    if isinstance(order, str) and order.strip().lstrip("-").isdigit() and len(order) < 20:
        order = int(order)
    if not isinstance(order, int) or isinstance(order, bool):
        issues.append(Issue("WF105", f"variable '{raw['name']}': 'order' must be a whole number, got {order!r:.40}"))
        return None
    var_type = raw.get("type") or "String"
    if not isinstance(var_type, str):
        issues.append(Issue("WF105", f"variable '{raw['name']}': 'type' must be text, got {type(var_type).__name__}"))
        return None
    return Variable(
        name=raw["name"],
        type=var_type,
        value=value,
        order=order,
        description=_text(raw.get("description")),
    )
