from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param, Port
from wareflow.components.library._sql import passthrough
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.relation import Query, Rel

PREDICATES = ("intersects", "contains", "within", "covers")


@component("native.spatialfilter", title="Spatial Filter", category="Spatial operations")
class SpatialFilter(Component):
    """Source rows for which some filter geometry satisfies ``predicate(filter, source)``.

    Written as a semi-join (``EXISTS``), so a row matching several filter geometries appears once;
    ``unmatch`` is its exact complement (``NOT EXISTS``), NULL geometries included.
    """

    inputs = (Port("source"), Port("filter"))
    outputs = (Port("match"), Port("unmatch"))
    preserves_order = True
    operations_used = (ops.INTERSECTS,)
    geosource = Param.column(parent="source", requires="geography")
    geofilter = Param.column(parent="filter", requires="geography")
    predicate = Param.selection(PREDICATES, default="intersects")

    @classmethod
    def possible_operations(cls) -> tuple[ops.Operation, ...]:
        return tuple(ops.PREDICATES[p] for p in PREDICATES)

    def operations(self) -> tuple[ops.Operation, ...]:
        return (ops.PREDICATES[self.predicate],)

    def probes(self, port: str) -> tuple[str, ...]:
        return {"source": (self.geosource,), "filter": (self.geofilter,)}.get(port, ())

    def build(self, ctx: BuildContext, source: Rel, filter: Rel) -> dict[str, Query]:  # type: ignore[override]
        test = ctx.fn(ops.PREDICATES[self.predicate], a=filter.col(self.geofilter, "_filter"),
                      b=source.col(self.geosource, "_source"))
        probe = exp.select(exp.Literal.number(1)).from_(filter.table("_filter"), copy=False)
        exists = exp.Exists(this=probe.where(test, copy=False))
        src = Rel(source.table("_source"), source.columns, source.label, source.ordering, source.unknown_tables)
        match = passthrough(src, exists)
        unmatch = passthrough(src, exp.Not(this=exists.copy()))
        return {"match": match, "unmatch": unmatch}
