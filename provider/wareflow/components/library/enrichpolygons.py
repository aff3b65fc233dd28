from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param, Port
from wareflow.components.library._enrich import (
    AREAL_OPERATIONS,
    enrich,
    features_step,
    geometry_shapes,
    read_variables,
    source_geometry,
    source_geometry_param,
    variables_param,
    with_enrichment,
)
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.dialects.base import WarehouseDialect
from wareflow.sql.relation import Query, Rel


@component("native.enrichpolygons", title="Enrich Polygons", category="Data enrichment")
class EnrichPolygons(Component):
    """Each target polygon with aggregates of the source features intersecting it: one column
    ``<column>_<aggregation>`` per pair of `variables`, after every target column.

    The aggregates, the measures per warehouse and NULLs are those of Enrich H3 Grid (`native.h3enrich`)
    with the target polygon in place of the cell: SUM shares polygon and line features by the fraction of
    their area or length inside the target, AVG weighs by the intersection's area or length, points count
    whole. Target rows with the same geometry get the same values; a NULL geometry gets NULLs. Where the
    warehouse cannot group geometries (BigQuery) they are told apart by their WKB."""

    inputs = (Port("target"), Port("source"))
    operations_used = AREAL_OPERATIONS
    target_col = Param.column(parent="target", requires="geography")
    source_col = source_geometry_param()
    variables = variables_param()

    @classmethod
    def possible_operations(cls) -> tuple[ops.Operation, ...]:
        return (*cls.operations_used, ops.AS_BINARY)

    def operations(self) -> tuple[ops.Operation, ...]:
        return self.possible_operations()  # WKB keys only where geometries cannot be grouped: see below

    def expressible_in(self, dialect: WarehouseDialect) -> bool:
        needed = self.operations_used if dialect.groups_geography else self.possible_operations()
        return self.supported_by(dialect, needed)

    def probes(self, port: str) -> tuple[str, ...]:
        return {"target": (self.target_col,), "source": (self.source_col,) if self.source_col else ()}.get(port, ())

    def build(self, ctx: BuildContext, target: Rel, source: Rel) -> Query:  # type: ignore[override]
        variables = read_variables(ctx, source, self.variables, target, numeric=False)
        features = features_step(ctx, source, source_geometry(ctx, source, self.source_col), variables, measured=True)
        shapes, key_of = geometry_shapes(ctx, target, self.target_col)
        enriched = enrich(ctx, shapes, features, variables, measured=True)
        return with_enrichment(ctx, target, key_of(target.col(self.target_col, "t")), enriched, variables)
