"""Small sqlglot builders shared by components (no dialect knowledge here)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlglot import exp

from wareflow.components.base import BuildContext
from wareflow.errors import CompileError, Issue
from wareflow.sql.relation import Column, Query, Rel, alias
from wareflow.sql.usersql import literal

OPERATORS = {
    "equal to": exp.EQ, "not equal": exp.NEQ, "less than": exp.LT, "greater than": exp.GT,
    "equal or less than": exp.LTE, "equal or greater than": exp.GTE,
    "=": exp.EQ, "!=": exp.NEQ, "<>": exp.NEQ, "<": exp.LT, ">": exp.GT, "<=": exp.LTE, ">=": exp.GTE,
}


def select(source: Rel, *projections: exp.Expr, alias_name: str | None = None) -> exp.Select:
    if len(projections) == 1 and isinstance(projections[0], exp.Column) and isinstance(projections[0].this, exp.Star):
        projections = (exp.Star(),)  # SELECT * FROM x, not SELECT x.* FROM x
    return exp.select(*projections).from_(source.table(alias_name), copy=False)


def passthrough(source: Rel, where: exp.Expr | None = None) -> Query:
    """All columns of `source`, optionally filtered; row order is kept."""
    query = select(source, *source.star())
    if where is not None:
        query = query.where(where, copy=False)
    return Query(query, source.columns, source.ordering)


def split(ctx: BuildContext, source: Rel, condition: exp.Expr) -> dict[str, Query]:
    """``match``: rows where `condition` is true; ``unmatch``: every other row, NULLs included.

    CARTO writes ``WHERE NOT <expr>`` for unmatch, so rows where the condition is NULL reach
    neither output and a top-level OR binds wrongly; we keep the two outputs complementary.
    """
    return {"match": passthrough(source, condition), "unmatch": passthrough(source, ctx.dialect.not_true(condition))}


def typed_literal(ctx: BuildContext, text: str, column_type: str) -> exp.Expr:
    """A value typed into the canvas, as a literal of the column's type (CARTO's rule)."""
    if column_type == "number" or (column_type == "unknown" and _is_number(text)):
        if _is_number(text):
            number = float(text)
            return literal(int(number) if number.is_integer() and "." not in text else number)
        return exp.Cast(this=exp.Literal.string(text), to=ctx.type("number"))
    if column_type in ("date", "timestamp", "time"):
        return exp.Cast(this=exp.Literal.string(text), to=ctx.type(column_type))
    if column_type == "boolean" and text.strip().lower() in ("true", "false"):
        return exp.Boolean(this=text.strip().lower() == "true")
    return exp.Literal.string(text)


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return text.strip().lower() not in ("nan", "inf", "-inf", "infinity")


def keep_ordering(source: Rel, columns: tuple[Column, ...] | None) -> tuple[exp.Ordered, ...]:
    """The pending order of `source`, if the output still has the columns it sorts by."""
    if columns is None or not source.ordering:
        return source.ordering if columns is None else ()
    names = {c.name.lower() for c in columns}
    needed = {c.name.lower() for o in source.ordering for c in o.find_all(exp.Column)}
    return source.ordering if needed <= names else ()


def check_new_column(ctx: BuildContext, source: Rel, name: str, field: str) -> None:
    if source.columns is not None and source.has(name):
        raise CompileError(Issue("WF304", f"the new column '{name}' already exists in the input",
                                 node_id=ctx.node.id, component=ctx.node.component, field=field,
                                 hint="rename or drop the existing column first"))


def suffixed(source: Rel, qualifier: str, suffix: str) -> tuple[list[exp.Expr], tuple[Column, ...]]:
    """Every column of `source` as ``<col><suffix>`` (CARTO's ``_joined`` rule)."""
    cols = source.known_columns(f"to name its columns '<column>{suffix}'")
    return ([alias(source.col(c.name, qualifier), c.name + suffix) for c in cols],
            tuple(Column(c.name + suffix, c.type) for c in cols))


def concat_columns(*parts: Iterable[Column] | None) -> tuple[Column, ...] | None:
    if any(p is None for p in parts):
        return None
    return tuple(c for p in parts for c in p)  # type: ignore[union-attr]
