"""TEST-ONLY stand-in for the h3-pg extensions (``h3`` + ``h3_postgis``, https://github.com/zachasme/h3-pg).

Production databases need the real h3-pg 4.2 or later: ``CREATE EXTENSION h3; CREATE EXTENSION h3_postgis``.
Debian does not package it, so the throwaway test server (:mod:`tests.support.postgis`) gets this
stand-in instead: the h3-pg functions Wareflow's PostgreSQL dialect calls, with h3-pg's names,
argument names and types, return types and ``IMMUTABLE`` / ``STRICT`` / ``PARALLEL SAFE`` markings,
written in PL/Python over the ``h3`` PyPI package (the H3 core library, like h3-pg). The server's
Python must be able to import ``h3`` (the server module installs it and sets ``PYTHONPATH``).

What matches h3-pg, as the tests in ``tests/integration/test_pg_h3_standin.py`` check:

* ``h3index`` text is lower-case hex (``'8928308280fffff'``); ``CAST(... AS h3index)`` and
  ``CAST(... AS text)`` work; NULL in gives NULL out (an empty set for set-returning functions).
* H3 errors are raised as h3-pg raises them: SQLSTATE 38000, ``error code: <H3Error>``, the same hint;
  h3-pg's own argument errors keep their SQLSTATE and message (``No polygon given to polyfill``, the
  containment mode message, the memory limits of ``h3_grid_disk`` and ``h3_cell_to_children``).
* Planner-visible costs: the PL/Python functions declare COST 1 like h3-pg's C functions (SETOF ones
  the default ROWS 1000 like h3-pg's), the SQL wrappers the default 100 like h3-pg's.
* ``h3_polygon_to_cells*`` are ``CALLED ON NULL INPUT`` as in h3-pg: a NULL or empty geometry gives no
  cells, a non-polygonal part raises ``No polygon given to polyfill``, a NULL resolution is read as 0
  (h3-pg's C function reads the NULL argument's zero datum) and a NULL containment mode as ``'center'``.
* ``h3_cell_to_boundary_geometry`` splits cells crossed by the antimeridian as h3-pg does (a
  MULTIPOLYGON, or for a polar cell a POLYGON detouring along the antimeridian to 89.9999 degrees).

Where it differs (and why):

* ``h3index`` is a DOMAIN over ``text COLLATE "C"``, not h3-pg's 64-bit base type (base types need C
  input/output functions). Input must already be canonical lower-case hex without leading zeros: h3-pg
  also accepts upper case, leading zeros and ``0x`` and normalises them, the domain rejects them
  (SQLSTATE 23514, constraint ``h3index_lower_case_hex``). Cells all have 15 hex digits, so ordering
  cells as C-collated text is ordering them as numbers. There are no ``h3index`` <-> ``bigint`` /
  ``point`` / ``geometry`` casts, no h3index operators or operator classes beyond text's, no binary I/O.
* PL/Python puts ``plpy.Error: `` before every message this raises (the SQLSTATE is h3-pg's).
* A cell that fails H3's validity check is an error here (``error code: 5``, E_CELL_INVALID, from the
  ``h3`` package's check); h3-pg passes it to H3 core, which raises or returns an unspecified value.
* ``h3.strict`` (reject longitudes/latitudes out of range) is not read: the stand-in behaves as h3-pg's
  default (``h3.strict = off``).
* Antimeridian split points are computed from the vertices in degrees (all the ``h3`` package gives),
  so their coordinates may differ from h3-pg's in the last bits; every H3 vertex is exact.
* Results come from the ``h3`` package's H3 core (4.4 for h3 4.4.2), h3-pg 4.2.3 bundles H3 core 4.2.0.
* Only these functions exist (h3-pg has many more); the geometry functions also have h3-pg's
  ``geography`` overloads. Helpers live in the schema ``h3_standin``.
"""

from __future__ import annotations

import textwrap

