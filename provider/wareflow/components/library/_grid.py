"""What the H3 and quadbin components share: resolution inputs, new-column checks, arrays to rows.

H3 cells are lower-case hex strings wherever a workflow sees them (CARTO's form); quadbin cells are
64-bit integers. Each dialect's function table says how its warehouse computes an H3 operation; quadbin
is integer SQL built in `wareflow.sql.quadbin`.
"""

from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Param
from wareflow.components.library._sql import check_new_column
from wareflow.sql import ops, quadbin
from wareflow.sql.quadbin import MAX_RESOLUTION, Bits
from wareflow.sql.relation import Column, Query, Rel, alias, col


def h3_resolution(default: int = 8) -> Param:
    return Param("integer", default=default, ge=0, le=15, variables=True)


def quadbin_resolution(default: int = 10) -> Param:
    return Param("integer", default=default, ge=0, le=MAX_RESOLUTION, variables=True)


def select_all(source: Rel) -> exp.Select:
    """``SELECT source.* FROM source``, the star qualified: rows a query adds by exploding an array must
    not bring the array's own columns along."""
    return exp.select(*source.star()).from_(source.table(), copy=False)


def with_column_first(ctx: BuildContext, source: Rel, value: exp.Expr, name: str, type_: str,
                      field: str, *, scratch: frozenset[str] = frozenset()) -> Query:
    """``SELECT <value> AS <name>, <source>.* FROM source``: CARTO's shape for a new index column
    (leaving out a step's `scratch` columns)."""
    check_new_column(ctx, source, name, field)
    query = exp.select(alias(value, name), *source.star(exclude=set(scratch))).from_(source.table(), copy=False)
    kept = None if source.columns is None else tuple(c for c in source.columns if c.name not in scratch)
    return Query(query, None if kept is None else (Column(name, type_), *kept))


def explode_into(ctx: BuildContext, query: exp.Select, array: exp.Expr, name: str, type_: str) -> exp.Expr:
    """Add to `query` one row per element of `array`, as column `name` of logical type `type_` (a cast:
    some warehouses hand elements back untyped, e.g. Snowflake's VARIANT); returns the element."""
    ctx.dialect.explode(query, array, name)
    element = query.selects[-1]
    assert isinstance(element, exp.Alias)
    typed = exp.Cast(this=element.this, to=ctx.type(type_))
    element.set("this", typed)
    return typed


def bits(ctx: BuildContext) -> Bits:
    return Bits(ctx.dialect)


# --- quadbin ------------------------------------------------------------------------------------------
TILE_COLUMNS = frozenset({"_wf_z", "_wf_x", "_wf_y"})  # scratch columns of the steps below (never in an output)


def tile_step(ctx: BuildContext, source: Rel, cell: str, *, keep: tuple[str, ...] | None = None) -> Rel:
    """Step ``tile``: the rows of `source` (or only the columns `keep`) with the resolution, column and
    row of quadbin column `cell` (``_wf_z``, ``_wf_x``, ``_wf_y``)."""
    b = bits(ctx)
    q = source.col(cell)
    z = quadbin.resolution(b, q)
    x, y = quadbin.decode(b, q.copy(), z.copy())
    kept = source.star() if keep is None else [source.col(c) for c in keep]
    query = exp.select(*kept, alias(z.copy(), "_wf_z"), alias(x, "_wf_x"), alias(y, "_wf_y")).from_(
        source.table(), copy=False)
    base = source.columns if keep is None else (
        None if source.columns is None else tuple(c for c in source.columns if c.name in keep))
    columns = None if base is None else (*base, Column("_wf_z", "number"), Column("_wf_x", "number"),
                                         Column("_wf_y", "number"))
    return ctx.step("tile", Query(query, columns), reused=True)


def tile_corner(x: exp.Expr, y: exp.Expr, z: exp.Expr) -> tuple[exp.Expr, exp.Expr]:
    """(lon, lat) of the north-west corner of tile (x, y) at resolution z, any of them fractional."""
    return quadbin.tile_lon(x, z), quadbin.tile_lat(y, z.copy())


