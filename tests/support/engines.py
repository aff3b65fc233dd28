"""The engines tests run on for real: DuckDB (embedded) and PostgreSQL/PostGIS."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from wareflow.sql.dialects import get_dialect
from wareflow.warehouses.session import Session

# logical type -> (DuckDB type, PostgreSQL type)
_TYPES = {
    "number": ("DOUBLE", "DOUBLE PRECISION"),
    "integer": ("BIGINT", "BIGINT"),
    "string": ("VARCHAR", "TEXT"),
    "boolean": ("BOOLEAN", "BOOLEAN"),
    "date": ("DATE", "DATE"),
    "geography": ("GEOMETRY", "geometry(Geometry, 4326)"),
}


class Engine:
    """A connection plus helpers to load rows and read tables back, the same on both engines."""

    def __init__(self, name: str, conn: Any):
        self.name = name
        self.conn = conn
        self.dialect = get_dialect("duckdb" if name == "duckdb" else "postgres")
        self.session = Session(conn, self.dialect)

    def q(self, name: str) -> str:
        return '"' + name.replace('"', '""') + '"'

    def load(self, table: str, columns: Sequence[tuple[str, str]], rows: Sequence[Sequence[Any]],
             schema: str = "main") -> None:
        idx = 0 if self.name == "duckdb" else 1
        cols = ", ".join(f"{self.q(n)} {_TYPES[t][idx]}" for n, t in columns)
        cur = self.conn.cursor()
        cur.execute(f"CREATE SCHEMA IF NOT EXISTS {self.q(schema)}")
        cur.execute(f"DROP TABLE IF EXISTS {self.q(schema)}.{self.q(table)}")
        cur.execute(f"CREATE TABLE {self.q(schema)}.{self.q(table)} ({cols})")
        marks = []
        for _, t in columns:
            if t == "geography":
                marks.append("ST_GeomFromText(?)" if self.name == "duckdb" else "ST_GeomFromText(%s, 4326)")
            else:
                marks.append("?" if self.name == "duckdb" else "%s")
        sql = f"INSERT INTO {self.q(schema)}.{self.q(table)} VALUES ({', '.join(marks)})"
        for row in rows:
            cur.execute(sql, list(row))
        self.conn.commit()
        cur.close()

    def rows(self, sql: str) -> list[tuple[Any, ...]]:
        cur = self.conn.cursor()
        cur.execute(sql)
        out = [tuple(_plain(v) for v in r) for r in cur.fetchall()]
        cur.close()
        self.conn.commit()
        return out

    def columns(self, table: str) -> list[str]:
        parts = tuple(table.split("."))
        described = self.session.describe(parts)
        return [c.name for c in described or ()]

    def table(self, table: str, order_by: str | None = None, geo_as_wkt: Sequence[str] = ()) -> list[tuple[Any, ...]]:
        cols = self.columns(table)
        select = ", ".join(f"ST_AsText({self.q(c)})" if c in geo_as_wkt else self.q(c) for c in cols)
        order = f" ORDER BY {order_by}" if order_by else ""
        name = ".".join(self.q(p) for p in table.split("."))
        geo = [i for i, c in enumerate(cols) if c in geo_as_wkt]
        return [tuple(wkt(v) if i in geo else v for i, v in enumerate(r))
                for r in self.rows(f"SELECT {select} FROM {name}{order}")]


def wkt(text: Any) -> Any:
    """WKT in one spelling: PostGIS writes ``POINT(1 2)``, DuckDB ``POINT (1 2)``."""
    import re

    if not isinstance(text, str):
        return text
    return re.sub(r",\s*", ", ", re.sub(r"\s*\(", " (", text)).replace("( (", "((")


def _plain(value: Any) -> Any:
    """Numbers compared across engines: Decimal and float become rounded floats."""
    from decimal import Decimal

    if isinstance(value, Decimal | float):
        return round(float(value), 6)
    return value
