from __future__ import annotations

from typing import cast

from sqlglot import exp
from sqlglot.optimizer.qualify import qualify

from wareflow.components.base import BuildContext, Component, Param, Port
from wareflow.components.registry import component
from wareflow.errors import CompileError, Issue
from wareflow.sql.relation import Column, Query, Rel, ident
from wareflow.sql.usersql import input_placeholder


@component("native.customsql", title="Custom SQL Select", category="Custom")
class CustomSql(Component):
    """Your own SELECT; ``$a``, ``$b``, ``$c`` name the connected inputs. Materialised on its own.

    It runs with the connection's rights, so it may read any table the connection can. It must be one
    query that only reads: validation refuses other statements, ``SELECT ... INTO``, row locks, data-
    changing CTEs, file paths or stages used as tables, and the calls in `usersql.BLOCKED_FUNCTIONS`
    (files, other servers, session settings, SQL given as text), each with code WF212.
    """

    inputs = (Port("sourcea", optional=True), Port("sourceb", optional=True), Port("sourcec", optional=True))
    barrier = True  # its result schema is whatever the query returns: downstream reads a real table
    sql = Param.sql(parse_as="query")

    def build(self, ctx: BuildContext, **inputs: Rel) -> Query:  # type: ignore[override]
        by_name = {input_placeholder(port[-1]): rel for port, rel in inputs.items()}

        def substitute(node: exp.Expr) -> exp.Expr:
            if isinstance(node, exp.Table) and node.name.startswith("__wareflow_input_") and not node.db:
                rel = by_name.get(node.name)
                if rel is None:
                    raise CompileError(Issue(
                        "WF211", f"the SQL uses ${node.name[-1]} but input 'source{node.name[-1]}' is not connected",
                        node_id=self.node.id, component=self.id, field="sql"))
                table = rel.table()
                table.set("alias", node.args.get("alias") or exp.TableAlias(this=ident(node.name)))
                return table
            return node

        bound = ctx.bind(self.sql)
        columns = _output_columns(bound, by_name, ctx.dialect.sqlglot_dialect)
        return Query(cast(exp.Query, bound.transform(substitute)), columns)


def _output_columns(query: exp.Expr, inputs: dict[str, Rel], dialect: str) -> tuple[Column, ...] | None:
    """Output names when every input schema is known (stars expanded by sqlglot), else None."""
    rels = list(inputs.values())
    if any(r.columns is None for r in rels):
        return None
    schema: dict[str, object] = {name: {c.name: "VARCHAR" for c in rel.columns or ()} for name, rel in inputs.items()}
    try:
        qualified = qualify(query.copy(), schema=schema, dialect=dialect, validate_qualify_columns=False,
                            quote_identifiers=False)
    except Exception:  # the warehouse will judge the SQL; we only lose compile-time names
        return None
    names = [s.alias_or_name for s in qualified.selects]  # type: ignore[attr-defined]
    if not all(names) or any(n == "*" for n in names):
        return None
    types = {c.name.lower(): c.type for r in rels for c in r.columns or ()}
    return tuple(Column(n, types.get(n.lower(), "unknown")) for n in names)
