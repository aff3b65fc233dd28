"""H3 on DuckDB without the community extension: our UDFs against the `h3` package (string API) as reference.

Points are world-wide (seeded), with the poles and the antimeridian; results are compared exactly (sets
where H3 promises no order). The extension's own test vectors (test/sql/h3/*.test in
https://github.com/isaacbrodsky/h3-duckdb) pin the strings it returns, so the SQL reads the same either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import h3
import numpy as np
import pyarrow as pa
import pytest
import shapely

from wareflow.sql.dialects.duckdb import DuckDB
from wareflow.warehouses.duckdb import connect
from wareflow.warehouses.duckdb_h3 import install_h3

NAMES = ("h3_latlng_to_cell_string", "h3_cell_to_boundary_wkt", "h3_cell_to_boundary_wkb", "h3_cell_to_lat",
         "h3_cell_to_lng", "h3_grid_disk",
         "h3_grid_distance", "h3_cell_to_parent", "h3_cell_to_children",
         "h3_polygon_wkt_to_cells_experimental_string", "h3_is_valid_cell")
RESOLUTIONS = (0, 1, 5, 9, 12, 15)
MODES = ("center", "full", "overlap", "overlap_bbox")
H3PY_MODE = {"center": "center", "full": "full", "overlap": "overlap", "overlap_bbox": "bbox_overlap"}
SF_BOX = ("POLYGON ((-122.53401215374411 37.81666158907579, -122.53401215374411 37.70454536656959, "
          "-122.3479361380842 37.70454536656959, -122.3479361380842 37.81666158907579, "
          "-122.53401215374411 37.81666158907579))")


@pytest.fixture(scope="module")
def conn() -> Iterator[Any]:
    """A plain DuckDB connection with our UDFs (never the extension, even where it is installed)."""
    c = duckdb.connect()
    assert install_h3(c, extension=False) == "udfs"
    rng = np.random.default_rng(20240601)
    n = 10_000
    lat, lng = rng.uniform(-90, 90, n), rng.uniform(-180, 180, n)
    # Poles, the antimeridian from both sides, the origin and points a hair away from them.
    special = [(90, 0), (-90, 0), (90, 180), (-90, -180), (0, 180), (0, -180), (45, 180), (-45, -180),
               (0, 0), (89.999999, 179.999999), (-89.999999, -179.999999), (12.5, 179.9999999), (-12.5, -179.9999999)]
    lat = np.concatenate([lat, [p[0] for p in special]])
    lng = np.concatenate([lng, [p[1] for p in special]])
    c.from_arrow(pa.table({"id": np.arange(len(lat)), "lat": lat, "lng": lng})).create("pts")
    yield c
    c.close()


def points(conn: Any) -> list[tuple[float, float]]:
    return conn.execute("SELECT lat, lng FROM pts ORDER BY id").fetchall()


def column(conn: Any, sql: str, *params: Any) -> list[Any]:
    return [row[0] for row in conn.execute(sql, list(params)).fetchall()]


def cells_at(conn: Any, res: int) -> list[str]:
    return column(conn, "SELECT h3_latlng_to_cell_string(lat, lng, ?) FROM pts ORDER BY id", res)


def one(conn: Any, sql: str) -> Any:
    return conn.execute(f"SELECT {sql}").fetchone()[0]


# ---- points, boundaries, centres -----------------------------------------------------------------------

@pytest.mark.parametrize("res", RESOLUTIONS)
def test_point_to_cell_matches_h3(conn: Any, res: int) -> None:
    expected = [h3.latlng_to_cell(lat, lng, res) for lat, lng in points(conn)]
    got = cells_at(conn, res)
    assert len(got) == 10_013
    assert got == expected
    assert all(c == c.lower() for c in got)


def test_point_to_cell_examples_of_the_extension(conn: Any) -> None:
    assert one(conn, "h3_latlng_to_cell_string(37.7752702151959, -122.418307270836, 9)") == "8928308280fffff"
    assert one(conn, "h3_latlng_to_cell_string(0, 0, 1)") == "81757ffffffffff"


@pytest.mark.parametrize("res", (0, 5, 15))
def test_boundary_wkt_is_the_cell_boundary_lon_lat_closed(conn: Any, res: int) -> None:
    cells = cells_at(conn, res)
    wkts = column(conn, "SELECT h3_cell_to_boundary_wkt(h3_latlng_to_cell_string(lat, lng, ?)) FROM pts ORDER BY id",
                  res)
    for cell, wkt in zip(cells, wkts, strict=True):
        assert wkt.startswith("POLYGON ((") and wkt.endswith("))")
        pairs = [p.split(" ") for p in wkt[len("POLYGON (("):-2].split(", ")]
        assert all(len(x.split(".")[1]) == 6 and len(y.split(".")[1]) == 6 for x, y in pairs)  # the extension's %f
        vertices = [(float(x), float(y)) for x, y in pairs]
        ring = h3.cell_to_boundary(cell)
        assert vertices[0] == vertices[-1] and len(vertices) == len(ring) + 1
        assert np.allclose(vertices[:-1], [(lng, lat) for lat, lng in ring], rtol=0, atol=5.000001e-7)


@pytest.mark.parametrize("res", (0, 5, 15))
def test_boundary_wkb_is_the_cell_boundary_at_full_precision(conn: Any, res: int) -> None:
    cells = cells_at(conn, res)
    polygons = column(conn, "SELECT ST_AsText(ST_GeomFromWKB(h3_cell_to_boundary_wkb("
                            "h3_latlng_to_cell_string(lat, lng, ?)))) FROM pts ORDER BY id", res)
    for cell, wkt in zip(cells, polygons, strict=True):
        ring = h3.cell_to_boundary(cell)
        vertices = list(shapely.from_wkt(wkt).exterior.coords)
        assert vertices[:-1] == [(lng, lat) for lat, lng in ring]  # exactly h3's doubles


def test_boundary_wkt_example_of_the_extension(conn: Any) -> None:
    assert one(conn, "h3_cell_to_boundary_wkt('822d57fffffffff')") == (
        "POLYGON ((38.777546 44.198571, 39.938746 42.736298, 42.150674 42.631271, 43.258395 44.047542, "
        "42.146575 45.539505, 39.897167 45.559577, 38.777546 44.198571))")


@pytest.mark.parametrize("res", (0, 9, 15))
def test_cell_centre_matches_h3(conn: Any, res: int) -> None:
    cells = cells_at(conn, res)
    got = conn.execute("SELECT h3_cell_to_lat(c), h3_cell_to_lng(c) FROM "
                       "(SELECT id, h3_latlng_to_cell_string(lat, lng, ?) AS c FROM pts) ORDER BY id", [res]).fetchall()
    assert got == [h3.cell_to_latlng(c) for c in cells]


# ---- traversal and hierarchy ---------------------------------------------------------------------------

@pytest.mark.parametrize(("res", "k"), [(0, 1), (5, 0), (5, 2), (9, 1), (15, 3)])
def test_grid_disk_sets_match_h3(conn: Any, res: int, k: int) -> None:
    cells = cells_at(conn, res)[:2000] + list(h3.get_pentagons(max(res, 1)))
    conn.execute("CREATE OR REPLACE TEMP TABLE disk_in AS SELECT unnest(?) AS c", [cells])
    got = conn.execute("SELECT c, h3_grid_disk(c, ?) FROM disk_in", [k]).fetchall()
    assert len(got) == len(cells)
    for cell, disk in got:
        assert len(disk) == len(set(disk)) and set(disk) == set(h3.grid_disk(cell, k))


def test_grid_disk_examples_of_the_extension(conn: Any) -> None:
    assert set(one(conn, "h3_grid_disk('822d57fffffffff', 1)")) == {
        "822d57fffffffff", "822d0ffffffffff", "822c27fffffffff", "822c2ffffffffff", "822d5ffffffffff",
        "822d47fffffffff", "822d77fffffffff"}
    assert set(one(conn, "h3_grid_disk('8408001ffffffff', 1)")) == {  # a pentagon: 6 cells
        "840800bffffffff", "840800dffffffff", "8408001ffffffff", "8408005ffffffff", "8408007ffffffff",
        "8408009ffffffff"}


def _distance(a: str, b: str) -> int | None:
    try:
        return int(h3.grid_distance(a, b))
    except h3.H3BaseException:
        return None


def test_grid_distance_matches_h3_and_is_null_where_h3_fails(conn: Any) -> None:
    rng = np.random.default_rng(7)
    near = cells_at(conn, 9)[:1500]
    pairs = [(c, rng.choice(h3.grid_ring(c, int(rng.integers(0, 6))))) for c in near]  # 0..5 apart
    far = cells_at(conn, 5)
    pairs += list(zip(far[:1500], far[1500:3000], strict=True))  # mostly too far apart: NULL
    pentagon = h3.get_pentagons(6)[3]
    around = h3.grid_disk(pentagon, 4)
    pairs += [(a, b) for a in around[:40] for b in around[-40:]]  # some paths cross the pentagon: NULL
    pairs += [(near[0], h3.cell_to_parent(near[0], 8)), (far[0], h3.cell_to_children(far[0], 6)[0])]  # res differ
    conn.execute("CREATE OR REPLACE TEMP TABLE dist_in AS SELECT unnest(?) AS a, unnest(?) AS b",
                 [[p[0] for p in pairs], [str(p[1]) for p in pairs]])
    got = conn.execute("SELECT a, b, h3_grid_distance(a, b) FROM dist_in").fetchall()
    expected = [(a, b, _distance(a, b)) for a, b in zip(*zip(*pairs, strict=True), strict=True)]
    assert got == expected
    values = [d for *_, d in got]
    assert values[-2:] == [None, None]
    assert sum(d is None for d in values) > 100 and sum(d is not None for d in values) > 1500
    assert sum(d is None for d in values[-1602:-2]) > 0  # the pentagon does block some paths
    assert one(conn, "h3_grid_distance('86584e9afffffff', '8658412c7ffffff')") == 5


@pytest.mark.parametrize("res", (1, 9, 15))
def test_parent_matches_h3_for_every_coarser_resolution(conn: Any, res: int) -> None:
    cells = cells_at(conn, res)[:1000]
    conn.execute("CREATE OR REPLACE TEMP TABLE par_in AS SELECT unnest(?) AS c", [cells])
    for parent_res in range(-1, 17):
        got = column(conn, "SELECT h3_cell_to_parent(c, ?) FROM par_in", parent_res)
        expected = [h3.cell_to_parent(c, parent_res) if 0 <= parent_res <= res else None for c in cells]
        assert got == expected, parent_res
    assert one(conn, "h3_cell_to_parent('822d57fffffffff', 1)") == "812d7ffffffffff"


@pytest.mark.parametrize(("res", "child_res"), [(0, 0), (0, 2), (5, 7), (13, 15), (9, 8), (9, 16), (9, -1)])
def test_children_match_h3(conn: Any, res: int, child_res: int) -> None:
    cells = cells_at(conn, res)[:300]
    conn.execute("CREATE OR REPLACE TEMP TABLE ch_in AS SELECT unnest(?) AS c", [cells])
    got = column(conn, "SELECT h3_cell_to_children(c, ?) FROM ch_in", child_res)
    if not res <= child_res <= 15:
        assert got == [None] * len(cells)
        return
    for cell, children in zip(cells, got, strict=True):
        assert len(children) == len(set(children)) and set(children) == set(h3.cell_to_children(cell, child_res))


# ---- polyfill ------------------------------------------------------------------------------------------

# A square with two holes; a multipolygon of a triangle near the antimeridian and a square with a hole;
# a collection with a point, a line and a polygon; all in lon/lat.
SQUARE_HOLES = ("POLYGON ((10 40, 12 40, 12 42, 10 42, 10 40), (10.5 40.5, 11 40.5, 11 41, 10.5 41, 10.5 40.5), "
                "(11.2 41.2, 11.8 41.2, 11.5 41.8, 11.2 41.2))")
MULTI = ("MULTIPOLYGON (((178 -10, 179.9 -10, 179 -8, 178 -10)), "
         "((-60 -30, -58 -30, -58 -28, -60 -28, -60 -30), "
         "(-59.5 -29.5, -58.5 -29.5, -58.5 -28.5, -59.5 -28.5, -59.5 -29.5)))")
COLLECTION = "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 3 3), POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0)))"


def _reference(wkt: str, res: int, mode: str) -> set[str]:
    """Polygon by polygon, loops turned to lat/lng by hand: independent of the shapely -> h3 conversion."""
    geom = shapely.from_wkt(wkt)
    polys = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]
    found: set[str] = set()
    for p in polys:
        loops = [[(y, x) for x, y in ring.coords] for ring in (p.exterior, *p.interiors)]
        found |= set(h3.h3shape_to_cells_experimental(h3.LatLngPoly(*loops), res, H3PY_MODE[mode]))
    return found


def polyfill(conn: Any, wkt: str, res: int, mode: str) -> list[str] | None:
    return conn.execute("SELECT h3_polygon_wkt_to_cells_experimental_string(?, ?, ?)", [wkt, res, mode]).fetchone()[0]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(("wkt", "res"), [(SQUARE_HOLES, 5), (SQUARE_HOLES, 6), (MULTI, 5), (COLLECTION, 4),
                                          (SF_BOX, 8)])
def test_polyfill_matches_h3_per_mode(conn: Any, wkt: str, res: int, mode: str) -> None:
    got = polyfill(conn, wkt, res, mode)
    assert got is not None and len(got) == len(set(got))
    assert set(got) == _reference(wkt, res, mode)
    assert got or mode == "full"


def test_polyfill_holes_and_modes_nest(conn: Any) -> None:
    no_holes = "POLYGON ((10 40, 12 40, 12 42, 10 42, 10 40))"
    filled = {m: set(polyfill(conn, SQUARE_HOLES, 6, m) or ()) for m in MODES}
    assert filled["full"] < filled["center"] < filled["overlap"] < filled["overlap_bbox"]
    assert filled["center"] < set(polyfill(conn, no_holes, 6, "center") or ())  # the holes take cells out
    hole_centre = h3.latlng_to_cell(40.75, 10.75, 6)
    assert hole_centre not in filled["overlap"]
    both = set(polyfill(conn, MULTI, 5, "center") or ())
    assert h3.latlng_to_cell(-9.5, 178.9, 5) in both and h3.latlng_to_cell(-29.8, -59.8, 5) in both


def test_polyfill_examples_of_the_extension(conn: Any) -> None:
    assert polyfill(conn, SF_BOX, 5, "center") == []
    assert set(polyfill(conn, SF_BOX, 5, "overlap") or ()) == {
        "85283083fffffff", "85283087fffffff", "85283093fffffff", "85283097fffffff"}
    assert set(polyfill(conn, SF_BOX, 6, "center") or ()) == {
        "862830827ffffff", "86283082fffffff", "862830877ffffff", "862830957ffffff", "86283095fffffff"}
    assert set(polyfill(conn, SF_BOX, 6, "full") or ()) == {"86283082fffffff", "86283095fffffff"}
    assert len(polyfill(conn, SF_BOX, 6, "overlap_bbox") or ()) == 18
    for short, long in [("center", "CONTAINMENT_CENTER"), ("full", "CONTAINMENT_FULL"),
                        ("overlap", "CONTAINMENT_OVERLAPPING"), ("overlap_bbox", "CONTAINMENT_OVERLAPPING_BBOX")]:
        assert polyfill(conn, SF_BOX, 6, long) == polyfill(conn, SF_BOX, 6, short)


@pytest.mark.parametrize("wkt", ["POLYGON EMPTY", "MULTIPOLYGON EMPTY", "GEOMETRYCOLLECTION EMPTY", "POINT (1 2)",
                                 "LINESTRING (0 0, 1 1)", "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))"])
def test_polyfill_of_empty_or_non_polygonal_is_an_empty_list(conn: Any, wkt: str) -> None:
    assert polyfill(conn, wkt, 5, "overlap") == []


def test_polyfill_reads_3d_polygons_as_2d(conn: Any) -> None:
    flat = polyfill(conn, "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", 5, "center")
    assert flat and polyfill(conn, "POLYGON Z ((0 0 7, 2 0 7, 2 2 7, 0 2 7, 0 0 7))", 5, "center") == flat


# ---- NULL and invalid input ----------------------------------------------------------------------------

INVALID_CELLS = ["", "zz", "0", "fffffffffffffff", "ffffffffffffffff", "0x822d57fffffffff", " 822d57fffffffff",
                 "822d57fffffffff ", "822d57fffffffffa", "822d57fffffff_f", "-822d57fffffffff"]


@pytest.mark.parametrize("expr", [
    "h3_latlng_to_cell_string(NULL, 0, 5)", "h3_latlng_to_cell_string(0, NULL, 5)",
    "h3_latlng_to_cell_string(0, 0, NULL)",
    "h3_latlng_to_cell_string('nan'::DOUBLE, 0, 5)", "h3_latlng_to_cell_string(0, 'inf'::DOUBLE, 5)",
    "h3_latlng_to_cell_string(0, 0, -1)", "h3_latlng_to_cell_string(0, 0, 16)",
    "h3_cell_to_boundary_wkt(NULL)", "h3_cell_to_boundary_wkb(NULL)", "h3_cell_to_lat(NULL)", "h3_cell_to_lng(NULL)",
    "h3_grid_disk(NULL, 1)", "h3_grid_disk('822d57fffffffff', NULL)", "h3_grid_disk('822d57fffffffff', -1)",
    "h3_grid_distance(NULL, '822d57fffffffff')", "h3_grid_distance('822d57fffffffff', NULL)",
    "h3_cell_to_parent(NULL, 1)", "h3_cell_to_parent('822d57fffffffff', NULL)",
    "h3_cell_to_parent('822d57fffffffff', 3)",
    "h3_cell_to_parent('822d57fffffffff', -1)", "h3_cell_to_children(NULL, 3)",
    "h3_cell_to_children('822d57fffffffff', NULL)", "h3_cell_to_children('822d57fffffffff', 1)",
    "h3_cell_to_children('822d57fffffffff', 16)", "h3_is_valid_cell(NULL)",
    "h3_polygon_wkt_to_cells_experimental_string(NULL, 5, 'center')",
    f"h3_polygon_wkt_to_cells_experimental_string('{SF_BOX}', NULL, 'center')",
    f"h3_polygon_wkt_to_cells_experimental_string('{SF_BOX}', 5, NULL)",
    f"h3_polygon_wkt_to_cells_experimental_string('{SF_BOX}', -1, 'center')",
    f"h3_polygon_wkt_to_cells_experimental_string('{SF_BOX}', 16, 'center')",
    f"h3_polygon_wkt_to_cells_experimental_string('{SF_BOX}', 5, 'bogus')",
    "h3_polygon_wkt_to_cells_experimental_string('POLYGON ((0 0, 1 1', 5, 'center')",
    "h3_polygon_wkt_to_cells_experimental_string('not wkt', 5, 'center')",
])
def test_null_or_invalid_argument_gives_null(conn: Any, expr: str) -> None:
    assert one(conn, expr) is None


@pytest.mark.parametrize("bad", INVALID_CELLS)
def test_invalid_cell_gives_null_and_is_not_valid(conn: Any, bad: str) -> None:
    row = conn.execute(
        "SELECT h3_cell_to_boundary_wkt($1), h3_cell_to_lat($1), h3_cell_to_lng($1), h3_grid_disk($1, 1), "
        "h3_grid_distance($1, '822d57fffffffff'), h3_grid_distance('822d57fffffffff', $1), h3_cell_to_parent($1, 0), "
        "h3_cell_to_children($1, 3), h3_cell_to_boundary_wkb($1), h3_is_valid_cell($1)", [bad]).fetchone()
    assert row == (None,) * 9 + (False,)


def test_upper_case_cells_are_read_and_answers_are_lower_case(conn: Any) -> None:
    row = conn.execute("SELECT h3_is_valid_cell('822D57FFFFFFFFF'), h3_cell_to_parent('822D57FFFFFFFFF', 1), "
                       "h3_grid_disk('822D57FFFFFFFFF', 0)").fetchone()
    assert row == (True, "812d7ffffffffff", ["822d57fffffffff"])


def test_nulls_spread_through_chunks_stay_on_their_rows(conn: Any) -> None:
    # DuckDB hands UDFs 2048 rows at a time; every 7th row NULL, every 11th an invalid resolution.
    rows = conn.execute(
        "SELECT id, lat, lng, CASE WHEN id % 11 = 0 THEN 16 ELSE 7 END AS r, "
        "h3_latlng_to_cell_string(CASE WHEN id % 7 = 0 THEN NULL ELSE lat END, lng, "
        "  CASE WHEN id % 11 = 0 THEN 16 ELSE 7 END) AS c FROM pts ORDER BY id").fetchall()
    for id_, lat, lng, r, c in rows:
        assert c == (None if id_ % 7 == 0 or r == 16 else h3.latlng_to_cell(lat, lng, 7))
    lists = column(conn, "SELECT h3_grid_disk(CASE WHEN id % 5 = 0 THEN NULL ELSE "
                         "h3_latlng_to_cell_string(lat, lng, 3) END, 1) FROM pts ORDER BY id")
    for (id_, lat, lng, *_), disk in zip(rows, lists, strict=True):
        assert (disk is None) == (id_ % 5 == 0)
        assert disk is None or set(disk) == set(h3.grid_disk(h3.latlng_to_cell(lat, lng, 3), 1))


def test_is_valid_cell(conn: Any) -> None:
    cells = cells_at(conn, 15)[:100] + list(h3.get_pentagons(4))
    conn.execute("CREATE OR REPLACE TEMP TABLE valid_in AS SELECT unnest(?) AS c", [cells])
    assert column(conn, "SELECT h3_is_valid_cell(c) FROM valid_in") == [True] * len(cells)


def test_result_types_are_the_extension_s(conn: Any) -> None:
    row = conn.execute(
        "SELECT typeof(h3_latlng_to_cell_string(0, 0, 1)), typeof(h3_cell_to_boundary_wkt('822d57fffffffff')), "
        "typeof(h3_cell_to_lat('822d57fffffffff')), typeof(h3_cell_to_lng('822d57fffffffff')), "
        "typeof(h3_grid_disk('822d57fffffffff', 1)), typeof(h3_grid_distance('822d57fffffffff', '822d57fffffffff')), "
        "typeof(h3_cell_to_parent('822d57fffffffff', 1)), typeof(h3_cell_to_children('822d57fffffffff', 3)), "
        f"typeof(h3_polygon_wkt_to_cells_experimental_string('{SF_BOX}', 5, 'center')), "
        "typeof(h3_is_valid_cell('822d57fffffffff'))").fetchone()
    assert row == ("VARCHAR", "VARCHAR", "DOUBLE", "DOUBLE", "VARCHAR[]", "BIGINT", "VARCHAR", "VARCHAR[]",
                   "VARCHAR[]", "BOOLEAN")


# ---- installation --------------------------------------------------------------------------------------

def _h3_functions(c: Any) -> list[tuple[str, int]]:
    return c.execute("SELECT function_name, count(*) FROM duckdb_functions() WHERE function_name LIKE 'h3\\_%' "
                     "ESCAPE '\\' GROUP BY ALL ORDER BY ALL").fetchall()


def test_install_is_idempotent_per_connection() -> None:
    c = duckdb.connect()
    first = install_h3(c)
    listed = _h3_functions(c)
    assert install_h3(c) == first and install_h3(c, extension=False) == first
    assert _h3_functions(c) == listed
    assert {name for name, _ in listed} >= set(NAMES)
    assert install_h3(c.cursor()) == first  # a cursor shares its connection's functions
    c.close()


def test_refused_load_falls_back_to_udfs_silently() -> None:
    c = duckdb.connect()
    c.execute("SET enable_external_access = false")  # LOAD now raises a PermissionException
    assert install_h3(c) == "udfs"
    assert one(c, "h3_latlng_to_cell_string(0, 0, 1)") == "81757ffffffffff"
    c.close()


def test_connections_from_connect_have_h3_under_the_session_settings(tmp_path: Path) -> None:
    path = str(tmp_path / "h3.duckdb")
    for read_only in (False, True):
        c = connect(path, read_only=read_only)
        assert {name for name, _ in _h3_functions(c)} >= set(NAMES)
        for setting in DuckDB.session_settings:  # what the session runs next: external access off
            c.execute(setting)
        cur = c.cursor()  # statements run on a cursor
        assert cur.execute("SELECT h3_cell_to_parent(h3_latlng_to_cell_string(37.7752702151959, -122.418307270836, "
                           "9), 5), ST_AsText(ST_Point(1, 2))").fetchone() == ("85283083fffffff", "POINT (1 2)")
        assert install_h3(c) in ("extension", "udfs")
        c.close()
