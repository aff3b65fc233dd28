"""Enrichment (H3 grid, quadbin grid, points, polygons) on DuckDB and PostGIS, against the independent
reference in `tests.support.enrich_reference` (shapely + pyproj's geodesics + h3).

Both engines measure geodesically on the WGS84 ellipsoid (PostGIS geography, DuckDB's *_Spheroid functions,
GeographicLib in both and in pyproj) and intersect planar in lon/lat (GEOS, as shapely): results agree to
1e-9 relative. H3 cell boundaries are h3's own vertices on both engines (WKB, full precision).
"""

from __future__ import annotations

import math
from functools import cache
from typing import Any

import h3
import numpy as np
import pytest
from shapely import affinity
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from tests.support import enrich_reference as ref
from tests.support import grids
from tests.support.workflows import WorkflowBuilder, out
from wareflow.components import bind
from wareflow.errors import CompileError, WorkflowError
from wareflow.model import parse_workflow
from wareflow.plan import plan_workflow
from wareflow.runner import compile_plan
from wareflow.sql.dialects import get_dialect

LON, LAT = -3.7, 40.4
KM_LAT, KM_LON = 1 / 111.0, 1 / 84.6  # degrees per km near LAT
VARIABLES = "v,sum,v,avg,v,min,v,max,v,count,w,sum,w,avg"
PAIRS = [("v", "sum"), ("v", "avg"), ("v", "min"), ("v", "max"), ("v", "count"), ("w", "sum"), ("w", "avg")]
NEW = [f"{c}_{m}" for c, m in PAIRS]
SOURCE_COLUMNS = [("fid", "integer"), ("v", "number"), ("w", "number"), ("label", "string"), ("geom", "geography")]
REL = 1e-9


# --- data ------------------------------------------------------------------------------------------------
def _star(rng: np.random.Generator, cx: float, cy: float, radius_km: float) -> Polygon:
    n = int(rng.integers(6, 14))  # angles in order around the centre, each in its own sector: a simple polygon
    angles = (np.arange(n) + rng.uniform(0.1, 0.9, n)) * (2 * math.pi / n)
    radii = radius_km * rng.uniform(0.5, 1.0, len(angles))
    return Polygon([(cx + r * math.cos(a) * KM_LON, cy + r * math.sin(a) * KM_LAT)
                    for a, r in zip(angles, radii, strict=True)])


def _polygon(rng: np.random.Generator, cx: float, cy: float) -> Polygon | MultiPolygon:
    kind = rng.choice(["plain", "hole", "multi"], p=[0.5, 0.25, 0.25])
    shape = _star(rng, cx, cy, rng.uniform(0.4, 3.0))
    if kind == "hole":
        hole = affinity.scale(shape.convex_hull, 0.35, 0.35)
        with_hole = Polygon(shape.exterior.coords, [hole.exterior.coords])
        shape = with_hole if shape.contains(hole) and with_hole.is_valid else shape
    elif kind == "multi":
        other = _star(rng, cx + rng.uniform(4, 6) * KM_LON, cy + rng.uniform(-2, 2) * KM_LAT, rng.uniform(0.4, 1.5))
        shape = MultiPolygon([shape, other]) if not shape.intersects(other) else shape
    assert shape.is_valid
    return shape


def _line(rng: np.random.Generator, cx: float, cy: float) -> LineString:
    steps = rng.normal(0, 2.5, (rng.integers(2, 6), 2)) * (KM_LON, KM_LAT)
    start = np.array([[cx, cy]])
    return LineString(np.vstack([start, start + np.cumsum(steps, axis=0)]))


def features(seed: int, n: int, spread_km: float) -> list[tuple[Any, ...]]:
    """Source rows (fid, v, w, label, wkt): polygons (some with holes, some multi), lines crossing many
    cells, points; about a tenth of the values NULL."""
    rng = np.random.default_rng(seed)
    rows = []
    for fid in range(1, n + 1):
        cx = LON + rng.uniform(-spread_km, spread_km) * KM_LON
        cy = LAT + rng.uniform(-spread_km, spread_km) * KM_LAT
        kind = rng.choice(["polygon", "line", "point"], p=[0.45, 0.3, 0.25])
        geom = _polygon(rng, cx, cy) if kind == "polygon" else _line(rng, cx, cy) if kind == "line" else Point(cx, cy)
        v = None if rng.random() < 0.1 else float(rng.uniform(0, 100))
        w = None if rng.random() < 0.1 else float(rng.integers(1, 1000))
        rows.append((fid, v, w, f"f{fid % 7}", grids.to_wkt(geom)))
    return rows


