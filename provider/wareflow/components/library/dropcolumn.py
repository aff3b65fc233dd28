from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._sql import keep_ordering, select
from wareflow.components.registry import component
from wareflow.sql.relation import Query, Rel


@component("native.dropcolumn", title="Drop Columns", category="Data preparation")
class DropColumns(Component):
    """Keep every column but the listed ones (written as an explicit column list)."""

    preserves_order = True
    column = Param.columns(parent="source")

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        drop = {source.resolve(c) for c in self.column}
        columns = tuple(c for c in source.known_columns("to leave out columns") if c.name not in drop)
        return Query(select(source, *source.star(exclude=drop)), columns, keep_ordering(source, columns))
