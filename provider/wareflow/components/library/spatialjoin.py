from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param, Port
from wareflow.components.library.join import joined
from wareflow.components.registry import component
from wareflow.sql import ops
from wareflow.sql.relation import Query, Rel

PREDICATES = ("intersects", "contains", "covers", "within", "touches")


@component("native.spatialjoin", title="Spatial Join", category="Joins")
class SpatialJoin(Component):
    """Inner join on a spatial predicate (main geometry first); secondary columns get ``_joined``."""

    inputs = (Port("maintable"), Port("secondarytable"))
    operations_used = (ops.INTERSECTS,)
    maincolumn = Param.column(parent="maintable", requires="geography")
    secondarycolumn = Param.column(parent="secondarytable", requires="geography")
    predicate = Param.selection(PREDICATES, default="intersects")

    @classmethod
    def possible_operations(cls) -> tuple[ops.Operation, ...]:
        return tuple(ops.PREDICATES[p] for p in PREDICATES)

    def operations(self) -> tuple[ops.Operation, ...]:
        return (ops.PREDICATES[self.predicate],)

    def probes(self, port: str) -> tuple[str, ...]:
        return {"maintable": (self.maincolumn,), "secondarytable": (self.secondarycolumn,)}.get(port, ())

    def build(self, ctx: BuildContext, maintable: Rel, secondarytable: Rel) -> Query:  # type: ignore[override]
        on = ctx.fn(ops.PREDICATES[self.predicate], a=maintable.col(self.maincolumn, "_main"),
                    b=secondarytable.col(self.secondarycolumn, "_joined"))
        return joined(maintable, secondarytable, "INNER", on)
