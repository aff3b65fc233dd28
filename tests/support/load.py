"""Load the sample tables into any warehouse through a `Session`, with the dialect's own types."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlglot import exp

from wareflow.sql import ops
from wareflow.sql.relation import ident, table_ref
from wareflow.sql.usersql import literal
from wareflow.warehouses.session import Session


def load_tables(session: Session, tables: Mapping[str, Any], schema: str, batch: int = 200) -> None:
    """Replace `schema`.<name> for every generator `Table` (columns of CARTO logical types, WKT geometries)."""
    d = session.dialect
    cur = session.conn.cursor()
    for name, table in tables.items():
        target = table_ref((schema, name))
        columns = [exp.ColumnDef(this=ident(c), kind=d.type(t)) for c, t in table.columns]
        statements: list[exp.Expr] = [d.drop(target), exp.Create(
            this=exp.Schema(this=target.copy(), expressions=columns), kind="TABLE")]
        for start in range(0, len(table.rows), batch):
            rows = [exp.select(*(_cell(d, v, t) for v, (_, t) in zip(row, table.columns, strict=True)))
                    for row in table.rows[start:start + batch]]
            if d.one_row_table:
                rows = [r.from_(d.one_row_table) for r in rows]
            query: exp.Query = rows[0]
            for row in rows[1:]:
                query = exp.union(query, row, distinct=False)
            statements.append(exp.Insert(this=target.copy(), expression=query))
        for statement in statements:
            cur.execute(d.generate(statement, pretty=False))
        session.conn.commit()
    cur.close()


def _cell(dialect: Any, value: Any, kind: str) -> exp.Expr:
    if value is None:
        return exp.Cast(this=exp.Null(), to=dialect.type(kind))
    if kind == "geography":
        return dialect.fn(ops.FROM_WKT, wkt=exp.Literal.string(value))
    if kind == "date":
        return exp.Cast(this=exp.Literal.string(str(value)), to=dialect.type("date"))
    return literal(value)
