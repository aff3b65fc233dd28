from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param, Port
from wareflow.components.library._sql import OPERATORS, split, typed_literal
from wareflow.components.registry import component
from wareflow.sql.relation import Query, Rel

_OPERATORS = ("equal to", "not equal", "less than", "greater than", "equal or less than", "equal or greater than")


@component("native.wheresimplified", title="Simple Filter", category="Data preparation")
class SimpleFilter(Component):
    """Compare a column with a value typed in the canvas; the value is typed by the column."""

    outputs = (Port("match"), Port("unmatch"))
    preserves_order = True
    column = Param.column(parent="source")
    operator = Param.selection(_OPERATORS)
    value = Param.string(required=False, default="")

    def build(self, ctx: BuildContext, source: Rel) -> dict[str, Query]:  # type: ignore[override]
        value = typed_literal(ctx, self.value, source.type_of(self.column))
        return split(ctx, source, OPERATORS[self.operator](this=source.col(self.column), expression=value))
