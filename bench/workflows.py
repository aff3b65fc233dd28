"""Deterministic generated workflows in CARTO's export format, for compile and parse benchmarks."""

from __future__ import annotations

import json
import random
from typing import Any

CITIES = ("Madrid", "Paris", "Rome", "Lisbon", "Berlin", "Vienna", "Prague", "Oslo")
SCHEMA = [("id", "number"), ("name", "string"), ("city", "string"), ("score", "number"), ("age", "number"),
          ("geom", "geography")]


def _node(node_id: str, component: str, **values: Any) -> dict[str, Any]:
    inputs = [{"name": k, "type": "String", "value": v} for k, v in values.items()]
    return {"id": node_id, "type": "generic", "position": {"x": 0, "y": 0},
            "data": {"name": component, "version": "1", "label": component, "inputs": inputs}}


def generate(nodes: int, seed: int = 0, branch: int = 25, spatial: bool = True) -> dict[str, Any]:
    """About `nodes` nodes shaped like real canvases: branches of ~`branch` data-prep steps, each
    starting at a source or off an earlier branch (a fan-out), with a join to the second source every
    ~12 steps, ending in a save. Column counts stay bounded, as in real workflows."""
    rng = random.Random(seed)
    out: list[dict[str, Any]] = []
    edges: list[dict[str, Any]] = []
    points: list[tuple[str, str]] = []  # places a new branch may start from

    def edge(src: str, handle: str, dst: str, port: str) -> None:
        edges.append({"id": f"e{len(edges)}", "source": src, "sourceHandle": handle, "target": dst,
                      "targetHandle": port})

    def add(node_id: str, component: str, head: tuple[str, str], port: str = "source", **values: Any) -> str:
        out.append(_node(node_id, component, **values))
        edge(head[0], head[1], node_id, port)
        return node_id

    for s in ("a", "b"):
        out.append({"id": f"src_{s}", "type": "source", "data": {
            "name": "ReadTable", "inputs": [{"name": "source", "value": f"bench.data.people_{s}"}],
            "schema": [{"name": n, "type": t} for n, t in SCHEMA]}})
    b = created = 0  # column names are unique across branches: a branch may start off another
    while len(out) < nodes:
        b += 1
        head = ("src_a", "out") if not points or rng.random() < 0.5 else rng.choice(points)
        for step in range(min(branch, max(1, nodes - len(out) - 1))):
            i = f"{b}_{step}"
            kind = rng.random()
            if step % 12 == 11:
                j = add(f"join_{i}", "native.join", head, "maintable", maincolumn="id", secondarycolumn="id",
                        jointype="Left")
                edge("src_b", "out", j, "secondarytable")
                head = (add(f"drop_{i}", "native.dropcolumn", (j, "result"),
                            column=[f"{c}_joined" for c, _ in SCHEMA]), "result")
            elif kind < 0.3:
                head = (add(f"where_{i}", "native.where", head, expression=f"score > {rng.randint(0, 50)}"), "match")
            elif kind < 0.55:
                created += 1
                head = (add(f"col_{i}", "native.selectexpression", head, column=f"c{created}",
                            expression=f"score * {rng.randint(2, 99)} + age - {rng.randint(0, 99)}"), "result")
            elif kind < 0.75:
                created += 1
                head = (add(f"case_{i}", "native.casewhen", head, newcolumn=f"k{created}", conditions=json.dumps(
                    [{"column": "city", "conditions": [{"condition": "=", "value": rng.choice(CITIES),
                                                        "return": str(rng.randint(1, 9))}]}]),
                    **{"else": "0"}), "result")
            elif kind < 0.9 or not spatial:
                created += 1
                n = add(f"norm_{i}", "native.normalize", head, column="score")
                head = (add(f"ren_{i}", "native.renamecolumn", (n, "result"), column="score_norm",
                            newname=f"n{created}"), "result")
            else:
                n = add(f"buf_{i}", "native.buffer", head, geo="geom", distance=str(rng.randint(10, 500)))
                head = (add(f"dropbuf_{i}", "native.dropcolumn", (n, "result"), column=["geom_buffer"]), "result")
            if step == branch // 2:
                points.append(head)
        add(f"save_{b}", "native.saveastable", head, destination=f"bench.out.t{b}")
    return {"title": f"generated {nodes}", "schemaVersion": "1.0.0", "connectionProvider": "bigquery",
            "nodes": out, "edges": edges}
