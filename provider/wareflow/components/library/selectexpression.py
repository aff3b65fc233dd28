from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._sql import check_new_column, keep_ordering, select
from wareflow.components.registry import component
from wareflow.sql.relation import Column, Query, Rel, alias, columns_plus


@component("native.selectexpression", title="Create Column", category="Data preparation")
class CreateColumn(Component):
    """Add a column computed by a SQL expression, last."""

    preserves_order = True
    column = Param.string(pattern=r"[a-zA-Z_][a-zA-Z0-9_]*")
    expression = Param.sql(parse_as="expression")

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        check_new_column(ctx, source, self.column, "column")
        columns = columns_plus(source, Column(self.column))
        query = select(source, *source.star(), alias(ctx.bind(self.expression), self.column))
        return Query(query, columns, keep_ordering(source, columns))
