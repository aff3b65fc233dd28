from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import TILE_COLUMNS, bits, explode_into, tile_step
from wareflow.components.library._sql import check_new_column
from wareflow.components.registry import component
from wareflow.sql import ops, quadbin
from wareflow.sql.relation import Column, Query, Rel, alias, col

OFFSETS = frozenset({"_wf_dx", "_wf_dy", "_wf_kx", "_wf_ky"})


@component("native.quadbinkring", title="Quadbin KRing", category="Spatial indexes")
class QuadbinKRing(Component):
    """One row per cell within `size` tiles of each quadbin cell (itself included; columns wrap around
    the antimeridian, rows stop at the poles), in ``kring_index``; with `includedistance`, the ring it is
    on (the larger of the column and row offsets) in ``distance``. Without `includecols` only the origin
    cell column and these are kept."""

    operations_used = (ops.INT_RANGE,)
    explodes = True
    quadbin = Param.column(parent="source")
    size = Param("integer", default=1, ge=0, le=100, variables=True)
    includecols = Param.boolean(default=False)
    includedistance = Param.boolean(default=False)

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        origin = source.resolve(self.quadbin)
        for name in ("kring_index", *(("distance",) if self.includedistance else ())):
            check_new_column(ctx, source, name, "quadbin")
        k = ctx.constant(self.size, "size")
        b = bits(ctx)
        tiles = tile_step(ctx, source, origin, keep=None if self.includecols else (origin,))
        # step 2: the offsets of the ring. Columns wrap, so where the ring is wider than the grid (coarse
        # resolutions) the column offsets are cut to one of each residue; rows are cut at the poles.
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
        # the result: each neighbour's bits, at the origin's resolution
        scratch = set(TILE_COLUMNS | OFFSETS)
        cell = quadbin.encode_rowwise(b, col("_wf_kx"), col("_wf_ky"), col("_wf_z"))
        query = exp.select(*offsets.star(exclude=scratch), alias(cell, "kring_index")).from_(
            offsets.table(), copy=False)
        added = [Column("kring_index", "number")]
        if self.includedistance:
            ring_number = quadbin.greatest(exp.Abs(this=col("_wf_dx")), exp.Abs(this=col("_wf_dy")))
            query.select(alias(ring_number, "distance"), copy=False)
            added.append(Column("distance", "number"))
        if source.columns is None:
            return ctx.finish(Query(query, None))
        kept = source.columns if self.includecols else tuple(c for c in source.columns if c.name == origin)
        return ctx.finish(Query(query, (*kept, *added)))
