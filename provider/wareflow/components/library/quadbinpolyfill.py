from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._grid import bits, explode_into, quadbin_resolution, tile_center, tile_envelope
from wareflow.components.library._sql import check_new_column
from wareflow.components.registry import component
from wareflow.sql import ops, quadbin
from wareflow.sql.relation import Column, Query, Rel, alias, col

TEST = {"center": ops.INTERSECTS, "intersects": ops.INTERSECTS, "contains": ops.CONTAINS}


@component("native.quadbinpolyfill", title="Quadbin Polyfill", category="Spatial indexes")
class QuadbinPolyfill(Component):
    """The quadbin cells covering each polygon, mode `center` (the tile's centre is in the polygon),
    `intersects` (any overlap) or `contains` (the whole tile inside): the tiles of the polygon's bounding
    box (latitudes clamped to ±89), kept by that test. Without `includecols`, one column ``quadbin`` of
    distinct cells; with it, every input column and ``quadbin`` last, one row per (row, cell)."""

    operations_used = (ops.XMIN, ops.YMIN, ops.XMAX, ops.YMAX, ops.INT_RANGE, ops.POINT, ops.ENVELOPE,
                       ops.INTERSECTS)
    explodes = True
    geo = Param.column(parent="source", requires="geography")
    resolution = quadbin_resolution()
    includecols = Param.boolean(default=False)
    mode = Param.selection(tuple(TEST), default="center")

    @classmethod
    def possible_operations(cls) -> tuple[ops.Operation, ...]:
        return (*cls.operations_used, ops.CONTAINS)

    def operations(self) -> tuple[ops.Operation, ...]:
        return (*self.operations_used[:-1], TEST[self.mode])

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        if self.includecols:
            check_new_column(ctx, source, "quadbin", "geo")
        z = ctx.constant(self.resolution, "resolution")
        geo_name = source.resolve(self.geo)
        geo = source.col(geo_name)
        n = 1 << z
        # step 1: the range of tile columns and rows of each polygon's bounding box
        box = [
            alias(_clamp(quadbin.tile_x(ctx.fn(ops.XMIN, geo=geo.copy()), z, wrap=False), n), "_wf_x0"),
            alias(_clamp(quadbin.tile_x(ctx.fn(ops.XMAX, geo=geo.copy()), z, wrap=False), n), "_wf_x1"),
            alias(quadbin.tile_y(ctx.fn(ops.YMAX, geo=geo.copy()), z), "_wf_y0"),
            alias(quadbin.tile_y(ctx.fn(ops.YMIN, geo=geo.copy()), z), "_wf_y1"),
        ]
        kept = source.star() if self.includecols else [geo.copy()]
        bounds = exp.select(*kept, *box).from_(source.table(), copy=False).where(
            exp.Not(this=exp.Is(this=geo.copy(), expression=exp.Null())), copy=False)
        kept_columns = source.columns if self.includecols else (
            None if source.columns is None else tuple(c for c in source.columns if c.name == geo_name))
        scratch = ("_wf_x0", "_wf_x1", "_wf_y0", "_wf_y1")
        boxes = ctx.step("bbox", Query(bounds, None if kept_columns is None else (
            *kept_columns, *(Column(c, "number") for c in scratch))))
        # step 2: every tile of the box
        tiles = exp.select(*boxes.star(exclude=set(scratch))).from_(boxes.table(), copy=False)
        explode_into(ctx, tiles, ctx.fn(ops.INT_RANGE, low=col("_wf_x0"), high=col("_wf_x1")), "_wf_x", "integer")
        explode_into(ctx, tiles, ctx.fn(ops.INT_RANGE, low=col("_wf_y0"), high=col("_wf_y1")), "_wf_y", "integer")
        candidates = ctx.step("tiles", Query(tiles, None if kept_columns is None else (
            *kept_columns, Column("_wf_x", "number"), Column("_wf_y", "number"))), shape="fanout")
        # the result: the tiles the test keeps, as cells
        zz = quadbin.number(z)
        shape = (tile_center(ctx, col("_wf_x"), col("_wf_y"), zz) if self.mode == "center"
                 else tile_envelope(ctx, col("_wf_x"), col("_wf_y"), zz))
        cell = alias(quadbin.encode(bits(ctx), col("_wf_x"), col("_wf_y"), z), "quadbin")
        keep = ctx.fn(TEST[self.mode], a=col(geo_name), b=shape)
        if not self.includecols:
            query = exp.select(cell).from_(candidates.table(), copy=False).where(keep, copy=False).distinct(copy=False)
            return ctx.finish(Query(query, (Column("quadbin", "number"),)))
        query = exp.select(*candidates.star(exclude={"_wf_x", "_wf_y"}), cell).from_(
            candidates.table(), copy=False).where(keep, copy=False)
        columns = None if source.columns is None else (*source.columns, Column("quadbin", "number"))
        return ctx.finish(Query(query, columns))


def _clamp(x: exp.Expr, n: int) -> exp.Expr:
    return quadbin.least(x, quadbin.number(n - 1))
