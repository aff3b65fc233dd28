"""The H3 and quadbin components run on DuckDB and PostGIS and agree with independent references: the
`h3` package for H3 (10,000 random points, 200 random polygons per polyfill mode, holes, multipolygons
and the antimeridian among them), and a Python implementation of CARTO's quadbin bit layout
(tests/support/grids.py) for quadbin, plus CARTO's documented values.

PostGIS runs h3-pg's function names through the test server's PL/Python stand-in (tests/support/h3_standin.py);
production needs the real h3-pg extension."""

from __future__ import annotations

from collections import defaultdict

import h3
import pytest
import shapely

from tests.support import grids
from tests.support.workflows import WorkflowBuilder, out

POINTS = 10_000
POLYGONS = 200
H3_RES = 9
MODES = {"center": "center", "intersects": "overlap", "contains": "full"}  # ours -> h3's containment mode


def _run(engine, run_workflow, component: str, source: str, schema, **inputs) -> None:
    wf = WorkflowBuilder(title=f"grid {component}")
    node = wf.node(component, {"source": wf.source(f"main.{source}", schema=schema)}, **inputs)
    wf.save(out(node), "main.result")
    run_workflow(engine, wf)


@pytest.fixture
def points(engine):
    lon, lat = grids.random_points(POINTS, seed=7)
    rows = [(i, f"POINT ({x!r} {y!r})") for i, (x, y) in enumerate(zip(lon.tolist(), lat.tolist(), strict=True))]
    engine.load("points", [("id", "integer"), ("geom", "geography")], rows)
    return dict(enumerate(zip(lon.tolist(), lat.tolist(), strict=True)))


POINT_SCHEMA = [("id", "number"), ("geom", "geography")]
POLYGON_SCHEMA = [("id", "number"), ("geom", "geography")]
CELL_SCHEMA = [("id", "number"), ("h3", "string"), ("h3_other", "string")]
QUADBIN_SCHEMA = [("id", "number"), ("quadbin", "number")]


# --- H3 ------------------------------------------------------------------------------------------------
def test_h3frompoint_matches_the_h3_package(engine, run_workflow, points):
    _run(engine, run_workflow, "native.h3frompoint", "points", POINT_SCHEMA, pointscol="geom",
         resolution=str(H3_RES))
    got = dict(engine.rows("SELECT id, h3 FROM main.result"))
    assert len(got) == POINTS
    expected = {i: h3.latlng_to_cell(lat, lon, H3_RES) for i, (lon, lat) in points.items()}
    assert got == expected


@pytest.fixture
def polygons(engine):
    shapes = grids.random_polygons(POLYGONS, seed=11, res=7)
    engine.load("polygons", [("id", "integer"), ("geom", "geography")],
                [(i, shape.wkt) for i, shape in enumerate(shapes)])
    return shapes


@pytest.mark.parametrize("mode", sorted(MODES))
def test_h3polyfill_matches_the_h3_package_per_polygon(engine, run_workflow, polygons, mode):
    _run(engine, run_workflow, "native.h3polyfill", "polygons", POLYGON_SCHEMA, geo="geom", resolution="7",
         mode=mode, includecols="true")
    got: dict[int, set[str]] = defaultdict(set)
    for i, cell in engine.rows("SELECT id, h3 FROM main.result"):
        got[i].add(cell)
    expected = {i: set(h3.h3shape_to_cells_experimental(h3.geo_to_h3shape(shape), 7, MODES[mode]))
                for i, shape in enumerate(polygons)}
    assert {i: cells for i, cells in expected.items() if cells} == dict(got)
    assert sum(map(len, got.values())) > 5 * POLYGONS  # a real fill, not a handful of cells


