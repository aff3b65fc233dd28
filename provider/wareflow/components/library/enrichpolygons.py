from __future__ import annotations

from wareflow.components.library._enrich import AREAL_OPERATIONS, GeometryEnrichment
from wareflow.components.registry import component


@component("native.enrichpolygons", title="Enrich Polygons", category="Data enrichment")
class EnrichPolygons(GeometryEnrichment):
    """Each target polygon with aggregates of the source features intersecting it: one column
    ``<column>_<aggregation>`` per pair of `variables`, after every target column.

    The aggregates, the measures per warehouse and NULLs are those of Enrich H3 Grid (`native.h3enrich`)
    with the target polygon in place of the cell: SUM shares polygon and line features by the fraction of
    their area or length inside the target, AVG weighs by the intersection's area or length, points count
    whole. Target rows with the same geometry get the same values; a NULL geometry gets NULLs. Where the
    warehouse cannot group geometries (BigQuery) they are told apart by their WKB."""

    operations_used = AREAL_OPERATIONS
