from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._sql import select
from wareflow.components.registry import component
from wareflow.sql.relation import Query, Rel


@component("native.limit", title="Limit", category="Data preparation")
class Limit(Component):
    """The first N rows, in the order of an upstream Order By when there is one."""

    preserves_order = True
    limit = Param("integer", ge=1)

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        query = select(source, *source.star())
        if source.ordering:  # a LIMIT only means "top N" with the ORDER BY beside it
            query = query.order_by(*(o.copy() for o in source.ordering), copy=False)
        return Query(query.limit(self.limit, copy=False), source.columns, source.ordering)