@pytest.mark.parametrize("mode", sorted(MODES))
def test_h3polyfill_agrees_with_the_geometry_of_the_cells(engine, run_workflow, polygons, mode):
    """Against geometric truth (cell centre inside / cell overlapping / cell inside, planar in lon/lat):
    the warehouses' modes follow H3's own rules, which agree with it but for cells grazing an edge."""
    _run(engine, run_workflow, "native.h3polyfill", "polygons", POLYGON_SCHEMA, geo="geom", resolution="7",
         mode=mode, includecols="true")
    got: dict[int, set[str]] = defaultdict(set)
    for i, cell in engine.rows("SELECT id, h3 FROM main.result"):
        got[i].add(cell)
    total = same = 0
    for i, shape in enumerate(polygons):
        reference = grids.h3_polyfill_reference(shape, 7, mode)
        total += len(reference | got[i])
        same += len(reference & got[i])
    assert total and same / total > 0.99


def test_h3polyfill_without_includecols_is_the_distinct_cells(engine, run_workflow, polygons):
    _run(engine, run_workflow, "native.h3polyfill", "polygons", POLYGON_SCHEMA, geo="geom", resolution="6")
    assert engine.columns("main.result") == ["h3"]
    got = [c for (c,) in engine.rows("SELECT h3 FROM main.result")]
    expected = set().union(*(h3.h3shape_to_cells_experimental(h3.geo_to_h3shape(s), 6, "center") for s in polygons))
    assert len(got) == len(set(got)) and set(got) == expected


@pytest.fixture
def cells(engine):
    first = grids.random_cells(2_000, seed=3, res=8)
    other = [h3.grid_ring(c, 2)[0] if i % 3 else c for i, c in enumerate(first)]
    other[5] = h3.cell_to_parent(first[5], 6)  # resolutions differ: no distance
    engine.load("cells", [("id", "integer"), ("h3", "string"), ("h3_other", "string")],
                [(i, a, b) for i, (a, b) in enumerate(zip(first, other, strict=True))])
    return first, other


def test_h3_cell_functions_match_the_h3_package(engine, run_workflow, cells):
    first, other = cells
    _run(engine, run_workflow, "native.h3distance", "cells", CELL_SCHEMA, h3_1="h3", h3_2="h3_other")
    got = dict(engine.rows("SELECT id, h3_distance FROM main.result"))
    expected = {}
    for i, (a, b) in enumerate(zip(first, other, strict=True)):
        try:
            expected[i] = h3.grid_distance(a, b)
        except h3.H3BaseException:
            expected[i] = None
    assert got == expected

    _run(engine, run_workflow, "native.h3toparent", "cells", CELL_SCHEMA, h3col="h3", resolution="5")
    assert dict(engine.rows("SELECT id, h3_parent FROM main.result")) == {
        i: h3.cell_to_parent(c, 5) for i, c in enumerate(first)}

    _run(engine, run_workflow, "native.h3center", "cells", CELL_SCHEMA, h3col="h3")
    for i, x, y in engine.rows("SELECT id, ST_X(h3_center), ST_Y(h3_center) FROM main.result"):
        lat, lon = h3.cell_to_latlng(first[i])
        assert (x, y) == pytest.approx((lon, lat), abs=1e-6)  # rows come back rounded to 6 decimals

    _run(engine, run_workflow, "native.h3boundary", "cells", CELL_SCHEMA, h3col="h3")
    for i, wkt in engine.rows("SELECT id, ST_AsText(h3_geo) FROM main.result"):
        shape = shapely.from_wkt(wkt)
        if shape.geom_type == "MultiPolygon" or any(abs(x) == 180 for x, _ in shape.exterior.coords):
            # h3-pg splits a cell crossing the antimeridian in two, and closes a polar one along ±180
            assert max(abs(lon) for lat, lon in h3.cell_to_boundary(first[i])) > 90
            continue
        ring = shape.exterior.coords[:-1]
        expected = [(lon, lat) for lat, lon in h3.cell_to_boundary(first[i])]
        assert len(ring) == len(expected)
        assert all(p == pytest.approx(q, abs=1e-6) for p, q in zip(ring, expected, strict=True))


