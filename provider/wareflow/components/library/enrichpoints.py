from __future__ import annotations

from wareflow.components.library._enrich import GeometryEnrichment
from wareflow.components.registry import component
from wareflow.sql import ops


@component("native.enrichpoints", title="Enrich Points", category="Data enrichment")
class EnrichPoints(GeometryEnrichment):
    """Each target point with aggregates of the source features intersecting it (polygons containing it,
    lines through it, points equal to it): one column ``<column>_<aggregation>`` per pair of `variables`,
    after every target column.

    A point has no area to share, so every aggregate is plain (Wareflow's reading of CARTO's docs): SUM the
    sum and AVG the mean of the values of the intersecting features, MIN, MAX, and COUNT the features with
    a value. A point no feature intersects gets NULL in every column (COUNT too); a NULL geometry gets
    NULLs. Target rows with the same geometry get the same values; where the warehouse cannot group
    geometries (BigQuery) they are told apart by their WKB. Nothing is measured: the intersection test is
    the warehouse's predicate (planar in lon/lat on PostGIS, DuckDB, Databricks and Redshift)."""

    operations_used = (ops.INTERSECTS,)
    measured = False
