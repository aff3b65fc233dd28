from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param, Port
from wareflow.components.library._sql import concat_columns, suffixed
from wareflow.components.registry import component
from wareflow.sql.relation import Query, Rel

JOIN_TYPES = {"Inner": "INNER", "Left": "LEFT", "Right": "RIGHT", "Full outer": "FULL"}


def joined(main: Rel, secondary: Rel, kind: str | None, on: exp.Expr | None) -> Query:
    """Main columns unchanged, then every secondary column as ``<col>_joined`` (CARTO's rule)."""
    extra, extra_columns = suffixed(secondary, "_joined", "_joined")
    query = exp.select(*main.star("_main"), *extra).from_(main.table("_main"), copy=False)
    query = query.join(secondary.table("_joined"), on=on, join_type=kind) if kind else query.join(
        secondary.table("_joined"), join_type="CROSS")
    return Query(query, concat_columns(main.columns, extra_columns))


@component("native.join", title="Join", category="Joins")
class Join(Component):
    """Equality join; secondary columns are suffixed ``_joined``."""

    inputs = (Port("maintable"), Port("secondarytable"))
    maincolumn = Param.column(parent="maintable")
    secondarycolumn = Param.column(parent="secondarytable")
    jointype = Param.selection(tuple(JOIN_TYPES), default="Inner")

    def build(self, ctx: BuildContext, maintable: Rel, secondarytable: Rel) -> Query:  # type: ignore[override]
        on = exp.EQ(this=maintable.col(self.maincolumn, "_main"),
                    expression=secondarytable.col(self.secondarycolumn, "_joined"))
        return joined(maintable, secondarytable, JOIN_TYPES[self.jointype], on)


@component("native.crossjoin", title="Cross Join", category="Joins")
class CrossJoin(Component):
    """Every main row with every secondary row; secondary columns are suffixed ``_joined``."""

    inputs = (Port("maintable"), Port("secondarytable"))

    def build(self, ctx: BuildContext, maintable: Rel, secondarytable: Rel) -> Query:  # type: ignore[override]
        return joined(maintable, secondarytable, None, None)