STANDIN_SCHEMA = "h3_standin"  # internal PL/Python helpers; the h3-pg names go where CREATE puts them (public)
MARKINGS = "IMMUTABLE STRICT PARALLEL SAFE"  # those of h3-pg's functions ...
POLYGON_MARKINGS = "IMMUTABLE PARALLEL SAFE CALLED ON NULL INPUT"  # ... but h3_polygon_to_cells*: NOT STRICT

# Largest palloc() PostgreSQL allows (MaxAllocSize); h3-pg allocates 8 bytes per cell of a result.
_MAX_ALLOC_SIZE = 0x3FFFFFFF

# Every PL/Python function runs this once per session: H3 errors become h3-pg's (include/error.c).
_SETUP = """\
import h3


def h3_error(exc):
    code = getattr(exc, 'h3_error_code', None) or 1  # 1 = E_FAILED when the h3 package gives no code
    plpy.error('error code: %d' % code, sqlstate='38000',
               hint='https://h3geo.org/docs/library/errors#table-of-error-codes')
"""

_LATLNG_TO_CELL = """\
def impl(lat, lng, resolution):
    try:
        return h3.latlng_to_cell(lat, lng, resolution)
    except h3.H3BaseException as exc:
        h3_error(exc)
"""

_CELL_TO_POINT_EWKB = """\
import struct


def impl(cell):
    try:
        lat, lng = h3.cell_to_latlng(cell)
    except h3.H3BaseException as exc:
        h3_error(exc)
    return struct.pack('<BIIdd', 1, 1 | 0x20000000, 4326, lng, lat)  # EWKB point with SRID 4326
"""

# h3-pg's h3_cell_to_boundary_wkb (h3_postgis/src/wkb_indexing.c, wkb.c), on the h3 package's vertices.
_CELL_TO_BOUNDARY_EWKB = """\
import math
import struct

M_PI = math.pi
M_180_PI = 57.29577951308232087679815481410517033240547  # H3 core's radsToDegs factor
M_PI_180 = 0.0174532925199432957692369076848861271111  # H3 core's degsToRads factor
ABS_LAT_MAX = 89.9999 * M_PI_180  # where a polar cell's detour along the antimeridian turns
EWKB_SRID = 0x20000000


def sign(x):
    return (x > 0) - (x < 0)


def crosses_antimeridian(lng, next_lng):
    return sign(lng) != sign(next_lng) and abs(lng - next_lng) > M_PI


def antimeridian_lat(a, b):
    # Latitude where the great circle through a and b meets the plane of the 0/180 meridian (radians).
    (lat1, lng1), (lat2, lng2) = a, b
    x1, y1, z1 = math.cos(lat1) * math.cos(lng1), math.cos(lat1) * math.sin(lng1), math.sin(lat1)
    x2, y2, z2 = math.cos(lat2) * math.cos(lng2), math.cos(lat2) * math.sin(lng2), math.sin(lat2)
    nx, nz = y1 * z2 - z1 * y2, x1 * y2 - y1 * x2
    y = -1.0 if (lng1 < 0 or lng2 > 0) else 1.0
    sx, sz = -(nz * y), nx * y
    length = math.sqrt(sx * sx + sz * sz)
    return math.asin(sz / length if length > 0 else 0.0)


def split_polar(verts):
    # Crossed once: a cell around a pole. Detour along the antimeridian to near the pole and back.
    out = []
    for i, vert in enumerate(verts):
        nxt = verts[(i + 1) % len(verts)]
        out.append(vert)
        if crosses_antimeridian(vert[1], nxt[1]):
            if i + 1 != len(out):
                plpy.error('Cell boundaries crossed by antimeridian more than once '
                           'must be handled in `boundary_split_180`', sqlstate='38000')
            lat = antimeridian_lat(vert, nxt)
            lng = -M_PI if vert[1] < 0 else M_PI
            pole = sign(lat) * ABS_LAT_MAX
            out += [(lat, lng), (pole, lng), (pole, -lng), (lat, -lng)]
    return out


def split_in_two(verts):
    # Crossed twice: the part west of the antimeridian (longitudes < 0) and the part east of it.
    west, east = [], []
    for i, vert in enumerate(verts):
        nxt = verts[(i + 1) % len(verts)]
        part = west if vert[1] < 0 else east
        part.append(vert)
        if sign(vert[1]) != sign(nxt[1]):
            if not abs(vert[1] - nxt[1]) > M_PI:
                plpy.error('Cell boundaries crossed by the Prime meridian '
                           'must be handled in `boundary_split_180_polar`', sqlstate='38000')
            lat = antimeridian_lat(vert, nxt)
            lng = -M_PI if vert[1] < 0 else M_PI
            part.append((lat, lng))
            (east if part is west else west).append((lat, -lng))
    return west, east


def polygon_wkb(ring, srid):
    # ring: (lat, lng) degrees. h3-pg closes it unless its closedness test (which looks at the latitude
    # of vertex 1, not 0) says it is closed already.
    header = struct.pack('<BII', 1, 3 | EWKB_SRID, 4326) if srid else struct.pack('<BI', 1, 3)
    if not ring:
        return header + struct.pack('<I', 0)
    if not (len(ring) > 1 and ring[0][1] == ring[-1][1] and ring[1][0] == ring[-1][0]):
        ring = ring + ring[:1]
    coords = [c for lat, lng in ring for c in (lng, lat)]
    return header + struct.pack('<II%dd' % len(coords), 1, len(ring), *coords)


def impl(cell):
    try:
        boundary = h3.cell_to_boundary(cell)
    except h3.H3BaseException as exc:
        h3_error(exc)
    radians = [(lat * M_PI_180, lng * M_PI_180) for lat, lng in boundary]
    crossings = sum(crosses_antimeridian(lng, radians[(i + 1) % len(radians)][1])
                    for i, (_lat, lng) in enumerate(radians))
    if crossings == 0:
        return polygon_wkb(list(boundary), srid=True)
    exact = dict(zip(radians, boundary))  # H3's own vertices keep the package's degrees, bit for bit

    def degrees(verts):
        return [exact[v] if v in exact else (v[0] * M_180_PI, v[1] * M_180_PI) for v in verts]

    if crossings == 1:
        return polygon_wkb(degrees(split_polar(radians)), srid=True)
    parts = [polygon_wkb(degrees(part), srid=False) for part in split_in_two(radians)]
    return struct.pack('<BIII', 1, 6 | EWKB_SRID, 4326, len(parts)) + b''.join(parts)
"""

