"""The H3 functions of the PostGIS test server agree with the ``h3`` package, as h3-pg would.

The server has the TEST-ONLY PL/Python stand-in of :mod:`tests.support.h3_standin` (or the real h3-pg
where installed). Every function is compared with the ``h3`` package on seeded random points, cells and
polygons with holes, exactly (coordinates bit for bit, cell lists in order); geometries have SRID 4326;
NULL and invalid input behave as h3-pg's (STRICT functions, SQLSTATEs, h3-pg's messages).
"""

from __future__ import annotations

import contextlib
import math
import os
import random
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

import h3
import psycopg2
import pytest
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon

from tests.support.postgis import PostgisServer

pytestmark = pytest.mark.postgis

SEED = 20240601
EXTERNAL_ROUTINE_EXCEPTION = "38000"  # every H3 error in h3-pg (include/error.c)
INVALID_PARAMETER_VALUE = "22023"
CHECK_VIOLATION = "23514"
OUT_OF_MEMORY = "53200"
INTERNAL_ERROR = "XX000"
CONTAINMENT_MODES = {"center": "center", "full": "full", "overlapping": "overlap", "overlapping_bbox": "bbox_overlap"}

# (name, identity arguments, result, strict) as h3-pg 4.2.3 declares them (h3/sql/install/*.sql,
# h3_postgis/sql/install/*.sql); all are IMMUTABLE PARALLEL SAFE.
SIGNATURES = [
    ("h3_latlng_to_cell", "geometry, resolution integer", "h3index", True),
    ("h3_latlng_to_cell", "geography, resolution integer", "h3index", True),
    ("h3_cell_to_geometry", "h3index", "geometry", True),
    ("h3_cell_to_boundary_geometry", "h3index", "geometry", True),
    ("h3_grid_disk", "origin h3index, k integer", "SETOF h3index", True),
    ("h3_grid_distance", "origin h3index, destination h3index", "bigint", True),
    ("h3_cell_to_parent", "cell h3index, resolution integer", "h3index", True),
    ("h3_cell_to_children", "cell h3index, resolution integer", "SETOF h3index", True),
    ("h3_is_valid_cell", "h3index", "boolean", True),
    ("h3_polygon_to_cells", "multi geometry, resolution integer", "SETOF h3index", False),
    ("h3_polygon_to_cells", "multi geography, resolution integer", "SETOF h3index", False),
    ("h3_polygon_to_cells_experimental", "multi geometry, resolution integer, containment_mode text",
     "SETOF h3index", False),
    ("h3_polygon_to_cells_experimental", "multi geography, resolution integer, containment_mode text",
     "SETOF h3index", False),
]
DEFAULTS = {  # pg_get_function_arguments where h3-pg declares a default
    ("h3_grid_disk", "origin h3index, k integer"): "origin h3index, k integer DEFAULT 1",
    **{("h3_polygon_to_cells_experimental", f"multi {kind}, resolution integer, containment_mode text"):
       f"multi {kind}, resolution integer, containment_mode text DEFAULT 'center'::text"
       for kind in ("geometry", "geography")},
}


# --------------------------------------------------------------------------------------------------
# Fixtures and helpers
# --------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def h3_provider(postgis_server: PostgisServer) -> Iterator[str]:
    """``"stand-in"`` or ``"h3-pg"``; skipped (failed in CI) when the server has no H3 functions."""
    with postgis_server.fresh_database():  # makes sure the template, and so its H3, exists
        provider = postgis_server.h3_provider
    if provider is None:
        message = postgis_server.h3_unavailable or "the PostGIS test server has no H3 functions"
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    yield provider


@pytest.fixture(scope="module")
def db(postgis_server: PostgisServer, h3_provider: str) -> Iterator[Any]:
    """One autocommit connection to one database for the whole module (each test only reads)."""
    with postgis_server.fresh_database() as dsn, contextlib.closing(psycopg2.connect(dsn)) as conn:
        conn.autocommit = True
        with conn.cursor() as cur:  # LLVM compiling the big comparison queries took minutes on a busy machine
            cur.execute("SET jit = off")
        yield conn