def tile_envelope(ctx: BuildContext, x: exp.Expr, y: exp.Expr, z: exp.Expr) -> exp.Expr:
    west, north = tile_corner(x, y, z)
    east, south = tile_corner(_plus(x, 1), _plus(y, 1), z)
    return ctx.fn(ops.ENVELOPE, xmin=west, ymin=south, xmax=east, ymax=north)


def tile_center(ctx: BuildContext, x: exp.Expr, y: exp.Expr, z: exp.Expr) -> exp.Expr:
    lon, lat = tile_corner(_plus(x, 0.5), _plus(y, 0.5), z)
    return ctx.fn(ops.POINT, lon=lon, lat=lat)


def _plus(node: exp.Expr, value: float) -> exp.Expr:
    return exp.Add(this=node.copy(), expression=quadbin.number(value))


def without_tile_columns(columns: tuple[Column, ...] | None) -> tuple[Column, ...] | None:
    return None if columns is None else tuple(c for c in columns if c.name not in TILE_COLUMNS)


RING_OFFSETS = frozenset({"_wf_dx", "_wf_dy", "_wf_kx", "_wf_ky"})


def quadbin_ring(ctx: BuildContext, source: Rel, origin: str, k: int, *, keep: tuple[str, ...] | None) -> Query:
    """Every cell within `k` tiles of quadbin column `origin` (itself included): the rows of `source` (or
    only the columns `keep`), then ``kring_index`` and ``distance`` (the larger of the column and row
    offsets). Columns wrap around the antimeridian (where the ring is wider than the grid, at coarse
    resolutions, one offset per residue), rows stop at the poles. Two steps: the tiles, then the offsets."""
    b = bits(ctx)
    tiles = tile_step(ctx, source, origin, keep=keep)
    n = b.power(col("_wf_z"))
    half_down = exp.IntDiv(this=exp.Paren(this=exp.Sub(this=n, expression=quadbin.number(1))),
                           expression=quadbin.number(2))
    half_up = exp.IntDiv(this=n.copy(), expression=quadbin.number(2))
    kk = quadbin.number(k)
    dx = ctx.fn(ops.INT_RANGE, low=exp.Neg(this=quadbin.least(kk.copy(), half_down)),
                high=quadbin.least(kk.copy(), half_up))
    dy = ctx.fn(ops.INT_RANGE, low=quadbin.greatest(exp.Neg(this=kk.copy()), exp.Neg(this=col("_wf_y"))),
                high=quadbin.least(kk.copy(), exp.Sub(this=exp.Paren(this=exp.Sub(
                    this=n.copy(), expression=quadbin.number(1))), expression=col("_wf_y"))))
    ring = exp.select(*tiles.star()).from_(tiles.table(), copy=False)
    dx_cell = explode_into(ctx, ring, dx, "_wf_dx", "integer")
    dy_cell = explode_into(ctx, ring, dy, "_wf_dy", "integer")
    column = exp.Mod(this=exp.Paren(this=exp.Add(this=exp.Add(this=col("_wf_x"), expression=dx_cell.copy()),
                                                 expression=n.copy())), expression=n.copy())
    ring.select(alias(column, "_wf_kx"), alias(exp.Add(this=col("_wf_y"), expression=dy_cell.copy()), "_wf_ky"),
                copy=False)
    ring_columns = None if tiles.columns is None else (
        *tiles.columns, *(Column(c, "number") for c in ("_wf_dx", "_wf_dy", "_wf_kx", "_wf_ky")))
    offsets = ctx.step("ring", Query(ring, ring_columns), shape="fanout", reused=True)
    cell = quadbin.encode_rowwise(b, col("_wf_kx"), col("_wf_ky"), col("_wf_z"))
    distance = quadbin.greatest(exp.Abs(this=col("_wf_dx")), exp.Abs(this=col("_wf_dy")))
    query = exp.select(*offsets.star(exclude=set(TILE_COLUMNS | RING_OFFSETS)), alias(cell, "kring_index"),
                       alias(distance, "distance")).from_(offsets.table(), copy=False)
    kept = without_tile_columns(tiles.columns)
    columns = None if kept is None else (*kept, Column("kring_index", "number"), Column("distance", "number"))
    return Query(query, columns)
