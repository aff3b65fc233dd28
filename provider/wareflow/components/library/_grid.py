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
from wareflow.sql.relation import Column, Query, Rel, alias


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
