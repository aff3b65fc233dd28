"""Compilation: coded errors, SQL that parses back in its dialect, and reviewed golden files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.support.sqltext import assert_parses_back
from tests.support.workflows import Out, WorkflowBuilder, out
from wareflow.components import bind
from wareflow.errors import CompileError
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.runner import compile_plan, load_plan
from wareflow.sql import ops
from wareflow.sql.dialects import DIALECTS, get_dialect
from wareflow.sql.dialects.duckdb import DuckDB
from wareflow.sql.relation import Column

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
EXAMPLES = sorted((ROOT / "dags_examples").glob("*.json"))
MAP = {"wareflow-demo.demo": "main"}


def compile_wf(wf: WorkflowBuilder, dialect: str = "duckdb", **kw):
    p = plan_workflow(bind(parse_workflow(wf.to_dict())))
    return compile_plan(p, get_dialect(dialect), **kw)


def test_wf301_names_the_table_whose_schema_is_missing():
    wf = WorkflowBuilder()
    d = wf.node("native.dropcolumn", {"source": wf.source("proj.ds.people")}, id="drop", column="geom")
    wf.save(out(d), "proj.ds.o")
    with pytest.raises(CompileError) as exc:
        compile_wf(wf)
    (issue,) = exc.value.issues
    assert (issue.code, issue.node_id) == ("WF301", "drop")
    assert "proj.ds.people" in issue.message


def test_schemas_can_come_from_a_lookup():
    wf = WorkflowBuilder()
    d = wf.node("native.dropcolumn", {"source": wf.source("proj.ds.people")}, column="geom")
    wf.save(out(d), "proj.ds.o")
    people = (Column("id", "number"), Column("geom", "geography"))
    (stage,) = compile_wf(wf, schemas=lambda written, parts: people if written == "proj.ds.people" else None)
    assert stage.columns is not None and [c.name for c in stage.columns] == ["id"]


def test_wf204_unknown_column_names_node_and_input():
    wf = WorkflowBuilder()
    src = wf.source("p.d.t", schema=[("id", "number"), ("geom", "geography")])
    b = wf.node("native.buffer", {"source": src}, id="buf", geo="geometry", distance="10")
    wf.save(out(b), "p.d.o")
    with pytest.raises(CompileError) as exc:
        compile_wf(wf)
    (issue,) = exc.value.issues
    assert (issue.code, issue.node_id, issue.field) == ("WF204", "buf", "geo")
    assert "available: id, geom" in str(issue)


def test_wf304_new_column_clashes():
    wf = WorkflowBuilder()
    src = wf.source("p.d.t", schema=[("id", "number"), ("x", "number")])
    c = wf.node("native.selectexpression", {"source": src}, id="c", column="x", expression="id + 1")
    wf.save(out(c), "p.d.o")
    with pytest.raises(CompileError) as exc:
        compile_wf(wf)
    assert exc.value.codes == ["WF304"]


def test_wf302_a_dialect_without_the_function():
    class NoBuffer(DuckDB):
        functions = {k: v for k, v in DuckDB.functions.items() if k != ops.BUFFER}

    wf = WorkflowBuilder()
    b = wf.node("native.buffer", {"source": wf.source("p.d.t")}, id="buf", geo="g", distance="10")
    wf.save(out(b), "p.d.o")
    p = plan_workflow(bind(parse_workflow(wf.to_dict())))
    with pytest.raises(CompileError) as exc:
        compile_plan(p, NoBuffer())
    assert exc.value.codes == ["WF302"]


def example_sql(path: Path, dialect: str) -> str:
    """The example compiled for `dialect`, or the WF302 it fails with (spatial on Synapse)."""
    target = get_dialect(dialect)
    try:
        stages = compile_plan(load_plan(path, table_map=MAP), target)
    except CompileError as exc:
        assert exc.codes == ["WF302"] and not target.functions
        return f"-- unsupported: {exc.issues[0]}\n"
    for stage in stages:
        for sql in stage.sql(target):
            assert_parses_back(sql, target.sqlglot_dialect)
    return "".join(f"-- stage {s.stage.id}\n" + "".join(f"{q};\n" for q in s.sql(target)) + "\n" for s in stages)


@pytest.mark.parametrize("dialect", sorted(DIALECTS))
@pytest.mark.parametrize("path", EXAMPLES, ids=[p.stem for p in EXAMPLES])
def test_golden_sql(path: Path, dialect: str):
    """Compiled SQL parses back in its dialect and is reviewed by eye in tests/golden;
    WAREFLOW_UPDATE_GOLDEN=1 rewrites it."""
    text = example_sql(path, dialect)
    golden = GOLDEN / dialect / f"{path.stem}.sql"
    if os.environ.get("WAREFLOW_UPDATE_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.read_text(encoding="utf-8") == text


def test_compilation_is_deterministic():
    path = EXAMPLES[0]
    first = [s.sql(get_dialect("postgres")) for s in compile_plan(load_plan(path), get_dialect("postgres"))]
    second = [s.sql(get_dialect("postgres")) for s in compile_plan(load_plan(path), get_dialect("postgres"))]
    assert first == second


def test_validation_reports_every_bad_column_at_once():
    from wareflow.compile.compiler import compile_issues

    wf = WorkflowBuilder()
    src = wf.source("p.d.t", schema=[("id", "number"), ("geom", "geography")])
    b = wf.node("native.buffer", {"source": src}, id="buf", geo="geometry", distance="10")
    # downstream of the mistake: its unknown input is not reported again
    after = wf.node("native.dropcolumn", {"source": out(b)}, id="after", column="whatever")
    g = wf.node("native.groupby", {"source": src}, id="grp", columns="price,sum", groupby="id")
    wf.save(out(after), "p.d.o")
    wf.save(out(g), "p.d.g")
    p = plan_workflow(bind(parse_workflow(wf.to_dict())))
    assert [(i.code, i.node_id, i.field) for i in compile_issues(p, get_dialect("duckdb"))] == [
        ("WF204", "buf", "geo"), ("WF204", "grp", "columns")]


def test_grouping_by_a_geometry_follows_the_warehouse():
    wf = WorkflowBuilder()
    src = wf.source("p.d.z", schema=[("geom", "geography"), ("v", "number")])
    wf.save(out(wf.node("native.groupby", {"source": src}, columns="v,sum", groupby="geom")), "p.d.o")
    p = plan_workflow(bind(parse_workflow(wf.to_dict())))
    bigquery = compile_plan(p, get_dialect("bigquery"))[0].sql(get_dialect("bigquery"), pretty=False)[0]
    assert "ANY_VALUE(geom) AS geom" in bigquery and "GROUP BY ST_ASBINARY(geom)" in bigquery
    assert "GROUP BY geom" in compile_plan(p, get_dialect("postgres"))[0].sql(get_dialect("postgres"), pretty=False)[1]
    with pytest.raises(CompileError) as exc:  # SDO_GEOMETRY and its WKB (a BLOB) cannot be grouped
        compile_plan(p, get_dialect("oracle"))
    assert exc.value.codes == ["WF302"]


def _zones_and_points() -> tuple[WorkflowBuilder, str, Out]:
    wf = WorkflowBuilder()
    zones = wf.source("p.d.zones", [("zone_id", "number"), ("geom", "geography")])
    points = wf.source("p.d.points", [("point_id", "number"), ("geom", "geography")])
    buffered = wf.node("native.buffer", {"source": zones}, id="buf", geo="geom", distance="50")
    return wf, buffered, points


def test_postgres_keeps_a_buffer_that_a_join_reads_materialized():
    """PostgreSQL inlines a CTE read once; a buffer in a join condition would be rebuilt per pair."""
    wf, buffered, points = _zones_and_points()
    joined = wf.node("native.spatialjoin", {"maintable": out(buffered), "secondarytable": points},
                     maincolumn="geom_buffer", secondarycolumn="geom")
    wf.save(out(joined), "p.d.o")
    (pg,) = compile_wf(wf, "postgres")
    assert "native_buffer_1 AS MATERIALIZED (" in " ".join(pg.sql(get_dialect("postgres"), pretty=False))
    for name in ("duckdb", "snowflake", "redshift"):  # they do not inline that way, or lack the syntax
        (stage,) = compile_wf(wf, name)
        assert "MATERIALIZED" not in " ".join(stage.sql(get_dialect(name), pretty=False))


def test_postgres_does_not_materialize_a_buffer_nobody_joins_on():
    wf, buffered, _ = _zones_and_points()
    kept = wf.node("native.where", {"source": out(buffered)}, expression="zone_id > 1")
    wf.save(out(kept, "match"), "p.d.o")
    (pg,) = compile_wf(wf, "postgres")
    assert "MATERIALIZED" not in " ".join(pg.sql(get_dialect("postgres"), pretty=False))


def test_postgres_indexes_the_intermediate_columns_that_later_stages_probe():
    wf, buffered, points = _zones_and_points()
    split = wf.node("native.spatialfilter", {"source": points, "filter": out(buffered)}, id="split",
                    geosource="geom", geofilter="geom_buffer")
    wf.save(out(split, "match"), "p.d.near")
    wf.save(out(split, "unmatch"), "p.d.far")
    zones_stage, *_ = compile_wf(wf, "postgres")
    assert zones_stage.kind == "intermediate"
    sql = zones_stage.sql(get_dialect("postgres"), pretty=False)
    table = zones_stage.target.name
    assert sql[-2:] == [f"CREATE INDEX ON {table} USING GIST(geom_buffer)", f"ANALYZE {table}"]
    zones_stage, *_ = compile_wf(wf, "duckdb")  # DuckDB's spatial join needs no index
    assert not any("INDEX" in s for s in zones_stage.sql(get_dialect("duckdb"), pretty=False))


def test_parsed_canvas_sql_is_shared_and_binding_never_changes_it():
    from wareflow.sql.usersql import bind_variables, parse_expression

    first = parse_expression("spend > @min_spend", "bigquery")
    assert parse_expression("spend > @min_spend", "bigquery") is first  # parsed once per process
    bound = bind_variables(first, {"min_spend": 10})
    assert bound.sql() == "spend > 10"
    assert first.sql() == "spend > @min_spend"


@pytest.mark.parametrize("filter_edge_first", [False, True])
def test_order_is_inherited_from_the_input_that_carries_it(filter_edge_first: bool):
    """An ORDER BY upstream of a spatial filter reaches the LIMIT after it through `source`, never through
    `filter`, whatever the order of the edges in the file; the same with one table per node."""
    from tests.support.cases import PEOPLE, ZONES

    wf = WorkflowBuilder()
    ordered = wf.node("native.orderby", {"table": wf.source("p.d.people", schema=PEOPLE)}, id="o",
                      column="age", desc=True)
    f = wf.node("native.spatialfilter", {"source": out(ordered), "filter": wf.source("p.d.zones", schema=ZONES)},
                id="f", geosource="geom", geofilter="geom")
    lim = wf.node("native.limit", {"source": out(f, "match")}, id="l", limit="2")
    wf.save(out(lim), "p.d.top", id="s")
    if filter_edge_first:
        wf.edges.sort(key=lambda e: e["targetHandle"] != "filter")
    for mode in ("fused", "all"):
        p = plan_workflow(bind(parse_workflow(wf.to_dict())), materialize=mode)
        (limit_stage,) = [c for c in compile_plan(p, get_dialect("duckdb")) if "l" in c.stage.nodes]
        assert "ORDER BY age DESC" in " ".join(limit_stage.sql(get_dialect("duckdb"), pretty=False)), mode