_POLYGON_TO_CELLS = """\
import struct

MODES = {'center': 'center', 'full': 'full', 'overlapping': 'overlap', 'overlapping_bbox': 'bbox_overlap'}


def ring(wkb):
    # The (only) ring of a 2D polygon in WKB (ST_AsBinary), as (lat, lng) pairs.
    order = '<' if wkb[0] == 1 else '>'
    kind, rings = struct.unpack_from(order + 'II', wkb, 1)
    if kind != 3 or rings == 0:
        return []
    (count,) = struct.unpack_from(order + 'I', wkb, 9)
    coords = struct.unpack_from(order + '%dd' % (2 * count), wkb, 13)
    return list(zip(coords[1::2], coords[0::2]))


def impl(exterior, holes, resolution, containment_mode, experimental):
    if exterior is None:
        plpy.error('No polygon given to polyfill', sqlstate='22023')
    mode = 'center' if containment_mode is None else containment_mode
    if mode not in MODES:
        plpy.error('Containment Mode must be center, full, overlapping, or overlapping_bbox.', sqlstate='22023')
    polygon = h3.LatLngPoly(ring(exterior), *[ring(hole) for hole in holes or () if hole is not None])
    res = 0 if resolution is None else resolution  # h3-pg's C function reads a NULL as the zero datum
    try:
        if experimental:
            return h3.h3shape_to_cells_experimental(polygon, res, MODES[mode])
        return h3.h3shape_to_cells(polygon, res)
    except h3.H3BaseException as exc:
        h3_error(exc)
"""

