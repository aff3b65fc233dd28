"""Registry of warehouse dialects: one module per warehouse, looked up by name or connection type."""

from __future__ import annotations

from functools import cache

from wareflow.errors import CompileError, Issue
from wareflow.sql.dialects.base import Template, WarehouseDialect, call
from wareflow.sql.dialects.bigquery import BigQuery
from wareflow.sql.dialects.databricks import Databricks
from wareflow.sql.dialects.duckdb import DuckDB
from wareflow.sql.dialects.oracle import Oracle
from wareflow.sql.dialects.postgres import Postgres
from wareflow.sql.dialects.redshift import Redshift
from wareflow.sql.dialects.snowflake import Snowflake
from wareflow.sql.dialects.synapse import Synapse

DIALECTS: dict[str, type[WarehouseDialect]] = {
    d.name: d for d in (BigQuery, Databricks, DuckDB, Oracle, Postgres, Redshift, Snowflake, Synapse)
}


@cache
def get_dialect(name: str) -> WarehouseDialect:
    """The dialect called `name`, or the one claiming Airflow connection type `name`."""
    if name in DIALECTS:
        return DIALECTS[name]()
    for dialect in DIALECTS.values():
        if name in dialect.conn_types:
            return dialect()
    raise CompileError(Issue("WF303", f"unknown dialect or connection type '{name}'",
                             hint=f"use one of: {', '.join(sorted(DIALECTS))}"))


__all__ = ["DIALECTS", "Template", "WarehouseDialect", "call", "get_dialect"]
