"""Parsing the three export shapes, normalising inputs, and every WF1xx/WF2xx code at least once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.workflows import WorkflowBuilder, out
from wareflow.components import bind
from wareflow.components.registry import typed_values
from wareflow.errors import WorkflowError
from wareflow.model import load_workflow, parse_workflow


def codes(exc: pytest.ExceptionInfo[WorkflowError]) -> list[str]:
    return exc.value.codes


def simple() -> WorkflowBuilder:
    wf = WorkflowBuilder()
    src = wf.source("p.d.people", schema=[("id", "number"), ("geom", "geography")])
    b = wf.node("native.buffer", {"source": src}, id="buf", geo="geom", distance="300", units="Meters")
    wf.save(out(b), "p.d.out", id="save")
    return wf


def test_three_shapes_load_the_same_workflow(tmp_path: Path):
    diagram = simple().to_dict()
    (tmp_path / "a.json").write_text(json.dumps(diagram))
    (tmp_path / "b.json").write_text(json.dumps({"title": "t", "privacy": {"privacy": "private"},
                                                 "config": diagram}))
    header = json.dumps({"versionId": "x", "diagramJson": json.dumps(diagram)})
    (tmp_path / "c.sql").write_text(f"/* {header} */\nCREATE OR REPLACE PROCEDURE `p.d.wfproc_x`() BEGIN END;")
    loaded = [load_workflow(tmp_path / n) for n in ("a.json", "b.json", "c.sql")]
    assert {tuple(n.id for n in wf.nodes) for wf in loaded} == {("src_0", "buf", "save")}
    assert all(len(wf.edges) == 2 for wf in loaded)


def test_notes_are_ignored_and_inputs_normalised():
    data = simple().to_dict()
    data["nodes"].append({"id": "n1", "type": "note", "data": {"name": "Note", "markdown": "hi"}})
    wf = parse_workflow(data)
    assert [n.id for n in wf.nodes] == ["src_0", "buf", "save"]
    bound = bind(wf)
    assert bound.components["buf"].distance == 300  # "300" -> 300


@pytest.mark.parametrize(("raw", "expected"), [
    (["h3", "week"], ("h3", "week")), ("h3,full_id", ("h3", "full_id")), ("['a', 'b']", ("a", "b")), ("h3", ("h3",)),
])
def test_column_lists_in_every_wire_form(raw, expected):
    wf = WorkflowBuilder()
    g = wf.node("native.groupby", {"source": wf.source("p.d.t")}, columns="x,sum", groupby=raw)
    wf.save(out(g), "p.d.o")
    assert bind(parse_workflow(wf.to_dict())).components[g].groupby == expected


def test_stringsql_spellings_are_both_accepted():
    wf = WorkflowBuilder()
    s = wf.node("native.select", {"table": wf.source("p.d.t")}, select="a, b")
    wf.nodes[-1]["data"]["inputs"][-1]["type"] = "StringSQL"
    wf.save(out(s), "p.d.o")
    bind(parse_workflow(wf.to_dict()))


# --- WF1xx: files that cannot be parsed --------------------------------------------------------------
def test_wf101_missing_file(tmp_path: Path):
    with pytest.raises(WorkflowError) as exc:
        load_workflow(tmp_path / "nope.json")
    assert codes(exc) == ["WF101"]


def test_wf102_malformed_json_names_line_and_column(tmp_path: Path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "nodes": [\n    {"id": "a",}\n  ]\n}')
    with pytest.raises(WorkflowError) as exc:
        load_workflow(path)
    assert codes(exc) == ["WF102"]
    assert "line 3" in str(exc.value) and str(path) in str(exc.value)


def test_wf103_not_a_workflow():
    with pytest.raises(WorkflowError) as exc:
        parse_workflow({"hello": "world"})
    assert codes(exc) == ["WF103"]


def test_wf104_sql_without_diagram(tmp_path: Path):
    path = tmp_path / "x.sql"
    path.write_text("/* just a comment */ SELECT 1")
    with pytest.raises(WorkflowError) as exc:
        load_workflow(path)
    assert codes(exc) == ["WF104"]


def test_wf105_malformed_node_and_edge():
    with pytest.raises(WorkflowError) as exc:
        parse_workflow({"nodes": [{"id": 3}, {"id": "x", "type": "generic", "data": {}}], "edges": [{"source": 1}]})
    assert codes(exc) == ["WF105", "WF105", "WF105"]


# --- WF2xx: validation reports every problem at once --------------------------------------------------
def test_every_problem_is_reported_at_once_with_node_field_and_code():
    wf = WorkflowBuilder()
    src = wf.source("p.d.t")
    wf.node("native.buffer", {"source": src}, id="buf_1", geo="geom", distance="-5")
    wf.node("native.nosuchthing", {"source": src}, id="x")
    wf.node("native.h3polyfill", {"source": src}, id="h3")  # no `geo`: WF202
    wf.node("native.enrichgrid", {"source": src}, id="enrich")
    wf.node("native.limit", {"source": src}, id="lim", limit="ten")
    wf.node("native.wheresimplified", {"source": src}, id="f", column="a", operator="like", value="1")
    wf.node("native.where", {"source": src}, id="w", expression="a > 1; DROP TABLE t")
    wf.node("native.orderby", id="o", column="a")
    wf.save(out("o"), "p.d.sorted")  # wired downstream, but nothing feeds its 'table' input
    wf.variable("unused", "Number", "1")
    wf.node("native.selectexpression", {"source": src}, id="se", column="c", expression="@nope + 1")
    wf.edges.append({"id": "bad1", "source": "buf_1", "sourceHandle": "match", "target": "lim",
                     "targetHandle": "source2"})
    wf.edges.append({"id": "bad2", "source": "ghost", "sourceHandle": "out", "target": "lim",
                     "targetHandle": "source"})
    with pytest.raises(WorkflowError) as exc:
        bind(parse_workflow(wf.to_dict()))
    found = {(i.code, i.node_id, i.field) for i in exc.value.issues}
    assert ("WF203", "buf_1", "distance") in found
    assert ("WF201", "x", None) in found
    assert ("WF202", "h3", "geo") in found
    assert ("WF214", "enrich", None) in found
    assert ("WF203", "lim", "limit") in found
    assert ("WF203", "f", "operator") in found
    assert ("WF212", "w", "expression") in found
    assert ("WF211", "o", "table") in found
    assert ("WF206", "lim", "source2") in found
    assert any(i.code == "WF205" and "ghost" in i.message for i in exc.value.issues)
    assert any(i.code == "WF208" and "unused" in i.message for i in exc.value.issues)
    assert ("WF210", "se", None) in found
    message = str(exc.value)
    assert "node 'buf_1' (native.buffer), input 'distance': expected a number > 0, got '-5'" in message


def test_wf202_missing_required_input():
    wf = WorkflowBuilder()
    wf.node("native.renamecolumn", {"source": wf.source("p.d.t")}, id="r", column="a")
    with pytest.raises(WorkflowError) as exc:
        bind(parse_workflow(wf.to_dict()))
    assert [(i.code, i.field) for i in exc.value.issues] == [("WF202", "newname")]


def test_wf206_unknown_output_handle():
    wf = WorkflowBuilder()
    src = wf.source("p.d.t")
    b = wf.node("native.limit", {"source": src}, limit="1")
    wf.save(out(b, "match"), "p.d.o")
    with pytest.raises(WorkflowError) as exc:
        bind(parse_workflow(wf.to_dict()))
    assert "WF206" in codes(exc)


def test_wf207_cycle():
    wf = WorkflowBuilder()
    a = wf.node("native.limit", {"source": out("b")}, id="a", limit="1")
    wf.node("native.limit", {"source": out(a)}, id="b", limit="1")
    with pytest.raises(WorkflowError) as exc:
        bind(parse_workflow(wf.to_dict()))
    assert codes(exc) == ["WF207"]


def test_wf209_duplicate_ids():
    wf = WorkflowBuilder()
    wf.source("p.d.t", id="same")
    wf.source("p.d.u", id="same")
    with pytest.raises(WorkflowError) as exc:
        bind(parse_workflow(wf.to_dict()))
    assert "WF209" in codes(exc)


def test_wf213_input_connected_twice():
    wf = WorkflowBuilder()
    a, b = wf.source("p.d.a"), wf.source("p.d.b")
    lim = wf.node("native.limit", {"source": a}, limit="1")
    wf.edges.append({"id": "dup", "source": b.node, "sourceHandle": "out", "target": lim, "targetHandle": "source"})
    with pytest.raises(WorkflowError) as exc:
        bind(parse_workflow(wf.to_dict()))
    assert codes(exc) == ["WF213"]


def test_variables_become_typed_values():
    wf = WorkflowBuilder()
    wf.variable("radius", "Number", "2000.0")
    wf.variable("label", "String", "x")
    src = wf.source("p.d.t")
    b = wf.node("native.buffer", {"source": src}, geo="g", distance="{{@radius}}")
    c = wf.node("native.selectexpression", {"source": out(b)}, column="l", expression="@label")
    wf.save(out(c), "p.d.o")
    assert bind(parse_workflow(wf.to_dict())).variables == {"radius": 2000, "label": "x"}


def test_wf215_a_node_wired_to_nothing_is_skipped_with_a_warning():
    wf = simple()
    wf.node("native.saveastable", id="orphan", destination="p.d.x")
    bound = bind(parse_workflow(wf.to_dict()))
    assert [(w.code, w.node_id) for w in bound.warnings] == [("WF215", "orphan")]
    assert "orphan" not in bound.components


def radius_workflow(default: str) -> WorkflowBuilder:
    wf = WorkflowBuilder()
    wf.variable("radius", "Number", default)
    wf.variable("units", "String", "Meters")
    b = wf.node("native.buffer", {"source": wf.source("p.d.t")}, geo="g", distance="{{@radius}}", units="Meters")
    lim = wf.node("native.limit", {"source": out(b)}, limit="5")
    wf.save(out(lim), "p.d.o")
    c = wf.node("native.selectexpression", {"source": out(b)}, column="u", expression="@units")
    wf.save(out(c), "p.d.u")
    return wf


def test_a_variable_takes_the_bounds_of_the_input_it_sets():
    bound = bind(parse_workflow(radius_workflow("300").to_dict()))
    assert bound.variable_schemas == {"radius": {"exclusiveMinimum": 0}}
    assert typed_values(bound, {"radius": "12.5"}) == {"radius": 12.5}
    for bad in ("-5", "0", "nan", "inf", "-inf", "1e400", "x", True):
        with pytest.raises(WorkflowError) as exc:
            typed_values(bound, {"radius": bad})
        assert codes(exc) == ["WF203"], bad
    with pytest.raises(WorkflowError) as exc:
        typed_values(bound, {"radius": 5, "raduis": 5})  # misspelt: never silently ignored
    assert codes(exc) == ["WF210"]


@pytest.mark.parametrize("default", ["-5", "0", "nan", "inf"])
def test_a_variable_default_out_of_bounds_is_wf203(default: str):
    with pytest.raises(WorkflowError) as exc:
        bind(parse_workflow(radius_workflow(default).to_dict()))
    assert codes(exc) == ["WF203"]
    assert "variable 'radius'" in str(exc.value)


def test_variable_schemas_keep_the_tightest_bounds():
    from wareflow.components.base import Param
    from wareflow.components.registry import variable_schema

    schema = variable_schema([Param.number(gt=0, le=100), Param.number(ge=1, le=50)])
    assert schema == {"exclusiveMinimum": 0, "minimum": 1, "maximum": 50}
    assert variable_schema([Param.selection(("a", "b", "c")), Param.selection(("b", "c", "d"))]) == {"enum": ["b", "c"]}


def test_a_cycle_with_nodes_downstream_of_it_is_wf207():
    """Kahn's leftovers include nodes that only sit downstream of the cycle; the cycle is still found."""
    wf = WorkflowBuilder()
    a = wf.node("native.limit", {"source": wf.source("p.d.t")}, id="a", limit="1")
    b = wf.node("native.limit", {"source": out(a)}, id="b", limit="1")
    wf.node("native.dropcolumn", {"source": out(b)}, id="0_downstream", column="x")  # sorts first
    wf.edges.append({"id": "back", "source": "b", "sourceHandle": "result", "target": "a", "targetHandle": "source"})
    with pytest.raises(WorkflowError) as exc:
        bind(parse_workflow(wf.to_dict()))
    (cycle,) = [i for i in exc.value.issues if i.code == "WF207"]
    assert cycle.message == "the graph has a cycle: a -> b -> a"


def test_canvas_variables_are_variables_in_every_export_dialect():
    """DuckDB reads ``@x`` as ABS(x); in canvas SQL ``@name`` is always a workflow variable."""
    from wareflow.sql.usersql import bind_variables

    for provider in ("duckdb", "bigquery", "postgres", "snowflake", "databricks", "redshift", "oracle"):
        wf = WorkflowBuilder(provider=provider)
        wf.variable("radius", "Number", "5")
        c = wf.node("native.selectexpression", {"source": wf.source("p.d.t")}, id="c", column="r",
                    expression="@radius * 2 + ABS(x)")
        wf.save(out(c), "p.d.o")
        bound = bind(parse_workflow(wf.to_dict()))
        tree = bound.components["c"].expression
        assert bind_variables(tree, {"radius": 7}).sql("duckdb") == "7 * 2 + ABS(x)", provider