def test_h3kring_and_children_match_the_h3_package(engine, run_workflow, cells):
    first, _ = cells
    _run(engine, run_workflow, "native.h3kring", "cells", CELL_SCHEMA, h3="h3", size="2", includedistance="true")
    got: dict[str, dict[str, int]] = defaultdict(dict)
    for origin, cell, distance in engine.rows("SELECT h3, kring_index, distance FROM main.result"):
        got[origin][cell] = distance
    for origin in set(first):
        assert got[origin] == {c: h3.grid_distance(origin, c) for c in h3.grid_disk(origin, 2)}

    _run(engine, run_workflow, "native.h3tochildren", "cells", CELL_SCHEMA, h3col="h3", resolution="10")
    children: dict[int, set[str]] = defaultdict(set)
    for i, child in engine.rows("SELECT id, h3_child FROM main.result"):
        children[i].add(child)
    assert children == {i: set(h3.cell_to_children(c, 10)) for i, c in enumerate(first)}


# --- quadbin -------------------------------------------------------------------------------------------
def test_quadbin_from_point_is_carto_s_value(engine, run_workflow):
    engine.load("madrid", [("id", "integer"), ("geom", "geography")], [(1, "POINT (-3.7038 40.4168)")])
    _run(engine, run_workflow, "native.quadbinfromgeopoint", "madrid", POINT_SCHEMA, pointscol="geom",
         resolution="4")
    assert engine.rows("SELECT quadbin FROM main.result") == [(5207251884775047167,)]


@pytest.mark.parametrize("z", [0, 1, 4, 13, 26])
def test_quadbinfromgeopoint_matches_the_bit_layout(engine, run_workflow, points, z):
    _run(engine, run_workflow, "native.quadbinfromgeopoint", "points", POINT_SCHEMA, pointscol="geom",
         resolution=str(z))
    got = dict(engine.rows("SELECT id, quadbin FROM main.result"))
    assert got == {i: grids.from_lonlat(lon, lat, z) for i, (lon, lat) in points.items()}


@pytest.fixture
def quadbins(engine):
    cells = grids.random_quadbins(2_000, seed=5)
    cells[:4] = [grids.from_zxy(0, 0, 0), grids.from_zxy(1, 1, 0), grids.from_zxy(26, 0, (1 << 26) - 1),
                 5207251884775047167]
    engine.load("quadbins", [("id", "integer"), ("quadbin", "integer")], list(enumerate(cells)))
    return cells


def test_quadbin_cell_functions_match_the_bit_layout(engine, run_workflow, quadbins):
    _run(engine, run_workflow, "native.quadbintoparent", "quadbins", QUADBIN_SCHEMA, quadbincol="quadbin",
         resolution="8")
    assert dict(engine.rows("SELECT id, quadbin_parent FROM main.result")) == {
        i: grids.to_parent(q, 8) if grids.resolution(q) >= 8 else None for i, q in enumerate(quadbins)}

    _run(engine, run_workflow, "native.quadbincenter", "quadbins", QUADBIN_SCHEMA, quadbincol="quadbin")
    for i, x, y in engine.rows("SELECT id, ST_X(quadbin_center), ST_Y(quadbin_center) FROM main.result"):
        # rows come back rounded to 6 decimals
        assert (x, y) == pytest.approx(grids.center(quadbins[i], special_cases=False), abs=1e-6)

    _run(engine, run_workflow, "native.quadbinboundary", "quadbins", QUADBIN_SCHEMA, quadbincol="quadbin")
    for i, wkt in engine.rows("SELECT id, ST_AsText(quadbin_geo) FROM main.result"):
        assert shapely.from_wkt(wkt).bounds == pytest.approx(tuple(grids.bbox(quadbins[i])), abs=1e-6)