def as_features(rows: list[tuple[Any, ...]]) -> list[ref.Feature]:
    from shapely import wkt

    return [ref.Feature(wkt.loads(r[4]), {"v": r[1], "w": r[2]}) for r in rows]


@cache
def h3_targets(rings: int) -> list[tuple[Any, ...]]:
    """(id, name, h3): the cells of resolution 8 within `rings` of the centre (41: 5,167), ten of them
    twice, one NULL cell."""
    cells = sorted(h3.grid_disk(h3.latlng_to_cell(LAT, LON, 8), rings))
    rows = [(i, f"c{i}", c) for i, c in enumerate(cells, start=1)]
    rows += [(len(rows) + i, "dup", cells[i * 97]) for i in range(1, 11)]
    return [*rows, (len(rows) + 1, "null", None)]


@cache
def quadbin_targets() -> list[tuple[Any, ...]]:
    """(id, name, quadbin): a 72 x 72 block of zoom-15 tiles (5,184), five twice, one NULL."""
    _, x0, y0 = grids.to_zxy(grids.from_lonlat(LON, LAT, 15))
    cells = [grids.from_zxy(15, x0 + dx, y0 + dy) for dx in range(-36, 36) for dy in range(-36, 36)]
    rows = [(i, f"q{i}", c) for i, c in enumerate(cells, start=1)]
    rows += [(len(rows) + i, "dup", cells[i * 211]) for i in range(1, 6)]
    return [*rows, (len(rows) + 1, "null", None)]


# --- loading, running and reading -------------------------------------------------------------------------
def _load(engine, table: str, columns: list[tuple[str, str]], rows: list[tuple[Any, ...]]) -> None:
    """`Engine.load`'s table, filled in one statement (row-by-row inserts would take most of the test)."""
    engine.load(table, columns, [])
    names = [n for n, _ in columns]
    if engine.name == "duckdb":
        import pyarrow as pa

        data = pa.table({n: [r[i] for r in rows] for i, n in enumerate(names)})
        select = ", ".join(f"ST_GeomFromText({n})" if t == "geography" else n for n, t in columns)
        engine.conn.register("_wf_rows", data)
        engine.conn.execute(f"INSERT INTO main.{table} SELECT {select} FROM _wf_rows")
        engine.conn.unregister("_wf_rows")
        return
    from psycopg2.extras import execute_values

    template = "(" + ", ".join("ST_GeomFromText(%s, 4326)" if t == "geography" else "%s" for _, t in columns) + ")"
    cur = engine.conn.cursor()
    execute_values(cur, f"INSERT INTO main.{table} VALUES %s", rows, template=template, page_size=2000)
    engine.conn.commit()
    cur.close()


def _read(engine, table: str, key: str) -> dict[Any, tuple[Any, ...]]:
    cur = engine.conn.cursor()  # full precision (Engine.rows rounds)
    cur.execute(f"SELECT {key}, {', '.join(NEW)} FROM main.{table}")
    rows = {r[0]: tuple(None if v is None else float(v) for v in r[1:]) for r in cur.fetchall()}
    cur.close()
    return rows


def _check(got: tuple[Any, ...], expected: dict[str, float | None], where: Any,
           allowance: dict[str, float | None] | None = None) -> None:
    """Each value to 1e-9 relative, plus the reference's allowance for intersection noise (slivers)."""
    for name, value in zip(NEW, got, strict=True):
        want = expected.get(name)
        if want is None:
            assert value is None, (where, name, value)
        else:
            extra = (allowance or {}).get(name) or 0.0
            assert value == pytest.approx(want, rel=REL, abs=1e-12 + extra), (where, name, value, want, extra)


def _load_sources(engine, rows: list[tuple[Any, ...]]) -> None:
    _load(engine, "enrich_src", SOURCE_COLUMNS, rows)


def _source(wf: WorkflowBuilder):
    return wf.source("main.enrich_src", schema=[("fid", "number"), ("v", "number"), ("w", "number"),
                                               ("label", "string"), ("geom", "geography")])


# --- H3 ----------------------------------------------------------------------------------------------------
DECAYS = tuple(ref.DECAYS)