_IS_VALID_CELL = """\
def impl(cell):
    return h3.is_valid_cell(cell)
"""

_GRID_DISK = f"""\
def impl(origin, k):
    size = (3 * k * (k + 1) + 1) * 8  # h3-pg's palloc for maxGridDiskSize(k) cells
    if k >= 0 and size > {_MAX_ALLOC_SIZE}:
        plpy.error('invalid memory alloc request size %d' % size)
    try:
        return h3.grid_disk(origin, k)
    except h3.H3BaseException as exc:
        h3_error(exc)
"""

_GRID_DISTANCE = """\
def impl(origin, destination):
    try:
        return h3.grid_distance(origin, destination)
    except h3.H3BaseException as exc:
        h3_error(exc)
"""

_CELL_TO_PARENT = """\
def impl(cell, resolution):
    try:
        return h3.cell_to_parent(cell, resolution)
    except h3.H3BaseException as exc:
        h3_error(exc)
"""

_CELL_TO_CHILDREN = f"""\
def impl(cell, resolution):
    try:
        if h3.cell_to_children_size(cell, resolution) * 8 > {_MAX_ALLOC_SIZE}:
            plpy.error('Cannot allocate necessary amount memory, try using h3_cell_to_children_slow()',
                       sqlstate='53200')
        return h3.cell_to_children(cell, resolution)
    except h3.H3BaseException as exc:
        h3_error(exc)
"""


def _plpython(signature: str, returns: str, impl: str, call: str, markings: str = MARKINGS) -> str:
    """A PL/Python function whose body defines ``impl`` once per session (kept in SD) and calls it.

    COST 1 is what h3-pg's C functions declare (C's default; PL/Python's is 100): plans, and whether
    the JIT compiles them, stay those of production. (The default ROWS 1000 of SETOF is h3-pg's too.)
    """
    setup = textwrap.indent(_SETUP + "\n\n" + impl, "    ")
    body = f"try:\n    impl = SD['impl']\nexcept KeyError:\n{setup}    SD['impl'] = impl\nreturn {call}\n"
    return (f"CREATE FUNCTION {signature} RETURNS {returns}\nLANGUAGE plpython3u {markings} COST 1\n"
            f"AS $py$\n{body}$py$")


def _sql(signature: str, returns: str, body: str, markings: str = MARKINGS) -> str:
    return f"CREATE FUNCTION {signature} RETURNS {returns}\nLANGUAGE sql {markings}\nAS $sql$ {body} $sql$"


def _polygon_to_cells_sql(mode: str, experimental: bool) -> str:
    """Cells of each distinct polygon of ``multi``, its rings taken apart with PostGIS as in h3-pg's wrapper
    (so a NULL or empty geometry has no polygons, and a non-polygonal part no exterior ring)."""
    ring = "ST_AsBinary(ST_Force2D(ST_MakePolygon({})))"
    exterior = ring.format("ST_ExteriorRing(part)")
    holes = (f"ARRAY(SELECT {ring.format('ST_InteriorRingN(part, n)')} "
             "FROM generate_series(1, ST_NumInteriorRings(part)) AS n)")
    flag = "true" if experimental else "false"
    return (f"SELECT cell FROM (SELECT DISTINCT (ST_Dump(multi)).geom AS part) AS parts, "
            f"{STANDIN_SCHEMA}.polygon_to_cells({exterior}, {holes}, resolution, {mode}, {flag}) AS cell")


