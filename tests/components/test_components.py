"""One small workflow per component, run for real on DuckDB and on PostGIS (the `engine` fixture).

Each test asserts the output rows and column names; since both engines must give the same
expected values, passing on both means they agree.
"""

from __future__ import annotations

import json
import math

import pytest

from tests.support.workflows import WorkflowBuilder, out

PEOPLE = [("id", "integer"), ("name", "string"), ("age", "number"), ("city", "string"),
          ("score", "number"), ("geom", "geography")]


def people(wf: WorkflowBuilder, declared: bool = True):
    return wf.source("my-project.ds.people", schema=PEOPLE if declared else None)


def mapped(wf: WorkflowBuilder) -> dict:
    """The builder's workflow reading `main.*`, as `--map my-project.ds=main` would."""
    text = json.dumps(wf.to_dict()).replace("my-project.ds.", "main.")
    return json.loads(text)


def ids(engine, table: str) -> list[int]:
    return [r[0] for r in engine.rows(f"SELECT id FROM {table} ORDER BY id")]


@pytest.mark.parametrize("declared", [True, False], ids=["declared-schema", "introspected"])
def test_where_splits_rows_and_keeps_null_rows_in_unmatch(engine, run_workflow, declared):
    wf = WorkflowBuilder()
    where = wf.node("native.where", {"source": people(wf, declared)}, expression="age >= 18 OR city = 'Paris'")
    wf.save(out(where, "match"), "main.adults")
    wf.save(out(where, "unmatch"), "main.others")
    run_workflow(engine, mapped(wf))
    assert ids(engine, "main.adults") == [1, 2, 4]
    assert ids(engine, "main.others") == [3]  # age NULL: CARTO loses it from both outputs
    assert engine.columns("main.adults") == [c for c, _ in PEOPLE]


def test_simple_filter_types_the_value_by_the_column(engine, run_workflow):
    wf = WorkflowBuilder()
    f = wf.node("native.wheresimplified", {"source": people(wf)}, column="age",
                operator="equal or greater than", value="18")
    g = wf.node("native.wheresimplified", {"source": people(wf, False)}, column="name", operator="equal to",
                value="O'Neil")
    wf.save(out(f, "match"), "main.m")
    wf.save(out(f, "unmatch"), "main.u")
    wf.save(out(g, "match"), "main.quoted")
    run_workflow(engine, mapped(wf))
    assert ids(engine, "main.m") == [1, 4]
    assert ids(engine, "main.u") == [2, 3]
    assert ids(engine, "main.quoted") == [3]


def test_select_transpiles_bigquery_sql(engine, run_workflow):
    wf = WorkflowBuilder()
    s = wf.node("native.select", {"table": people(wf)},
                select="id, UPPER(name) AS up, score * 2 AS double_score, IFNULL(city, 'none') AS town")
    wf.save(out(s), "main.out")
    run_workflow(engine, mapped(wf))
    assert engine.columns("main.out") == ["id", "up", "double_score", "town"]
    assert engine.table("main.out", "id") == [(1, "ANN", 20.0, "Madrid"), (2, "BOB", 40.0, "Paris"),
                                              (3, "O'NEIL", 60.0, "Madrid"), (4, "DEE", None, "none")]


def test_create_column_adds_it_last(engine, run_workflow):
    wf = WorkflowBuilder()
    c = wf.node("native.selectexpression", {"source": people(wf)}, column="bonus",
                expression="COALESCE(score, 0) + 1")
    wf.save(out(c), "main.out")
    run_workflow(engine, mapped(wf))
    assert engine.columns("main.out") == [*(c for c, _ in PEOPLE), "bonus"]
    assert [r[0] for r in engine.rows("SELECT bonus FROM main.out ORDER BY id")] == [11.0, 21.0, 31.0, 1.0]


