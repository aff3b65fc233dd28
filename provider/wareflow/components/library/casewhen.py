from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlglot import exp

from wareflow.components.base import BuildContext, Component, Param, Templated
from wareflow.components.library._sql import (
    OPERATORS,
    _is_number,
    check_new_column,
    keep_ordering,
    select,
    typed_literal,
)
from wareflow.components.registry import component
from wareflow.sql.relation import Column, Query, Rel, alias, columns_plus
from wareflow.sql.usersql import literal

_UNARY = ("IS NULL", "IS NOT NULL", "IS TRUE", "IS FALSE")


@component("native.casewhen", title="Case When", category="Data preparation")
class CaseWhen(Component):
    """Add a column from ordered conditions (first match wins) and an ELSE value, last."""

    preserves_order = True
    conditions = Param("json")
    else_ = Param.string(key="else", required=False, default="", variables=True)
    newcolumn = Param.string(required=False, default="new_column")

    def _rules(self) -> list[tuple[str, str, Any, Any]]:
        """(column, operator, value, result) in order; the JSON shape is checked by `problems`."""
        return [(group["column"], str(cond.get("condition", "=")), cond.get("value"), cond.get("return"))
                for group in self.conditions for cond in group["conditions"]]

    def problems(self) -> Iterator[tuple[str, str]]:
        groups = self.conditions
        if not isinstance(groups, list) or not all(
                isinstance(g, dict) and isinstance(g.get("column"), str) and g["column"].strip()
                and isinstance(g.get("conditions"), list) and all(isinstance(c, dict) for c in g["conditions"])
                for g in groups):
            yield "conditions", ('expected a list of {"column": ..., "conditions": [{"condition", "value", '
                                 '"return"}, ...]} objects')
            return
        rules = [(str(c.get("condition", "=")), c) for g in groups for c in g["conditions"]]
        if not rules:
            yield "conditions", "expected at least one condition"
        for op, _ in rules:
            if op.strip().upper() not in _UNARY and op.strip().upper() != "CONTAINS" and op not in OPERATORS:
                yield "conditions", f"unknown condition operator {op!r}; expected one of {', '.join(OPERATORS)}"
        for _, cond in rules:
            if isinstance(cond.get("value"), dict | list) or isinstance(cond.get("return"), dict | list):
                yield "conditions", "a condition's 'value' and 'return' must be plain values"
                break

    def build(self, ctx: BuildContext, source: Rel) -> Query:  # type: ignore[override]
        name = self.newcolumn.strip()
        check_new_column(ctx, source, name, "newcolumn")
        rules = self._rules()
        has_else = isinstance(self.else_, Templated) or str(self.else_).strip() != ""
        returns = [r[3] for r in rules] + ([self.else_] if has_else and not isinstance(self.else_, Templated) else [])
        numeric = all(_is_number(str(v)) for v in returns if v is not None and str(v).strip())
        case = exp.Case()
        for column, op, value, result in rules:
            case = case.when(self._predicate(ctx, source, column, op, value), _result(ctx, result, numeric))
        if has_else:
            case = case.else_(_result(ctx, self.else_, numeric))
        columns = columns_plus(source, Column(name, "number" if numeric else "string"))
        return Query(select(source, *source.star(), alias(case, name)), columns, keep_ordering(source, columns))

    def _predicate(self, ctx: BuildContext, source: Rel, column: str, op: str, value: Any) -> exp.Expr:
        ref = source.col(column)
        upper = op.strip().upper()
        if upper in _UNARY[:2]:
            test: exp.Expr = exp.Is(this=ref, expression=exp.Null())
            return exp.Not(this=test) if "NOT" in upper else test
        if upper in _UNARY[2:]:
            return exp.Is(this=ref, expression=exp.Boolean(this=upper == "IS TRUE"))
        if upper == "CONTAINS":
            return exp.Like(this=ref, expression=exp.Literal.string(f"%{value}%"))
        return OPERATORS[op](this=ref, expression=typed_literal(ctx, str(value), source.type_of(column)))


def _result(ctx: BuildContext, value: Any, numeric: bool) -> exp.Expr:
    if isinstance(value, Templated):
        return ctx.value(value)
    if value is None or str(value).strip() == "":
        return exp.Null()
    if numeric:
        number = float(value)
        return literal(int(number) if number.is_integer() else number)
    return exp.Literal.string(str(value))
