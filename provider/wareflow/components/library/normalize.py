from __future__ import annotations

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.library._sql import check_new_column, keep_ordering, select
from wareflow.components.registry import component
from wareflow.sql.relation import Column, Query, Rel, alias, columns_plus


def _over(fn: exp.Expr) -> exp.Window:
    return exp.Window(this=fn)


@component("native.normalize", title="Normalize", category="Data preparation")
class Normalize(Component):
    """Add ``<column>_norm``: min-max scaled to [0, 1], or z-scores. A constant column gives NULL."""

    preserves_order = True
    column = Param.column(parent="source", requires="number")
    zscores = Param.boolean(False)

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        name = f"{source.resolve(self.column)}_norm"
        check_new_column(ctx, source, name, "column")
        x = exp.Cast(this=source.col(self.column), to=ctx.type("number"))
        centre: exp.Expr
        spread: exp.Expr
        if self.zscores:
            centre, spread = _over(exp.Avg(this=x.copy())), _over(exp.StddevSamp(this=x.copy()))
        else:
            low = _over(exp.Min(this=x.copy()))
            centre, spread = low, exp.Sub(this=_over(exp.Max(this=x.copy())), expression=low.copy())
        # NULLIF: CARTO divides by zero on a constant column and the whole workflow fails.
        value = exp.Div(this=exp.Paren(this=exp.Sub(this=x, expression=centre)),
                        expression=exp.Nullif(this=spread, expression=exp.Literal.number(0)))
        columns = columns_plus(source, Column(name, "number"))
        return Query(select(source, *source.star(), alias(value, name)), columns, keep_ordering(source, columns))
