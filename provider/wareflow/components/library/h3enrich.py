from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext
from wareflow.components.library._enrich import AREAL_OPERATIONS, GridEnrichment
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.relation import Column, Query, Rel, alias


@component("native.h3enrich", title="Enrich H3 Grid", category="Data enrichment")
class H3Enrich(GridEnrichment):
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

    grid = "h3"
    operations_used = (ops.H3_BOUNDARY, *AREAL_OPERATIONS)
    smoothing_operations = (ops.H3_KRING, ops.H3_DISTANCE)

    def cell_shapes(self, ctx: BuildContext, target: Rel, cell: exp.Expr) -> tuple[Rel, Rel]:
        shapes = ctx.step("shapes", Query(
            exp.select(alias(cell.copy(), "_wf_key"), alias(ctx.fn(ops.H3_BOUNDARY, cell=cell.copy()), "_wf_geo"))
            .from_(target.table(), copy=False)
            .where(exp.Not(this=exp.Is(this=cell.copy(), expression=exp.Null())), copy=False)
            .group_by(cell.copy(), copy=False),
            (Column("_wf_key", "string"), Column("_wf_geo", "geography"))), shape="probe")
        return shapes, shapes
