"""The public CARTO exports beside the project load; each node is supported or reported WF214."""

from __future__ import annotations

from pathlib import Path

import pytest

from wareflow.components import NOT_YET_SUPPORTED, bind, catalog
from wareflow.errors import WorkflowError
from wareflow.model import load_workflow

EXPORTS = Path(__file__).resolve().parents[3] / "shared" / "carto-exports"
FILES = sorted(EXPORTS.glob("*.json")) if EXPORTS.is_dir() else []


@pytest.mark.skipif(not FILES, reason="../shared/carto-exports is not present")
def test_all_six_exports_are_there():
    assert len(FILES) == 6


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_export_loads_and_every_node_is_supported_or_reported(path: Path):
    workflow = load_workflow(path)
    assert workflow.nodes and workflow.edges
    wired = {e.source for e in workflow.edges} | {e.target for e in workflow.edges}
    unsupported = {n.id for n in workflow.nodes if n.component not in catalog() and n.id in wired}
    assert all(workflow.node(n).component in NOT_YET_SUPPORTED for n in unsupported)
    if not unsupported:
        bind(workflow)
        return
    with pytest.raises(WorkflowError) as exc:
        bind(workflow)
    reported = {i.node_id for i in exc.value.issues if i.code == "WF214"}
    assert reported == unsupported
    # nothing else is wrong with these files: only the not-yet-supported nodes are reported
    assert {i.code for i in exc.value.issues} == {"WF214"}


# --- every H3 / quadbin node of the exports compiles for every spatial dialect ----------------------
SPATIAL_DIALECTS = ("bigquery", "databricks", "duckdb", "oracle", "postgres", "redshift", "snowflake")
# What a dialect lacks for a component, declared here (not derived from the dialect tables under test).
LACKS = {("oracle", "native.h3polyfill"), ("oracle", "native.h3distance"), ("oracle", "native.h3kring"),
         ("redshift", "native.h3polyfill"), ("redshift", "native.h3distance"), ("redshift", "native.h3kring")}


def _grid_nodes() -> list[tuple[str, dict]]:
    """(name, raw node JSON) of every H3 / quadbin node we implement, across the exports."""
    import json

    found = []
    for path in FILES:
        data = json.loads(path.read_text(encoding="utf-8"))
        for node in (data.get("nodes") or data.get("diagramJson", {}).get("nodes") or []):
            name = node.get("data", {}).get("name", "")
            # enrichment nodes read variables and a geography from a second table this harness does not model
            if name.startswith(("native.h3", "native.quadbin")) and name in catalog() and not name.endswith("enrich"):
                found.append((f"{path.stem}:{node['id'][:8]}", node))
    return found


GRID_NODES = _grid_nodes()


@pytest.mark.skipif(not FILES, reason="../shared/carto-exports is not present")
def test_the_exports_have_grid_nodes():
    assert {n["data"]["name"] for _, n in GRID_NODES} >= {
        "native.h3polyfill", "native.h3frompoint", "native.h3distance", "native.h3boundary"}


@pytest.mark.parametrize("dialect", SPATIAL_DIALECTS)
@pytest.mark.parametrize("key,node", GRID_NODES, ids=[k for k, _ in GRID_NODES])
def test_grid_node_of_an_export_compiles(key: str, node, dialect: str):
    """The node exactly as exported (its inputs untouched), fed by a table with the columns it names."""
    from tests.support.workflows import WorkflowBuilder, out
    from wareflow.errors import CompileError
    from wareflow.plan import plan_workflow
    from wareflow.runner import compile_plan
    from wareflow.sql.dialects import get_dialect

    component, node_id = node["data"]["name"], node["id"]
    raw = {i["name"]: i for i in node["data"]["inputs"]}
    schema = {}
    for item in raw.values():
        if item.get("type") == "Column" and item.get("value") and item["name"] != "optimizationcol":
            kind = (item.get("dataType") or ["string"])[0]
            schema[str(item["value"])] = "geography" if kind == "geography" else kind
    wf = WorkflowBuilder(title=key)
    src = wf.source("p.d.t", schema=[(n, t) for n, t in schema.items()] + [("id", "number")])
    wf.nodes.append({"id": node_id, "type": "generic", "position": {"x": 0, "y": 0}, "data": node["data"]})
    for item in raw.values():
        if item.get("type") == "Table":
            wf.edges.append({"id": f"e_{item['name']}", "source": src.node, "sourceHandle": src.handle,
                             "target": node_id, "targetHandle": item["name"]})
    wf.save(out(node_id), "p.d.o")
    plan = plan_workflow(bind(wf_parse(wf.to_dict())))
    target = get_dialect(dialect)
    if (dialect, component) in LACKS:
        with pytest.raises(CompileError) as exc:
            compile_plan(plan, target)
        assert exc.value.codes == ["WF302"]
        return
    stages = compile_plan(plan, target)
    assert stages and all(s.sql(target) for s in stages)


def wf_parse(data: dict):
    from wareflow.model import parse_workflow

    return parse_workflow(data)
