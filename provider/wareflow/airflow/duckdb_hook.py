"""An Airflow hook for DuckDB files, with the spatial extension loaded offline.

Connection type ``duckdb``: the database file goes in *Host* (or ``extra.database``); empty means
in memory. ``extra.read_only`` opens the file read-only. ``extra.lock_timeout_seconds`` (default 300)
is how long to wait while another process (another task) holds the file's lock, before failing with
WF405 (a transient error: Airflow retries the task).
"""

from __future__ import annotations

import math
from typing import Any

from airflow.providers.common.sql.hooks.sql import DbApiHook

from wareflow.errors import Issue, TerminalWarehouseError


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
        return connect(self.database(), read_only=read_only, lock_timeout=self.lock_timeout(conn.extra_dejson))

    @staticmethod
    def lock_timeout(extra: dict[str, Any]) -> float | None:
        """``extra.lock_timeout_seconds`` as seconds (None: the default); WF404 when it is not a number >= 0."""
        raw = extra.get("lock_timeout_seconds")
        if raw is None or raw == "":
            return None
        try:
            seconds = float(raw) if not isinstance(raw, bool) else math.nan
        except (TypeError, ValueError):
            seconds = math.nan
        if not (math.isfinite(seconds) and seconds >= 0):
            raise TerminalWarehouseError(Issue(
                "WF404", f"DuckDB connection extra 'lock_timeout_seconds' must be a number of seconds >= 0, "
                         f"got {raw!r:.60}", hint="e.g. {\"lock_timeout_seconds\": 600}"))
        return seconds

    def get_uri(self) -> str:
        return f"duckdb:///{self.database()}"