def _run_h3(engine, run_workflow, targets, sources, runs: dict[str, dict[str, str]]) -> None:
    _load(engine, "enrich_cells", [("id", "integer"), ("name", "string"), ("h3", "string")], targets)
    _load_sources(engine, sources)
    wf = WorkflowBuilder(title="h3 enrich")
    cells = wf.source("main.enrich_cells", schema=[("id", "number"), ("name", "string"), ("h3", "string")])
    src = _source(wf)
    for table, extra in runs.items():
        wf.save(out(wf.node("native.h3enrich", {"target": cells, "source": src}, target_col="h3", source_col="geom",
                            variables=VARIABLES, **extra)), f"main.{table}")
    run_workflow(engine, wf)


def _h3_expected(engine, targets, sources) -> tuple[dict[str, dict[str, float | None]], dict[str, dict[str, Any]]]:
    """The reference values per cell and their allowances."""
    present = {c for _, _, c in targets if c is not None}
    allowances: dict[str, dict[str, Any]] = {}
    values = ref.enrich({c: ref.h3_shape(c) for c in present}, as_features(sources), PAIRS,
                        tolerances=allowances)
    return values, allowances


def test_h3enrich_every_aggregation(engine, run_workflow):
    targets = h3_targets(41)
    assert len(targets) >= 5_000
    sources = features(11, 700, spread_km=30)
    _run_h3(engine, run_workflow, targets, sources, {"enrich_h3": {}})

    assert engine.columns("main.enrich_h3") == ["id", "name", "h3", *NEW]
    expected, allowances = _h3_expected(engine, targets, sources)
    got = _read(engine, "enrich_h3", "id")
    assert len(got) == len(targets)
    for i, _, cell in targets:
        _check(got[i], expected[cell] if cell else {}, cell, allowances.get(cell))
    # enough of everything to matter: empty cells, cells with several features, with only NULL values
    counts = [e["v_count"] for e in expected.values()]
    assert sum(v is None for v in counts) > 500 and sum((v or 0) >= 3 for v in counts) > 500
    assert sum(v == 0 for v in counts) > 0


def test_h3enrich_kring_every_decay(engine, run_workflow):
    """Smoothing over two rings, each decay, on a smaller grid (1,261 cells: the ring-0 values are checked
    above on the large one)."""
    targets = h3_targets(20)
    sources = features(17, 200, spread_km=14)
    _run_h3(engine, run_workflow, targets, sources,
            {f"enrich_h3_{decay}": {"kring": "2", "decay": decay} for decay in DECAYS})
    expected, allowances = _h3_expected(engine, targets, sources)
    assert sum(e["v_count"] is None for e in expected.values()) > 100  # smoothing reaches empty cells
    for decay in DECAYS:
        assert engine.columns(f"main.enrich_h3_{decay}") == ["id", "name", "h3", *NEW]
        smoothed = ref.smooth(expected, ref.h3_rings(2), decay)
        allowed = ref.smooth(allowances, ref.h3_rings(2), decay)
        got = _read(engine, f"enrich_h3_{decay}", "id")
        assert len(got) == len(targets)
        for i, _, cell in targets:
            _check(got[i], smoothed[cell] if cell else {}, (decay, cell), allowed.get(cell))


# --- quadbin -----------------------------------------------------------------------------------------------
def test_quadbinenrich_every_aggregation_and_kring(engine, run_workflow):
    targets = quadbin_targets()
    assert len(targets) >= 5_000
    sources = features(12, 700, spread_km=30)
    _load(engine, "enrich_tiles", [("id", "integer"), ("name", "string"), ("qb", "integer")], targets)
    _load_sources(engine, sources)
    wf = WorkflowBuilder(title="quadbin enrich")
    tiles = wf.source("main.enrich_tiles", schema=[("id", "number"), ("name", "string"), ("qb", "number")])
    src = _source(wf)
    wf.save(out(wf.node("native.quadbinenrich", {"target": tiles, "source": src}, target_col="qb",
                        source_col="geom", variables=VARIABLES)), "main.enrich_qb")
    wf.save(out(wf.node("native.quadbinenrich", {"target": tiles, "source": src}, target_col="qb",
                        source_col="geom", variables=VARIABLES, kring="1", decay="inverse_square")),
            "main.enrich_qb_ring")
    run_workflow(engine, wf)

    assert engine.columns("main.enrich_qb") == ["id", "name", "qb", *NEW]
    present = {c for _, _, c in targets if c is not None}
    allowances: dict[int, dict[str, Any]] = {}
    expected = ref.enrich({c: ref.quadbin_shape(c) for c in present}, as_features(sources), PAIRS,
                          tolerances=allowances)
    got = _read(engine, "enrich_qb", "id")
    assert len(got) == len(targets)
    for i, _, cell in targets:
        _check(got[i], expected[cell] if cell else {}, cell, allowances.get(cell))
    assert sum(expected[c]["v_count"] is None for c in present) > 500

    smoothed = ref.smooth(expected, ref.quadbin_rings(1), "inverse_square")
    allowed = ref.smooth(allowances, ref.quadbin_rings(1), "inverse_square")
    got = _read(engine, "enrich_qb_ring", "id")
    for i, _, cell in targets:
        _check(got[i], smoothed[cell] if cell else {}, cell, allowed.get(cell))


