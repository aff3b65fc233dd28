"""H3 on DuckDB offline: the `h3` community extension when it is installed, else UDFs of the same names.

Wareflow's DuckDB dialect calls the VARCHAR-cell functions of DuckDB's `h3` community extension
(https://github.com/isaacbrodsky/h3-duckdb, https://duckdb.org/community_extensions/extensions/h3).
Installing that extension needs the network, which a worker often lacks, so when `LOAD h3` fails
`install_h3` registers vectorised Arrow UDFs with the same names and argument types, built on the `h3`
PyPI package: the generated SQL is the same either way. Mirrored (cells are lower-case hex VARCHAR):

    h3_latlng_to_cell_string(lat DOUBLE, lng DOUBLE, res INTEGER) -> VARCHAR
    h3_cell_to_boundary_wkt(cell VARCHAR) -> VARCHAR        'POLYGON ((lng lat, ...))', closed, 6 decimals
    h3_cell_to_boundary_wkb(cell VARCHAR) -> BLOB           the same polygon as WKB, at full precision
    h3_cell_to_lat(cell VARCHAR) -> DOUBLE,  h3_cell_to_lng(cell VARCHAR) -> DOUBLE
    h3_grid_disk(cell VARCHAR, k INTEGER) -> VARCHAR[]
    h3_grid_distance(a VARCHAR, b VARCHAR) -> BIGINT
    h3_cell_to_parent(cell VARCHAR, res INTEGER) -> VARCHAR
    h3_cell_to_children(cell VARCHAR, res INTEGER) -> VARCHAR[]
    h3_polygon_wkt_to_cells_experimental_string(wkt VARCHAR, res INTEGER, mode VARCHAR) -> VARCHAR[]
        mode: 'center' | 'full' | 'overlap' | 'overlap_bbox' (or the CONTAINMENT_* spellings)
    h3_is_valid_cell(cell VARCHAR) -> BOOLEAN

NULLs follow CARTO's wrappers: a NULL argument, an invalid cell, a resolution outside 0..15 (or a parent
finer than the cell, children coarser), a negative k, an unknown mode, unreadable WKT or a grid distance
H3 cannot compute give NULL, never an error (`h3_is_valid_cell` gives FALSE for an invalid cell). Where
the extension differs: it returns an empty list (not NULL) from the polyfill for a bad resolution or mode,
raises on malformed POLYGON WKT, reads only POLYGON (a MULTIPOLYGON gives an empty list; here its parts,
and a GEOMETRYCOLLECTION's polygonal parts, are filled) and also accepts (wkt, mode, res); its cell parser
(sscanf) tolerates a `0x` prefix, blanks and trailing text, which are invalid cells here.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from itertools import chain
from typing import Any, Literal, TypeAlias

import h3
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import shapely
from h3.api import basic_int

Column: TypeAlias = "pa.ChunkedArray | pa.Array"  # DuckDB hands Arrow UDFs chunked arrays
_CELL_TEXT = re.compile(r"[0-9A-Fa-f]{1,16}")
_DIGITS = np.frombuffer(b"0123456789abcdef", dtype=np.uint8)
_MODES = {"center": "center", "CONTAINMENT_CENTER": "center", "full": "full", "CONTAINMENT_FULL": "full",
          "overlap": "overlap", "CONTAINMENT_OVERLAPPING": "overlap",
          "overlap_bbox": "bbox_overlap", "CONTAINMENT_OVERLAPPING_BBOX": "bbox_overlap"}
_POLYGONAL = ("Polygon", "MultiPolygon", "GeometryCollection")
_EXTENSION_ONLY = "h3_latlng_to_cell"  # only the extension defines it (UBIGINT form): present means loaded


def install_h3(conn: Any, *, extension: bool = True) -> Literal["extension", "udfs"]:
    """Make the H3 functions callable on `conn`: the installed `h3` extension, else our UDFs.

    Never downloads (LOAD only reads an extension installed earlier); a failing LOAD falls back silently.
    `extension=False` skips the LOAD (the UDFs whatever is installed). Idempotent per connection (and its
    cursors, which share its functions): says what the connection already has.
    """
    import duckdb

    defined = _defined(conn)
    if _EXTENSION_ONLY in defined:
        return "extension"
    missing = [f for f in _FUNCTIONS if f[0] not in defined]
    if len(missing) < len(_FUNCTIONS) or not extension:
        _register(conn, missing)
        return "udfs"
    try:
        conn.execute("LOAD h3")
    except duckdb.Error:
        _register(conn, _FUNCTIONS)
        return "udfs"
    _register(conn, [f for f in _FUNCTIONS if f[0] not in _defined(conn)])  # an older extension lacks some
    return "extension"


def _defined(conn: Any) -> set[str]:
    """Which of our names (and the extension's marker) `conn` knows; the catalog only, no file system
    (duckdb_extensions() lists the extension directory, which external access off refuses)."""
    names = [_EXTENSION_ONLY, *(f[0] for f in _FUNCTIONS)]
    rows = conn.execute("SELECT DISTINCT function_name FROM duckdb_functions() WHERE list_contains(?, function_name)",
                        [names]).fetchall()
    return {row[0] for row in rows}


def _register(conn: Any, functions: Iterable[tuple[str, Callable[..., pa.Array], list[str], str]]) -> None:
    for name, fn, params, returns in functions:
        conn.create_function(name, fn, params, returns, type="arrow", null_handling="special", side_effects=False)


# ---- columns in and out -------------------------------------------------------------------------------

def _floats(column: Column) -> np.ndarray:
    """A DOUBLE column as float64, NULL as NaN."""
    return np.asarray(pc.fill_null(column, np.nan).to_numpy(), dtype=np.float64)


def _ints(column: Column) -> np.ndarray:
    """An INTEGER column as int64, NULL as -1 (an invalid resolution, k)."""
    return np.asarray(pc.fill_null(column, -1).to_numpy(), dtype=np.int64)


def _cell(text: str | None) -> int | None:
    """The cell a hex string names, or None when it is NULL, not hex or not a valid cell."""
    if text is None or not _CELL_TEXT.fullmatch(text):
        return None
    cell = int(text, 16)
    return cell if basic_int.is_valid_cell(cell) else None


def _cells(column: Column) -> list[int | None]:
    return [_cell(text) for text in column.to_pylist()]


def _hex(cells: np.ndarray, valid: np.ndarray | None = None) -> pa.Array:
    """Valid cells (uint64) as lower-case hex, vectorised: a valid cell is 15 digits (its top nibble is 0)."""
    n = len(cells)
    valid = np.ones(n, dtype=bool) if valid is None else valid
    octets = cells[valid].astype(">u8").view(np.uint8).reshape(-1, 8)
    nibbles = np.empty((len(octets), 16), dtype=np.uint8)
    nibbles[:, 0::2], nibbles[:, 1::2] = octets >> 4, octets & 0xF
    offsets = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(valid * 15, out=offsets[1:])
    bitmap = None if valid.all() else pa.py_buffer(np.packbits(valid, bitorder="little"))
    data = pa.py_buffer(_DIGITS[nibbles[:, 1:]].tobytes())
    return pa.Array.from_buffers(pa.large_string(), n, [bitmap, pa.py_buffer(offsets), data],
                                 null_count=int(n - valid.sum()))


def _hex_cells(cells: Sequence[int | None]) -> pa.Array:
    valid = np.fromiter((c is not None for c in cells), dtype=bool, count=len(cells))
    return _hex(np.fromiter((c or 0 for c in cells), dtype=np.uint64, count=len(cells)), valid)


def _hex_lists(lists: Sequence[Sequence[int] | None]) -> pa.Array:
    """Lists of cells as VARCHAR[]: one vectorised conversion of every cell."""
    lengths = np.fromiter((0 if c is None else len(c) for c in lists), dtype=np.int64, count=len(lists))
    offsets = np.zeros(len(lists) + 1, dtype=np.int64)
    np.cumsum(lengths, out=offsets[1:])
    flat = np.fromiter(chain.from_iterable(c for c in lists if c), dtype=np.uint64, count=int(offsets[-1]))
    mask = pa.array([c is None for c in lists], pa.bool_())
    return pa.LargeListArray.from_arrays(pa.array(offsets), _hex(flat), mask=mask)


def _rowwise(fn: Callable[..., Any], *columns: Sequence[Any]) -> list[Any]:
    """`fn` over rows; None where an argument is None or H3 refuses the row."""
    def one(*args: Any) -> Any:
        if any(a is None for a in args):
            return None
        try:
            return fn(*args)
        except (h3.H3BaseException, ValueError):
            return None
    return [one(*args) for args in zip(*columns, strict=True)]


# ---- the functions --------------------------------------------------------------------------------------

def latlng_to_cell_string(lat: Column, lng: Column, res: Column) -> pa.Array:
    lat_, lng_, res_ = _floats(lat), _floats(lng), _ints(res)
    ok = np.isfinite(lat_) & np.isfinite(lng_) & (res_ >= 0) & (res_ <= 15)
    cells = np.zeros(len(ok), dtype=np.uint64)
    rows = np.flatnonzero(ok)
    args = (lat_[rows].tolist(), lng_[rows].tolist(), res_[rows].tolist())
    try:  # the common case, every row computes: h3-py has no vectorised form, map is its cheapest loop
        cells[rows] = np.fromiter(map(basic_int.latlng_to_cell, *args), dtype=np.uint64, count=len(rows))
    except (h3.H3BaseException, ValueError):
        done = _rowwise(basic_int.latlng_to_cell, *args)
        cells[rows] = [c or 0 for c in done]
        ok[rows] = [c is not None for c in done]
    return _hex(cells, ok)


def _boundary_wkt(cell: int) -> str:
    ring = basic_int.cell_to_boundary(cell)
    return "POLYGON ((" + ", ".join(f"{lng:f} {lat:f}" for lat, lng in (*ring, ring[0])) + "))"


def cell_to_boundary_wkt(cell: Column) -> pa.Array:
    return pa.array(_rowwise(_boundary_wkt, _cells(cell)), pa.string())


def _boundary_wkb(cell: int) -> bytes:
    ring = [(lng, lat) for lat, lng in basic_int.cell_to_boundary(cell)]
    return shapely.to_wkb(shapely.Polygon(ring))


def cell_to_boundary_wkb(cell: Column) -> pa.Array:
    return pa.array(_rowwise(_boundary_wkb, _cells(cell)), pa.binary())


def cell_to_lat(cell: Column) -> pa.Array:
    return pa.array(_rowwise(lambda c: basic_int.cell_to_latlng(c)[0], _cells(cell)), pa.float64())


def cell_to_lng(cell: Column) -> pa.Array:
    return pa.array(_rowwise(lambda c: basic_int.cell_to_latlng(c)[1], _cells(cell)), pa.float64())


def _nonnegative(values: Column) -> list[int | None]:
    return [None if v < 0 else v for v in _ints(values).tolist()]


def grid_disk(cell: Column, k: Column) -> pa.Array:
    return _hex_lists(_rowwise(basic_int.grid_disk, _cells(cell), _nonnegative(k)))


def grid_distance(a: Column, b: Column) -> pa.Array:
    return pa.array(_rowwise(basic_int.grid_distance, _cells(a), _cells(b)), pa.int64())


def _parent(cell: int, res: int) -> int | None:
    return basic_int.cell_to_parent(cell, res) if res <= basic_int.get_resolution(cell) else None


def _children(cell: int, res: int) -> list[int] | None:
    return basic_int.cell_to_children(cell, res) if basic_int.get_resolution(cell) <= res <= 15 else None


def cell_to_parent(cell: Column, res: Column) -> pa.Array:
    return _hex_cells(_rowwise(_parent, _cells(cell), _nonnegative(res)))


def cell_to_children(cell: Column, res: Column) -> pa.Array:
    return _hex_lists(_rowwise(_children, _cells(cell), _nonnegative(res)))


def _polygons(geom: Any) -> list[Any]:
    """The polygonal parts of a geometry, collections flattened; none for an empty or other geometry."""
    if geom.is_empty or geom.geom_type not in _POLYGONAL:
        return []
    if geom.geom_type == "Polygon":
        return [geom]
    return [part for member in geom.geoms for part in _polygons(member)]


def _polyfill(geom: Any, res: int, contain: str) -> list[int] | None:
    if res > 15:
        return None
    parts = _polygons(geom)
    if not parts:
        return []
    shape = h3.geo_to_h3shape(parts[0] if len(parts) == 1 else shapely.MultiPolygon(parts))
    # Overlapping or touching parts may share cells: each once, first seen first.
    return list(dict.fromkeys(basic_int.h3shape_to_cells_experimental(shape, res, contain)))


def polygon_wkt_to_cells_experimental_string(wkt: Column, res: Column, mode: Column) -> pa.Array:
    geoms = shapely.force_2d(shapely.from_wkt(wkt.to_pylist(), on_invalid="ignore"))  # unreadable WKT: None
    modes = [_MODES.get(m) if m is not None else None for m in mode.to_pylist()]
    return _hex_lists(_rowwise(_polyfill, geoms.tolist(), _nonnegative(res), modes))


def is_valid_cell(cell: Column) -> pa.Array:
    return pa.array([None if text is None else _cell(text) is not None for text in cell.to_pylist()], pa.bool_())


_FUNCTIONS: list[tuple[str, Callable[..., pa.Array], list[str], str]] = [
    ("h3_latlng_to_cell_string", latlng_to_cell_string, ["DOUBLE", "DOUBLE", "INTEGER"], "VARCHAR"),
    ("h3_cell_to_boundary_wkt", cell_to_boundary_wkt, ["VARCHAR"], "VARCHAR"),
    ("h3_cell_to_boundary_wkb", cell_to_boundary_wkb, ["VARCHAR"], "BLOB"),
    ("h3_cell_to_lat", cell_to_lat, ["VARCHAR"], "DOUBLE"),
    ("h3_cell_to_lng", cell_to_lng, ["VARCHAR"], "DOUBLE"),
    ("h3_grid_disk", grid_disk, ["VARCHAR", "INTEGER"], "VARCHAR[]"),
    ("h3_grid_distance", grid_distance, ["VARCHAR", "VARCHAR"], "BIGINT"),
    ("h3_cell_to_parent", cell_to_parent, ["VARCHAR", "INTEGER"], "VARCHAR"),
    ("h3_cell_to_children", cell_to_children, ["VARCHAR", "INTEGER"], "VARCHAR[]"),
    ("h3_polygon_wkt_to_cells_experimental_string", polygon_wkt_to_cells_experimental_string,
     ["VARCHAR", "INTEGER", "VARCHAR"], "VARCHAR[]"),
    ("h3_is_valid_cell", is_valid_cell, ["VARCHAR"], "BOOLEAN"),
]