def test_custom_sql_reads_its_inputs(engine, run_workflow):
    wf = WorkflowBuilder()
    zones = wf.source("my-project.ds.zones", schema=[("zone_id", "integer"), ("zone", "string"),
                                                     ("geom", "geography")])
    sql = ("SELECT p.id, z.zone FROM `$a` p JOIN $b AS z ON ST_INTERSECTS(p.geom, z.geom) "
           "WHERE z.zone <> \"band\";")
    c = wf.node("native.customsql", {"sourcea": people(wf), "sourceb": zones}, sql=sql)
    wf.save(out(c), "main.out")
    run_workflow(engine, mapped(wf))
    assert engine.columns("main.out") == ["id", "zone"]
    assert engine.table("main.out", "id, zone") == [(1, "west"), (2, "east"), (3, "west")]


def test_case_when_first_match_wins(engine, run_workflow):
    wf = WorkflowBuilder()
    conditions = [{"column": "age", "conditions": [
        {"condition": ">=", "value": "50", "return": "senior"},
        {"condition": ">=", "value": "18", "return": "adult"}]}]
    c = wf.node("native.casewhen", {"source": people(wf)}, conditions=json.dumps(conditions),
                **{"else": "minor"}, newcolumn="band")
    n = wf.node("native.casewhen", {"source": out(c)}, conditions=json.dumps(
        [{"column": "city", "conditions": [{"condition": "IS NULL", "value": "", "return": "1"}]}]),
        newcolumn="no_city", **{"else": "0"})
    wf.save(out(n), "main.out")
    run_workflow(engine, mapped(wf))
    assert engine.columns("main.out")[-2:] == ["band", "no_city"]
    assert engine.rows("SELECT id, band, no_city FROM main.out ORDER BY id") == [
        (1, "adult", 0), (2, "minor", 0), (3, "minor", 0), (4, "senior", 1)]


def test_drop_and_rename_columns(engine, run_workflow):
    wf = WorkflowBuilder()
    d = wf.node("native.dropcolumn", {"source": people(wf, False)}, column=["geom", "score"])
    r = wf.node("native.renamecolumn", {"source": out(d)}, column="name", newname="person")
    wf.save(out(r), "main.out")
    run_workflow(engine, mapped(wf))
    assert engine.columns("main.out") == ["id", "age", "city", "person"]  # renamed moves last
    assert engine.table("main.out", "id")[2] == (3, None, "Madrid", "O'Neil")


def test_order_by_then_limit_is_a_top_n(engine, run_workflow):
    wf = WorkflowBuilder()
    o = wf.node("native.orderby", {"table": people(wf)}, column="score", desc=True)
    lim = wf.node("native.limit", {"source": out(o)}, limit="2")
    wf.save(out(lim), "main.out")
    for mode in ("fused", "all"):  # one table per node must still give the top 2
        run_workflow(engine, mapped(wf), materialize=mode)
        assert engine.rows("SELECT id FROM main.out ORDER BY score DESC") == [(3,), (2,)], mode


def test_normalize_min_max_and_zscores(engine, run_workflow):
    wf = WorkflowBuilder()
    n = wf.node("native.normalize", {"source": people(wf)}, column="score")
    z = wf.node("native.normalize", {"source": people(wf)}, column="score", zscores=True)
    wf.save(out(n), "main.minmax")
    wf.save(out(z), "main.z")
    run_workflow(engine, mapped(wf))
    assert engine.columns("main.minmax")[-1] == "score_norm"
    assert engine.rows("SELECT score_norm FROM main.minmax ORDER BY id") == [(0.0,), (0.5,), (1.0,), (None,)]
    assert engine.rows("SELECT score_norm FROM main.z ORDER BY id") == [(-1.0,), (0.0,), (1.0,), (None,)]


def test_group_by_several_aggregations(engine, run_workflow):
    wf = WorkflowBuilder()
    g = wf.node("native.groupby", {"source": people(wf)}, columns="score,sum,id,count,age,max", groupby="city")
    wf.save(out(g), "main.out")
    run_workflow(engine, mapped(wf))
    assert engine.columns("main.out") == ["city", "score_sum", "id_count", "age_max"]
    assert engine.table("main.out", "city NULLS LAST") == [("Madrid", 40.0, 2, 34.0), ("Paris", 20.0, 1, 17.0),
                                                           (None, None, 1, 51.0)]


