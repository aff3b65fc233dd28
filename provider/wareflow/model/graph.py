"""Graph checks that need no component knowledge: duplicate ids, dangling edges, cycles."""

from __future__ import annotations

import heapq
from collections import Counter

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
            cycle = " -> ".join(exc.cycle)
            issues.append(Issue("WF207", f"the graph has a cycle: {cycle}", node_id=exc.cycle[0],
                                hint="a workflow must be a DAG; remove one edge of the cycle"))
    return issues


class CycleError(ValueError):
    def __init__(self, cycle: list[str]):
        self.cycle = cycle
        super().__init__(" -> ".join(cycle))


def topological_order(wf: Workflow) -> list[str]:
    """Node ids in a deterministic topological order (ties broken by position in the file).

    Kahn's algorithm with a heap: O(E + V log V), and no recursion however deep the graph.
    """
    position = {n.id: i for i, n in enumerate(wf.nodes)}
    waiting = dict.fromkeys(position, 0)
    after: dict[str, list[str]] = {n: [] for n in position}
    for edge in wf.edges:
        if edge.source in position and edge.target in position:
            after[edge.source].append(edge.target)
            waiting[edge.target] += 1
    ready = [(position[n], n) for n, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, node = heapq.heappop(ready)
        order.append(node)
        for nxt in after[node]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                heapq.heappush(ready, (position[nxt], nxt))
    if len(order) < len(position):
        raise CycleError(_cycle({n for n, c in waiting.items() if c > 0}, after))
    return order


def _cycle(stuck: set[str], after: dict[str, list[str]]) -> list[str]:
    """A cycle among the nodes Kahn's algorithm could not order.

    A stuck node may merely sit downstream of a cycle, but each one still waits for a stuck
    predecessor: walking predecessors must come back to a node already seen, and that loop is a cycle.
    """
    before: dict[str, list[str]] = {n: [] for n in stuck}
    for node in sorted(stuck):
        for nxt in after[node]:
            if nxt in stuck:
                before[nxt].append(node)
    node = min(stuck)  # a deterministic start
    path: list[str] = []
    seen: dict[str, int] = {}
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = before[node][0]
    loop = path[seen[node]:][::-1]  # walked against the edges: turn it round
    return [*loop, loop[0]]
