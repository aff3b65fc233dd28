"""Databricks's driver adapter, the dialect's own: the connector's connection plus the SQL Statement Execution API.

A stage that does not resume runs through databricks-sql-connector (``DatabricksSqlHook``) as it always did.
One that resumes or defers runs each statement through the Statement Execution API of the same Airflow
connection (``DatabricksHook``: its auth, its HTTP and its retries), whose statements any later process finds
again by id: ``POST /api/2.0/sql/statements`` (``wait_timeout`` 0s, ``on_wait_timeout`` CONTINUE: the id comes
back at once, so it is recorded before anything waits), ``GET .../{statement_id}`` for its state, error and
result, ``POST .../{statement_id}/cancel``. https://docs.databricks.com/api/workspace/statementexecution

Reads (schemas, counts, checks) stay on the connector's session either way.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Mapping
from typing import Any

log = logging.getLogger("wareflow")
_clock = time.monotonic  # how long a worker has waited for a statement (statement_timeout_s); tests drive it

# Seconds between two polls of a statement a worker waits for: quick at first, then every few seconds
# (a GET may itself take up to 5 s to see the latest state).
POLL_S: tuple[float, ...] = (0.5, 1.0, 2.0, 5.0)
_WAREHOUSE_PATH = re.compile(r"^/?sql/1\.0/(?:warehouses|endpoints)/([A-Za-z0-9]+)/?$")
RUNNING_STATES = frozenset({"PENDING", "RUNNING"})
SUCCEEDED_STATES = frozenset({"SUCCEEDED", "CLOSED"})  # CLOSED: succeeded, its result no longer fetchable
ROW_COLUMNS = ("num_inserted_rows", "num_affected_rows")  # what a Delta INSERT or CTAS returns as its result


class StatementError(Exception):
    """A statement that ended FAILED or CANCELED, with the API's error: `sql_state` (SQLSTATE), `error_code`
    (the API's ServiceError code: BAD_REQUEST, TEMPORARILY_UNAVAILABLE ...); classified by
    `DatabricksDriver.error_kind` as the connector's errors are."""

    def __init__(self, statement_id: str, state: str, message: str, sql_state: str | None = None,
                 error_code: str | None = None) -> None:
        super().__init__(f"statement {statement_id} {state}: {message}")
        self.statement_id, self.state = statement_id, state
        self.sql_state, self.error_code = sql_state or None, error_code or None


class StatementTimedOut(StatementError):
    """A statement cancelled by the worker waiting for it once it ran past statement_timeout_s (the API has
    no session to hold STATEMENT_TIMEOUT)."""


def warehouse_id(http_path: str | None, extra: Mapping[str, Any]) -> str | None:
    """The SQL warehouse an ``http_path`` (``/sql/1.0/warehouses/<id>``) names, else the extra ``warehouse_id``;
    None for a cluster's path (the API runs on SQL warehouses only)."""
    found = _WAREHOUSE_PATH.match((http_path or "").strip())
    if found:
        return found.group(1)
    value = extra.get("warehouse_id")
    return value if isinstance(value, str) and value else None


class StatementApi:
    """The Statement Execution API of one SQL warehouse, through the provider's ``DatabricksHook``."""

    def __init__(self, hook: Any, warehouse: str, catalog: str | None = None, schema: str | None = None):
        self.hook = hook
        self.warehouse = warehouse
        self.catalog = catalog
        self.schema = schema

    @classmethod
    def of(cls, sql_hook: Any) -> StatementApi | None:
        """The API of the warehouse `sql_hook` (a ``DatabricksSqlHook`` that has connected) runs on, with the
        catalog and schema the connector uses; None where there is none (a cluster, an older provider)."""
        from airflow.providers.databricks.hooks.databricks import DatabricksHook

        if not callable(getattr(DatabricksHook, "post_sql_statement", None)):
            return None  # apache-airflow-providers-databricks before the Statement Execution API methods
        extra = sql_hook.databricks_conn.extra_dejson or {}
        warehouse = warehouse_id(getattr(sql_hook, "_http_path", None) or extra.get("http_path"), extra)
        if warehouse is None:
            return None
        # as `DatabricksSqlHook.get_conn` passes them to the connector: the hook's, overridden by the extra
        catalog = extra.get("catalog", getattr(sql_hook, "catalog", None))
        schema = extra.get("schema", getattr(sql_hook, "schema", None))
        hook = DatabricksHook(databricks_conn_id=sql_hook.databricks_conn_id, caller="wareflow")
        return cls(hook, warehouse, catalog or None, schema or None)

    def post(self, sql: str) -> str:
        """Submit `sql` without waiting for it; its statement id."""
        body: dict[str, Any] = {"statement": sql, "warehouse_id": self.warehouse, "wait_timeout": "0s",
                                "on_wait_timeout": "CONTINUE"}
        if self.catalog:
            body["catalog"] = self.catalog
        if self.schema:
            body["schema"] = self.schema
        return str(self.hook.post_sql_statement(body))

    def get(self, statement_id: str) -> dict[str, Any] | None:
        """The statement's whole response (status with its error and SQLSTATE, manifest, first result chunk),
        or None once the warehouse has forgotten it (404, 12 hours or more after it ended). The hook's
        `get_sql_statement_state` keeps only the state and message, so its own API call is used."""
        from airflow.providers.databricks.hooks.databricks import SQL_STATEMENTS_ENDPOINT

        try:
            response = self.hook._do_api_call(("GET", f"{SQL_STATEMENTS_ENDPOINT}/{statement_id}"))
        except Exception as exc:
            if getattr(exc, "http_status_code", None) == 404:
                return None
            raise
        return response if isinstance(response, dict) else None

    def cancel(self, statement_id: str) -> None:
        self.hook.cancel_sql_statement(statement_id)


def state_of(response: Mapping[str, Any]) -> str:
    return str((response.get("status") or {}).get("state") or "")


def failure(response: Mapping[str, Any]) -> StatementError:
    status = response.get("status") or {}
    error = status.get("error") or {}
    state = state_of(response)
    code = error.get("error_code") or ("CANCELLED" if state == "CANCELED" else None)
    return StatementError(str(response.get("statement_id")), state, error.get("message") or state.lower(),
                          sql_state=status.get("sql_state") or error.get("sql_state"), error_code=code)


def rows_of(response: Mapping[str, Any] | None) -> int | None:
    """Rows a statement wrote, from its result (a Delta INSERT or CTAS returns ``num_inserted_rows`` and
    ``num_affected_rows``); None where the result says not (DDL, a CLOSED statement's result is gone)."""
    if not response:
        return None
    columns = [c.get("name") for c in ((response.get("manifest") or {}).get("schema") or {}).get("columns") or ()]
    data = (response.get("result") or {}).get("data_array") or []
    for name in ROW_COLUMNS:
        if name in columns and data and len(data[0]) > columns.index(name):
            try:
                return int(data[0][columns.index(name)])
            except (TypeError, ValueError):
                return None
    return None


class DatabricksConnection:
    """The connector's DB-API connection, with the Statement Execution API of the same Airflow connection
    (`api`, None where there is none) for the statements of stages that resume or defer."""

    def __init__(self, connector: Any, api: StatementApi | None = None):
        self.connector = connector
        self.api = api
        self.timeout_s: int | None = None  # statement_timeout_s, enforced while a worker waits (see `wait`)
        self.running: str | None = None  # the API statement being waited for, for `cancel`

    def cursor(self) -> StatementCursor:
        return StatementCursor(self, self.connector.cursor())

    @property
    def autocommit(self) -> Any:
        return self.connector.autocommit

    @autocommit.setter
    def autocommit(self, value: Any) -> None:
        self.connector.autocommit = value

    def commit(self) -> None:
        self.connector.commit()

    def rollback(self) -> None:
        self.connector.rollback()

    def close(self) -> None:
        self.connector.close()

    def __getattr__(self, name: str) -> Any:  # the rest of the connector's connection
        if name.startswith("__") or name == "connector":
            raise AttributeError(name)
        return getattr(self.connector, name)

    def wait(self, statement_id: str, *, limited: bool = True) -> dict[str, Any]:
        """Poll the statement until it ends (cancelled past `timeout_s` where `limited`); its response. Raises
        `StatementError` when it failed or was cancelled, `StatementTimedOut` when stopped for the limit."""
        assert self.api is not None
        started, polls = _clock(), 0
        self.running = statement_id
        try:
            while True:
                response = self.api.get(statement_id)
                if response is None:  # forgotten while we waited: a retry submits it again
                    raise StatementError(statement_id, "NOT_FOUND", "the warehouse no longer knows it",
                                         error_code="NOT_FOUND")
                state = state_of(response)
                if state in SUCCEEDED_STATES:
                    return response
                if state not in RUNNING_STATES:
                    raise failure(response)
                if limited and self.timeout_s is not None and _clock() - started >= self.timeout_s:
                    self.api.cancel(statement_id)
                    raise StatementTimedOut(statement_id, "CANCELED", f"ran past {self.timeout_s} s and was "
                                            "cancelled", error_code="DEADLINE_EXCEEDED")
                time.sleep(POLL_S[min(polls, len(POLL_S) - 1)])
                polls += 1
        finally:
            self.running = None


class StatementCursor:
    """The connector's cursor, reporting an API statement's result where one was run (`adopt`)."""

    def __init__(self, conn: DatabricksConnection, cursor: Any):
        self.conn = conn
        self.cursor = cursor
        self.response: dict[str, Any] | None = None  # the API statement this cursor reports, if any

    @property
    def statement_id(self) -> str | None:
        return None if self.response is None else str(self.response.get("statement_id"))

    @property
    def rowcount(self) -> int:
        count = getattr(self.cursor, "rowcount", -1)
        return count if isinstance(count, int) else -1

    def execute(self, sql: str, *args: Any, **kwargs: Any) -> Any:
        self.response = None
        return self.cursor.execute(sql, *args, **kwargs)

    def adopt(self, response: dict[str, Any]) -> None:
        self.response = response

    def fetchall(self) -> Any:
        return self.cursor.fetchall()

    def fetchone(self) -> Any:
        return self.cursor.fetchone()

    def cancel(self) -> None:
        running = self.conn.running
        if running is not None and self.conn.api is not None:
            self.conn.api.cancel(running)
            return
        self.cursor.cancel()

    def close(self) -> None:
        self.cursor.close()

    def __getattr__(self, name: str) -> Any:  # description, query_id ... of the connector's cursor
        if name.startswith("__") or name == "cursor":
            raise AttributeError(name)
        return getattr(self.cursor, name)