def test_group_by_geometry_aggregations(engine, run_workflow):
    wf = WorkflowBuilder()
    zones = wf.source("my-project.ds.zones")
    g = wf.node("native.groupby", {"source": zones}, columns="geom,combine,zone_id,count")
    wf.save(out(g), "main.out")
    run_workflow(engine, mapped(wf))
    assert engine.columns("main.out") == ["geom_union", "zone_id_count"]
    (row,) = engine.rows("SELECT ST_Area(geom_union), zone_id_count FROM main.out")
    assert row == (3.0, 3)


@pytest.mark.parametrize(("jointype", "expected"), [
    ("Inner", [(1, "ES"), (2, "FR"), (3, "ES")]),
    ("Left", [(1, "ES"), (2, "FR"), (3, "ES"), (4, None)]),
    ("Right", [(1, "ES"), (2, "FR"), (3, "ES"), (None, "IT")]),
    ("Full outer", [(1, "ES"), (2, "FR"), (3, "ES"), (4, None), (None, "IT")]),
])
def test_join_types_and_joined_suffix(engine, run_workflow, jointype, expected):
    wf = WorkflowBuilder()
    cities = wf.source("my-project.ds.cities")
    j = wf.node("native.join", {"maintable": people(wf), "secondarytable": cities}, maincolumn="city",
                secondarycolumn="city", jointype=jointype)
    wf.save(out(j), "main.out")
    run_workflow(engine, mapped(wf))
    assert engine.columns("main.out") == [*(c for c, _ in PEOPLE), "city_joined", "country_joined"]
    assert engine.rows("SELECT id, country_joined FROM main.out ORDER BY id NULLS LAST, country_joined") == expected


def test_cross_join(engine, run_workflow):
    wf = WorkflowBuilder()
    c = wf.node("native.crossjoin", {"maintable": people(wf), "secondarytable": wf.source("my-project.ds.cities")})
    wf.save(out(c), "main.out")
    run_workflow(engine, mapped(wf))
    assert engine.columns("main.out")[-2:] == ["city_joined", "country_joined"]
    assert engine.rows("SELECT COUNT(*) FROM main.out") == [(12,)]


def test_spatial_join(engine, run_workflow):
    wf = WorkflowBuilder()
    zones = wf.source("my-project.ds.zones")
    s = wf.node("native.spatialjoin", {"maintable": zones, "secondarytable": people(wf)}, maincolumn="geom",
                secondarycolumn="geom", predicate="intersects")
    wf.save(out(s), "main.out")
    run_workflow(engine, mapped(wf))
    assert engine.columns("main.out")[:4] == ["zone_id", "zone", "geom", "id_joined"]
    assert engine.rows("SELECT zone_id, id_joined FROM main.out ORDER BY 1, 2") == [
        (1, 1), (1, 3), (2, 2), (3, 1), (3, 2)]


def test_spatial_filter_deduplicates_and_complements(engine, run_workflow):
    wf = WorkflowBuilder()
    f = wf.node("native.spatialfilter", {"source": people(wf), "filter": wf.source("my-project.ds.zones")},
                geosource="geom", geofilter="geom", predicate="intersects")
    wf.save(out(f, "match"), "main.inside")
    wf.save(out(f, "unmatch"), "main.outside")
    run_workflow(engine, mapped(wf))
    assert ids(engine, "main.inside") == [1, 2, 3]  # person 1 is in two zones but appears once
    assert ids(engine, "main.outside") == [4]
    assert engine.columns("main.inside") == [c for c, _ in PEOPLE]