def test_quadbin_kring_and_children_match_the_bit_layout(engine, run_workflow, quadbins):
    sample = [q for q in quadbins if grids.resolution(q) <= 22][:300]
    engine.load("ring", [("id", "integer"), ("quadbin", "integer")], list(enumerate(sample)))
    _run(engine, run_workflow, "native.quadbinkring", "ring", QUADBIN_SCHEMA, quadbin="quadbin", size="2",
         includedistance="true")
    got: dict[int, dict[int, int]] = defaultdict(dict)
    for origin, cell, distance in engine.rows("SELECT quadbin, kring_index, distance FROM main.result"):
        got[origin][cell] = distance
    assert dict(got) == {q: grids.kring_distances(q, 2) for q in sample}

    coarse = [q for q in quadbins if grids.resolution(q) <= 6][:100]
    engine.load("coarse", [("id", "integer"), ("quadbin", "integer")], list(enumerate(coarse)))
    _run(engine, run_workflow, "native.quadbintochildren", "coarse", QUADBIN_SCHEMA, quadbincol="quadbin",
         resolution="8")
    children: dict[int, set[int]] = defaultdict(set)
    for i, child in engine.rows("SELECT id, quadbin_child FROM main.result"):
        children[i].add(child)
    assert dict(children) == {i: set(grids.to_children(q, 8)) for i, q in enumerate(coarse)}


@pytest.mark.parametrize("mode", ["center", "intersects", "contains"])
def test_quadbinpolyfill_matches_the_reference(engine, run_workflow, mode):
    shapes = grids.random_polygons(POLYGONS, seed=13, res=9, grid="quadbin")
    engine.load("qpolygons", [("id", "integer"), ("geom", "geography")],
                [(i, shape.wkt) for i, shape in enumerate(shapes)])
    _run(engine, run_workflow, "native.quadbinpolyfill", "qpolygons", POLYGON_SCHEMA, geo="geom", resolution="9",
         mode=mode, includecols="true")
    got: dict[int, set[int]] = defaultdict(set)
    for i, cell in engine.rows("SELECT id, quadbin FROM main.result"):
        got[i].add(cell)
    expected = {i: set(grids.polyfill(shape, 9, mode)) for i, shape in enumerate(shapes)}
    assert dict(got) == {i: cells for i, cells in expected.items() if cells}


