from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param, Port
from wareflow.components.library._enrich import (
    AREAL_OPERATIONS,
    decay_param,
    enrich,
    features_step,
    kring_param,
    read_variables,
    smooth,
    smooths,
    source_geometry,
    source_geometry_param,
    variables_param,
    with_enrichment,
)
from wareflow.components.library._grid import bits, tile_envelope
from wareflow.components.registry import component
from wareflow.sql import ops, quadbin
from wareflow.sql.dialects.base import WarehouseDialect
from wareflow.sql.relation import Column, Query, Rel, alias, col


@component("native.quadbinenrich", title="Enrich Quadbin Grid", category="Data enrichment")
class QuadbinEnrich(Component):
    """Each target quadbin tile (its lon/lat rectangle, as Quadbin Boundary draws it) with aggregates of the
    source features intersecting it: one column ``<column>_<aggregation>`` per pair of `variables`, after
    every target column. The id is Wareflow's: CARTO documents no component id for "Enrich Quadbin Grid".

    The aggregates, the measures per warehouse, NULLs and the k-ring smoothing are those of Enrich H3 Grid
    (`native.h3enrich`), with the quadbin ring distance: the larger of the column and row offsets
    (columns wrap around the antimeridian, rows stop at the poles)."""

    inputs = (Port("target"), Port("source"))
    operations_used = (ops.ENVELOPE, *AREAL_OPERATIONS)
    target_col = Param.column(parent="target")
    source_col = source_geometry_param()
    variables = variables_param()
    kring = kring_param()
    decay = decay_param()

    @classmethod
    def possible_operations(cls) -> tuple[ops.Operation, ...]:
        return (*cls.operations_used, ops.INT_RANGE)

    def operations(self) -> tuple[ops.Operation, ...]:
        return self.possible_operations() if smooths(self.kring) else self.operations_used

    def expressible_in(self, dialect: WarehouseDialect) -> bool:
        return self.supported_by(dialect, self.operations()) and (dialect.explodes or not smooths(self.kring))

    def probes(self, port: str) -> tuple[str, ...]:
        return (self.source_col,) if port == "source" and self.source_col else ()

    def build(self, ctx: BuildContext, target: Rel, source: Rel) -> Query:  # type: ignore[override]
        k = ctx.constant(self.kring, "kring")
        cell = target.col(self.target_col)
        variables = read_variables(ctx, source, self.variables, target, numeric=k > 0)
        features = features_step(ctx, source, source_geometry(ctx, source, self.source_col), variables, measured=True)
        # the distinct tiles with their resolution, column and row (one step: a scratch table made of a later
        # step must read only steps it names), then their rectangles
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
        enriched = enrich(ctx, shapes, features, variables, measured=True)
        if k > 0:
            enriched = smooth(ctx, tiles, enriched, variables, "quadbin", k, self.decay)
        return with_enrichment(ctx, target, target.col(self.target_col, "t"), enriched, variables)