@pytest.mark.parametrize(("distance", "units"), [("1000", "Meters"), ("1", "Kilometers"), ("0.621371", "Miles")])
def test_buffer_is_metric_and_first(engine, run_workflow, distance, units):
    wf = WorkflowBuilder()
    b = wf.node("native.buffer", {"source": people(wf)}, geo="geom", distance=distance, units=units)
    wf.save(out(b), "main.out")
    run_workflow(engine, mapped(wf))
    assert engine.columns("main.out") == ["geom_buffer", *(c for c, _ in PEOPLE)]
    area = ("ST_Area_Spheroid(ST_FlipCoordinates(geom_buffer))" if engine.name == "duckdb"
            else "ST_Area(geom_buffer::geography)")
    for (value,) in engine.rows(f"SELECT {area} FROM main.out"):
        assert value == pytest.approx(math.pi * 1000**2, rel=0.01)  # a 32-gon of radius 1 km
    assert engine.rows("SELECT COUNT(*) FROM main.out WHERE ST_Contains(geom_buffer, geom)") == [(4,)]


def test_buffer_distance_from_a_variable(engine, run_workflow):
    wf = WorkflowBuilder()
    wf.variable("radius", "Number", "1000")
    first = wf.node("native.where", {"source": people(wf)}, expression="id = 1")
    b = wf.node("native.buffer", {"source": out(first, "match")}, geo="geom", distance="{{@radius}}",
                units="Kilometers")
    f = wf.node("native.spatialfilter", {"source": people(wf), "filter": out(b)}, geosource="geom",
                geofilter="geom_buffer")
    wf.save(out(f, "match"), "main.near")
    run_workflow(engine, mapped(wf), variables={"radius": 150})
    assert ids(engine, "main.near") == [1, 2, 3]  # 1 degree away is ~111 km; (5, 5) is ~700 km away
    run_workflow(engine, mapped(wf))  # default 1000 km reaches everyone
    assert ids(engine, "main.near") == [1, 2, 3, 4]


def test_table_from_geojson(engine, run_workflow):
    wf = WorkflowBuilder()
    doc = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "A", "pop": 10},
         "geometry": {"type": "Point", "coordinates": [1, 2]}},
        {"type": "Feature", "properties": {"name": "B'x"},
         "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}},
    ]}
    g = wf.node("native.tablefromgeojson", geojson=json.dumps(doc))
    wf.save(out(g), "main.out")
    run_workflow(engine, mapped(wf))
    assert engine.columns("main.out") == ["name", "pop", "geometry"]
    assert engine.table("main.out", "name", geo_as_wkt=["geometry"]) == [
        ("A", 10.0, "POINT (1 2)"), ("B'x", None, "POLYGON ((0 0, 1 0, 1 1, 0 0))")]


def test_get_table_by_name(engine, run_workflow):
    wf = WorkflowBuilder()
    wf.nodes.append({"id": "byname", "type": "generic", "data": {"name": "native.gettablebyname", "inputs": [
        {"name": "source", "type": "String", "value": "my-project.ds.cities"}]}})
    wf.save(out("byname", "out"), "main.out")
    run_workflow(engine, mapped(wf))
    assert engine.table("main.out", "city") == [("Madrid", "ES"), ("Paris", "FR"), ("Rome", "IT")]


def test_save_overwrites_and_appends_exactly_once_per_run(engine, run_workflow):
    wf = WorkflowBuilder()
    wf.save(people(wf), "main.copy")
    wf.save(people(wf), "main.log", append=True)
    run_workflow(engine, mapped(wf), run_key="run-1")
    run_workflow(engine, mapped(wf), run_key="run-1")  # a retry of the same run: no duplicates
    assert engine.rows("SELECT COUNT(*) FROM main.copy") == [(4,)]
    assert engine.rows("SELECT COUNT(*) FROM main.log") == [(4,)]
    run_workflow(engine, mapped(wf), run_key="run-2")
    assert engine.rows("SELECT COUNT(*) FROM main.copy") == [(4,)]
    assert engine.rows("SELECT COUNT(*) FROM main.log") == [(8,)]


def test_save_with_an_empty_destination_writes_the_documented_default(engine, run_workflow):
    wf = WorkflowBuilder(title="My Flow: v2")
    wf.save(people(wf), "", id="7e5f9be0-7dcc-4369")
    (result,) = run_workflow(engine, mapped(wf))
    assert result.target == "my_flow_v2_7e5f9be0" and result.rows == 4
    assert engine.rows("SELECT COUNT(*) FROM my_flow_v2_7e5f9be0") == [(4,)]
