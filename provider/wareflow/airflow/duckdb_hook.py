"""An Airflow hook for DuckDB files, with the spatial extension loaded offline.

Connection type ``duckdb``: the database file goes in *Host* (or ``extra.database``); empty means
in memory. ``extra.read_only`` opens the file read-only.
"""

from __future__ import annotations

from typing import Any

from airflow.providers.common.sql.hooks.sql import DbApiHook


class DuckDBHook(DbApiHook):
    """DuckDB with spatial, through the common SQL hook interface."""

    conn_name_attr = "duckdb_conn_id"
    default_conn_name = "duckdb_default"
    conn_type = "duckdb"
    hook_name = "DuckDB (Wareflow)"
    supports_autocommit = True

    @classmethod
    def get_ui_field_behaviour(cls) -> dict[str, Any]:
        return {
            "hidden_fields": ["port", "login", "password", "schema"],
            "relabeling": {"host": "Database file (empty: in memory)"},
        }

    def database(self) -> str:
        conn = self.get_connection(getattr(self, self.conn_name_attr))
        return str(conn.extra_dejson.get("database") or conn.host or ":memory:")

    def get_conn(self) -> Any:
        from wareflow.warehouses.duckdb import connect

        conn = self.get_connection(getattr(self, self.conn_name_attr))
        read_only = str(conn.extra_dejson.get("read_only", "false")).lower() == "true"
        return connect(self.database(), read_only=read_only)

    def get_uri(self) -> str:
        return f"duckdb:///{self.database()}"
