"""Graph checks that need no component knowledge: duplicate ids, dangling edges, cycles."""

from __future__ import annotations

from collections import Counter
from graphlib import CycleError, TopologicalSorter

from wareflow.errors import Issue
from wareflow.model.types import Workflow


def structural_issues(wf: Workflow) -> list[Issue]:
    issues: list[Issue] = []
    for node_id, count in sorted(Counter(n.id for n in wf.nodes).items()):
        if count > 1:
            issues.append(Issue("WF209", f"node id is used by {count} nodes", node_id=node_id,
                                hint="give every node a unique 'id'"))
    for edge_id, count in sorted(Counter(e.id for e in wf.edges).items()):
        if count > 1:
            issues.append(Issue("WF209", f"edge id '{edge_id}' is used by {count} edges"))
    known = {n.id for n in wf.nodes}
    for edge in wf.edges:
        for end, node_id in (("source", edge.source), ("target", edge.target)):
            if node_id not in known:
                issues.append(Issue("WF205", f"edge '{edge.id}' {end} names no node: '{node_id}'",
                                    hint="remove the edge or add the node"))
    if not any(i.code == "WF205" for i in issues):
        try:
            topological_order(wf)
        except CycleError as exc:
            cycle = " -> ".join(dict.fromkeys(exc.args[1]))
            issues.append(Issue("WF207", f"the graph has a cycle: {cycle}", node_id=exc.args[1][0],
                                hint="a workflow must be a DAG; remove one edge of the cycle"))
    return issues


def topological_order(wf: Workflow) -> list[str]:
    """Node ids in a deterministic topological order (ties broken by position in the file)."""
    position = {n.id: i for i, n in enumerate(wf.nodes)}
    sorter: TopologicalSorter[str] = TopologicalSorter()
    for node in wf.nodes:
        sorter.add(node.id)
    for edge in wf.edges:
        sorter.add(edge.target, edge.source)
    sorter.prepare()
    order: list[str] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready(), key=lambda n: position.get(n, len(position)))
        order.extend(ready)
        sorter.done(*ready)
    return order
