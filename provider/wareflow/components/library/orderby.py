from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param, Port
from wareflow.components.library._sql import select
from wareflow.components.registry import component
from wareflow.sql.relation import Query, Rel, col


@component("native.orderby", title="Order By", category="Data preparation")
class OrderBy(Component):
    """Sort rows. The order is carried to the next LIMIT or saved table, where SQL can keep it."""

    inputs = (Port("table"),)
    column = Param.column(parent="table")
    desc = Param.boolean(False)
    columnb = Param.column(parent="table", required=False, default=None)
    descb = Param.boolean(False)

    def sort_keys(self) -> tuple[tuple[str, bool], ...]:
        return ((self.column, bool(self.desc)),) + (((self.columnb, bool(self.descb)),) if self.columnb else ())

    def build(self, ctx: BuildContext, table: Rel) -> Query:  # type: ignore[override]
        keys = self.sort_keys()
        ordering = tuple(exp.Ordered(this=col(table.resolve(c)), desc=bool(d), nulls_first=False) for c, d in keys)
        # No ORDER BY here: inside a CTE it means nothing. The order is applied where SQL keeps it,
        # by the next LIMIT or by the saved table's final SELECT.
        return Query(select(table, *table.star()), table.columns, ordering)
