"""Relations flowing between components: a named input (CTE or table) and a built query.

Column lists are tracked whenever they are known, so generated SQL names its columns instead of
relying on ``SELECT *`` and dialect-specific ``* EXCEPT``. When a source's schema is unknown the
relation's ``columns`` is ``None``; components that can work with ``*`` still do, the others ask
for the schema through `SchemaUnknown`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlglot import exp
from sqlglot.tokens import Tokenizer

_PLAIN = re.compile(r"[a-z_][a-z0-9_]*")
_KEYWORDS = frozenset(k for k in Tokenizer.KEYWORDS if k.isalpha()) | {
    "USER", "DEFAULT", "OFFSET", "WINDOW", "ORDER", "GROUP", "TABLE", "COLUMN", "ANALYSE", "ANALYZE",
}


def folds(name: str) -> bool:
    """A name written in lower-case letters, digits and ``_``: meant case-insensitively, so it takes
    the warehouse's case (quoted only if it is a keyword)."""
    return bool(_PLAIN.fullmatch(name))


def is_plain(name: str) -> bool:
    """A name every warehouse accepts unquoted (and folds to its own case)."""
    return bool(_PLAIN.fullmatch(name)) and name.upper() not in _KEYWORDS


def ident(name: str) -> exp.Identifier:
    """An identifier, quoted exactly when the bare name would be case-folded, reserved or unsafe."""
    return exp.Identifier(this=name, quoted=not is_plain(name))


def col(name: str, table: str | None = None) -> exp.Column:
    return exp.Column(this=ident(name), table=ident(table) if table else None)


def table_ref(parts: tuple[str, ...] | list[str], alias: str | None = None) -> exp.Table:
    """A possibly qualified table: ("db", "schema", "table") -> db.schema.table."""
    *qual, name = parts
    catalog = ident(qual[-2]) if len(qual) >= 2 else None
    db = ident(qual[-1]) if qual else None
    table = exp.Table(this=ident(name), db=db, catalog=catalog)
    if alias:
        table.set("alias", exp.TableAlias(this=ident(alias)))
    return table


def alias(expression: exp.Expr, name: str) -> exp.Alias:
    return exp.Alias(this=expression, alias=ident(name))


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "unknown"  # CARTO logical type: string, number, boolean, geography, date, timestamp ...


class ColumnNotFound(Exception):
    def __init__(self, name: str, available: list[str], relation: str):
        self.name, self.available, self.relation = name, available, relation
        super().__init__(name)


class SchemaUnknown(Exception):
    def __init__(self, relation: str, why: str):
        self.relation, self.why = relation, why
        super().__init__(relation)


@dataclass(frozen=True)
class Rel:
    """A relation a component reads: a CTE or a table, its columns when known, pending order."""

    ref: exp.Table
    columns: tuple[Column, ...] | None
    label: str
    ordering: tuple[exp.Ordered, ...] = ()
    unknown_tables: tuple[str, ...] = ()  # sources whose schema we lack, for error messages

    def table(self, alias_name: str | None = None) -> exp.Table:
        table = self.ref.copy()
        if alias_name:
            table.set("alias", exp.TableAlias(this=ident(alias_name)))
        return table

    def resolve(self, name: str) -> str:
        """The real name of column `name` (case-insensitive match); raise ColumnNotFound."""
        if self.columns is None:
            return name
        for c in self.columns:
            if c.name == name:
                return c.name
        folded = name.lower()
        for c in self.columns:
            if c.name.lower() == folded:
                return c.name
        raise ColumnNotFound(name, [c.name for c in self.columns], self.label)

    def has(self, name: str) -> bool:
        try:
            self.resolve(name)
        except ColumnNotFound:
            return False
        return self.columns is not None

    def col(self, name: str, qualifier: str | None = None) -> exp.Column:
        return col(self.resolve(name), qualifier)

    def type_of(self, name: str) -> str:
        if self.columns is None:
            return "unknown"
        real = self.resolve(name)
        return next(c.type for c in self.columns if c.name == real)

    def known_columns(self, why: str) -> tuple[Column, ...]:
        if self.columns is None:
            raise SchemaUnknown(", ".join(self.unknown_tables) or self.label, why)
        return self.columns

    def star(self, qualifier: str | None = None, exclude: set[str] = frozenset()) -> list[exp.Expr]:  # type: ignore[assignment]
        """All columns: ``<relation>.*``, or an explicit list of the others when some are left out.

        A qualified star is valid beside other projections in every dialect (Oracle rejects a bare
        one there), and keeps each step's SQL as short as an expert's: column lists are written only
        where columns are dropped or renamed (the tracked `columns` serve validation and naming).
        """
        if exclude:
            drop = {e.lower() for e in exclude}
            known = self.known_columns("to leave out columns")
            return [col(c.name, qualifier) for c in known if c.name.lower() not in drop]
        return [exp.Column(this=exp.Star(), table=ident(qualifier or self.ref.alias_or_name))]


@dataclass(frozen=True)
class Query:
    """What a component builds: one SELECT (or set operation) and the columns it yields, after the
    named steps it reads (a multi-step component; see `Step`)."""

    expression: exp.Query
    columns: tuple[Column, ...] | None
    ordering: tuple[exp.Ordered, ...] = ()
    unknown_tables: tuple[str, ...] = field(default=())
    steps: tuple[Step, ...] = ()


@dataclass(frozen=True)
class Step:
    """One named step of a component, read by later steps or by its final query as table `ref`.

    The compiler writes it as a CTE of the stage's statement, or, where the dialect wants a step of
    this `shape` materialised (`WarehouseDialect.step_tables`: a join fan-out, an index to probe, a
    statement the dialect cannot nest), as a scratch table created before the stage publishes.
    """

    name: str
    ref: exp.Table
    query: Query
    shape: str = ""  # "fanout" (rows multiply), "probe" (later matched spatially), or "" (plain)
    # Its computed columns are read many times by what follows (quadbin bits): where the planner would inline
    # the CTE and recompute them per reference (PostgreSQL), it is kept as is (``AS MATERIALIZED``).
    reused: bool = False


def columns_plus(base: Rel, *new: Column, first: bool = False) -> tuple[Column, ...] | None:
    """The columns of `base` with `new` ones added (first or last), or None when base is unknown."""
    if base.columns is None:
        return None
    return (*new, *base.columns) if first else (*base.columns, *new)
