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
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.dialects.base import WarehouseDialect
from wareflow.sql.relation import Column, Query, Rel, alias


@component("native.h3enrich", title="Enrich H3 Grid", category="Data enrichment")
class H3Enrich(Component):
    """Each target H3 cell (its boundary polygon) with aggregates of the source features intersecting it:
    one column ``<column>_<aggregation>`` per pair of `variables`, after every target column.

    SUM is extensive: a polygon feature adds v·area(cell∩f)/area(f), a line v·length(cell∩f)/length(f), a
    point v. AVG is weighted by the intersection: Σ v·|cell∩f| / Σ |cell∩f| (m² for polygons, m for lines,
    1 for points) over the features with a value. MIN and MAX are plain; COUNT counts the intersecting
    features with a value. A cell no feature intersects gets NULL in every column (COUNT too: 0 would say
    "features without values", which is what 0 means here). Cells with a NULL index get NULLs.

    Areas and lengths are geodesic where the warehouse measures on the earth: the WGS84 ellipsoid on
    PostGIS (geography casts), DuckDB (ST_Area_Spheroid / ST_Length_Spheroid), Databricks and Redshift
    (GEOGRAPHY) and Oracle (geodetic SRID 4326); the sphere on BigQuery; Snowflake's GEOGRAPHY measures.
    Intersections are planar in lon/lat on PostGIS, DuckDB, Databricks and Redshift (cell and feature edges
    straight in degrees, as their geometries are) and geodesic-edged on BigQuery and Snowflake.

    With `kring` k > 0 each cell's values are smoothed (Wareflow's decision; CARTO documents no formula):
    value_i = Σ_j w(d_ij)·v_j / Σ_j w(d_ij) over the target cells j within k rings of i that have a value v_j
    (itself included, each column on its own), w(d) = 1 (uniform), 1/(1+d) (inverse), 1/(1+d)²
    (inverse_square) or exp(-d) (exponential), d the grid distance. Smoothing needs numeric variables.

    An empty `source_col` (CARTO's canvas exports one) means the source's only geography column."""

    inputs = (Port("target"), Port("source"))
    operations_used = (ops.H3_BOUNDARY, *AREAL_OPERATIONS)
    target_col = Param.column(parent="target")
    source_col = source_geometry_param()
    variables = variables_param()
    kring = kring_param()
    decay = decay_param()

    @classmethod
    def possible_operations(cls) -> tuple[ops.Operation, ...]:
        return (*cls.operations_used, ops.H3_KRING, ops.H3_DISTANCE)

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
        shapes = ctx.step("shapes", Query(
            exp.select(alias(cell.copy(), "_wf_key"), alias(ctx.fn(ops.H3_BOUNDARY, cell=cell.copy()), "_wf_geo"))
            .from_(target.table(), copy=False)
            .where(exp.Not(this=exp.Is(this=cell.copy(), expression=exp.Null())), copy=False)
            .group_by(cell.copy(), copy=False),
            (Column("_wf_key", "string"), Column("_wf_geo", "geography"))), shape="probe")
        enriched = enrich(ctx, shapes, features, variables, measured=True)
        if k > 0:
            enriched = smooth(ctx, shapes, enriched, variables, "h3", k, self.decay)
        return with_enrichment(ctx, target, target.col(self.target_col, "t"), enriched, variables)
