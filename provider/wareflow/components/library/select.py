from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param, Port
from wareflow.components.registry import component
from wareflow.sql.relation import Column, Query, Rel, alias


@component("native.select", title="Select", category="Data preparation")
class Select(Component):
    """``SELECT <your list> FROM input``; the list is SQL in the export's dialect.

    An unnamed expression is named ``f<i>_`` (its position), as BigQuery does.
    """

    inputs = (Port("table"),)
    select = Param.sql(parse_as="select_list")

    def build(self, ctx: BuildContext, table: Rel) -> Query:  # type: ignore[override]
        projections: list[exp.Expr] = []
        columns: list[Column] | None = []
        for i, item in enumerate(self.select):
            item = ctx.bind(item)
            if isinstance(item, exp.Star) or (isinstance(item, exp.Column) and isinstance(item.this, exp.Star)):
                projections.append(item)
                columns = None if columns is None or table.columns is None else [*columns, *table.columns]
                continue
            name = item.alias_or_name if isinstance(item, exp.Alias | exp.Column) else ""
            if not name:
                name = f"f{i}_"
                item = alias(item, name)
            projections.append(item)
            if columns is not None:
                kind = table.type_of(item.name) if isinstance(item, exp.Column) and table.has(item.name) else "unknown"
                columns.append(Column(name, kind))
        query = exp.select(*projections).from_(table.table(), copy=False)
        return Query(query, tuple(columns) if columns is not None else None)