# --- polygons and points -----------------------------------------------------------------------------------
def test_enrichpolygons(engine, run_workflow):
    rng = np.random.default_rng(13)
    shapes = [_polygon(rng, LON + rng.uniform(-20, 20) * KM_LON, LAT + rng.uniform(-20, 20) * KM_LAT)
              for _ in range(300)]
    shapes.append(Polygon([(LON + 1, LAT + 1), (LON + 1.01, LAT + 1), (LON + 1.01, LAT + 1.01)]))  # far away
    targets = [(i, grids.to_wkt(g)) for i, g in enumerate(shapes, start=1)]
    targets += [(len(targets) + 1, targets[5][1]), (len(targets) + 2, None)]  # a duplicate geometry, a NULL one
    _load(engine, "enrich_zones", [("zid", "integer"), ("geom", "geography")], targets)
    sources = features(14, 400, spread_km=24)
    _load_sources(engine, sources)
    wf = WorkflowBuilder(title="polygons")
    zones = wf.source("main.enrich_zones", schema=[("zid", "number"), ("geom", "geography")])
    wf.save(out(wf.node("native.enrichpolygons", {"target": zones, "source": _source(wf)}, target_col="geom",
                        source_col="geom", variables=VARIABLES)), "main.enrich_poly")
    run_workflow(engine, wf)

    assert engine.columns("main.enrich_poly") == ["zid", "geom", *NEW]
    from shapely import wkt

    allowances: dict[int, dict[str, Any]] = {}
    expected = ref.enrich({z: wkt.loads(g) for z, g in targets if g}, as_features(sources), PAIRS,
                          tolerances=allowances)
    got = _read(engine, "enrich_poly", "zid")
    assert len(got) == len(targets)
    for zid, g in targets:
        _check(got[zid], expected[zid] if g else {}, zid, allowances.get(zid))
    assert expected[len(shapes)]["v_count"] is None  # the far one
    assert got[len(shapes) + 1] == got[6]


def test_enrichpoints(engine, run_workflow):
    rng = np.random.default_rng(15)
    sources = features(16, 300, spread_km=15)
    points = [Point(LON + x * KM_LON, LAT + y * KM_LAT) for x, y in rng.uniform(-18, 18, (1500, 2))]
    # points that are source points, and points on source lines' vertices: intersecting exactly
    from shapely import wkt

    for row in sources[:60]:
        geom = wkt.loads(row[4])
        if geom.geom_type in ("Point", "LineString"):
            points.append(Point(geom.coords[0]))
    targets = [(i, grids.to_wkt(p)) for i, p in enumerate(points, start=1)]
    targets.append((len(targets) + 1, None))
    _load(engine, "enrich_pts", [("pid", "integer"), ("geom", "geography")], targets)
    _load_sources(engine, sources)
    wf = WorkflowBuilder(title="points")
    pts = wf.source("main.enrich_pts", schema=[("pid", "number"), ("geom", "geography")])
    wf.save(out(wf.node("native.enrichpoints", {"target": pts, "source": _source(wf)}, target_col="geom",
                        source_col="geom", variables=VARIABLES)), "main.enrich_points")
    run_workflow(engine, wf)

    assert engine.columns("main.enrich_points") == ["pid", "geom", *NEW]
    expected = ref.enrich({p: wkt.loads(g) for p, g in targets if g}, as_features(sources), PAIRS, measured=False)
    got = _read(engine, "enrich_points", "pid")
    for pid, g in targets:
        _check(got[pid], expected[pid] if g else {}, pid)
    hits = [e for e in expected.values() if e["v_count"] is not None]
    assert len(hits) > 200 and any((e["v_count"] or 0) >= 2 for e in hits)
    on_lines = [pid for pid, g in targets[1500:-1] if expected[pid]["v_count"] is not None]
    assert len(on_lines) > 10


