from __future__ import annotations

from wareflow.components.base import BuildContext, Component, Param, Port
from wareflow.components.library._sql import split
from wareflow.components.registry import component
from wareflow.sql.relation import Query, Rel


@component("native.where", title="Where", category="Data preparation")
class Where(Component):
    """Split rows on a SQL predicate: ``match`` where it is true, ``unmatch`` for all other rows."""

    outputs = (Port("match"), Port("unmatch"))
    preserves_order = True
    expression = Param.sql(parse_as="expression")

    def build(self, ctx: BuildContext, source: Rel) -> dict[str, Query]:  # type: ignore[override]
        return split(ctx, source, ctx.bind(self.expression))