# --- all of them in one workflow ------------------------------------------------------------------------
def test_every_grid_component_in_one_workflow(engine, run_workflow):
    """Points and polygons through every H3 and quadbin component, chained and fused as a canvas would
    wire them, checked against the references at the end of each chain."""
    lon, lat = grids.random_points(2_000, seed=21, world=False)
    engine.load("pts", [("id", "integer"), ("geom", "geography")],
                [(i, f"POINT ({x!r} {y!r})") for i, (x, y) in enumerate(zip(lon.tolist(), lat.tolist(), strict=True))])
    shapes = grids.random_polygons(20, seed=22, res=7)
    engine.load("areas", [("id", "integer"), ("geom", "geography")], [(i, s.wkt) for i, s in enumerate(shapes)])

    wf = WorkflowBuilder(title="all grid components")
    pts = wf.source("main.pts", schema=POINT_SCHEMA)
    areas = wf.source("main.areas", schema=POLYGON_SCHEMA)
    # H3: points -> cells -> counts -> parent, centre, boundary; the cells' children and their ring
    cells = wf.node("native.h3frompoint", {"source": pts}, pointscol="geom", resolution="6")
    counts = wf.node("native.groupby", {"source": out(cells)}, columns="id,count", groupby="h3")
    parent = wf.node("native.h3toparent", {"source": out(counts)}, h3col="h3", resolution="4")
    center = wf.node("native.h3center", {"source": out(parent)}, h3col="h3")
    boundary = wf.node("native.h3boundary", {"source": out(center)}, h3col="h3")
    wf.save(out(boundary), "main.h3_counts")
    children = wf.node("native.h3tochildren", {"source": out(counts)}, h3col="h3", resolution="7")
    ring = wf.node("native.h3kring", {"source": out(children)}, h3="h3_child", size="1", includecols="true")
    distance = wf.node("native.h3distance", {"source": out(ring)}, h3_1="h3_child", h3_2="kring_index")
    wf.save(out(distance), "main.h3_rings")
    fill = wf.node("native.h3polyfill", {"source": areas}, geo="geom", resolution="7", mode="intersects",
                   includecols="true")
    wf.save(out(fill), "main.h3_fill")
    # quadbin: the same shapes
    qcells = wf.node("native.quadbinfromgeopoint", {"source": pts}, pointscol="geom", resolution="10")
    qparent = wf.node("native.quadbintoparent", {"source": out(qcells)}, quadbincol="quadbin", resolution="8")
    qcenter = wf.node("native.quadbincenter", {"source": out(qparent)}, quadbincol="quadbin_parent")
    qboundary = wf.node("native.quadbinboundary", {"source": out(qcenter)}, quadbincol="quadbin_parent")
    wf.save(out(qboundary), "main.q_points")
    qchildren = wf.node("native.quadbintochildren", {"source": out(qparent)}, quadbincol="quadbin_parent",
                        resolution="9")
    qring = wf.node("native.quadbinkring", {"source": out(qchildren)}, quadbin="quadbin_parent_child", size="1",
                    includedistance="true")
    wf.save(out(qring), "main.q_rings")
    qfill = wf.node("native.quadbinpolyfill", {"source": areas}, geo="geom", resolution="10", mode="contains")
    wf.save(out(qfill), "main.q_fill")
    run_workflow(engine, wf)

    points = list(zip(lon.tolist(), lat.tolist(), strict=True))
    h3_cells = [h3.latlng_to_cell(y, x, 6) for x, y in points]
    expected_counts = {c: h3_cells.count(c) for c in set(h3_cells)}
    got = {c: (n, p) for c, n, p in engine.rows("SELECT h3, id_count, h3_parent FROM main.h3_counts")}
    assert got == {c: (n, h3.cell_to_parent(c, 4)) for c, n in expected_counts.items()}
    assert engine.columns("main.h3_counts")[:2] == ["h3_geo", "h3_center"]

    rings: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for child, cell, d in engine.rows("SELECT h3_child, kring_index, h3_distance FROM main.h3_rings"):
        rings[child].add((cell, d))
    assert rings == {child: {(c, h3.grid_distance(child, c)) for c in h3.grid_disk(child, 1)}
                     for parent_cell in expected_counts for child in h3.cell_to_children(parent_cell, 7)}

    fill_got = {(i, c) for i, c in engine.rows("SELECT id, h3 FROM main.h3_fill")}
    assert fill_got == {(i, c) for i, s in enumerate(shapes)
                        for c in h3.h3shape_to_cells_experimental(h3.geo_to_h3shape(s), 7, "overlap")}

    q_parents = {grids.to_parent(grids.from_lonlat(x, y, 10), 8) for x, y in points}
    got_q = engine.rows("SELECT id, quadbin, quadbin_parent FROM main.q_points")
    assert all(q == grids.from_lonlat(*points[i], 10) and p == grids.to_parent(q, 8) for i, q, p in got_q)
    q_rings: dict[int, dict[int, int]] = defaultdict(dict)
    for child, cell, d in engine.rows("SELECT quadbin_parent_child, kring_index, distance FROM main.q_rings"):
        q_rings[child][cell] = d
    assert dict(q_rings) == {c: grids.kring_distances(c, 1) for p in q_parents for c in grids.to_children(p, 9)}
    assert {q for (q,) in engine.rows("SELECT quadbin FROM main.q_fill")} == set().union(
        *(grids.polyfill(s, 10, "contains") for s in shapes))
