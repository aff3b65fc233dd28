from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._sql import check_new_column, keep_ordering, select
from wareflow.components.registry import component
from wareflow.sql.relation import Column, Query, Rel, alias


@component("native.renamecolumn", title="Rename Column", category="Data preparation")
class RenameColumn(Component):
    """Rename a column; as in CARTO, the renamed column moves to the end."""

    preserves_order = True
    column = Param.column(parent="source")
    newname = Param.string(pattern=r"[a-zA-Z_][a-zA-Z0-9_]*")

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        old = source.resolve(self.column)
        if old.lower() != self.newname.lower():
            check_new_column(ctx, source, self.newname, "newname")
        known = source.known_columns("to rename a column")
        columns = (*(c for c in known if c.name != old), Column(self.newname, source.type_of(old)))
        query = select(source, *source.star(exclude={old}), alias(source.col(old), self.newname))
        return Query(query, columns, keep_ordering(source, columns))
