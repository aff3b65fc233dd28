"""`native.tablefromgeojson`: rows on DuckDB and PostGIS, bad document shapes as coded issues at
validation, and SQL that grows linearly with the document (a VALUES list, not a chain of UNIONs)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlglot import exp
from typer.testing import CliRunner

from tests.support.workflows import WorkflowBuilder, out
from wareflow.cli import app
from wareflow.components import bind
from wareflow.components.base import BuildContext
from wareflow.components.library import tablefromgeojson
from wareflow.errors import CompileError, WorkflowError
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.runner import compile_plan
from wareflow.sql.dialects import DIALECTS, get_dialect

# Declared, not derived from the component: Synapse has no geometry type.
UNSUPPORTED = {"synapse"}


def point(x: float, y: float) -> dict[str, Any]:
    return {"type": "Point", "coordinates": [x, y]}


def feature(properties: Any, geometry: Any) -> dict[str, Any]:
    return {"type": "Feature", "properties": properties, "geometry": geometry}


def workflow(doc: Any, destination: str = "main.out") -> WorkflowBuilder:
    wf = WorkflowBuilder()
    text = doc if isinstance(doc, str) else json.dumps(doc)
    wf.save(out(wf.node("native.tablefromgeojson", id="gj", geojson=text)), destination)
    return wf


def collection(n: int, first: int = 0) -> dict[str, Any]:
    """`n` features whose rows are all written with as many characters (ids from `first` up)."""
    return {"type": "FeatureCollection", "features": [
        feature({"id": first + i, "name": f"f{i:04d}", "ok": i % 2 == 0}, point(10 + i % 80, 20 + i % 60))
        for i in range(n)]}


def test_properties_become_typed_columns_and_null_geometries_stay_null(engine, run_workflow):
    doc = {"type": "FeatureCollection", "features": [
        feature({"name": "A", "pop": 10, "flag": True, "mixed": 1, "tags": {"k": [1, 2]}, "geojson": "x"},
                point(1, 2)),
        feature({"name": "B'x", "pop": 2.5, "flag": False, "mixed": "two"}, {
            "type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}),
        feature(None, None),  # GeoJSON's unlocated feature, without properties
    ]}
    run_workflow(engine, workflow(doc).to_dict())
    assert engine.columns("main.out") == ["name", "pop", "flag", "mixed", "tags", "geojson", "geometry"]
    assert engine.table("main.out", "pop NULLS LAST, name", geo_as_wkt=["geometry"]) == [
        ("B'x", 2.5, False, "two", None, None, "POLYGON ((0 0, 1 0, 1 1, 0 0))"),
        ("A", 10.0, True, "1", '{"k": [1, 2]}', "x", "POINT (1 2)"),
        (None, None, None, None, None, None, None),
    ]


@pytest.mark.parametrize("doc", [
    {"type": "Feature", "properties": {"name": "one"}, "geometry": point(3, 4)},
    {"type": "Point", "coordinates": [3, 4]},
], ids=["feature", "bare-geometry"])
def test_a_single_feature_or_geometry_is_one_row(engine, run_workflow, doc):
    run_workflow(engine, workflow(doc).to_dict())
    assert [row[-1] for row in engine.table("main.out", geo_as_wkt=["geometry"])] == ["POINT (3 4)"]


def test_documents_longer_than_one_values_list_keep_every_row(engine, run_workflow, monkeypatch):
    monkeypatch.setattr(tablefromgeojson, "CHUNK", 3)  # 8 features: three VALUES lists joined by UNION ALL
    run_workflow(engine, workflow(collection(8)).to_dict())
    assert engine.table("main.out", "id", geo_as_wkt=["geometry"]) == [
        (float(i), f"f{i:04d}", i % 2 == 0, f"POINT ({10 + i} {20 + i})") for i in range(8)]


BAD_SHAPES = {
    "not-an-object": [1, 2],
    "a-number": 5,
    "unknown-type": {"type": "Topology", "objects": {}},
    "features-not-a-list": {"type": "FeatureCollection", "features": {"0": feature({}, point(0, 0))}},
    "features-missing": {"type": "FeatureCollection"},
    "no-features": {"type": "FeatureCollection", "features": []},
    "feature-not-an-object": {"type": "FeatureCollection", "features": [feature({}, point(0, 0)), "Feature"]},
    "properties-not-an-object": {"type": "FeatureCollection", "features": [feature([1, 2], point(0, 0))]},
    "property-without-a-name": {"type": "FeatureCollection", "features": [feature({" ": 1}, point(0, 0))]},
    "geometry-missing": {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}}]},
    "geometry-not-an-object": {"type": "FeatureCollection", "features": [feature({}, "POINT (0 0)")]},
    "geometry-without-type": {"type": "FeatureCollection", "features": [feature({}, {"coordinates": [0, 0]})]},
    "malformed-json": '{"type": "FeatureCollection", "features": [',
}


@pytest.mark.parametrize("doc", list(BAD_SHAPES.values()), ids=list(BAD_SHAPES))
def test_bad_shapes_are_wf203_at_validation(doc):
    with pytest.raises(WorkflowError) as exc:
        bind(parse_workflow(workflow(doc).to_dict()))
    (issue,) = exc.value.issues
    assert (issue.code, issue.node_id, issue.field) == ("WF203", "gj", "geojson")


@pytest.mark.parametrize("doc", [d for d in BAD_SHAPES.values() if not isinstance(d, str)],
                         ids=[k for k, d in BAD_SHAPES.items() if not isinstance(d, str)])
def test_bad_shapes_are_wf203_when_built(doc):
    """Even past validation (a component made by hand), building says WF203 instead of a traceback."""
    node = parse_workflow(workflow(doc).to_dict()).node("gj")
    comp = tablefromgeojson.TableFromGeoJSON(node, {"geojson": doc})
    with pytest.raises(CompileError) as exc:
        comp.build(BuildContext(get_dialect("duckdb"), "bigquery", node))
    assert [(i.code, i.field) for i in exc.value.issues] == [("WF203", "geojson")]


def test_validate_names_the_bad_feature(tmp_path):
    doc = {"type": "FeatureCollection", "features": [feature({}, point(0, 0)), feature({}, point(1, 1)), 7]}
    path = workflow(doc).write(tmp_path / "bad.json")
    result = CliRunner().invoke(app, ["validate", str(path)], catch_exceptions=False)
    assert result.exit_code == 1
    assert "WF203 node 'gj' (native.tablefromgeojson), input 'geojson': features[2]: " in result.output


def _sql(n: int, dialect: str) -> tuple[str, int]:
    """The SQL compiled for `n` features, and the depth of its deepest statement's tree."""
    plan = plan_workflow(bind(parse_workflow(workflow(collection(n, first=1000), "proj.ds.out").to_dict())))
    target = get_dialect(dialect)
    stages = compile_plan(plan, target)
    depth = max(_depth(s) for stage in stages for s in stage.statements)
    return "\n".join(q for stage in stages for q in stage.sql(target)), depth