# --- errors ------------------------------------------------------------------------------------------------
GRID_COLUMN = {"native.h3enrich": ("h3", "string"), "native.quadbinenrich": ("qb", "number"),
               "native.enrichpoints": ("geom", "geography"), "native.enrichpolygons": ("geom", "geography")}


def _compile(component: str, variables: str, target: list[tuple[str, str]] | None = None,
             source: list[tuple[str, str]] | None = None, **inputs: str) -> str:
    """Bind and compile (DuckDB) one enrichment node named 'enrich' over declared schemas; its SQL."""
    column, kind = GRID_COLUMN[component]
    wf = WorkflowBuilder(title="errors")
    cells = wf.source("main.cells", schema=target or [("id", "number"), (column, kind)])
    src = wf.source("main.src", schema=source or [("v", "number"), ("label", "string"), ("geom", "geography")])
    inputs.setdefault("source_col", "geom")
    wf.save(out(wf.node(component, {"target": cells, "source": src}, id="enrich", target_col=column,
                        variables=variables, **{k: v for k, v in inputs.items() if v})), "main.o")
    dialect = get_dialect("duckdb")
    return "\n".join(q for stage in compile_plan(plan_workflow(bind(parse_workflow(wf.to_dict()))), dialect)
                     for q in stage.sql(dialect))


def _issue(exc: pytest.ExceptionInfo) -> tuple[str, str | None, str | None]:
    [issue] = exc.value.issues
    return issue.code, issue.node_id, issue.field


@pytest.mark.parametrize("component", sorted(GRID_COLUMN))
def test_bad_variables_name_node_and_field(component):
    with pytest.raises(WorkflowError) as bad_method:  # at validation
        _compile(component, "v,median")
    assert _issue(bad_method) == ("WF203", "enrich", "variables") and "median" in str(bad_method.value)
    with pytest.raises(WorkflowError) as unpaired:
        _compile(component, "v,sum,v")
    assert _issue(unpaired) == ("WF203", "enrich", "variables")
    with pytest.raises(CompileError) as unknown:
        _compile(component, "v,sum,nope,max")
    assert _issue(unknown) == ("WF204", "enrich", "variables") and "nope" in str(unknown.value)
    with pytest.raises(CompileError) as text:
        _compile(component, "label,avg")
    assert _issue(text) == ("WF203", "enrich", "variables") and "label" in str(text.value)
    with pytest.raises(CompileError) as twice:
        _compile(component, "v,sum,V,sum")
    assert _issue(twice) == ("WF304", "enrich", "variables")
    column, kind = GRID_COLUMN[component]
    with pytest.raises(CompileError) as clash:  # the target already has the new column
        _compile(component, "v,sum", target=[(column, kind), ("v_sum", "number")])
    assert _issue(clash) == ("WF304", "enrich", "variables")
    _compile(component, "label,max,label,min,label,count")  # min, max and count take any column


@pytest.mark.parametrize("component", sorted(GRID_COLUMN))
def test_an_empty_source_column_means_the_only_geography(component):
    """CARTO's canvas may export `source_col` empty: the source's one geography column is meant."""
    sql = _compile(component, "v,sum", source=[("v", "number"), ("shape", "geography")], source_col="")
    assert "shape AS _wf_geo" in sql
    with pytest.raises(CompileError) as two:
        _compile(component, "v,sum", source=[("v", "number"), ("a", "geography"), ("b", "geography")],
                 source_col="")
    assert _issue(two) == ("WF202", "enrich", "source_col") and "a, b" in str(two.value)


@pytest.mark.parametrize("component", ["native.h3enrich", "native.quadbinenrich"])
def test_smoothing_inputs(component):
    with pytest.raises(CompileError) as text:  # smoothing averages every column
        _compile(component, "label,max", kring="1")
    assert _issue(text) == ("WF203", "enrich", "variables")
    with pytest.raises(WorkflowError) as negative:
        _compile(component, "v,sum", kring="-1")
    assert _issue(negative) == ("WF203", "enrich", "kring")
    with pytest.raises(WorkflowError) as decay:
        _compile(component, "v,sum", kring="1", decay="gaussian")
    assert _issue(decay) == ("WF203", "enrich", "decay")
