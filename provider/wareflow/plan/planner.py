"""Fusion and materialisation rules.

The planner works on output ports. A port is *materialised* (written to a table, and so ends a
stage) when:

- it is a sink (``native.saveastable``);
- it does not feed exactly one consumer: a fan-out (computed once, read many times) or a leaf
  (nothing reads it: its table is the result the user looks at);
- its component is a barrier (e.g. Custom SQL, whose schema only the warehouse knows);
- ``materialize="all"``: every port, one table per node output, as CARTO does.

Every other port is fused into its single consumer's statement as a CTE. A node with several
used outputs (``match``/``unmatch``) reads its input once per output, so that input becomes a
fan-out and is materialised unless it already is a table. Sources are tables where they live.

Only the graph's structure decides this: no schema, no warehouse, so it is safe at DAG-parse time.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from wareflow.components.registry import BoundWorkflow
from wareflow.plan.ir import Plan, Port, Stage

MATERIALIZE_MODES = ("fused", "all")


def plan_workflow(bound: BoundWorkflow, *, materialize: str = "fused",
                  table_map: Mapping[str, str] | Sequence[tuple[str, str]] = ()) -> Plan:
    if materialize not in MATERIALIZE_MODES:
        raise ValueError(f"materialize must be one of {MATERIALIZE_MODES}, got {materialize!r}")
    mapping = tuple(sorted(dict(table_map).items()))
    ports = _ports(bound)
    readers = _readers(bound, ports)
    materialized = [
        p for p in ports
        if materialize == "all" or not p.handle or len(readers[p]) != 1 or bound.components[p.node].barrier
    ]
    tables = set(materialized)  # built once: a set per stage made planning quadratic in the stages
    hashes = _hasher(bound, mapping)
    names = _task_names(bound, materialized)
    by_port: dict[Port, Stage] = {}
    for port in materialized:  # ports are in topological order, so upstream stages exist already
        fused, inputs = _gather(bound, port, tables)
        digest = hashes(port)
        node = bound.workflow.node(port.node)
        label = node.display + (f" ({port.handle})" if port.handle not in ("", "result", "out") else "")
        by_port[port] = Stage(
            id=names[port],
            output=port,
            ports=tuple(fused),
            upstream=tuple(dict.fromkeys(by_port[i].id for i in inputs)),
            content_hash=digest,
            label=label,
        )
    return Plan(bound, tuple(by_port.values()), materialize, mapping)


def _task_names(bound: BoundWorkflow, ports: Sequence[Port]) -> dict[Port, str]:
    """A readable id per stage: what it writes (``save_<table>``) or what it does (the node's label).

    Stable across parses, and unchanged when a parameter changes (Airflow keeps a task's history by
    its id). Two stages that would share a name both get a suffix from their node's id, so editing
    one never renames the other; copy-pasted nodes are two stages, told apart the same way.
    """
    wanted = {port: _task_name(bound, port) for port in ports}
    counts = Counter(wanted.values())
    names = {port: name if counts[name] == 1 else f"{name}_{_digest((port.node, port.handle))[:6]}"
             for port, name in wanted.items()}
    taken: set[str] = set()
    for port, name in names.items():  # a suffixed name meeting another's plain one: widen the suffix
        while name in taken:
            name = f"{name}_{_digest((port.node, port.handle, name))[:6]}"
        names[port] = name
        taken.add(name)
    return names


def _task_name(bound: BoundWorkflow, port: Port) -> str:
    node = bound.workflow.node(port.node)
    if bound.is_sink(port.node):
        parts = bound.components[port.node].destination_parts()  # type: ignore[attr-defined]
        if parts:
            return "save_" + slug(parts[-1], 60)
    what = node.title or node.label or node.component.removeprefix("native.")
    handle = f"_{port.handle}" if port.handle not in ("", "result", "out") else ""
    return slug(what + handle, 60)


def _ports(bound: BoundWorkflow) -> list[Port]:
    """Every port that computes something, in topological order: used outputs, sinks and leaves."""
    ports: list[Port] = []
    for node_id in bound.order:
        comp = bound.components[node_id]
        if bound.is_source(node_id):
            continue
        if bound.is_sink(node_id):
            ports.append(Port(node_id, ""))
            continue
        handles = [p.name for p in comp.outputs if bound.readers(node_id, p.name)]
        ports.extend(Port(node_id, h) for h in handles or [comp.outputs[0].name])
    return ports


def _readers(bound: BoundWorkflow, ports: list[Port]) -> dict[Port, set[Port]]:
    """For each port, the distinct ports whose statements read it."""
    node_ports: dict[str, list[Port]] = {}
    for p in ports:
        node_ports.setdefault(p.node, []).append(p)
    return {p: {r for node, _ in bound.readers(p.node, p.handle) for r in node_ports.get(node, ())} for p in ports}


def _gather(bound: BoundWorkflow, root: Port, materialized: set[Port]) -> tuple[list[Port], list[Port]]:
    """The ports fused into `root`'s statement (upstream first) and the materialised ports it reads."""
    fused: dict[Port, None] = {}  # ordered set, upstream first
    inputs: list[Port] = []
    stack: list[tuple[Port, bool]] = [(root, False)]  # iterative post-order: chains may be thousands deep
    while stack:
        port, expanded = stack.pop()
        if expanded:
            fused.setdefault(port)
            continue
        if port in fused:
            continue
        stack.append((port, True))
        for link in reversed(list(bound.links.get(port.node, {}).values())):
            producer = Port(link.node, link.handle)
            if bound.is_source(link.node):
                continue
            if producer in materialized:
                inputs.append(producer)
            elif producer not in fused:
                stack.append((producer, False))
    return list(fused), inputs


def _hasher(bound: BoundWorkflow, mapping: tuple[tuple[str, str], ...]):  # type: ignore[no-untyped-def]
    """A Merkle hash per port: component, version, inputs, and the hashes of what it reads.

    Computed once per node in topological order (no recursion: chains may be thousands deep)."""
    node_hashes: dict[str, str] = {}

    def port_hash(node_id: str, handle: str) -> str:
        return _digest((node_hashes[node_id], handle))

    for node_id in bound.order:
        node = bound.workflow.node(node_id)
        upstream = tuple((port, port_hash(link.node, link.handle))
                         for port, link in sorted(bound.links.get(node_id, {}).items()))
        # The inputs as written in the file: the node's content, with no re-generated SQL in between.
        params = tuple(sorted(node.inputs.items()))
        source_map = mapping if bound.is_source(node_id) else ()
        node_hashes[node_id] = _digest((node.component, node.version, params, upstream, source_map))
    return lambda port: port_hash(port.node, port.handle)


def _digest(payload: tuple[object, ...]) -> str:
    """A stable hash of JSON-native values in tuples; `repr` is deterministic for them (dicts keep the
    file's key order, and the inputs themselves are sorted by name)."""
    return hashlib.sha256(repr(payload).encode()).hexdigest()


def slug(text: str, limit: int = 40) -> str:
    """A name safe for task ids and SQL identifiers: lower-case letters, digits and ``_``."""
    return (re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "t")[:limit]
