from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext
from wareflow.components.library._enrich import AREAL_OPERATIONS, GridEnrichment
from wareflow.components.library._grid import bits, tile_envelope
from wareflow.components.registry import component
from wareflow.sql import ops, quadbin
from wareflow.sql.relation import Column, Query, Rel, alias, col


@component("native.quadbinenrich", title="Enrich Quadbin Grid", category="Data enrichment")
class QuadbinEnrich(GridEnrichment):
    """Each target quadbin tile (its lon/lat rectangle, as Quadbin Boundary draws it) with aggregates of the
    source features intersecting it: one column ``<column>_<aggregation>`` per pair of `variables`, after
    every target column. The id is Wareflow's: CARTO documents no component id for "Enrich Quadbin Grid".

    The aggregates, the measures per warehouse, NULLs and the k-ring smoothing are those of Enrich H3 Grid
    (`native.h3enrich`), with the quadbin ring distance: the larger of the column and row offsets
    (columns wrap around the antimeridian, rows stop at the poles)."""

    grid = "quadbin"
    operations_used = (ops.ENVELOPE, *AREAL_OPERATIONS)
    smoothing_operations = (ops.INT_RANGE,)

    def cell_shapes(self, ctx: BuildContext, target: Rel, cell: exp.Expr) -> tuple[Rel, Rel]:
        # the distinct tiles with their resolution, column and row, then their rectangles
        b = bits(ctx)
        z = quadbin.resolution(b, cell.copy())
        x, y = quadbin.decode(b, cell.copy(), z.copy())
        tiles = ctx.step("tiles", Query(
            exp.select(alias(cell.copy(), "_wf_key"), alias(z, "_wf_z"), alias(x, "_wf_x"), alias(y, "_wf_y"))
            .from_(target.table(), copy=False)
            .where(exp.Not(this=exp.Is(this=cell.copy(), expression=exp.Null())), copy=False)
            .group_by(cell.copy(), copy=False),
            (Column("_wf_key", "integer"), Column("_wf_z", "number"), Column("_wf_x", "number"),
             Column("_wf_y", "number"))), reused=True)
        shapes = ctx.step("shapes", Query(
            exp.select(col("_wf_key"), alias(tile_envelope(ctx, col("_wf_x"), col("_wf_y"), col("_wf_z")), "_wf_geo"))
            .from_(tiles.table(), copy=False),
            (Column("_wf_key", "integer"), Column("_wf_geo", "geography"))), shape="probe")
        return tiles, shapes