def _depth(tree: exp.Expr) -> int:
    deepest, stack = 0, [(tree, 1)]
    while stack:
        node, level = stack.pop()
        deepest = max(deepest, level)
        stack.extend((child, level + 1) for child in node.iter_expressions())
    return deepest


@pytest.mark.parametrize("dialect", sorted(set(DIALECTS) - UNSUPPORTED))
def test_sql_grows_linearly_with_the_features(dialect):
    """Sixteen times the features: at most sixteen times the SQL, and a tree only a few levels deeper
    (a UNION ALL chain is one level per feature, and took minutes to build for a few thousand)."""
    small_sql, small_depth = _sql(64, dialect)
    large_sql, large_depth = _sql(1024, dialect)
    assert len(large_sql) <= 16 * len(small_sql)
    assert large_depth <= small_depth + 5  # log2(16) + 1: balanced UNION ALL where there is no VALUES


@pytest.mark.parametrize("dialect", sorted(UNSUPPORTED))
def test_dialects_without_geometry_say_wf302(dialect):
    plan = plan_workflow(bind(parse_workflow(workflow(collection(2), "proj.ds.out").to_dict())))
    with pytest.raises(CompileError) as exc:
        compile_plan(plan, get_dialect(dialect))
    assert exc.value.codes == ["WF302"]