def statements() -> list[str]:
    """The SQL that creates the stand-in in the current database (as a superuser, with PostGIS installed)."""
    s = STANDIN_SCHEMA
    return [
        "CREATE EXTENSION IF NOT EXISTS plpython3u",
        f"CREATE SCHEMA {s}",
        f"COMMENT ON SCHEMA {s} IS 'TEST-ONLY stand-in for h3-pg (tests/support/h3_standin.py); "
        "production needs the real h3-pg extensions h3 and h3_postgis'",
        # h3-pg's output: lower-case hex without leading zeros (h3ToString's "%llx"). No regular expression:
        # the check runs on every value the functions return, and a regex tripled its cost.
        "CREATE DOMAIN h3index AS text COLLATE \"C\" CONSTRAINT h3index_lower_case_hex CHECK ("
        "length(VALUE) BETWEEN 1 AND 16 AND ltrim(VALUE, '0123456789abcdef') = '' AND VALUE NOT LIKE '0_%')",
        # -- internal helpers ------------------------------------------------------------------------
        _plpython(f"{s}.latlng_to_cell(lat float8, lng float8, resolution integer)", "h3index",
                  _LATLNG_TO_CELL, "impl(lat, lng, resolution)"),
        _plpython(f"{s}.cell_to_point_ewkb(cell h3index)", "bytea", _CELL_TO_POINT_EWKB, "impl(cell)"),
        _plpython(f"{s}.cell_to_boundary_ewkb(cell h3index)", "bytea", _CELL_TO_BOUNDARY_EWKB, "impl(cell)"),
        _plpython(f"{s}.polygon_to_cells(exterior bytea, holes bytea[], resolution integer, "
                  "containment_mode text, experimental boolean)", "SETOF h3index", _POLYGON_TO_CELLS,
                  "impl(exterior, holes, resolution, containment_mode, experimental)", POLYGON_MARKINGS),
        # -- h3 ----------------------------------------------------------------------------------------
        _plpython("h3_is_valid_cell(h3index)", "boolean", _IS_VALID_CELL, "impl(args[0])"),
        _plpython("h3_grid_disk(origin h3index, k integer DEFAULT 1)", "SETOF h3index", _GRID_DISK,
                  "impl(origin, k)"),
        _plpython("h3_grid_distance(origin h3index, destination h3index)", "bigint", _GRID_DISTANCE,
                  "impl(origin, destination)"),
        _plpython("h3_cell_to_parent(cell h3index, resolution integer)", "h3index", _CELL_TO_PARENT,
                  "impl(cell, resolution)"),
        _plpython("h3_cell_to_children(cell h3index, resolution integer)", "SETOF h3index", _CELL_TO_CHILDREN,
                  "impl(cell, resolution)"),
        # -- h3_postgis ----------------------------------------------------------------------------------
        # geometry -> point is PostGIS's cast, as in h3-pg: a non-point is an error, an empty point NULL.
        _sql("h3_latlng_to_cell(geometry, resolution integer)", "h3index",
             f"SELECT {s}.latlng_to_cell((CAST($1 AS point))[1], (CAST($1 AS point))[0], $2)"),
        _sql("h3_latlng_to_cell(geography, resolution integer)", "h3index",
             "SELECT h3_latlng_to_cell(CAST($1 AS geometry), $2)"),
        _sql("h3_cell_to_geometry(h3index)", "geometry", f"SELECT ST_GeomFromEWKB({s}.cell_to_point_ewkb($1))"),
        _sql("h3_cell_to_boundary_geometry(h3index)", "geometry",
             f"SELECT ST_GeomFromEWKB({s}.cell_to_boundary_ewkb($1))"),
        _sql("h3_polygon_to_cells(multi geometry, resolution integer)", "SETOF h3index",
             _polygon_to_cells_sql("NULL", experimental=False), POLYGON_MARKINGS),
        _sql("h3_polygon_to_cells(multi geography, resolution integer)", "SETOF h3index",
             "SELECT h3_polygon_to_cells(CAST($1 AS geometry), $2)", POLYGON_MARKINGS),
        _sql("h3_polygon_to_cells_experimental(multi geometry, resolution integer, "
             "containment_mode text DEFAULT 'center')", "SETOF h3index",
             _polygon_to_cells_sql("containment_mode", experimental=True), POLYGON_MARKINGS),
        _sql("h3_polygon_to_cells_experimental(multi geography, resolution integer, "
             "containment_mode text DEFAULT 'center')", "SETOF h3index",
             "SELECT h3_polygon_to_cells_experimental(CAST($1 AS geometry), $2, $3)", POLYGON_MARKINGS),
    ]
