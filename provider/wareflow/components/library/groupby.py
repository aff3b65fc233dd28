from __future__ import annotations

from collections.abc import Callable

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param
from wareflow.components.registry import component
from wareflow.errors import CompileError, Issue
from wareflow.sql import ops
from wareflow.sql.relation import Column, Query, Rel, alias

_Agg = Callable[[BuildContext, exp.Expr], exp.Expr]

# method -> (output suffix, builder, output type or None for "same as input")
AGGREGATIONS: dict[str, tuple[str, _Agg, str | None]] = {
    "sum": ("sum", lambda ctx, c: exp.Sum(this=c), "number"),
    "avg": ("avg", lambda ctx, c: exp.Avg(this=c), "number"),
    "min": ("min", lambda ctx, c: exp.Min(this=c), None),
    "max": ("max", lambda ctx, c: exp.Max(this=c), None),
    "count": ("count", lambda ctx, c: exp.Count(this=c), "number"),
    "count_distinct": ("count_distinct", lambda ctx, c: exp.Count(this=exp.Distinct(expressions=[c])), "number"),
    "any": ("any", lambda ctx, c: exp.Min(this=c), None),
    "concat": ("concat", lambda ctx, c: exp.GroupConcat(
        this=exp.Cast(this=c, to=ctx.type("string")), separator=exp.Literal.string(",")), "string"),
    "array": ("array", lambda ctx, c: exp.ArrayAgg(this=c), "unknown"),
    "combine": ("union", lambda ctx, c: ctx.fn(ops.UNION_AGG, geo=c), "geography"),
    "centroid": ("centroid", lambda ctx, c: ctx.fn(ops.CENTROID_AGG, geo=c), "geography"),
    "convexhull": ("convexhull", lambda ctx, c: ctx.fn(ops.CONVEXHULL_AGG, geo=c), "geography"),
}


GEOMETRY_AGGREGATIONS = {"combine": ops.UNION_AGG, "centroid": ops.CENTROID_AGG, "convexhull": ops.CONVEXHULL_AGG}


@component("native.groupby", title="Group by", category="Aggregation")
class GroupBy(Component):
    """Group by key columns; each aggregation adds ``<column>_<method>`` (``combine`` -> ``_union``)."""

    columns = Param("aggregations", options=tuple(AGGREGATIONS))
    groupby = Param.columns(parent="source", required=False, default=())

    @classmethod
    def possible_operations(cls) -> tuple[ops.Operation, ...]:
        return tuple(GEOMETRY_AGGREGATIONS.values())

    def operations(self) -> tuple[ops.Operation, ...]:
        return tuple(dict.fromkeys(GEOMETRY_AGGREGATIONS[m] for _, m in self.columns if m in GEOMETRY_AGGREGATIONS))

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        keys: list[exp.Expr] = []
        projections: list[exp.Expr] = []
        for k in self.groupby:
            key = source.col(k)
            if source.type_of(k) == "geography" and not ctx.dialect.groups_geography:
                # e.g. BigQuery cannot GROUP BY a GEOGRAPHY: group by its WKB, keep the value
                projections.append(alias(exp.AnyValue(this=key), source.resolve(k)))
                keys.append(ctx.fn(ops.AS_BINARY, geo=key.copy()))
            else:
                projections.append(key)
                keys.append(key.copy())
        out = [Column(source.resolve(k), source.type_of(k)) for k in self.groupby]
        for column, method in self.columns:
            suffix, build, kind = AGGREGATIONS[method]
            name = f"{source.resolve(column)}_{suffix}"
            if any(c.name.lower() == name.lower() for c in out):
                raise CompileError(Issue("WF304", f"aggregation '{column},{method}' is listed twice",
                                         node_id=self.node.id, component=self.id, field="columns"))
            projections.append(alias(build(ctx, source.col(column)), name))
            out.append(Column(name, kind or source.type_of(column)))
        query = exp.select(*projections).from_(source.table(), copy=False)
        if keys:
            query = query.group_by(*(k.copy() for k in keys), copy=False)
        return Query(query, tuple(out))