def rows(db: Any, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
    with db.cursor() as cur:
        cur.execute(sql, params)
        return list(cur.fetchall())


def scalar(db: Any, sql: str, params: Sequence[Any] = ()) -> Any:
    (row,) = rows(db, sql, params)
    return row[0]


def error(db: Any, sql: str, params: Sequence[Any] = ()) -> psycopg2.Error:
    with pytest.raises(psycopg2.Error) as raised:
        rows(db, sql, params)
    return raised.value


def assert_h3_error(exc: psycopg2.Error, code: int) -> None:
    """h3-pg's error for an H3Error: SQLSTATE 38000, ``error code: <code>``, its hint."""
    assert exc.pgcode == EXTERNAL_ROUTINE_EXCEPTION, exc
    assert exc.diag.message_primary.endswith(f"error code: {code}"), exc.diag.message_primary
    assert exc.diag.message_hint == "https://h3geo.org/docs/library/errors#table-of-error-codes"


def h3_error_code(call: Any, *args: Any) -> int:
    """The H3Error code the ``h3`` package raises for ``call(*args)``."""
    with pytest.raises(h3.H3BaseException) as raised:
        call(*args)
    return int(raised.value.h3_error_code)


def geometry(wkb: Any) -> Any:
    return shapely.from_wkb(bytes(wkb))


def random_latlng(rng: random.Random) -> tuple[float, float]:
    """Uniform on the sphere, now and then exactly on a pole, the equator or the antimeridian."""
    lat = math.degrees(math.asin(rng.uniform(-1.0, 1.0)))
    lng = rng.uniform(-180.0, 180.0)
    special = rng.random()
    if special < 0.02:
        lat = rng.choice([90.0, -90.0, 0.0])
    elif special < 0.04:
        lng = rng.choice([180.0, -180.0, 0.0])
    return lat, lng


def random_cells(rng: random.Random, count: int) -> list[str]:
    """Cells of random points at random resolutions, plus every resolution-0 cell and some pentagons."""
    cells = [h3.latlng_to_cell(*random_latlng(rng), rng.randint(0, 15)) for _ in range(count)]
    pentagons = [p for res in (0, 1, 5, 9, 15) for p in h3.get_pentagons(res)]
    return cells + sorted(h3.get_res0_cells()) + pentagons


def cells_near_antimeridian(rng: random.Random, count: int) -> list[str]:
    cells = {h3.latlng_to_cell(rng.uniform(-89.9, 89.9), rng.choice([179.99, -179.99]), rng.randint(0, 6))
             for _ in range(count)}
    return sorted(cells | set(h3.uncompact_cells(h3.get_res0_cells(), 1)))


# --------------------------------------------------------------------------------------------------
# Signatures and the h3index type
# --------------------------------------------------------------------------------------------------


def test_functions_have_h3_pg_signatures_and_markings(db: Any) -> None:
    found = {
        (name, args): (result, strict, volatile, parallel, with_defaults)
        for name, args, result, strict, volatile, parallel, with_defaults in rows(
            db,
            "SELECT proname::text, pg_get_function_identity_arguments(oid), pg_get_function_result(oid), "
            "proisstrict, provolatile::text, proparallel::text, pg_get_function_arguments(oid) "
            "FROM pg_proc WHERE proname = ANY(%s)",
            (sorted({s[0] for s in SIGNATURES}),),
        )
    }
    for name, args, result, strict in SIGNATURES:
        assert (name, args) in found, f"{name}({args}) is missing"
        assert found[name, args][:4] == (result, strict, "i", "s"), (name, args, found[name, args])
        assert found[name, args][4] == DEFAULTS.get((name, args), args)


def test_h3index_text_in_and_out(db: Any, h3_provider: str) -> None:
    assert scalar(db, "SELECT CAST(CAST('8928308280fffff' AS h3index) AS text)") == "8928308280fffff"
    assert scalar(db, "SELECT pg_typeof(CAST('8928308280fffff' AS h3index))::text") == "h3index"
    assert scalar(db, "SELECT CAST(NULL AS h3index) IS NULL") is True
    assert scalar(db, "SELECT CAST('0' AS h3index)::text") == "0"  # H3_NULL prints as 0 in h3-pg too
    for text in ("8928308280FFFFF", "08928308280fffff"):  # h3-pg normalises these, the stand-in rejects them
        if h3_provider == "h3-pg":
            assert scalar(db, "SELECT CAST(CAST(%s AS h3index) AS text)", (text,)) == "8928308280fffff"
        else:
            assert error(db, "SELECT CAST(%s AS h3index)", (text,)).pgcode == CHECK_VIOLATION
    garbage = error(db, "SELECT CAST('not a cell' AS h3index)")
    assert garbage.pgcode == (EXTERNAL_ROUTINE_EXCEPTION if h3_provider == "h3-pg" else CHECK_VIOLATION)
    # Ordering cells as h3index orders them as the 64-bit numbers they are.
    cells = random_cells(random.Random(SEED), 500)
    ordered = [c for (c,) in rows(db, "SELECT c FROM unnest(CAST(%s AS h3index[])) AS c ORDER BY c", (cells,))]
    assert ordered == sorted(cells, key=lambda c: int(c, 16))


# --------------------------------------------------------------------------------------------------
# Points to cells
# --------------------------------------------------------------------------------------------------


def test_latlng_to_cell_matches_h3(db: Any) -> None:
    rng = random.Random(SEED)
    points = [random_latlng(rng) for _ in range(3000)]
    points += [(rng.uniform(-200.0, 200.0), rng.uniform(-400.0, 400.0)) for _ in range(200)]  # out of range
    res = [rng.randint(0, 15) for _ in points]
    lats, lngs = [p[0] for p in points], [p[1] for p in points]
    expected = [h3.latlng_to_cell(lat, lng, r) for (lat, lng), r in zip(points, res, strict=True)]
    got = rows(db, "SELECT h3_latlng_to_cell(ST_SetSRID(ST_MakePoint(x, y), 4326), r)::text "
                   "FROM unnest(%s::float8[], %s::float8[], %s::int[]) WITH ORDINALITY AS t(x, y, r, i) ORDER BY i",
               (lngs, lats, res))
    assert [c for (c,) in got] == expected
    in_range = [i for i, (lat, lng) in enumerate(points) if abs(lat) <= 90 and abs(lng) <= 180]
    got = rows(db, "SELECT h3_latlng_to_cell(CAST(ST_SetSRID(ST_MakePoint(x, y), 4326) AS geography), r)::text "
                   "FROM unnest(%s::float8[], %s::float8[], %s::int[]) WITH ORDINALITY AS t(x, y, r, i) ORDER BY i",
               ([lngs[i] for i in in_range], [lats[i] for i in in_range], [res[i] for i in in_range]))
    assert [c for (c,) in got] == [expected[i] for i in in_range]
    # h3-pg's own test: this point in Copenhagen at resolution 10; the SRID is not looked at.
    copenhagen = "ST_Point(55.6677199224442, 12.592131261648213)"
    assert scalar(db, f"SELECT h3_latlng_to_cell(ST_SetSRID({copenhagen}, 4326), 10)::text") == "8a63a9a99047fff"
    assert scalar(db, f"SELECT h3_latlng_to_cell(ST_SetSRID({copenhagen}, 3857), 10)::text") == "8a63a9a99047fff"
    assert scalar(db, f"SELECT pg_typeof(h3_latlng_to_cell({copenhagen}, 10))::text") == "h3index"


def test_latlng_to_cell_null_and_invalid_input(db: Any) -> None:
    assert scalar(db, "SELECT h3_latlng_to_cell(CAST(NULL AS geometry), 5)") is None
    assert scalar(db, "SELECT h3_latlng_to_cell(ST_Point(1, 2), NULL)") is None
    assert scalar(db, "SELECT h3_latlng_to_cell(CAST(NULL AS geography), 5)") is None
    assert scalar(db, "SELECT h3_latlng_to_cell(CAST('POINT EMPTY' AS geometry), 5)") is None  # PostGIS: NULL point
    for res in (-1, 16):
        assert_h3_error(error(db, "SELECT h3_latlng_to_cell(ST_Point(1, 2), %s)", (res,)),
                        h3_error_code(h3.latlng_to_cell, 2.0, 1.0, res))
    assert_h3_error(error(db, "SELECT h3_latlng_to_cell(ST_Point('NaN', 2), 5)"),
                    h3_error_code(h3.latlng_to_cell, 2.0, math.nan, 5))
    not_a_point = error(db, "SELECT h3_latlng_to_cell(CAST('LINESTRING(0 0, 1 1)' AS geometry), 5)")
    assert not_a_point.pgcode == INTERNAL_ERROR and "geometry_to_point only accepts Points" in str(not_a_point)


def test_latlng_to_cell_100k_points_speed(db: Any, record_property: Any) -> None:
    """100 000 points, as a workflow would index them; the time is reported (``-rP`` shows it)."""
    rng = random.Random(SEED + 1)
    points = [random_latlng(rng) for _ in range(100_000)]
    with db.cursor() as cur:
        cur.execute("CREATE TEMP TABLE points AS SELECT i, ST_SetSRID(ST_MakePoint(x, y), 4326) AS geom "
                    "FROM unnest(%s::float8[], %s::float8[]) WITH ORDINALITY AS t(x, y, i)",
                    ([p[1] for p in points], [p[0] for p in points]))
        try:
            cur.execute("SELECT h3_latlng_to_cell(ST_Point(0, 0), 9)")  # the session's Python imports h3 first
            start = time.perf_counter()
            cur.execute("SELECT array_agg(CAST(h3_latlng_to_cell(geom, 9) AS text) ORDER BY i) FROM points")
            (cells,) = cur.fetchone()
            elapsed = time.perf_counter() - start
        finally:
            cur.execute("DROP TABLE points")
    assert cells == [h3.latlng_to_cell(lat, lng, 9) for lat, lng in points]
    record_property("h3_latlng_to_cell_100k_seconds", round(elapsed, 3))
    print(f"h3_latlng_to_cell: 100000 points in {elapsed:.2f} s ({elapsed * 10:.1f} us per point)")


# --------------------------------------------------------------------------------------------------
# Cells to geometries
# --------------------------------------------------------------------------------------------------


def test_cell_to_geometry_matches_h3(db: Any) -> None:
    cells = random_cells(random.Random(SEED), 3000)
    got = rows(db, "SELECT ST_AsBinary(g), ST_SRID(g) FROM unnest(CAST(%s AS h3index[])) WITH ORDINALITY AS t(c, i), "
                   "LATERAL h3_cell_to_geometry(c) AS g ORDER BY i", (cells,))
    for cell, (wkb, srid) in zip(cells, got, strict=True):
        lat, lng = h3.cell_to_latlng(cell)
        point = geometry(wkb)
        assert isinstance(point, Point) and srid == 4326
        assert (point.x, point.y) == (lng, lat), cell


def antimeridian_crossings(ring: list[tuple[float, float]]) -> int:
    """Edges of a closed (lng, lat) ring that cross the antimeridian: their longitudes jump by over 180."""
    return sum(math.copysign(1, a[0]) != math.copysign(1, b[0]) and abs(a[0] - b[0]) > 180
               for a, b in zip(ring, ring[1:] + ring[:1], strict=True))


def test_cell_to_boundary_geometry_matches_h3(db: Any) -> None:
    rng = random.Random(SEED)
    cells = random_cells(rng, 3000) + cells_near_antimeridian(rng, 300)
    got = rows(db, "SELECT ST_AsBinary(g), ST_SRID(g) FROM unnest(CAST(%s AS h3index[])) WITH ORDINALITY AS t(c, i), "
                   "LATERAL h3_cell_to_boundary_geometry(c) AS g ORDER BY i", (cells,))
    kinds: Counter[int] = Counter()
    for cell, (wkb, srid) in zip(cells, got, strict=True):
        assert srid == 4326
        shape = geometry(wkb)
        vertices = [(lng, lat) for lat, lng in h3.cell_to_boundary(cell)]
        crossings = min(antimeridian_crossings(vertices), 2)
        kinds[crossings] += 1
        if crossings == 0:  # H3's ring, closed
            assert isinstance(shape, Polygon) and not shape.interiors, cell
            assert list(shape.exterior.coords) == [*vertices, vertices[0]], cell
            continue
        # Crossed by the antimeridian: H3's vertices and added ones on it, in one polygon around the pole
        # (crossed once) or in two, west and east of it (crossed twice).
        parts = list(shape.geoms) if isinstance(shape, MultiPolygon) else [shape]
        coords = [c for part in parts for c in part.exterior.coords]
        assert set(vertices) <= set(coords), cell
        added = set(coords) - set(vertices)
        assert all(abs(x) == 180.0 for x, _y in added), (cell, added)
        if crossings == 1:
            assert isinstance(shape, Polygon) and len(shape.exterior.coords) == len(vertices) + 5, cell
            assert len(added) == 4 and sum(abs(abs(y) - 89.9999) < 1e-9 for _x, y in added) == 2, (cell, added)
        else:
            assert isinstance(shape, MultiPolygon) and len(parts) == 2, cell
            assert all(x <= 0 for x, _y in parts[0].exterior.coords), cell
            assert all(x >= 0 for x, _y in parts[1].exterior.coords), cell
    assert kinds[1] >= 2 and kinds[2] >= 10, kinds  # the sample has both kinds of crossed cells


def test_cell_to_boundary_geometry_antimeridian_as_h3_pg(db: Any) -> None:
    """h3-pg's own cases (h3_postgis/test/sql/postgis.sql): a res-0 cell split in two, a polar cell."""
    edge = "CAST('8003fffffffffff' AS h3index)"
    assert scalar(db, f"SELECT GeometryType(h3_cell_to_boundary_geometry({edge}))") == "MULTIPOLYGON"
    crossings = rows(db, f"SELECT ST_Y(p.geom) FROM ST_DumpPoints(h3_cell_to_boundary_geometry({edge})) AS p "
                         "WHERE abs(abs(ST_X(p.geom)) - 180) < 1e-13")
    assert crossings and all(abs(y - 84.76455330449812) < 1e-13 or abs(y - 89.980298101841) < 1e-13
                             for (y,) in crossings)
    polar = "CAST('81f2bffffffffff' AS h3index)"
    assert scalar(db, f"SELECT GeometryType(h3_cell_to_boundary_geometry({polar}))") == "POLYGON"
    assert scalar(db, f"SELECT ST_NPoints(h3_cell_to_boundary_geometry({polar}))") == 11
    hexagon = "CAST('8a63a9a99047fff' AS h3index)"
    assert scalar(db, f"SELECT ST_NPoints(h3_cell_to_boundary_geometry({hexagon}))") == 7
    assert scalar(db, f"SELECT h3_latlng_to_cell(h3_cell_to_geometry({hexagon}), 10)::text") == "8a63a9a99047fff"


def test_cell_geometries_null_and_invalid_input(db: Any, h3_provider: str) -> None:
    for function in ("h3_cell_to_geometry", "h3_cell_to_boundary_geometry"):
        assert scalar(db, f"SELECT {function}(NULL)") is None
        if h3_provider == "stand-in":  # h3-pg hands invalid cells to H3 core unchecked
            assert_h3_error(error(db, f"SELECT {function}('0')"), h3_error_code(h3.cell_to_latlng, "0"))
            assert_h3_error(error(db, f"SELECT {function}('ffffffffffffffff')"),
                            h3_error_code(h3.cell_to_boundary, "ffffffffffffffff"))


# --------------------------------------------------------------------------------------------------
# Grid traversal and hierarchy
# --------------------------------------------------------------------------------------------------


def test_grid_disk_matches_h3(db: Any) -> None:
    rng = random.Random(SEED)
    cells = random_cells(rng, 1500)
    ks = [rng.randint(0, 3) for _ in cells]
    got = rows(db, "SELECT ARRAY(SELECT CAST(h3_grid_disk(c, k) AS text)) "
                   "FROM unnest(CAST(%s AS h3index[]), %s::int[]) WITH ORDINALITY AS t(c, k, i) ORDER BY i",
               (cells, ks))
    assert [disk for (disk,) in got] == [h3.grid_disk(c, k) for c, k in zip(cells, ks, strict=True)]
    default_k = rows(db, "SELECT ARRAY(SELECT CAST(h3_grid_disk(c) AS text)) "
                         "FROM unnest(CAST(%s AS h3index[])) WITH ORDINALITY AS t(c, i) ORDER BY i", (cells[:200],))
    assert [disk for (disk,) in default_k] == [h3.grid_disk(c, 1) for c in cells[:200]]


def test_grid_disk_null_and_invalid_input(db: Any, h3_provider: str) -> None:
    assert rows(db, "SELECT h3_grid_disk(NULL)") == []
    assert rows(db, "SELECT h3_grid_disk('8a63a9a99047fff', NULL)") == []
    assert_h3_error(error(db, "SELECT h3_grid_disk('8a63a9a99047fff', -1)"),
                    h3_error_code(h3.grid_disk, "8a63a9a99047fff", -1))
    too_big = error(db, "SELECT h3_grid_disk('8a63a9a99047fff', 7000)")  # palloc's 1 GB limit in h3-pg
    assert too_big.pgcode == INTERNAL_ERROR and "invalid memory alloc request size" in str(too_big)
    if h3_provider == "stand-in":
        assert_h3_error(error(db, "SELECT h3_grid_disk('0')"), h3_error_code(h3.grid_disk, "0", 1))


def test_grid_distance_matches_h3(db: Any) -> None:
    rng = random.Random(SEED)
    origins = random_cells(rng, 2000)
    pairs = [(a, rng.choice(h3.grid_disk(a, rng.randint(0, 6)))) for a in origins]
    pairs += [(a, h3.latlng_to_cell(*random_latlng(rng), h3.get_resolution(a))) for a in origins[:300]]  # far
    expected: dict[tuple[str, str], int | str] = {}
    for a, b in pairs:
        try:
            expected[a, b] = h3.grid_distance(a, b)
        except h3.H3BaseException as exc:  # too far, or across a pentagon's distortion
            expected[a, b] = f"error code: {exc.h3_error_code}"
    measurable = [pair for pair in pairs if isinstance(expected[pair], int)]
    got = rows(db, "SELECT h3_grid_distance(a, b) FROM unnest(CAST(%s AS h3index[]), CAST(%s AS h3index[])) "
                   "WITH ORDINALITY AS t(a, b, i) ORDER BY i", ([a for a, _ in measurable], [b for _, b in measurable]))
    assert [d for (d,) in got] == [expected[pair] for pair in measurable]
    failing = [pair for pair in pairs if pair not in measurable]
    assert len(failing) >= 5
    for a, b in failing[:20]:  # an error aborts the query: one by one
        assert_h3_error(error(db, "SELECT h3_grid_distance(%s, %s)", (a, b)), h3_error_code(h3.grid_distance, a, b))
    assert scalar(db, "SELECT pg_typeof(h3_grid_distance('8a63a9a99047fff', '8a63a9a99047fff'))::text") == "bigint"


def test_grid_distance_null_and_invalid_input(db: Any) -> None:
    assert scalar(db, "SELECT h3_grid_distance(NULL, '8a63a9a99047fff')") is None
    assert scalar(db, "SELECT h3_grid_distance('8a63a9a99047fff', NULL)") is None
    mismatch = ("8a63a9a99047fff", "8963a9a9907ffff")  # resolutions 10 and 9
    assert_h3_error(error(db, "SELECT h3_grid_distance(%s, %s)", mismatch), h3_error_code(h3.grid_distance, *mismatch))
    far = ("8001fffffffffff", "80f3fffffffffff")  # resolution-0 cells on opposite sides of the globe
    assert_h3_error(error(db, "SELECT h3_grid_distance(%s, %s)", far), h3_error_code(h3.grid_distance, *far))


def test_cell_to_parent_matches_h3(db: Any) -> None:
    rng = random.Random(SEED)
    cells = random_cells(rng, 3000)
    parents = [rng.randint(0, h3.get_resolution(c)) for c in cells]
    got = rows(db, "SELECT h3_cell_to_parent(c, r)::text FROM unnest(CAST(%s AS h3index[]), %s::int[]) "
                   "WITH ORDINALITY AS t(c, r, i) ORDER BY i", (cells, parents))
    assert [p for (p,) in got] == [h3.cell_to_parent(c, r) for c, r in zip(cells, parents, strict=True)]


def test_cell_to_parent_null_and_invalid_input(db: Any) -> None:
    assert scalar(db, "SELECT h3_cell_to_parent(NULL, 5)") is None
    assert scalar(db, "SELECT h3_cell_to_parent('8a63a9a99047fff', NULL)") is None
    for res in (11, 16, -1):  # finer than the cell (E_RES_MISMATCH), out of range (E_RES_DOMAIN)
        assert_h3_error(error(db, "SELECT h3_cell_to_parent('8a63a9a99047fff', %s)", (res,)),
                        h3_error_code(h3.cell_to_parent, "8a63a9a99047fff", res))


def test_cell_to_children_matches_h3(db: Any) -> None:
    rng = random.Random(SEED)
    cells = [c for c in random_cells(rng, 3000) if h3.get_resolution(c) <= 13]
    children = [min(15, h3.get_resolution(c) + rng.randint(0, 2)) for c in cells]
    got = rows(db, "SELECT ARRAY(SELECT CAST(h3_cell_to_children(c, r) AS text)) "
                   "FROM unnest(CAST(%s AS h3index[]), %s::int[]) WITH ORDINALITY AS t(c, r, i) ORDER BY i",
               (cells, children))
    assert [kids for (kids,) in got] == [h3.cell_to_children(c, r) for c, r in zip(cells, children, strict=True)]


def test_cell_to_children_null_and_invalid_input(db: Any) -> None:
    assert rows(db, "SELECT h3_cell_to_children(NULL, 5)") == []
    assert rows(db, "SELECT h3_cell_to_children('8a63a9a99047fff', NULL)") == []
    for res in (9, 16):
        assert_h3_error(error(db, "SELECT h3_cell_to_children('8a63a9a99047fff', %s)", (res,)),
                        h3_error_code(h3.cell_to_children, "8a63a9a99047fff", res))
    too_many = error(db, "SELECT h3_cell_to_children('8003fffffffffff', 15)")  # 7^15 children
    assert too_many.pgcode == OUT_OF_MEMORY
    assert "try using h3_cell_to_children_slow()" in too_many.diag.message_primary


def test_is_valid_cell_matches_h3(db: Any) -> None:
    rng = random.Random(SEED)
    values = random_cells(rng, 2000) + ["0"] + [f"{rng.getrandbits(64):x}" for _ in range(2000)]
    values += [f"{int(c, 16) ^ (1 << rng.randint(0, 63)):x}" for c in random_cells(rng, 1000)]  # one bit off
    got = rows(db, "SELECT h3_is_valid_cell(c) FROM unnest(CAST(%s AS h3index[])) WITH ORDINALITY AS t(c, i) "
                   "ORDER BY i", (values,))
    expected = [h3.is_valid_cell(v) for v in values]
    assert [v for (v,) in got] == expected
    assert 0 < sum(expected) < len(expected)
    assert scalar(db, "SELECT h3_is_valid_cell(NULL)") is None


# --------------------------------------------------------------------------------------------------
# Polygons to cells
# --------------------------------------------------------------------------------------------------


def _star(rng: random.Random, lng: float, lat: float, radius: float, jag: float) -> list[tuple[float, float]]:
    """A closed ring around (lng, lat) containing the disc of radius * (1 - jag) * cos(0.3 pi) (>= 5 vertices,
    none closer than radius * (1 - jag), no angular gap over 0.6 pi), in either orientation."""
    count = rng.randint(5, 14)
    ring = []
    for i in range(count):
        angle = 2 * math.pi * (i + rng.uniform(-0.25, 0.25)) / count
        reach = radius * rng.uniform(1 - jag, 1)
        ring.append((lng + reach * math.cos(angle), lat + reach * math.sin(angle)))
    if rng.random() < 0.5:
        ring.reverse()
    return [*ring, ring[0]]


def random_polygon(rng: random.Random) -> tuple[Polygon, int]:
    """A polygon with 0 to 2 holes somewhere on Earth, and a resolution that gives it some hundred cells."""
    lat, lng = rng.uniform(-75, 75), rng.uniform(-175, 175)
    radius = rng.uniform(0.02, 3.0)
    shell = _star(rng, lng, lat, radius, jag=0.4)
    # The shell contains the disc of radius 0.35: one hole of 0.3 in the middle, or two of 0.14 side by side.
    layouts = [[(0.0, 0.3)], [(-0.17, 0.14), (0.17, 0.14)]]
    layout = rng.choice(layouts)
    holes = [_star(rng, lng + dx * radius, lat, size * radius, jag=0.3) for dx, size in layout[: rng.randint(0, 2)]]
    polygon = Polygon(shell, holes)
    area_km2 = polygon.area * 111.32**2 * math.cos(math.radians(lat))
    res = next((r for r in range(15, -1, -1) if area_km2 / h3.average_hexagon_area(r, "km^2") < 150), 0)
    return polygon, res


def h3_polygon(polygon: Polygon) -> h3.LatLngPoly:
    def latlng(ring: Any) -> list[tuple[float, float]]:
        return [(y, x) for x, y in ring.coords]

    return h3.LatLngPoly(latlng(polygon.exterior), *[latlng(hole) for hole in polygon.interiors])


def expected_cells(shape: Polygon | MultiPolygon, res: int, mode: str | None) -> Counter[str]:
    """h3-pg's result: the cells of each distinct polygon, together (a polygon twice counts once)."""
    parts = list(dict.fromkeys(shape.geoms)) if isinstance(shape, MultiPolygon) else [shape]
    cells: Counter[str] = Counter()
    for part in parts:
        poly = h3_polygon(part)
        cells.update(h3.h3shape_to_cells(poly, res) if mode is None
                     else h3.h3shape_to_cells_experimental(poly, res, CONTAINMENT_MODES[mode]))
    return cells


@pytest.fixture(scope="module")
def polygons() -> list[tuple[Polygon | MultiPolygon, int]]:
    rng = random.Random(SEED)
    shapes: list[tuple[Polygon | MultiPolygon, int]] = [random_polygon(rng) for _ in range(400)]
    for _ in range(40):  # multipolygons, now and then with a polygon twice
        (a, res), (b, _) = random_polygon(rng), random_polygon(rng)
        shapes.append((MultiPolygon([a, b, a] if rng.random() < 0.5 else [a, b]), res))
    return shapes


@pytest.mark.parametrize("mode", [None, *CONTAINMENT_MODES])
def test_polygon_to_cells_matches_h3(db: Any, polygons: list[tuple[Any, int]], mode: str | None) -> None:
    call = ("h3_polygon_to_cells(ST_SetSRID(ST_GeomFromWKB(w), 4326), r)" if mode is None
            else f"h3_polygon_to_cells_experimental(ST_SetSRID(ST_GeomFromWKB(w), 4326), r, '{mode}')")
    got = rows(db, f"SELECT ARRAY(SELECT CAST({call} AS text)) "
                   "FROM unnest(%s::bytea[], %s::int[]) WITH ORDINALITY AS t(w, r, i) ORDER BY i",
               ([psycopg2.Binary(shapely.to_wkb(s)) for s, _ in polygons], [r for _, r in polygons]))
    total = holed = 0
    for (shape, res), (cells,) in zip(polygons, got, strict=True):
        assert Counter(cells) == expected_cells(shape, res, mode), (shape.wkt[:200], res, mode)
        total += len(cells)
        if isinstance(shape, Polygon) and shape.interiors:
            holed += expected_cells(Polygon(shape.exterior), res, mode) != Counter(cells)
    assert total > 10_000  # the polygons were not all too small for their resolution
    assert holed > 30  # nor their holes (fewest with overlapping_bbox: a cell goes when its bbox fits a hole)


def test_polygon_to_cells_geography_and_defaults(db: Any, polygons: list[tuple[Any, int]]) -> None:
    shape, res = next((s, r) for s, r in polygons if isinstance(s, Polygon) and len(s.interiors) == 2)
    wkb = psycopg2.Binary(shapely.to_wkb(shape))
    geom = "ST_SetSRID(ST_GeomFromWKB(%s), 4326)"
    as_geometry = Counter(c for (c,) in rows(db, f"SELECT h3_polygon_to_cells({geom}, %s)::text", (wkb, res)))
    assert as_geometry == expected_cells(shape, res, None)
    assert sum(as_geometry.values()) > 10
    for sql in (f"SELECT h3_polygon_to_cells(CAST({geom} AS geography), %s)::text",
                f"SELECT h3_polygon_to_cells_experimental({geom}, %s)::text",  # containment_mode DEFAULT 'center'
                f"SELECT h3_polygon_to_cells_experimental(CAST({geom} AS geography), %s)::text",
                f"SELECT h3_polygon_to_cells_experimental({geom}, %s, NULL)::text"):  # NULL mode reads as center
        assert Counter(c for (c,) in rows(db, sql, (wkb, res))) == as_geometry, sql
    z = f"SELECT h3_polygon_to_cells(ST_Force3D({geom}, 7), %s)::text"  # Z is not looked at
    assert Counter(c for (c,) in rows(db, z, (wkb, res))) == as_geometry


def test_polygon_to_cells_null_and_invalid_input(db: Any) -> None:
    for function in ("h3_polygon_to_cells", "h3_polygon_to_cells_experimental"):
        for geom in ("NULL::geometry", "'POLYGON EMPTY'::geometry", "'MULTIPOLYGON EMPTY'::geometry",
                     "'GEOMETRYCOLLECTION EMPTY'::geometry"):
            assert rows(db, f"SELECT {function}({geom}, 5)") == [], (function, geom)
        for geom in ("'POINT(1 1)'", "'LINESTRING(0 0, 1 1)'", "'GEOMETRYCOLLECTION(POINT(1 1))'"):
            exc = error(db, f"SELECT {function}(CAST({geom} AS geometry), 5)")
            assert exc.pgcode == INVALID_PARAMETER_VALUE and "No polygon given to polyfill" in str(exc), geom
        square = "CAST('POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))' AS geometry)"
        assert_h3_error(error(db, f"SELECT {function}({square}, 16)"), 4)  # E_RES_DOMAIN
        # NULL resolution: h3-pg's C function reads resolution 0 (its NULL argument's zero datum).
        big = "CAST('POLYGON((-40 -30, 60 -30, 60 50, -40 50, -40 -30))' AS geometry)"
        loop = [(-30, -40), (-30, 60), (50, 60), (50, -40)]
        assert sorted(c for (c,) in rows(db, f"SELECT {function}({big}, NULL)::text")) == \
            sorted(h3.h3shape_to_cells(h3.LatLngPoly(loop), 0))
    bad_mode = error(db, "SELECT h3_polygon_to_cells_experimental('POLYGON((0 0, 1 0, 1 1, 0 0))'::geometry, 5, "
                         "'intersects')")
    assert bad_mode.pgcode == INVALID_PARAMETER_VALUE
    assert "Containment Mode must be center, full, overlapping, or overlapping_bbox." in str(bad_mode)


def test_srf_results_are_h3index(db: Any) -> None:
    for sql in ("SELECT pg_typeof(h3_grid_disk('8a63a9a99047fff'))::text",
                "SELECT pg_typeof(h3_cell_to_children('8a63a9a99047fff', 11))::text",
                "SELECT pg_typeof(h3_polygon_to_cells('POLYGON((0 0, 1 0, 1 1, 0 0))'::geometry, 6))::text",
                "SELECT pg_typeof(h3_cell_to_parent('8a63a9a99047fff', 9))::text"):
        assert {t for (t,) in rows(db, sql)} == {"h3index"}, sql
