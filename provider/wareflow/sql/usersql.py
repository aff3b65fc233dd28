"""SQL typed into the canvas: parsed in the export's dialect, checked, then rebuilt as an AST.

Parsed trees are shared and read-only: whoever builds SQL from one copies it first (`bind_variables`).

The canvas SQL is the author's own; what we guard against is a statement that is not a single
query (DDL, DML, several statements) and text that smuggles values in: variables always enter
as typed literals, never as text.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from sqlglot import exp
from sqlglot.dialects.dialect import Dialect
from sqlglot.errors import ParseError

# Nodes that must never appear inside SQL typed into a query component.
_FORBIDDEN = (exp.Insert, exp.Delete, exp.Update, exp.Create, exp.Drop, exp.Merge, exp.Command,
              exp.Alter, exp.TruncateTable, exp.Use, exp.Set, exp.Transaction, exp.Commit, exp.Rollback)
_INPUT_MARK = re.compile(r"([`\"]?)\$([abc])\b\1")
_PLACEHOLDER = "__wareflow_input_{}"


class UserSqlError(ValueError):
    pass


@cache
def _dialect(name: str) -> Dialect:
    """One settings object per dialect: sqlglot would build a new one for every parse (a third of
    the time of parsing a short expression, which a DAG folder does thousands of times)."""
    return Dialect.get_or_raise(name)


@lru_cache(maxsize=4096)
def _parse(text: str, dialect: str) -> exp.Expr:
    """`text` parsed and checked, once per process: a DAG folder repeats expressions (workflows made
    from one template, the same filter on several branches). The tree is shared, so it is never
    changed in place: `bind_variables` copies it before filling in values."""
    try:
        statements = [s for s in _dialect(dialect).parse(text.strip().rstrip(";")) if s is not None]
    except ParseError as exc:
        first = exc.errors[0] if exc.errors else {}
        where = f" at line {first.get('line')}, column {first.get('col')}" if first else ""
        raise UserSqlError(f"cannot parse SQL{where}: {first.get('description', exc)}") from None
    if len(statements) != 1:
        raise UserSqlError(f"expected one statement, found {len(statements)}")
    (statement,) = statements
    bad = next((n for n in statement.walk() if isinstance(n, _FORBIDDEN)), None)
    if bad is not None:
        raise UserSqlError(f"only a query is allowed here, found {bad.key.upper()}")
    return statement


def parse_query(text: str, dialect: str) -> exp.Query:
    """A whole query (Custom SQL). ``$a``, ``$b``, ``$c`` become placeholder tables."""
    statement = _parse(_INPUT_MARK.sub(lambda m: _PLACEHOLDER.format(m.group(2)), text), dialect)
    if not isinstance(statement, exp.Query):
        raise UserSqlError(f"expected a SELECT query, found {statement.key.upper()}")
    return statement


def input_placeholder(letter: str) -> str:
    return _PLACEHOLDER.format(letter)


def parse_select_list(text: str, dialect: str) -> list[exp.Expr]:
    """The body of a select list, as typed into ``native.select``."""
    statement = _parse(f"SELECT {text} FROM {_PLACEHOLDER.format('a')}", dialect)
    if not isinstance(statement, exp.Select) or any(
        statement.args.get(k) for k in ("where", "group", "having", "order", "limit", "joins", "with")
    ):
        raise UserSqlError("expected a list of select expressions")
    source = statement.args["from_"].this if "from_" in statement.args else statement.args["from"].this
    if not (isinstance(source, exp.Table) and source.name == _PLACEHOLDER.format("a")):
        raise UserSqlError("expected a list of select expressions")
    return list(statement.expressions)


def parse_expression(text: str, dialect: str) -> exp.Expr:
    """One scalar expression or predicate (Where, Create Column, variables' ``{{...}}``)."""
    statement = _parse(f"SELECT {text}", dialect)
    if not isinstance(statement, exp.Select) or len(statement.expressions) != 1 or any(
        statement.args.get(k) for k in ("from", "from_", "where", "group", "having", "order", "limit", "joins")
    ):
        raise UserSqlError("expected a single expression")
    (expression,) = statement.expressions
    if isinstance(expression, exp.Alias):
        raise UserSqlError("expected a single expression without an alias")
    return expression


def variables_in(tree: exp.Expr) -> set[str]:
    """Names of the ``@variables`` used in a parsed tree."""
    return {p.name for p in tree.find_all(exp.Parameter)}


def literal(value: object) -> exp.Expr:
    """A typed SQL literal for a Python value."""
    if value is None:
        return exp.Null()
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, int | float):
        text = repr(float(value)) if isinstance(value, float) and not float(value).is_integer() else str(int(value))
        number = exp.Literal.number(text.lstrip("-"))
        return exp.Neg(this=number) if value < 0 else number
    return exp.Literal.string(str(value))


def bind_variables(tree: exp.Expr, values: dict[str, object]) -> exp.Expr:
    """Replace every ``@name`` with the typed literal of its value (parenthesised, as CARTO does)."""

    def fill(node: exp.Expr) -> exp.Expr:
        if isinstance(node, exp.Parameter) and node.name in values:
            value = literal(values[node.name])
            return exp.Paren(this=value) if isinstance(value, exp.Neg) else value
        return node

    return tree.copy().transform(fill)
